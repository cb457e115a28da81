// phimask compile: a policy compiled once and saved, for fast starts with --engine.
#include <string>
#include <vector>

#include "command_args.h"
#include "commands.h"
#include "diag.h"
#include "engine_setup.h"
#include "exit_codes.h"
#include "phimask/engine.h"

namespace phimask::cli {

int compile_main(int argc, char** argv, int first) {
    std::vector<OptionSpec> specs = policy_option_specs();
    specs.insert(specs.end(), key_option_specs().begin(), key_option_specs().end());
    specs.push_back({"output", 'o', true});
    Args args;
    if (int code = parse_command_args("compile", argc, argv, first, specs, args); code >= 0) return code;
    std::string problem = check_engine_options(args);
    if (problem.empty() && !args.positional().empty()) problem = "unexpected argument '" + args.positional()[0] + "'";
    if (problem.empty() && !args.has("output")) problem = "missing -o ENGINE";
    if (!problem.empty()) {
        report_usage(problem, "compile");
        return kExitUsage;
    }

    std::string context;
    Result<Engine> engine = open_engine(args, context);
    if (!engine.ok()) {
        report_error(engine.status(), context);
        return exit_code_for(engine.status().code());
    }
    const std::string& path = *args.value("output");
    Status status = engine->save(path);
    if (!status.ok()) {
        report_error(status, "engine file " + path);
        return exit_code_for(status.code());
    }
    return kExitOk;
}

}  // namespace phimask::cli
