#include "phimask/offsets.h"

#include "utf8.h"

#include <algorithm>

namespace phimask {
namespace {

// Length of the well-formed sequence at text[i] (Unicode Table 3-7), or 0 if it starts an ill-formed one. It
// must agree with the normalizer's decoder: both treat every byte of an ill-formed sequence as a character of its own.
std::size_t sequence_length(std::string_view text, std::size_t i) {
    return static_cast<unsigned char>(text[i]) < 0x80 ? 1 : detail::utf8_length(text, i);
}

}  // namespace

void convert_offsets(std::string_view text, std::vector<std::size_t>& offsets, OffsetUnit unit) {
    if (unit == OffsetUnit::kUtf8Byte || offsets.empty()) return;
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    const std::size_t astral_units = unit == OffsetUnit::kUtf16 ? 2 : 1;

    // Invariant: `units` counts the characters in [0, pos), and pos is always at a character start.
    std::size_t pos = 0;
    std::size_t units = 0;
    for (std::size_t& offset : offsets) {
        // Offsets out of contract (past the end, or below an earlier one) are clamped so they cannot read past
        // the text; a sorted in-range list is unaffected.
        const std::size_t target = std::min(offset, n);
        while (pos < target) {
            while (target - pos >= 8 && detail::ascii8(p + pos)) {
                pos += 8;
                units += 8;
            }
            if (pos >= target) break;
            if (p[pos] < 0x80) {
                ++pos;
                ++units;
                continue;
            }
            const std::size_t len = sequence_length(text, pos);
            if (len == 0) {
                ++pos;
                ++units;
                continue;
            }
            if (pos + len > target) break;  // target lies inside this character: report the character's start
            pos += len;
            units += len == 4 ? astral_units : 1;
        }
        offset = units;
    }
}

bool is_valid_utf8(std::string_view text) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    for (std::size_t i = 0; i < text.size();) {
        if (text.size() - i >= 8 && detail::ascii8(p + i)) {
            i += 8;
        } else if (p[i] < 0x80) {
            ++i;
        } else {
            const std::size_t len = detail::utf8_length(text, i);
            if (len == 0) return false;
            i += len;
        }
    }
    return true;
}

}  // namespace phimask
