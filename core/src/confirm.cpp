#include "confirm.h"

#include "ascii.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace phimask::detail {
namespace {

bool allowed(const PolicyData& data, std::string_view value) {
    if (data.allow_list.empty()) return false;
    return data.allow_list.count(ascii_lower(std::string(value))) != 0;
}

/// The score of `value` = norm[start, end) for `detector`, or a negative
/// number when the allow-list, its context or its threshold drops it.
double confirm_value(const EngineCore& core, std::uint32_t detector_index, std::string_view norm, std::size_t start,
                     std::size_t end, std::size_t context_start, std::size_t context_end, double score) {
    const PolicyData& data = core.data();
    const DetectorSpec& detector = data.detectors[detector_index];
    if (allowed(data, norm.substr(start, end - start))) return -1;
    if (const ContextMatcher& context = core.context_matchers()[detector_index]; !context.empty()) {
        // The window is measured from the whole match, so a label or trailer is never its own context.
        if (context.found_near(norm, context_start, context_end)) {
            score = std::min(1.0, score + detector.context.boost);
        } else if (detector.context.required) {
            return -1;
        }
    }
    if (const ContextMatcher& negative = core.negative_matchers()[detector_index];
        !negative.empty() && negative.found_near(norm, context_start, context_end)) {
        score -= detector.negative_context.penalty;
    }
    // Four decimals: scores print the same in every runtime (0.8 + 0.1 is not 0.9 in binary).
    score = std::round(score * 10000.0) / 10000.0;
    return score < data.threshold_for(detector.type) || score <= 0 ? -1 : score;
}

}  // namespace

void confirm_candidates(const EngineCore& core, const NormalizedText& text, const std::vector<Candidate>& candidates,
                        std::vector<Hit>& out) {
    const std::string_view norm = text.text();
    const Candidate* accepted = nullptr;
    for (const Candidate& c : candidates) {
        // A shorter match of the same pattern at the same start would lose to the
        // accepted longer one in overlap resolution anyway.
        if (accepted != nullptr && accepted->start == c.start && accepted->id == c.id) continue;
        const CompiledPattern& pattern = core.patterns()[c.id];
        if (c.value_end <= c.value_start) continue;
        const std::string_view value = norm.substr(c.value_start, c.value_end - c.value_start);
        if (Validator v = core.validators()[pattern.detector]; v != nullptr && !v(value)) continue;
        const double score = confirm_value(core, pattern.detector, norm, c.value_start, c.value_end, c.start, c.end,
                                           pattern.score);
        if (score < 0) continue;
        const auto [start, end] = text.to_original(c.value_start, c.value_end);
        out.push_back({start, end, c.value_start, c.value_end, pattern.detector, score});
        accepted = &c;
    }
}

namespace {

/// The end of a proposal cut to kMaxProposalBytes: its last space or comma
/// within the limit, with the spaces and commas before it dropped; `start`
/// when there is none.
std::size_t bounded_end(std::string_view norm, std::size_t start, std::size_t end) {
    if (end - start <= kMaxProposalBytes) return end;
    auto separator = [](char c) { return is_ascii_space(c) || c == ','; };
    std::size_t e = start + kMaxProposalBytes;
    while (e > start && !separator(norm[e])) --e;
    while (e > start && separator(norm[e - 1])) --e;
    return e;
}

}  // namespace

void confirm_proposals(const EngineCore& core, const NormalizedText& text, std::uint32_t detector,
                       const std::vector<Proposal>& proposals, std::vector<Hit>& out) {
    const std::string_view norm = text.text();
    for (const Proposal& proposal : proposals) {
        Proposal p = proposal;
        p.end = bounded_end(norm, p.start, p.end);
        if (p.end <= p.start) continue;
        const double score = confirm_value(core, detector, norm, p.start, p.end, p.start, p.end, p.score);
        if (score < 0) continue;
        const auto [start, end] = text.to_original(p.start, p.end);
        out.push_back({start, end, p.start, p.end, detector, score});
    }
}

}  // namespace phimask::detail
