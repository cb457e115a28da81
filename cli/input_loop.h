// The loop every command runs over its inputs, with one error policy.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "io.h"
#include "phimask/status.h"

namespace phimask::cli {

/// One input's work: writes to `out`, sets `blocked` when the policy blocked
/// (part of) it, and on error sets `context` to describe where (file, line).
using InputStep = std::function<Status(const std::string& name, Output& out, bool& blocked, std::string& context)>;

/// Runs `step` on every input in order. At the first error it stops, keeps what
/// was written (complete and redacted), reports the error with its context and
/// returns its exit code; otherwise kExitBlocked if any input was blocked, else kExitOk.
int run_inputs(const std::vector<std::string>& inputs, const InputStep& step);

}  // namespace phimask::cli
