// A strict (RFC 8259) JSON reader for one line at a time, made for redaction:
// it rewrites string values in place and copies every other byte of the line
// unchanged (keys, numbers, key order, whitespace, escapes of untouched strings),
// so that redacted output differs from the input only where something was
// redacted. It never builds a document tree.
//
// Strictness matches nlohmann::json::accept() (tests/cli/fuzz checks it): UTF-8
// must be valid (no overlong forms, no surrogates, nothing above U+10FFFF), \u
// escapes must pair surrogates, control characters must be escaped. One
// difference: numbers of any magnitude are accepted and copied as written, where
// nlohmann refuses those that overflow a double. Error messages give a byte
// position and never quote the line.
//
// Not thread-safe: one JsonLineParser per thread (it reuses its buffers).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace phimask::detail {

/// Receives each string value (never keys) of a line, decoded (escapes resolved).
class JsonStringVisitor {
public:
    enum class Decision {
        kKeep,     ///< the string stays as written
        kReplace,  ///< the string becomes `replacement`
        kStop,     ///< abandon the line (the visitor remembers why)
    };
    virtual Decision on_string(std::string_view value, std::string& replacement) = 0;

protected:
    ~JsonStringVisitor() = default;
};

enum class JsonOutcome {
    kOk,
    kInvalid,         ///< the line is not what was expected; see JsonLineParser::error()
    kStopped,         ///< the visitor returned kStop
    kBadReplacement,  ///< a replacement was not valid UTF-8
};

/// What is wrong with a line: a fixed description and where (1-based byte column, 0 when not applicable).
struct JsonError {
    const char* what = "";
    std::size_t column = 0;
};

/// The fields of a detect input line: {"id": ..., "text": "...", ...}.
struct JsonRecord {
    std::string_view id;    ///< the id's JSON text exactly as written (any JSON value)
    std::string_view text;  ///< the decoded text (points into the line or into text_storage)
    std::string text_storage;
};

class JsonLineParser {
public:
    /// Parses `line` as one JSON value and appends it to `out` with each string value
    /// the visitor replaces re-encoded. On any outcome but kOk, `out` is restored to its
    /// size on entry, so nothing of a failed line is kept.
    JsonOutcome rewrite(std::string_view line, std::string& out, JsonStringVisitor& visitor);

    /// Parses `line` as an object and finds its "id" (any value) and "text" (a string)
    /// members; other members are validated and ignored. The last of duplicate keys wins.
    JsonOutcome read_record(std::string_view line, JsonRecord& record);

    /// Why the last call returned kInvalid.
    const JsonError& error() const { return error_; }

private:
    static constexpr std::size_t kFail = static_cast<std::size_t>(-1);

    std::size_t fail(std::size_t at, const char* what);
    std::size_t skip_ws(std::size_t i) const;
    std::size_t scan_string(std::size_t i, std::string& scratch, std::string_view& value);
    std::size_t scan_number(std::size_t i);
    std::size_t scan_literal(std::size_t i, std::string_view literal);
    std::size_t scan_key(std::size_t i, std::string_view& key);
    std::size_t scan_value(std::size_t i, JsonStringVisitor* visitor, std::string* out);

    std::string_view s_;
    std::size_t copied_ = 0;  // rewrite: bytes of s_ already appended to the output
    JsonOutcome outcome_ = JsonOutcome::kOk;
    JsonError error_;
    std::vector<char> stack_;
    std::string scratch_;
    std::string key_scratch_;
    std::string replacement_;
};

/// Appends `value` as a JSON string literal: quotes, escapes for '"', '\\' and
/// control characters, non-ASCII kept as UTF-8. Returns false, leaving `out` as it
/// was, when `value` is not valid UTF-8.
bool append_json_string(std::string& out, std::string_view value);

/// True when every character of `line` is JSON whitespace (or it is empty).
bool is_blank(std::string_view line);

}  // namespace phimask::detail
