#include "engine_setup.h"

#include <cstdlib>

#include "command_args.h"
#include "diag.h"
#include "exit_codes.h"
#include "io.h"

namespace phimask::cli {

const std::vector<OptionSpec>& policy_option_specs() {
    static const std::vector<OptionSpec> specs = {{"policy", 0, true}};
    return specs;
}

const std::vector<OptionSpec>& key_option_specs() {
    static const std::vector<OptionSpec> specs = {{"hash-key-env", 0, true}, {"hash-key-file", 0, true}};
    return specs;
}

const std::vector<OptionSpec>& engine_option_specs() {
    static const std::vector<OptionSpec> specs = [] {
        std::vector<OptionSpec> all = policy_option_specs();
        all.insert(all.end(), key_option_specs().begin(), key_option_specs().end());
        all.push_back({"engine", 0, true});
        return all;
    }();
    return specs;
}

std::string check_engine_options(const Args& args) {
    if (args.has("hash-key-env") && args.has("hash-key-file")) {
        return "--hash-key-env and --hash-key-file cannot be used together";
    }
    return {};
}

Result<Policy> load_policy(const std::string* path, std::string& context) {
    if (path == nullptr) {
        context = "default policy";
        return Policy::default_policy();
    }
    context = *path == "-" ? "policy from stdin" : "policy file " + *path;
    if (*path != "-") return Policy::from_file(*path);
    std::string text;
    Status status = read_whole(*path, text);
    if (!status.ok()) return status;
    return Policy::from_json(text);
}

Status read_hash_key(const Args& args, std::string& key, std::string& context) {
    key.clear();
    if (const std::string* var = args.value("hash-key-env")) {
        context = "hash key from environment variable " + *var;
        const char* value = std::getenv(var->c_str());
        if (value == nullptr) return Status(ErrorCode::kKey, "environment variable " + *var + " is not set");
        key = value;
    } else if (const std::string* path = args.value("hash-key-file")) {
        context = "hash key file " + *path;
        Status status = read_whole(*path, key);
        if (!status.ok()) return status;
        if (!key.empty() && key.back() == '\n') {
            key.pop_back();
            if (!key.empty() && key.back() == '\r') key.pop_back();
        }
    } else {
        return Status::ok_status();
    }
    if (key.empty()) return Status(ErrorCode::kKey, "the hash key is empty");
    return Status::ok_status();
}

Result<Engine> open_engine(const Args& args, std::string& context) {
    EngineOptions options;
    Status status = read_hash_key(args, options.hash_key, context);
    if (!status.ok()) return status;
    const std::string* engine_path = args.value("engine");
    if (engine_path != nullptr && !args.has("policy")) {
        context = "engine file " + *engine_path;
        return Engine::load(*engine_path, options);
    }
    Result<Policy> policy = load_policy(args.value("policy"), context);
    if (!policy.ok()) return policy.status();
    if (engine_path != nullptr) {
        context = "engine file " + *engine_path;
        return Engine::load(*engine_path, options, &*policy);
    }
    return Engine::compile(*policy, options);
}

}  // namespace phimask::cli

namespace phimask::cli {

int prepare_scan_command(std::string_view command, int argc, char** argv, int first, ScanCommand& out) {
    Args& args = out.args;
    if (int code = parse_scan_command_args(command, argc, argv, first, args, out.threads); code >= 0) return code;
    std::string context;
    Result<Engine> engine = open_engine(args, context);
    if (!engine.ok()) {
        report_error(engine.status(), context);
        return exit_code_for(engine.status().code());
    }
    out.engine.emplace(std::move(engine).value());
    out.inputs = args.positional();
    if (out.inputs.empty()) out.inputs.push_back("-");
    out.jsonl = args.has("jsonl");
    out.stream = args.has("stream");
    return -1;
}

}  // namespace phimask::cli
