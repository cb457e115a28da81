// Redacting newline-delimited text: log lines, one text per line or JSON Lines.
//
// This is what `phimask redact --jsonl` and Node's RedactStream run on. In JSON
// format every string value of a line (never a key) is redacted on its own, and
// every other byte is copied as written (keys, numbers, key order, whitespace,
// the escapes of untouched strings): a line with nothing to redact comes back
// byte for byte, and a redacted line is still valid JSON.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "phimask/engine.h"

namespace phimask {

enum class LineFormat {
    kText,  ///< each line is one text
    kJson,  ///< each line is one JSON value (RFC 8259, strict); its string values are redacted
};

struct LineOptions {
    LineFormat format = LineFormat::kText;
    /// kJson: a line that is not valid JSON (or not valid UTF-8) is redacted as
    /// one text when true; when false it is an error (kInput, with the byte
    /// column, never the line).
    bool invalid_json_as_text = false;
};

/// The outcome of one line. Messages never contain the line.
struct LineOutcome {
    enum class Kind {
        kRedacted,  ///< the line's output was appended
        kBlocked,   ///< a block action fired: nothing was appended
        kError,     ///< nothing was appended; see status
    };
    Kind kind = Kind::kRedacted;
    Status status;                            ///< kError: why
    std::vector<std::string> blocking_types;  ///< kBlocked: sorted, each once (all of the line's string values)
};

/// Redacts one line at a time. Not thread-safe: one per thread (it owns a
/// Scanner and reuses its buffers). Keeps the Engine alive.
///
/// A blank line (JSON whitespace only) is copied as it is in both formats.
/// Fails closed: a line is appended whole and redacted, or not at all.
class LineRedactor {
public:
    LineRedactor(const Engine& engine, const LineOptions& options);
    ~LineRedactor();
    LineRedactor(LineRedactor&&) noexcept;
    LineRedactor& operator=(LineRedactor&&) noexcept;

    /// Redacts `line` (without its line ending) and on kRedacted appends the
    /// output (without a line ending) to `out`; otherwise leaves `out` as it was.
    LineOutcome redact(std::string_view line, std::string& out);

private:
    struct State;
    std::unique_ptr<State> state_;
};

/// A line of a block that was not redacted, by its 0-based index in the block.
struct LineNote {
    std::size_t line = 0;
    LineOutcome outcome;  ///< kBlocked or kError
};

/// The outcome of redact_lines().
struct LinesResult {
    /// The redacted lines in order, each followed by its own line ending ("\n",
    /// "\r\n", or none for a last line without one). A blocked line is left out,
    /// or replaced by `blocked_line` when one is given.
    std::string text;
    /// Blocked lines, in order, and the first failed line (last, if any).
    std::vector<LineNote> notes;
    /// False when a line failed: `text` then holds only the lines before it.
    bool ok() const { return notes.empty() || notes.back().outcome.kind != LineOutcome::Kind::kError; }
};

/// Redacts every line of `block` (lines end with "\n"; the last may have no
/// ending) on `threads` threads (0: one per hardware thread; fewer when the
/// block is small), each with its own LineRedactor. The output is in input
/// order whatever the thread count. `blocked_line`, when not null, replaces
/// each blocked line (followed by that line's ending). Throws std::bad_alloc
/// only.
LinesResult redact_lines(const Engine& engine, std::string_view block, const LineOptions& options,
                         std::size_t threads = 1, const std::string* blocked_line = nullptr);

}  // namespace phimask
