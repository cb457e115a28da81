// The phimask command: dispatch to a subcommand. Exit codes: exit_codes.h.
#include <cstdio>
#include <exception>
#include <new>
#include <string>
#include <string_view>

#include "commands.h"
#include "diag.h"
#include "exit_codes.h"
#include "phimask/version.h"
#include "usage.h"

namespace phimask::cli {
namespace {

int print_version() {
    std::string hs = phimask::hyperscan_version();
    while (!hs.empty() && (hs.back() == ' ' || hs.back() == '\n')) hs.pop_back();  // "5.4.9 " when built without a date
    std::printf("phimask %s\nHyperscan API %s\n", phimask::version(), hs.c_str());
    return std::fflush(stdout) == 0 ? kExitOk : kExitIo;
}

int run(int argc, char** argv) {
    if (argc < 2) {
        report_usage("no command given");
        return kExitUsage;
    }
    const std::string_view command = argv[1];
    if (command == "redact") return redact_main(argc, argv, 2);
    if (command == "detect") return detect_main(argc, argv, 2);
    if (command == "compile") return compile_main(argc, argv, 2);
    if (command == "check-policy") return check_policy_main(argc, argv, 2);
    if (command == "restore") return restore_main(argc, argv, 2);
    if (command == "--version" && argc == 2) return print_version();
    if ((command == "--help" || command == "-h") && argc == 2) return print_help(main_help());
    if (command == "help" && argc <= 3) {
        const char* text = argc == 2 ? main_help() : command_help(argv[2]);
        if (text != nullptr) return print_help(text);
        report_usage("unknown command '" + std::string(argv[2]) + "'");
        return kExitUsage;
    }
    if (command == "--version" || command == "--help" || command == "-h" || command == "help") {
        report_usage("unexpected argument '" + std::string(argv[argc - 1]) + "'");
    } else if (!command.empty() && command[0] == '-') {
        report_usage("unknown option '" + std::string(command) + "'");
    } else {
        report_usage("unknown command '" + std::string(command) + "'");
    }
    return kExitUsage;
}

}  // namespace
}  // namespace phimask::cli

int main(int argc, char** argv) {
    using namespace phimask::cli;
    // Never print an exception's what(): a library's message could quote its input.
    try {
        return run(argc, argv);
    } catch (const std::bad_alloc&) {
        report_error(phimask::Status(phimask::ErrorCode::kInternal, "out of memory"));
    } catch (...) {
        report_error(phimask::Status(phimask::ErrorCode::kInternal, "unexpected exception"));
    }
    return kExitInternal;
}
