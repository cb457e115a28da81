// phimask redact: whole texts, the string values of JSON lines, or streams.
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "diag.h"
#include "engine_setup.h"
#include "exit_codes.h"
#include "input_loop.h"
#include "io.h"
#include "line_batches.h"
#include "phimask/engine.h"
#include "phimask/lines.h"
#include "phimask/stream.h"
#include "vault_file.h"

namespace phimask::cli {
namespace {

// Redacts every string value of a line (phimask/lines.h). A blocked or failed
// line is not written: a line is written either fully redacted or not at all.
class JsonlRedactor final : public LineProcessor {
public:
    explicit JsonlRedactor(const Engine& engine) : redactor_(engine, LineOptions{LineFormat::kJson, false}) {}

    LineResult process(std::string_view line, std::string& out) override {
        LineOutcome outcome = redactor_.redact(line, out);
        LineResult result;
        switch (outcome.kind) {
        case LineOutcome::Kind::kRedacted:
            out += '\n';
            break;
        case LineOutcome::Kind::kBlocked:
            result.kind = LineResult::Kind::kBlocked;
            result.types = std::move(outcome.blocking_types);
            break;
        case LineOutcome::Kind::kError:
            result.kind = LineResult::Kind::kError;
            result.status = std::move(outcome.status);
            break;
        }
        return result;
    }

private:
    LineRedactor redactor_;
};

int redact_jsonl(const Engine& engine, const std::vector<std::string>& inputs, std::size_t threads) {
    std::vector<std::unique_ptr<LineProcessor>> processors;
    for (std::size_t k = 0; k < threads; ++k) processors.push_back(std::make_unique<JsonlRedactor>(engine));
    return LineBatchRunner(std::move(processors)).run_all(inputs);
}

int redact_texts(const Engine& engine, const std::vector<std::string>& inputs, Vault* vault) {
    Scanner scanner(engine);
    RedactResult result;
    std::string text;
    return run_inputs(inputs, [&](const std::string& name, Output& out, bool& blocked, std::string& context) {
        context = describe_input(name);
        Status status = read_whole(name, text);
        if (status.ok()) status = vault != nullptr ? scanner.redact(text, result, *vault) : scanner.redact(text, result);
        if (!status.ok()) return status;
        if (result.blocked()) {
            blocked = true;
            report_blocked(context, result.summary.blocking_types);
            return Status{};
        }
        return out.write(result.text);
    });
}

/// --stream: each input is one stream, redacted as it arrives and written as
/// soon as it is final (phimask/stream.h), so a slow producer's text comes out
/// with at most the stream's hold-back delayed. A blocked input writes nothing
/// more from the blocking value on.
int redact_streams(const Engine& engine, const std::vector<std::string>& inputs, Vault* vault) {
    return run_inputs(inputs, [&](const std::string& name, Output& out, bool& blocked, std::string& context) {
        context = describe_input(name);
        ChunkReader reader;
        Status status = reader.open(name);
        StreamRedactor stream = vault != nullptr ? StreamRedactor(engine, *vault) : StreamRedactor(engine);
        StreamOutput piece;
        std::string_view chunk;
        while (status.ok()) {
            status = reader.next(chunk);
            if (!status.ok()) break;
            status = chunk.empty() ? stream.finish(piece) : stream.push(chunk, piece);
            if (status.ok()) status = out.write(piece.text);
            if (status.ok() && !piece.text.empty()) status = out.flush();
            if (chunk.empty() || stream.blocked()) break;
        }
        if (status.ok() && stream.blocked()) {
            blocked = true;
            report_blocked(context, stream.summary().blocking_types);
        }
        return status;
    });
}

}  // namespace

int redact_main(int argc, char** argv, int first) {
    ScanCommand cmd;
    if (int code = prepare_scan_command("redact", argc, argv, first, cmd); code >= 0) return code;
    if (cmd.jsonl) return redact_jsonl(*cmd.engine, cmd.inputs, cmd.threads);
    // --vault: tokens and surrogates numbered in the conversation's vault, saved
    // after the run (also after an error: what was written needs its values).
    VaultFile file;
    Vault* vault = nullptr;
    if (cmd.args.has("vault")) {
        std::string context;
        if (Status status = open_vault(cmd.args, true, file, context); !status.ok()) {
            report_error(status, context);
            return exit_code_for(status.code());
        }
        vault = &file.vault;
    }
    const int code = cmd.stream ? redact_streams(*cmd.engine, cmd.inputs, vault) : redact_texts(*cmd.engine, cmd.inputs, vault);
    if (vault == nullptr) return code;
    if (Status status = save_vault(file); !status.ok()) {
        report_error(status);
        return code == kExitOk || code == kExitBlocked ? exit_code_for(status.code()) : code;
    }
    return code;
}

}  // namespace phimask::cli
