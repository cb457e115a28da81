// Help texts of the phimask command and its subcommands.
#pragma once

#include <string_view>

namespace phimask::cli {

/// `phimask --help`: commands, common notes, exit codes.
const char* main_help();

/// `phimask <command> --help`, or nullptr for an unknown command.
const char* command_help(std::string_view command);

/// Prints a help text to stdout; returns the exit code 0.
int print_help(const char* text);

}  // namespace phimask::cli
