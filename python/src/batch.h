// Redacting many texts on a pool of threads: plain C++, no Python objects, so
// it runs with the GIL released.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "phimask/engine.h"

namespace phimask::python {

struct BatchOutcome {
    std::vector<RedactResult> results;  ///< one per input, in input order
    std::vector<Status> statuses;       ///< one per input; results[i] is blocked and empty when !statuses[i].ok()
};

/// Redacts every text with `threads` workers (0: one per hardware thread; never
/// more than there are texts), each with its own Scanner. Items are handed out
/// one at a time, so a long text does not hold back the rest.
BatchOutcome redact_batch(const Engine& engine, const std::vector<std::string_view>& texts, std::size_t threads);

}  // namespace phimask::python
