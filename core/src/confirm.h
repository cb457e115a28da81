// From candidates to hits: validators, allow-list, context words, thresholds,
// and the way back to original offsets.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine_core.h"
#include "recognizers/recognizer.h"
#include "scan.h"

namespace phimask::detail {

/// A confirmed detection. Normalized [norm_start, norm_end) is the value;
/// [start, end) the same value in the original bytes.
struct Hit {
    std::size_t start;
    std::size_t end;
    std::size_t norm_start;
    std::size_t norm_end;
    std::uint32_t detector;
    double score;
};

/// Appends a Hit to `out` for every candidate that passes its detector's
/// validator, the allow-list, its context requirement and its type's threshold,
/// skipping the shorter candidates of a pattern at a start where a longer one
/// passed. `candidates` must be ordered as scan_candidates orders them.
void confirm_candidates(const EngineCore& core, const NormalizedText& text, const std::vector<Candidate>& candidates,
                        std::vector<Hit>& out);

/// Appends a Hit for every proposal of recognizer detector `detector` that
/// passes the allow-list, its context and its type's threshold.
void confirm_proposals(const EngineCore& core, const NormalizedText& text, std::uint32_t detector,
                       const std::vector<Proposal>& proposals, std::vector<Hit>& out);

}  // namespace phimask::detail
