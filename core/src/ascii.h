// ASCII character helpers shared by the policy loader, matching and validators.
#pragma once

#include <string>

namespace phimask::detail {

inline char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::string ascii_lower(std::string s) {
    for (char& c : s) c = ascii_lower(c);
    return s;
}

/// Part of a word for context matching: ASCII letters and digits, and every
/// byte of a non-ASCII character.
inline bool is_word_byte(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

}  // namespace phimask::detail
