#include "confirm.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace phimask::detail {
namespace {

bool is_word_byte(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

/// Does `phrase` (lowercase words separated by single spaces) occur as whole
/// words in `region`, its words separated there by any run of non-word bytes?
bool contains_phrase(std::string_view region, std::string_view phrase) {
    const std::size_t n = region.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && is_word_byte(static_cast<unsigned char>(region[i - 1]))) continue;
        std::size_t r = i, p = 0;
        while (p < phrase.size() && r < n) {
            if (phrase[p] == ' ') {
                if (is_word_byte(static_cast<unsigned char>(region[r]))) break;
                while (r < n && !is_word_byte(static_cast<unsigned char>(region[r]))) ++r;
                ++p;
            } else if (lower(region[r]) == phrase[p]) {
                ++r;
                ++p;
            } else {
                break;
            }
        }
        const bool phrase_done = p == phrase.size();
        const bool word_ends = r == n || !is_word_byte(static_cast<unsigned char>(region[r])) ||
                               !is_word_byte(static_cast<unsigned char>(phrase.back()));
        if (phrase_done && word_ends) return true;
    }
    return false;
}

bool has_context(const ContextSpec& context, std::string_view text, std::size_t start, std::size_t end) {
    const std::size_t w = context.window;
    const std::size_t before = start > w ? start - w : 0;
    const std::size_t after = std::min(text.size(), end + w);
    const std::string_view left = text.substr(before, start - before);
    const std::string_view right = text.substr(end, after - end);
    for (const auto& word : context.words) {
        if (contains_phrase(left, word) || contains_phrase(right, word)) return true;
    }
    return false;
}

bool allowed(const PolicyData& data, std::string_view value) {
    if (data.allow_list.empty()) return false;
    std::string key(value);
    std::transform(key.begin(), key.end(), key.begin(), lower);
    return data.allow_list.count(key) != 0;
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
        if (!detector.context.words.empty()) {
            // The window is measured from the whole match, so a label is never its own context.
            if (has_context(detector.context, norm, c.start, c.end)) {
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
