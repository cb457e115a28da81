// Input and output for the commands: whole-file reads, large-chunk line reads,
// and buffered writes to stdout. Every failure is an ErrorCode::kIo Status that
// names the file and the system's reason, never its content.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

#include "phimask/status.h"

namespace phimask::cli {

/// "stdin" for "-", else "file NAME": how messages name an input.
std::string describe_input(const std::string& name);

/// Reads a whole file, or standard input for "-", into `out`.
Status read_whole(const std::string& name, std::string& out);

/// Reads a file, or standard input for "-", in large chunks cut at line ends.
/// A UTF-8 byte order mark at the start of the input is dropped.
class LineChunkReader {
public:
    LineChunkReader() = default;
    ~LineChunkReader();
    LineChunkReader(const LineChunkReader&) = delete;
    LineChunkReader& operator=(const LineChunkReader&) = delete;

    Status open(const std::string& name);

    /// Sets `lines` to the next run of whole lines, each ending with '\n' except
    /// possibly the input's last, of about `target_bytes` or more (one line may be
    /// longer). Empty at the end of the input. Valid until the next call.
    Status next(std::size_t target_bytes, std::string_view& lines);

private:
    Status fill(std::size_t target_bytes);

    std::string name_;
    std::FILE* file_ = nullptr;
    bool owned_ = false;
    bool eof_ = false;
    bool at_start_ = true;
    std::string buf_;
    std::size_t begin_ = 0;  // unread data is buf_[begin_, end_)
    std::size_t end_ = 0;
};

/// Reads a file, or standard input for "-", as it arrives: each next() returns
/// what one read() gives (at most 64 KiB), without waiting for more.
class ChunkReader {
public:
    ChunkReader() = default;
    ~ChunkReader();
    ChunkReader(const ChunkReader&) = delete;
    ChunkReader& operator=(const ChunkReader&) = delete;

    Status open(const std::string& name);
    /// Sets `chunk` to the next bytes; empty at the end of the input. Valid until the next call.
    Status next(std::string_view& chunk);

private:
    std::string name_;
    int fd_ = -1;
    bool owned_ = false;
    std::string buf_;
};

/// Buffered standard output.
class Output {
public:
    Output();
    Status write(std::string_view data);
    Status flush();
};

}  // namespace phimask::cli
