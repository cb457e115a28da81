// JavaScript text in and out: strings and Buffers read as UTF-8, results in the
// caller's type, offsets in the caller's unit.
//
// Offsets rule: a string gets UTF-16 code unit indices (JavaScript string
// indices), a Buffer gets byte offsets, so text.slice(start, end) and
// buf.subarray(start, end) are always the matched text.
//
// Lone surrogates: a JavaScript string may hold an unpaired surrogate, which
// UTF-8 cannot encode. Such a string is refused with InputError naming the
// index of the first one (never the text), as in Python: replacing it would
// change the text outside the spans.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <napi.h>

#include "phimask/span.h"

namespace phimask::js {

enum class TextKind { kString, kBuffer };

/// One input, read on the main thread. Strings are always converted (owned);
/// Buffers are borrowed for synchronous calls and copied for work done off the
/// main thread, so a Buffer changed by JavaScript meanwhile cannot race the scan.
class InputText {
public:
    std::string_view utf8() const {
        return borrowed_ != nullptr ? std::string_view(borrowed_, borrowed_size_) : std::string_view(owned_);
    }
    TextKind kind() const { return kind_; }
    /// Byte offsets are already string indices (the text is ASCII, or a Buffer).
    bool offsets_are_bytes() const { return kind_ == TextKind::kBuffer || ascii_; }

    /// Reads `value`. Throws a TypeError naming `call` when it is neither a
    /// string nor a Buffer, and InputError (prefixed by `where`, e.g. "texts[3]",
    /// may be empty) for a string with a lone surrogate.
    static InputText read(const Napi::Value& value, const char* call, const std::string& where, bool copy_buffer);

private:
    std::string owned_;
    const char* borrowed_ = nullptr;
    std::size_t borrowed_size_ = 0;
    TextKind kind_ = TextKind::kBuffer;
    bool ascii_ = false;
};

/// Rewrites the spans' UTF-8 byte offsets into `text`'s own unit, in one pass.
/// Spans must be sorted and non-overlapping, as the engine returns them. Pure
/// C++: safe off the main thread.
void to_caller_offsets(const InputText& text, std::vector<Span>& spans);

/// The UTF-8 of each input, borrowed (the inputs must outlive the views).
std::vector<std::string_view> utf8_views(const std::vector<InputText>& inputs);

/// `utf8` as the caller's type: a string for string input, a new Buffer for
/// Buffer input. A string result must be valid UTF-8 (InternalError otherwise:
/// a lossy conversion would change text outside the spans).
Napi::Value make_text(Napi::Env env, std::string_view utf8, TextKind kind);

}  // namespace phimask::js
