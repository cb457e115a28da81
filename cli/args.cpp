#include "args.h"

namespace phimask::cli {
namespace {

const OptionSpec* find_long(const std::vector<OptionSpec>& specs, std::string_view name) {
    for (const auto& spec : specs) {
        if (spec.name == name) return &spec;
    }
    return nullptr;
}

const OptionSpec* find_short(const std::vector<OptionSpec>& specs, char name) {
    for (const auto& spec : specs) {
        if (spec.short_name != 0 && spec.short_name == name) return &spec;
    }
    return nullptr;
}

std::string unknown_option_message(std::string_view arg) {
    std::string message = "unknown option '" + std::string(arg) + "'";
    // A key on the command line would be visible to every user through ps.
    if (arg.substr(0, 10) == "--hash-key" || arg == "--key") {
        message += " (a hash key is never given on the command line: use --hash-key-env VAR or --hash-key-file FILE)";
    }
    return message;
}

}  // namespace

bool Args::parse(int argc, char** argv, int first, const std::vector<OptionSpec>& specs, std::string& error) {
    bool options_ended = false;
    for (int i = first; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (options_ended || arg.size() < 2 || arg[0] != '-') {
            positional_.emplace_back(arg);
            continue;
        }
        if (arg == "--") {
            options_ended = true;
            continue;
        }
        const OptionSpec* spec = nullptr;
        std::string_view shown;
        std::string_view inline_value;
        bool has_inline_value = false;
        if (arg[1] == '-') {
            std::string_view name = arg.substr(2);
            if (auto eq = name.find('='); eq != std::string_view::npos) {
                inline_value = name.substr(eq + 1);
                name = name.substr(0, eq);
                has_inline_value = true;
            }
            spec = find_long(specs, name);
            shown = arg.substr(0, 2 + name.size());
        } else if (arg.size() == 2) {
            spec = find_short(specs, arg[1]);
            shown = arg;
        }
        if (spec == nullptr) {
            error = unknown_option_message(shown.empty() ? arg : shown);
            return false;
        }
        std::string key(spec->name);
        if (options_.count(key) != 0) {
            error = "option --" + key + " given more than once";
            return false;
        }
        if (!spec->takes_value) {
            if (has_inline_value) {
                error = "option --" + key + " takes no value";
                return false;
            }
            options_.emplace(std::move(key), std::string());
            continue;
        }
        if (has_inline_value) {
            options_.emplace(std::move(key), std::string(inline_value));
        } else if (i + 1 < argc) {
            options_.emplace(std::move(key), std::string(argv[++i]));
        } else {
            error = "option --" + key + " needs a value";
            return false;
        }
    }
    return true;
}

const std::string* Args::value(std::string_view name) const {
    auto it = options_.find(std::string(name));
    return it == options_.end() ? nullptr : &it->second;
}

}  // namespace phimask::cli
