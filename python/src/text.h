// Python text in and out: str and bytes borrowed as UTF-8, results in the
// caller's type, offsets in the caller's unit.
//
// Offsets rule: a str gets code point indices (Python str indices), bytes get
// byte offsets, so text[span.start:span.end] is always the matched text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <pybind11/pybind11.h>

#include "phimask/span.h"

namespace phimask::python {

enum class TextKind { kStr, kBytes };

/// A borrowed view of a str's or bytes' UTF-8. Valid while the object it came
/// from is alive; str and bytes are immutable, so it stays valid without the GIL.
struct TextView {
    std::string_view utf8;
    TextKind kind = TextKind::kBytes;
    bool ascii = false;  ///< byte offsets are already str indices
};

/// Borrows `obj` (GIL held). A str is encoded to UTF-8 once (CPython caches it;
/// ASCII strs are used in place). Raises TypeError naming `call` for other
/// types, and InputError (the index, never the text) for a str with a lone
/// surrogate. `where` prefixes error messages ("texts[3]"), may be empty.
TextView borrow_text(pybind11::handle obj, const char* call, const std::string& where);

/// The bytes of a Python bytes object, borrowed.
inline std::string_view bytes_view(pybind11::handle bytes) {
    return {PyBytes_AS_STRING(bytes.ptr()), static_cast<std::size_t>(PyBytes_GET_SIZE(bytes.ptr()))};
}

/// Rewrites the spans' UTF-8 byte offsets into `text`'s own unit, in one pass.
/// Spans must be sorted and non-overlapping, as the engine returns them.
void to_caller_offsets(const TextView& text, std::vector<Span>& spans);

/// `utf8` as the caller's type: str for str input, bytes for bytes input.
pybind11::object make_text(std::string_view utf8, TextKind kind);

}  // namespace phimask::python
