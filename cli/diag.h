// Messages to stderr. Every message is built from a Status, an option name, a
// file name or entity type names: never from input text or a matched value.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "phimask/status.h"

namespace phimask::cli {

/// "phimask: <status.to_string()>", then " (<context>)" when context is given and the
/// error is not an I/O error (whose messages name their file already).
void report_error(const Status& status, std::string_view context = {});

/// "phimask: <message>" and a pointer to the command's help.
void report_usage(std::string_view message, std::string_view command = {});

/// "phimask: note: <message>".
void report_note(std::string_view message);

/// "phimask: <where>: blocked by policy (types: A, B)".
void report_blocked(std::string_view where, const std::vector<std::string>& types);

}  // namespace phimask::cli
