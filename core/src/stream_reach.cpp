#include "stream_reach.h"

#include <algorithm>

namespace phimask::detail {
namespace {

/// How far detector d's context and negative context words reach, plus the
/// byte that shows a word at the window's edge is whole.
std::size_t context_reach(const EngineCore& core, std::uint32_t d) {
    const DetectorSpec& spec = core.data().detectors[d];
    std::size_t reach = 0;
    if (!core.context_matchers()[d].empty()) reach = std::max(reach, spec.context.window + 1);
    if (!core.negative_matchers()[d].empty()) reach = std::max(reach, spec.negative_context.window + 1);
    return reach;
}

}  // namespace

StreamReach stream_reach(const EngineCore& core) {
    StreamReach r;
    // A match's end is known one byte after it (\b), and a hit one byte after
    // another may merge with it.
    constexpr std::size_t kEdge = 2;
    for (const CompiledPattern& p : core.patterns()) {
        const std::size_t context = context_reach(core, p.detector);
        r.ahead = std::max(r.ahead, p.max_width + context + kEdge);
        r.behind = std::max(r.behind, context + kEdge);
        r.widest = std::max<std::size_t>(r.widest, p.max_width);
    }
    for (std::uint32_t d = 0; d < core.recognizers().size(); ++d) {
        if (core.recognizers()[d] == nullptr) continue;
        const std::size_t context = context_reach(core, d);
        r.ahead = std::max(r.ahead, kMaxProposalBytes + std::max(kProposalLookAhead, context) + kEdge);
        // A name listed after another is decided by that one and by what precedes it.
        r.behind = std::max(r.behind, kProposalLookBehind + kProposalLookAhead + context);
        r.widest = std::max(r.widest, kMaxProposalBytes);
    }
    return r;
}

}  // namespace phimask::detail
