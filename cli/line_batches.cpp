#include "line_batches.h"

#include "input_loop.h"

#include <new>

#include "diag.h"
#include "exit_codes.h"
#include "line_pieces.h"

namespace phimask::cli {
namespace {

// Per thread and chunk: large enough to amortize the thread hand-off and I/O calls,
// small enough to keep the output buffers in a few megabytes.
constexpr std::size_t kBytesPerThread = std::size_t{4} << 20;

}  // namespace

struct LineBatchRunner::Piece {
    std::string_view text;
    std::string out;
    struct Note {
        std::size_t line;  // 0-based within the piece
        LineResult result;
    };
    std::vector<Note> notes;
    std::size_t lines = 0;
    bool failed = false;

    void run(LineProcessor& processor) {
        out.clear();
        notes.clear();
        lines = 0;
        failed = false;
        try {
            std::size_t pos = 0;
            while (pos < text.size()) {
                std::size_t end = text.find('\n', pos);
                if (end == std::string_view::npos) end = text.size();
                LineResult result = processor.process(text.substr(pos, end - pos), out);
                ++lines;
                pos = end + 1;
                if (result.kind == LineResult::Kind::kOk) continue;
                failed = result.kind == LineResult::Kind::kError;
                notes.push_back({lines - 1, std::move(result)});
                if (failed) return;
            }
        } catch (const std::bad_alloc&) {
            fail(Status(ErrorCode::kInternal, "out of memory"));
        } catch (...) {
            fail(Status(ErrorCode::kInternal, "unexpected exception"));
        }
    }

    void fail(Status status) {
        LineResult result;
        result.kind = LineResult::Kind::kError;
        result.status = std::move(status);
        notes.push_back({lines, std::move(result)});  // the line being processed
        failed = true;
    }
};

LineBatchRunner::LineBatchRunner(std::vector<std::unique_ptr<LineProcessor>> processors)
    : processors_(std::move(processors)), pieces_(processors_.size()) {}

LineBatchRunner::~LineBatchRunner() = default;

Status LineBatchRunner::run(const std::string& name, Output& out, bool& blocked, std::string& context) {
    LineChunkReader reader;
    context = describe_input(name);
    Status status = reader.open(name);
    if (!status.ok()) return status;
    const std::size_t threads = processors_.size();
    std::size_t line_base = 0;  // lines of this input before the current chunk
    for (;;) {
        std::string_view chunk;
        status = reader.next(kBytesPerThread * threads, chunk);
        if (!status.ok()) return status;
        if (chunk.empty()) return status;

        // Cut the chunk at line ends into up to `threads` pieces of similar size.
        const std::vector<std::string_view> texts = detail::cut_at_lines(chunk, threads);
        const std::size_t count = texts.size();
        for (std::size_t k = 0; k < count; ++k) pieces_[k].text = texts[k];
        detail::run_in_parallel(count, [this](std::size_t k) { pieces_[k].run(*processors_[k]); });

        for (std::size_t k = 0; k < count; ++k) {
            Piece& piece = pieces_[k];
            status = out.write(piece.out);
            if (!status.ok()) {
                context.clear();
                return status;
            }
            for (auto& note : piece.notes) {
                const std::string where = describe_input(name) + ", line " + std::to_string(line_base + note.line + 1);
                if (note.result.kind == LineResult::Kind::kBlocked) {
                    blocked = true;
                    report_blocked(where, note.result.types);
                } else {
                    context = where;
                    return note.result.status;
                }
            }
            line_base += piece.lines;
        }
    }
}

int LineBatchRunner::run_all(const std::vector<std::string>& inputs) {
    return run_inputs(inputs, [this](const std::string& name, Output& out, bool& blocked, std::string& context) {
        return run(name, out, blocked, context);
    });
}

}  // namespace phimask::cli
