// Running the databases over normalized text: every candidate match with its exact start.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "engine_core.h"

namespace phimask::detail {

/// A match of pattern `id` over normalized [start, end), and its value
/// [value_start, value_end): the match without its label and trailer.
///
/// The value's edges are found deterministically from the candidate alone:
/// - value_start: the end of the longest match of the pattern's own label
///   anchored at `start` within [start, end - 1) (a label leaves at least one
///   byte of value); `start` when the pattern has no label.
/// - value_end: the leftmost start of a match of the pattern's own trailer
///   anchored at `end` within [value_start + 1, end) (so the longest trailer,
///   again leaving at least one byte of value); `end` when the pattern has no
///   trailer. The trailer is scanned from the value's second byte, so an
///   assertion at the trailer's start (\b) that falls on that byte sees none
///   before it.
/// Neither checks that the value alone matches the value pattern: write labels
/// and trailers whose extent is unambiguous (a word and its separators). Should
/// an edge not be found (it always is for a real match), the whole match counts
/// as the value: more is redacted, never less.
struct Candidate {
    std::uint32_t id;
    std::size_t start;
    std::size_t value_start;
    std::size_t value_end;
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
