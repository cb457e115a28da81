// Strict UTF-8 checks shared by the JSON line reader and the bindings' text checks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace phimask::detail {

/// A byte that continues a UTF-8 sequence (10xxxxxx): never where a character starts.
inline bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

/// Length of the well-formed UTF-8 sequence at s[i] (its lead byte is >= 0x80),
/// or 0: no overlong forms, no UTF-16 surrogates, nothing above U+10FFFF.
inline std::size_t utf8_length(std::string_view s, std::size_t i) {
    const auto byte_at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte_at(i);
    std::size_t len = 0;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;  // no UTF-16 surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
    } else {
        return 0;
    }
    if (s.size() - i < len) return 0;
    const unsigned char second = byte_at(i + 1);
    if (second < lo || second > hi) return 0;
    for (std::size_t k = 2; k < len; ++k) {
        const unsigned char next = byte_at(i + k);
        if (next < 0x80 || next > 0xBF) return 0;
    }
    return len;
}

/// The 8 bytes at p are ASCII.
inline bool ascii8(const unsigned char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, sizeof w);
    return (w & 0x8080808080808080ULL) == 0;
}

}  // namespace phimask::detail
