// Splitting a block of lines between threads: what phimask::redact_lines and
// the CLI's JSON-lines runner share.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

namespace phimask::detail {

/// `text` cut at line ends into at most `threads` pieces of similar size (0:
/// one per hardware thread), none smaller than 64 KiB unless there is only
/// one; empty for an empty text. The pieces cover `text` in order.
std::vector<std::string_view> cut_at_lines(std::string_view text, std::size_t threads);

/// Runs work(k) for every k < count: k >= 1 each on a thread of its own while
/// the system gives threads (this thread does the rest), and 0 on this thread;
/// returns when all are done. `work` must not throw.
void run_in_parallel(std::size_t count, const std::function<void(std::size_t)>& work);

}  // namespace phimask::detail
