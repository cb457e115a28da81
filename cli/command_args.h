// Argument handling shared by the subcommands.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "args.h"

namespace phimask::cli {

/// Parses a command's arguments (adding -h/--help to `specs`). Returns -1 when the
/// command should run, else the exit code to return at once: 0 after printing the
/// command's help, kExitUsage after reporting a usage error.
int parse_command_args(std::string_view command, int argc, char** argv, int first, std::vector<OptionSpec> specs,
                       Args& args);

/// parse_command_args for redact and detect: the engine options, --jsonl and --threads
/// (which needs --jsonl), and for redact --stream and the vault options (neither with
/// --jsonl); sets `threads`.
int parse_scan_command_args(std::string_view command, int argc, char** argv, int first, Args& args,
                            std::size_t& threads);

/// The --threads value: N in [1, 256], 0 for one per CPU, 1 when absent. False on a bad value.
bool parse_threads(const Args& args, std::size_t& threads);

}  // namespace phimask::cli
