// One pass of the pipeline over one input: normalize, scan, confirm, resolve.
#pragma once

#include <string_view>
#include <vector>

#include "confirm.h"
#include "engine_core.h"
#include "scan.h"

namespace phimask::detail {

/// Everything one thread needs to run the pipeline, kept between calls.
class ScanContext {
public:
    explicit ScanContext(HsScratch owned_scratch) : scratch(std::move(owned_scratch)) {}
    HsScratch scratch;
    NormalizedText normalized;
    ScanBuffers buffers;
    std::vector<Candidate> candidates;
    std::vector<Hit> hits;
    std::vector<Token> tokens;        ///< for recognizers
    std::vector<Proposal> proposals;  ///< one recognizer's, before confirmation

    /// Heap bytes the buffers hold for reuse.
    std::size_t retained_bytes() const;
};

/// Fills ctx.hits with the resolved detections for `text`.
Status find_hits(const EngineCore& core, ScanContext& ctx, std::string_view text);

/// As find_hits, before overlaps are resolved: every confirmed hit, in no
/// particular order (a stream needs them to know where it may cut).
Status find_unresolved_hits(const EngineCore& core, ScanContext& ctx, std::string_view text);

}  // namespace phimask::detail
