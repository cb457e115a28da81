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

}  // namespace

void confirm_candidates(const EngineCore& core, const NormalizedText& text, const std::vector<Candidate>& candidates,
                        std::vector<Hit>& out) {
    const PolicyData& data = core.data();
    const std::string_view norm = text.text();
    const Candidate* accepted = nullptr;
    for (const Candidate& c : candidates) {
        // A shorter match of the same pattern at the same start would lose to the
        // accepted longer one in overlap resolution anyway.
        if (accepted != nullptr && accepted->start == c.start && accepted->id == c.id) continue;
        const CompiledPattern& pattern = core.patterns()[c.id];
        const DetectorSpec& detector = data.detectors[pattern.detector];
        const std::string_view value = norm.substr(c.value_start, c.end - c.value_start);
        if (value.empty()) continue;
        if (Validator v = core.validators()[pattern.detector]; v != nullptr && !v(value)) continue;
        if (allowed(data, value)) continue;
        double score = pattern.score;
        if (const ContextMatcher& context = core.context_matchers()[pattern.detector]; !context.empty()) {
            // The window is measured from the whole match, so a label is never its own context.
            if (context.found_near(norm, c.start, c.end)) {
                score = std::min(1.0, score + detector.context.boost);
            } else if (detector.context.required) {
                continue;
            }
        }
        // Four decimals: scores print the same in every runtime (0.8 + 0.1 is not 0.9 in binary).
        score = std::round(score * 10000.0) / 10000.0;
        if (score < data.threshold_for(detector.type)) continue;
        const auto [start, end] = text.to_original(c.value_start, c.end);
        out.push_back({start, end, c.value_start, c.end, pattern.detector, score});
        accepted = &c;
    }
}

}  // namespace phimask::detail
