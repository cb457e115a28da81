#include "diag.h"

#include <cstdio>

namespace phimask::cli {
namespace {

void emit(const std::string& line) {
    std::fwrite(line.data(), 1, line.size(), stderr);
    std::fflush(stderr);
}

}  // namespace

void report_error(const Status& status, std::string_view context) {
    std::string line = "phimask: " + status.to_string();
    if (!context.empty() && status.code() != ErrorCode::kIo) line += " (" + std::string(context) + ")";
    emit(line + "\n");
}

void report_usage(std::string_view message, std::string_view command) {
    std::string line = "phimask: " + std::string(message) + "\n";
    line += "Try 'phimask " + (command.empty() ? std::string() : std::string(command) + " ") + "--help'.\n";
    emit(line);
}

void report_note(std::string_view message) { emit("phimask: note: " + std::string(message) + "\n"); }

void report_blocked(std::string_view where, const std::vector<std::string>& types) {
    std::string line = "phimask: " + std::string(where) + ": blocked by policy (types: ";
    for (std::size_t i = 0; i < types.size(); ++i) line += (i == 0 ? "" : ", ") + types[i];
    emit(line + ")\n");
}

}  // namespace phimask::cli
