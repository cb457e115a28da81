// Line-by-line processing of large inputs (JSON Lines), optionally on several
// threads, with output in input order whatever the thread count.
//
// An input is read in large chunks of whole lines; a chunk is cut into one
// piece per thread at line ends; each thread runs its own LineProcessor over its
// piece into its own buffer; then the buffers are written in order. Output of a
// line exists only in memory until its whole chunk is done, and lines after the
// first failed one are dropped, so what reaches stdout is always a prefix of the
// complete, successful output.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "io.h"
#include "phimask/status.h"

namespace phimask::cli {

/// The outcome of one line. Its messages never contain input text.
struct LineResult {
    enum class Kind { kOk, kBlocked, kError };
    Kind kind = Kind::kOk;
    Status status;                    ///< for kError
    std::vector<std::string> types;   ///< for kBlocked: the blocking entity types
};

/// Turns one input line into output. One per thread; need not be thread-safe.
class LineProcessor {
public:
    virtual ~LineProcessor() = default;
    /// `line` has no '\n'. On kOk appends the line's output (with its '\n', or
    /// nothing to drop the line); otherwise appends nothing.
    virtual LineResult process(std::string_view line, std::string& out) = 0;
};

class LineBatchRunner {
public:
    /// One thread per processor (at least one).
    explicit LineBatchRunner(std::vector<std::unique_ptr<LineProcessor>> processors);
    ~LineBatchRunner();

    /// Processes every line of input `name` ("-" for stdin) to `out`. Blocked lines are
    /// reported on stderr as they are written and set `blocked`. Returns the first
    /// error, with `context` naming the input and line ("file x, line 12").
    Status run(const std::string& name, Output& out, bool& blocked, std::string& context);

    /// Runs every input in turn to stdout and reports the first error on stderr.
    /// Returns the exit code: the error's, else kExitBlocked if a line was blocked, else kExitOk.
    int run_all(const std::vector<std::string>& inputs);

private:
    struct Piece;
    std::vector<std::unique_ptr<LineProcessor>> processors_;
    std::vector<Piece> pieces_;
};

}  // namespace phimask::cli
