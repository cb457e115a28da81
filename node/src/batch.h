// Redacting many texts on a pool of threads: plain C++, no JavaScript values,
// so it runs off the main thread (redactManyAsync) as well as on it (redactMany).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "phimask/engine.h"

namespace phimask::js {

struct BatchOutcome {
    std::vector<RedactResult> results;  ///< one per input, in input order
    std::vector<Status> statuses;       ///< one per input; results[i] is blocked and empty when !statuses[i].ok()
};

/// Redacts every text with `threads` workers (0: one per hardware thread; never
/// more than there are texts), each with its own Scanner. Items are handed out
/// one at a time, so a long text does not hold back the rest. A failure inside a
/// worker (out of memory) fails the items it touches; only allocating the
/// outcome itself can throw (std::bad_alloc).
BatchOutcome redact_batch(const Engine& engine, const std::vector<std::string_view>& texts, std::size_t threads);

}  // namespace phimask::js
