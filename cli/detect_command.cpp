// phimask detect: spans as JSON, per JSON line (code point offsets, the format
// ../shared/eval/score.py reads) or per whole text (byte offsets).
#include <charconv>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "diag.h"
#include "engine_setup.h"
#include "exit_codes.h"
#include "input_loop.h"
#include "io.h"
#include "json_line.h"
#include "line_batches.h"
#include "phimask/engine.h"
#include "phimask/offsets.h"

namespace phimask::cli {
namespace {

using detail::append_json_string;
using detail::is_blank;
using detail::JsonLineParser;
using detail::JsonOutcome;
using detail::JsonRecord;

void append_number(std::string& out, std::size_t value) {
    char buf[24];
    const auto result = std::to_chars(buf, buf + sizeof(buf), value);
    out.append(buf, result.ptr);
}

// Four decimals: enough for thresholds, and free of binary noise (0.8 + 0.1 prints as 0.9).
void append_score(std::string& out, double score) {
    if (!(score >= 0.0)) score = 0.0;  // NaN too; JSON has no NaN
    if (score > 1.0) score = 1.0;
    char buf[16];
    int n = std::snprintf(buf, sizeof(buf), "%.4f", score);
    while (n > 1 && buf[n - 1] == '0') --n;
    if (buf[n - 1] == '.') --n;
    out.append(buf, static_cast<std::size_t>(n));
}

// Appends [{"start":..,"end":..,"type":..,"score":..,"detector":..},...] with offsets
// taken from `offsets` (start, end, start, end, ...). False when a name is not UTF-8.
bool append_spans(std::string& out, const std::vector<Span>& spans, const std::vector<std::size_t>& offsets) {
    out += '[';
    for (std::size_t k = 0; k < spans.size(); ++k) {
        out += k == 0 ? "{\"start\":" : ",{\"start\":";
        append_number(out, offsets[2 * k]);
        out += ",\"end\":";
        append_number(out, offsets[2 * k + 1]);
        out += ",\"type\":";
        if (!append_json_string(out, spans[k].type)) return false;
        out += ",\"score\":";
        append_score(out, spans[k].score);
        out += ",\"detector\":";
        if (!append_json_string(out, spans[k].detector)) return false;
        out += '}';
    }
    out += ']';
    return true;
}

void collect_offsets(const std::vector<Span>& spans, std::vector<std::size_t>& offsets) {
    offsets.clear();
    for (const auto& span : spans) {
        offsets.push_back(span.start);
        offsets.push_back(span.end);
    }
}

LineResult line_error(ErrorCode code, std::string message) {
    LineResult result;
    result.kind = LineResult::Kind::kError;
    result.status = Status(code, std::move(message));
    return result;
}

class JsonlDetector final : public LineProcessor {
public:
    explicit JsonlDetector(const Engine& engine) : scanner_(engine) {}

    LineResult process(std::string_view line, std::string& out) override {
        if (is_blank(line)) return {};
        if (parser_.read_record(line, record_) != JsonOutcome::kOk) {
            std::string message = parser_.error().what;
            if (parser_.error().column != 0) message += " at byte " + std::to_string(parser_.error().column);
            return line_error(ErrorCode::kInput, std::move(message));
        }
        Status status = scanner_.detect(record_.text, spans_);
        if (!status.ok()) {
            LineResult result;
            result.kind = LineResult::Kind::kError;
            result.status = std::move(status);
            return result;
        }
        // Spans are sorted and disjoint, so start, end, start, end... is ascending as convert_offsets needs.
        collect_offsets(spans_, offsets_);
        convert_offsets(record_.text, offsets_, OffsetUnit::kCodePoint);
        const std::size_t mark = out.size();
        out += "{\"id\":";
        out.append(record_.id);
        out += ",\"spans\":";
        if (!append_spans(out, spans_, offsets_)) {
            out.resize(mark);
            return line_error(ErrorCode::kInternal, "an entity type or detector name is not valid UTF-8");
        }
        out += "}\n";
        return {};
    }

private:
    Scanner scanner_;
    JsonLineParser parser_;
    JsonRecord record_;
    std::vector<Span> spans_;
    std::vector<std::size_t> offsets_;
};

int detect_jsonl(const Engine& engine, const std::vector<std::string>& inputs, std::size_t threads) {
    std::vector<std::unique_ptr<LineProcessor>> processors;
    for (std::size_t k = 0; k < threads; ++k) processors.push_back(std::make_unique<JsonlDetector>(engine));
    return LineBatchRunner(std::move(processors)).run_all(inputs);
}

int detect_texts(const Engine& engine, const std::vector<std::string>& inputs) {
    Scanner scanner(engine);
    std::vector<Span> spans;
    std::vector<std::size_t> offsets;
    std::string text;
    std::string line;
    return run_inputs(inputs, [&](const std::string& name, Output& out, bool&, std::string& context) {
        context = describe_input(name);
        Status status = read_whole(name, text);
        if (status.ok()) status = scanner.detect(text, spans);
        if (!status.ok()) return status;
        collect_offsets(spans, offsets);
        line = "{\"spans\":";
        if (!append_spans(line, spans, offsets)) {
            return Status(ErrorCode::kInternal, "an entity type or detector name is not valid UTF-8");
        }
        line += "}\n";
        return out.write(line);
    });
}

}  // namespace

int detect_main(int argc, char** argv, int first) {
    ScanCommand cmd;
    if (int code = prepare_scan_command("detect", argc, argv, first, cmd); code >= 0) return code;
    return cmd.jsonl ? detect_jsonl(*cmd.engine, cmd.inputs, cmd.threads) : detect_texts(*cmd.engine, cmd.inputs);
}

}  // namespace phimask::cli
