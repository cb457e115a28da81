#include "text.h"

#include "errors.h"
#include "phimask/offsets.h"

namespace phimask::js {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

std::size_t utf16_length(napi_env env, napi_value value) {
    std::size_t length = 0;
    NAPI_THROW_IF_FAILED(env, napi_get_value_string_utf16(env, value, nullptr, 0, &length), 0);
    return length;
}

/// Index of the first unpaired surrogate in the string, or npos.
std::size_t first_lone_surrogate(napi_env env, napi_value value) {
    const std::size_t length = utf16_length(env, value);
    std::u16string units(length, u'\0');
    std::size_t copied = 0;
    NAPI_THROW_IF_FAILED(env, napi_get_value_string_utf16(env, value, units.data(), length + 1, &copied),
                         std::string::npos);
    for (std::size_t i = 0; i < copied; ++i) {
        const char16_t c = units[i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < copied && units[i + 1] >= 0xDC00 && units[i + 1] <= 0xDFFF) {
            ++i;
        } else if (c >= 0xD800 && c <= 0xDFFF) {
            return i;
        }
    }
    return std::string::npos;
}

const char* type_name(const Napi::Value& value) {
    switch (value.Type()) {
    case napi_undefined: return "undefined";
    case napi_null: return "null";
    case napi_boolean: return "boolean";
    case napi_number: return "number";
    case napi_string: return "string";
    case napi_symbol: return "symbol";
    case napi_function: return "function";
    case napi_bigint: return "bigint";
    case napi_object:
    case napi_external: break;
    }
    return "object";
}

}  // namespace

InputText InputText::read(const Napi::Value& value, const char* call, const std::string& where, bool copy_buffer) {
    const Napi::Env env = value.Env();
    InputText text;
    if (value.IsString()) {
        text.kind_ = TextKind::kString;
        // V8 writes a lone surrogate as U+FFFD: only a string whose UTF-8 holds
        // one can have any, so only then are its UTF-16 units read and checked.
        text.owned_ = value.As<Napi::String>().Utf8Value();
        const std::size_t units = utf16_length(env, value);
        text.ascii_ = text.owned_.size() == units;
        if (!text.ascii_ && text.owned_.find(kReplacement) != std::string::npos) {
            const std::size_t at = first_lone_surrogate(env, value);
            if (at != std::string::npos) {
                throw_status(env,
                             Status(ErrorCode::kInput, "the text has a lone surrogate at index " + std::to_string(at) +
                                                           ", which UTF-8 cannot encode"),
                             where);
            }
        }
        return text;
    }
    if (value.IsBuffer()) {
        const auto buffer = value.As<Napi::Buffer<char>>();
        if (copy_buffer) {
            text.owned_.assign(buffer.Data(), buffer.Length());
        } else {
            text.borrowed_ = buffer.Length() == 0 ? "" : buffer.Data();
            text.borrowed_size_ = buffer.Length();
        }
        return text;
    }
    std::string message = std::string(call) + ": ";
    if (!where.empty()) message += where + " is ";
    throw Napi::TypeError::New(env, message + "expected a string or a Buffer, got " + type_name(value));
}

std::vector<std::string_view> utf8_views(const std::vector<InputText>& inputs) {
    std::vector<std::string_view> views;
    views.reserve(inputs.size());
    for (const InputText& input : inputs) views.push_back(input.utf8());
    return views;
}

void to_caller_offsets(const InputText& text, std::vector<Span>& spans) {
    if (text.offsets_are_bytes() || spans.empty()) return;
    std::vector<std::size_t> offsets;
    offsets.reserve(spans.size() * 2);
    for (const Span& s : spans) {
        offsets.push_back(s.start);
        offsets.push_back(s.end);
    }
    convert_offsets(text.utf8(), offsets, OffsetUnit::kUtf16);
    for (std::size_t i = 0; i < spans.size(); ++i) {
        spans[i].start = offsets[2 * i];
        spans[i].end = offsets[2 * i + 1];
    }
}

Napi::Value make_text(Napi::Env env, std::string_view utf8, TextKind kind) {
    if (kind == TextKind::kBuffer) return Napi::Buffer<char>::Copy(env, utf8.data(), utf8.size());
    if (!is_valid_utf8(utf8)) {
        // Cannot happen for string input and the core's actions; never return a lossy text.
        throw_status(env, Status(ErrorCode::kInternal, "the redacted text is not valid UTF-8"));
    }
    return Napi::String::New(env, utf8.data(), utf8.size());
}

}  // namespace phimask::js
