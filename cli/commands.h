// The subcommands. Each takes the whole argv and the index of its first
// argument after the command name, and returns the process exit code (exit_codes.h).
#pragma once

namespace phimask::cli {

int redact_main(int argc, char** argv, int first);
int detect_main(int argc, char** argv, int first);
int compile_main(int argc, char** argv, int first);
int check_policy_main(int argc, char** argv, int first);
int restore_main(int argc, char** argv, int first);

}  // namespace phimask::cli
