#include "phimask/lines.h"

#include <algorithm>
#include <new>

#include "json_line.h"
#include "line_pieces.h"

namespace phimask {
namespace {

LineOutcome error(Status status) {
    LineOutcome out;
    out.kind = LineOutcome::Kind::kError;
    out.status = std::move(status);
    return out;
}

LineOutcome blocked(std::vector<std::string> types) {
    std::sort(types.begin(), types.end());
    types.erase(std::unique(types.begin(), types.end()), types.end());
    LineOutcome out;
    out.kind = LineOutcome::Kind::kBlocked;
    out.blocking_types = std::move(types);
    return out;
}

}  // namespace

struct LineRedactor::State final : detail::JsonStringVisitor {
    State(const Engine& engine, const LineOptions& o) : scanner(engine), options(o) {}

    LineOutcome redact_text(std::string_view line, std::string& out) {
        Status status = scanner.redact(line, result);
        if (!status.ok()) return error(std::move(status));
        if (result.blocked()) return blocked(result.summary.blocking_types);
        out.append(result.text);
        return {};
    }

    LineOutcome redact_json(std::string_view line, std::string& out) {
        failure = Status();
        blocking.clear();
        const std::size_t size = out.size();
        switch (parser.rewrite(line, out, *this)) {
        case detail::JsonOutcome::kOk:
            if (blocking.empty()) return {};
            out.resize(size);
            return blocked(std::move(blocking));
        case detail::JsonOutcome::kStopped:
            return error(std::move(failure));
        case detail::JsonOutcome::kBadReplacement:
            return error(Status(ErrorCode::kInternal, "a redacted string is not valid UTF-8"));
        case detail::JsonOutcome::kInvalid:
            break;
        }
        if (options.invalid_json_as_text) return redact_text(line, out);
        std::string message = parser.error().what;
        if (parser.error().column != 0) message += " at byte " + std::to_string(parser.error().column);
        return error(Status(ErrorCode::kInput, std::move(message)));
    }

    // Every string value is redacted, also after one is blocked: the line's
    // outcome names every type that blocks it.
    Decision on_string(std::string_view value, std::string& replacement) override {
        if (value.empty()) return Decision::kKeep;
        Status status = scanner.redact(value, result);
        if (!status.ok()) {
            failure = std::move(status);
            return Decision::kStop;
        }
        if (result.blocked()) {
            blocking.insert(blocking.end(), result.summary.blocking_types.begin(), result.summary.blocking_types.end());
            return Decision::kKeep;
        }
        if (!blocking.empty() || result.text == value) return Decision::kKeep;
        replacement.swap(result.text);  // both buffers stay allocated for the next strings
        return Decision::kReplace;
    }

    Scanner scanner;
    LineOptions options;
    RedactResult result;
    detail::JsonLineParser parser;
    Status failure;
    std::vector<std::string> blocking;
};

LineRedactor::LineRedactor(const Engine& engine, const LineOptions& options)
    : state_(std::make_unique<State>(engine, options)) {}
LineRedactor::~LineRedactor() = default;
LineRedactor::LineRedactor(LineRedactor&&) noexcept = default;
LineRedactor& LineRedactor::operator=(LineRedactor&&) noexcept = default;

LineOutcome LineRedactor::redact(std::string_view line, std::string& out) {
    if (detail::is_blank(line)) {
        out.append(line);
        return {};
    }
    return state_->options.format == LineFormat::kJson ? state_->redact_json(line, out)
                                                       : state_->redact_text(line, out);
}

namespace {

/// One thread's share of a block: whole lines.
struct Piece {
    std::string_view text;
    LinesResult result;
    std::size_t lines = 0;

    void run(const Engine& engine, const LineOptions& options, const std::string* blocked_line) {
        try {
            LineRedactor redactor(engine, options);
            for (std::size_t pos = 0; pos < text.size(); ++lines) {
                const std::size_t nl = text.find('\n', pos);
                const std::size_t next = nl == std::string_view::npos ? text.size() : nl + 1;
                std::size_t end = nl == std::string_view::npos ? text.size() : nl;
                if (nl != std::string_view::npos && end > pos && text[end - 1] == '\r') --end;
                const std::string_view ending = text.substr(end, next - end);
                LineOutcome outcome = redactor.redact(text.substr(pos, end - pos), result.text);
                pos = next;
                if (outcome.kind == LineOutcome::Kind::kRedacted) {
                    result.text.append(ending);
                    continue;
                }
                const bool failed = outcome.kind == LineOutcome::Kind::kError;
                if (!failed && blocked_line != nullptr) result.text.append(*blocked_line).append(ending);
                result.notes.push_back({lines, std::move(outcome)});
                if (failed) return;
            }
        } catch (const std::bad_alloc&) {
            result.notes.push_back({lines, error(Status(ErrorCode::kInternal, "out of memory"))});
        }
    }
};

}  // namespace

LinesResult redact_lines(const Engine& engine, std::string_view block, const LineOptions& options,
                         std::size_t threads, const std::string* blocked_line) {
    std::vector<Piece> pieces;
    for (std::string_view text : detail::cut_at_lines(block, threads)) pieces.push_back(Piece{text, {}, 0});
    detail::run_in_parallel(pieces.size(), [&](std::size_t k) { pieces[k].run(engine, options, blocked_line); });

    LinesResult out;
    std::size_t first_line = 0;
    for (Piece& piece : pieces) {
        out.text.append(piece.result.text);
        for (LineNote& note : piece.result.notes) {
            note.line += first_line;
            out.notes.push_back(std::move(note));
        }
        if (!out.ok()) break;  // what came after the failed line is dropped
        first_line += piece.lines;
    }
    return out;
}

}  // namespace phimask
