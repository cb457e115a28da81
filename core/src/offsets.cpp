#include "phimask/offsets.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace phimask {
namespace {

bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// Length of the well-formed sequence at p (Unicode Table 3-7), or 0 if p starts an ill-formed one. It must agree
// with the normalizer's decoder: both treat every byte of an ill-formed sequence as a character of its own.
std::size_t sequence_length(const unsigned char* p, std::size_t avail) {
    const unsigned b0 = p[0];
    if (b0 < 0x80) return 1;
    if (b0 < 0xC2) return 0;
    if (b0 < 0xE0) return avail >= 2 && is_continuation(p[1]) ? 2 : 0;
    if (b0 < 0xF0) {
        if (avail < 3) return 0;
        const unsigned lo = b0 == 0xE0 ? 0xA0 : 0x80;
        const unsigned hi = b0 == 0xED ? 0x9F : 0xBF;
        return p[1] >= lo && p[1] <= hi && is_continuation(p[2]) ? 3 : 0;
    }
    if (b0 < 0xF5) {
        if (avail < 4) return 0;
        const unsigned lo = b0 == 0xF0 ? 0x90 : 0x80;
        const unsigned hi = b0 == 0xF4 ? 0x8F : 0xBF;
        return p[1] >= lo && p[1] <= hi && is_continuation(p[2]) && is_continuation(p[3]) ? 4 : 0;
    }
    return 0;
}

bool ascii8(const unsigned char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, sizeof w);
    return (w & 0x8080808080808080ULL) == 0;
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
            while (target - pos >= 8 && ascii8(p + pos)) {
                pos += 8;
                units += 8;
            }
            if (pos >= target) break;
            if (p[pos] < 0x80) {
                ++pos;
                ++units;
                continue;
            }
            const std::size_t len = sequence_length(p + pos, n - pos);
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

}  // namespace phimask
