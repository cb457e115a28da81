// UTF-8 for the bindings: converting byte offsets to the units other runtimes
// index strings by, and checking that bytes are UTF-8.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace phimask {

enum class OffsetUnit {
    kUtf8Byte,   ///< C++ std::string, Python bytes, Node Buffer
    kCodePoint,  ///< Python str, the CLI's JSONL
    kUtf16,      ///< JavaScript strings (astral characters count 2)
};

/// Converts byte offsets into `text` to `unit`, in place, in one linear pass
/// (with an ASCII fast path). `offsets` must be sorted ascending and each must
/// be <= text.size(). An invalid UTF-8 byte counts as one code point / one UTF-16
/// unit, matching how Python's "surrogateescape" and a replacement character
/// would index it. Offsets inside a multi-byte character map to that character's start.
void convert_offsets(std::string_view text, std::vector<std::size_t>& offsets, OffsetUnit unit);

/// True when `text` is well-formed UTF-8: no overlong forms, no UTF-16
/// surrogates, nothing above U+10FFFF, no truncated sequence.
bool is_valid_utf8(std::string_view text);

}  // namespace phimask
