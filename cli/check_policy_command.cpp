// phimask check-policy: load and compile a policy, then summarize it or say what is wrong.
#include <cstdio>
#include <string>
#include <vector>

#include "command_args.h"
#include "commands.h"
#include "diag.h"
#include "engine_setup.h"
#include "exit_codes.h"
#include "io.h"
#include "phimask/engine.h"
#include "phimask/policy.h"

namespace phimask::cli {

int check_policy_main(int argc, char** argv, int first) {
    Args args;
    if (int code = parse_command_args("check-policy", argc, argv, first, key_option_specs(), args); code >= 0) {
        return code;
    }
    std::string problem = check_engine_options(args);
    if (problem.empty() && args.positional().size() != 1) problem = "check-policy takes one POLICY file";
    if (!problem.empty()) {
        report_usage(problem, "check-policy");
        return kExitUsage;
    }

    std::string context;
    Result<Policy> policy = load_policy(&args.positional()[0], context);
    if (!policy.ok()) {
        report_error(policy.status(), context);
        return exit_code_for(policy.status().code());
    }
    EngineOptions options;
    std::string key_context;
    Status status = read_hash_key(args, options.hash_key, key_context);
    if (!status.ok()) {
        report_error(status, key_context);
        return exit_code_for(status.code());
    }
    const bool has_key = !options.hash_key.empty();
    Result<Engine> engine = Engine::compile(*policy, options);
    if (!engine.ok() && engine.status().code() == ErrorCode::kKey && !has_key) {
        // The policy hashes: check that it compiles; any key will do for that.
        options.hash_key = "phimask check-policy stand-in key";
        engine = Engine::compile(*policy, options);
        if (engine.ok()) {
            report_note("the policy hashes: redact and detect need --hash-key-env VAR or --hash-key-file FILE");
        }
    }
    if (!engine.ok()) {
        report_error(engine.status(), context);
        return exit_code_for(engine.status().code());
    }

    std::string line = "ok " + policy->version() + " (" + std::to_string(policy->detector_names().size()) +
                       " detectors, types: ";
    const std::vector<std::string> types = policy->entity_types();
    for (std::size_t k = 0; k < types.size(); ++k) line += (k == 0 ? "" : ", ") + types[k];
    line += ")\n";
    Output out;
    status = out.write(line);
    if (status.ok()) status = out.flush();
    if (!status.ok()) {
        report_error(status);
        return kExitIo;
    }
    return kExitOk;
}

}  // namespace phimask::cli
