#include "io.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include <fcntl.h>
#include <unistd.h>

namespace phimask::cli {
namespace {

constexpr std::size_t kReadChunk = std::size_t{1} << 20;

Status stdout_error() {
    return Status(ErrorCode::kIo, std::string("cannot write to stdout: ") + std::strerror(errno != 0 ? errno : EIO));
}

Status io_error(const char* what, const std::string& name, int err) {
    std::string message = std::string(what) + " " + describe_input(name);
    if (err != 0) message += ": " + std::string(std::strerror(err));
    return Status(ErrorCode::kIo, std::move(message));
}

std::FILE* open_input(const std::string& name, bool& owned) {
    owned = name != "-";
    return owned ? std::fopen(name.c_str(), "rb") : stdin;
}

}  // namespace

ChunkReader::~ChunkReader() {
    if (owned_ && fd_ >= 0) ::close(fd_);
}

Status ChunkReader::open(const std::string& name) {
    name_ = name;
    owned_ = name != "-";
    errno = 0;
    fd_ = owned_ ? ::open(name.c_str(), O_RDONLY | O_CLOEXEC) : STDIN_FILENO;
    if (fd_ < 0) return io_error("cannot open", name, errno);
    buf_.resize(std::size_t{1} << 16);
    return {};
}

Status ChunkReader::next(std::string_view& chunk) {
    for (;;) {
        const ssize_t got = ::read(fd_, buf_.data(), buf_.size());
        if (got >= 0) {
            chunk = std::string_view(buf_.data(), static_cast<std::size_t>(got));
            return {};
        }
        if (errno != EINTR) return io_error("cannot read", name_, errno);
    }
}

std::string describe_input(const std::string& name) { return name == "-" ? "stdin" : "file " + name; }

Status read_whole(const std::string& name, std::string& out) {
    out.clear();
    bool owned = false;
    errno = 0;
    std::FILE* file = open_input(name, owned);
    if (file == nullptr) return io_error("cannot open", name, errno);
    std::size_t size = 0;
    if (owned) {
        std::error_code ec;
        const auto file_size = std::filesystem::file_size(name, ec);
        if (!ec) size = static_cast<std::size_t>(file_size);
    }
    // One read of the known size, then chunks until end of file (the size may change or be unknown).
    std::size_t used = 0;
    out.resize(size + 1);
    int err = 0;
    for (;;) {
        if (used == out.size()) out.resize(std::max(out.size() * 2, used + kReadChunk));
        const std::size_t got = std::fread(out.data() + used, 1, out.size() - used, file);
        used += got;
        if (got == 0) {
            if (std::ferror(file)) err = errno != 0 ? errno : EIO;
            break;
        }
    }
    out.resize(used);
    if (owned) std::fclose(file);
    if (err != 0) {
        out.clear();
        return io_error("cannot read", name, err);
    }
    return Status::ok_status();
}

LineChunkReader::~LineChunkReader() {
    if (owned_ && file_ != nullptr) std::fclose(file_);
}

Status LineChunkReader::open(const std::string& name) {
    name_ = name;
    errno = 0;
    file_ = open_input(name, owned_);
    if (file_ == nullptr) return io_error("cannot open", name, errno);
    return Status::ok_status();
}

Status LineChunkReader::fill(std::size_t target_bytes) {
    if (begin_ > 0) {
        std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
        end_ -= begin_;
        begin_ = 0;
    }
    if (buf_.size() < target_bytes + kReadChunk) buf_.resize(target_bytes + kReadChunk);
    while (!eof_ && end_ < target_bytes) {
        if (end_ == buf_.size()) buf_.resize(buf_.size() * 2);
        errno = 0;
        const std::size_t got = std::fread(buf_.data() + end_, 1, buf_.size() - end_, file_);
        end_ += got;
        if (got == 0) {
            if (std::ferror(file_)) return io_error("cannot read", name_, errno != 0 ? errno : EIO);
            eof_ = true;
        }
    }
    if (at_start_ && end_ >= 3) {
        if (std::string_view(buf_.data(), 3) == "\xEF\xBB\xBF") begin_ = 3;
        at_start_ = false;
    }
    if (at_start_ && eof_) at_start_ = false;  // too short to hold a BOM
    return Status::ok_status();
}

Status LineChunkReader::next(std::size_t target_bytes, std::string_view& lines) {
    lines = {};
    std::size_t want = target_bytes;
    for (;;) {
        Status status = fill(want);
        if (!status.ok()) return status;
        std::string_view data(buf_.data() + begin_, end_ - begin_);
        if (eof_) {
            lines = data;
            begin_ = end_;
            return status;
        }
        const std::size_t last_newline = data.rfind('\n');
        if (last_newline != std::string_view::npos) {
            lines = data.substr(0, last_newline + 1);
            begin_ += last_newline + 1;
            return status;
        }
        want = (end_ - begin_) * 2;  // one line longer than the buffer: read more of it
    }
}

Output::Output() { std::setvbuf(stdout, nullptr, _IOFBF, std::size_t{1} << 16); }

Status Output::write(std::string_view data) {
    if (data.empty()) return Status::ok_status();
    errno = 0;
    if (std::fwrite(data.data(), 1, data.size(), stdout) != data.size()) {
        return stdout_error();
    }
    return Status::ok_status();
}

Status Output::flush() {
    errno = 0;
    if (std::fflush(stdout) != 0) {
        return stdout_error();
    }
    return Status::ok_status();
}

}  // namespace phimask::cli
