#include "command_args.h"

#include <algorithm>
#include <charconv>
#include <string>
#include <thread>

#include "diag.h"
#include "engine_setup.h"
#include "exit_codes.h"
#include "usage.h"
#include "vault_file.h"

namespace phimask::cli {

int parse_command_args(std::string_view command, int argc, char** argv, int first, std::vector<OptionSpec> specs,
                       Args& args) {
    specs.push_back({"help", 'h', false});
    std::string error;
    if (!args.parse(argc, argv, first, specs, error)) {
        report_usage(error, command);
        return kExitUsage;
    }
    if (args.has("help")) return print_help(command_help(command));
    return -1;
}

bool parse_threads(const Args& args, std::size_t& threads) {
    threads = 1;
    const std::string* text = args.value("threads");
    if (text == nullptr) return true;
    unsigned value = 0;
    const char* end = text->data() + text->size();
    const auto [ptr, ec] = std::from_chars(text->data(), end, value);
    if (ec != std::errc() || ptr != end || text->empty() || value > 256) return false;
    threads = value != 0 ? value : std::max(1u, std::thread::hardware_concurrency());
    return true;
}

int parse_scan_command_args(std::string_view command, int argc, char** argv, int first, Args& args,
                            std::size_t& threads) {
    std::vector<OptionSpec> specs = engine_option_specs();
    specs.push_back({"jsonl", 0, false});
    specs.push_back({"threads", 0, true});
    if (command == "redact") {
        specs.push_back({"stream", 0, false});
        specs.insert(specs.end(), vault_option_specs().begin(), vault_option_specs().end());
    }
    if (int code = parse_command_args(command, argc, argv, first, specs, args); code >= 0) return code;
    std::string problem = check_engine_options(args);
    if (problem.empty() && !parse_threads(args, threads)) problem = "--threads needs a number from 0 to 256";
    if (problem.empty() && args.has("threads") && !args.has("jsonl")) problem = "--threads needs --jsonl";
    if (problem.empty() && args.has("stream") && args.has("jsonl")) problem = "--stream and --jsonl do not go together";
    if (problem.empty() && args.has("vault") && args.has("jsonl")) problem = "--vault and --jsonl do not go together";
    if (problem.empty()) problem = check_vault_options(args, false);
    if (problem.empty()) return -1;
    report_usage(problem, command);
    return kExitUsage;
}

}  // namespace phimask::cli
