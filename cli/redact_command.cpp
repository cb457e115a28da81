// phimask redact: whole texts, or the string values of JSON lines.
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

namespace phimask::cli {
namespace {

// Redacts every string value of a line. A blocked or failed string abandons the
// whole line, so a line is written either fully redacted or not at all.
class JsonlRedactor final : public LineProcessor, private JsonStringVisitor {
public:
    explicit JsonlRedactor(const Engine& engine) : scanner_(engine) {}

    LineResult process(std::string_view line, std::string& out) override {
        if (is_blank(line)) {
            out.append(line);
            out += '\n';
            return {};
        }
        stop_ = LineResult{};
        switch (parser_.rewrite(line, out, *this)) {
        case JsonOutcome::kOk:
            out += '\n';
            return {};
        case JsonOutcome::kStopped:
            return std::move(stop_);
        case JsonOutcome::kInvalid:
            break;
        case JsonOutcome::kBadReplacement:
            return error(Status(ErrorCode::kInternal, "a redacted string is not valid UTF-8"));
        }
        std::string message = parser_.error().what;
        if (parser_.error().column != 0) message += " at byte " + std::to_string(parser_.error().column);
        return error(Status(ErrorCode::kInput, std::move(message)));
    }

private:
    Decision on_string(std::string_view value, std::string& replacement) override {
        Status status = scanner_.redact(value, result_);
        if (!status.ok()) {
            stop_ = error(std::move(status));
            return Decision::kStop;
        }
        if (result_.blocked()) {
            stop_.kind = LineResult::Kind::kBlocked;
            stop_.types = result_.summary.blocking_types;
            return Decision::kStop;
        }
        if (result_.text == value) return Decision::kKeep;
        replacement.swap(result_.text);  // both buffers stay allocated for the next strings
        return Decision::kReplace;
    }

    static LineResult error(Status status) {
        LineResult result;
        result.kind = LineResult::Kind::kError;
        result.status = std::move(status);
        return result;
    }

    Scanner scanner_;
    RedactResult result_;
    JsonLineParser parser_;
    LineResult stop_;
};

int redact_jsonl(const Engine& engine, const std::vector<std::string>& inputs, std::size_t threads) {
    std::vector<std::unique_ptr<LineProcessor>> processors;
    for (std::size_t k = 0; k < threads; ++k) processors.push_back(std::make_unique<JsonlRedactor>(engine));
    return LineBatchRunner(std::move(processors)).run_all(inputs);
}

int redact_texts(const Engine& engine, const std::vector<std::string>& inputs) {
    Scanner scanner(engine);
    RedactResult result;
    std::string text;
    return run_inputs(inputs, [&](const std::string& name, Output& out, bool& blocked, std::string& context) {
        context = describe_input(name);
        Status status = read_whole(name, text);
        if (status.ok()) status = scanner.redact(text, result);
        if (!status.ok()) return status;
        if (result.blocked()) {
            blocked = true;
            report_blocked(context, result.summary.blocking_types);
            return Status{};
        }
        return out.write(result.text);
    });
}

}  // namespace

int redact_main(int argc, char** argv, int first) {
    ScanCommand cmd;
    if (int code = prepare_scan_command("redact", argc, argv, first, cmd); code >= 0) return code;
    return cmd.jsonl ? redact_jsonl(*cmd.engine, cmd.inputs, cmd.threads) : redact_texts(*cmd.engine, cmd.inputs);
}

}  // namespace phimask::cli
