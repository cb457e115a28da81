// Running the databases over normalized text: every candidate match with its exact start.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "engine_core.h"

namespace phimask::detail {

/// A match of pattern `id` over normalized [start, end), and where its value
/// starts (after the label, if any).
struct Candidate {
    std::uint32_t id;
    std::size_t start;
    std::size_t value_start;
    std::size_t end;
};

/// Buffers reused between calls by one thread.
struct ScanBuffers {
    std::vector<std::pair<std::size_t, std::uint32_t>> ends;  ///< (end, id)
    std::vector<std::pair<std::size_t, std::size_t>> windows;
    std::vector<std::size_t> starts;  ///< per entry of `ends`
};

/// Fills `out` with every candidate, no duplicates, sorted by start, then
/// pattern id, then longest first (so confirmation can stop at the longest
/// candidate of a pattern at a start that passes).
/// Returns false if Hyperscan fails (the caller must fail closed).
bool scan_candidates(const EngineCore& core, hs_scratch_t* scratch, std::string_view text, ScanBuffers& buffers,
                     std::vector<Candidate>& out);

}  // namespace phimask::detail
