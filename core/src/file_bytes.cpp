#include "file_bytes.h"

#include <cerrno>
#include <cstdio>
#include <memory>
#include <utility>

#if defined(__unix__) || defined(__APPLE__)
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#define PHIMASK_HAVE_MMAP 1
#endif

namespace phimask::detail {
namespace {

#ifdef PHIMASK_HAVE_MMAP
Status read_all(int fd, const std::string& path, const std::string& what, std::string& out) {
    char buffer[1 << 16];
    for (;;) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got == 0) return {};
        if (got < 0) {
            if (errno == EINTR) continue;
            return Status(ErrorCode::kIo, "cannot read " + what + " " + path);
        }
        out.append(buffer, static_cast<std::size_t>(got));
    }
}
#else
Status read_all(const std::string& path, const std::string& what, std::string& out) {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file) return Status(ErrorCode::kIo, "cannot open " + what + " " + path);
    char buffer[1 << 16];
    for (std::size_t got; (got = std::fread(buffer, 1, sizeof buffer, file.get())) > 0;) out.append(buffer, got);
    if (std::ferror(file.get())) return Status(ErrorCode::kIo, "cannot read " + what + " " + path);
    return {};
}
#endif

}  // namespace

Result<FileBytes> FileBytes::open(const std::string& path, const std::string& what) {
    FileBytes bytes;
#ifdef PHIMASK_HAVE_MMAP
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return Status(ErrorCode::kIo, "cannot open " + what + " " + path);
    struct stat st {};
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
        int flags = MAP_PRIVATE;
#ifdef MAP_POPULATE
        flags |= MAP_POPULATE;  // one call reads every page in, instead of a fault per page
#endif
        void* map = mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, flags, fd, 0);
        if (map != MAP_FAILED) {
            ::close(fd);
            bytes.mapping_ = static_cast<const char*>(map);
            bytes.size_ = static_cast<std::size_t>(st.st_size);
            return bytes;
        }
    }
    // A pipe or a file that cannot be mapped: read from the descriptor already open.
    const Status read = read_all(fd, path, what, bytes.copy_);
    ::close(fd);
    if (!read.ok()) return read;
#else
    if (Status s = read_all(path, what, bytes.copy_); !s.ok()) return s;
#endif
    return bytes;
}

FileBytes::FileBytes(FileBytes&& other) noexcept
    : mapping_(std::exchange(other.mapping_, nullptr)), size_(std::exchange(other.size_, 0)),
      copy_(std::move(other.copy_)) {}

FileBytes& FileBytes::operator=(FileBytes&& other) noexcept {
    if (this != &other) {
        release();
        mapping_ = std::exchange(other.mapping_, nullptr);
        size_ = std::exchange(other.size_, 0);
        copy_ = std::move(other.copy_);
    }
    return *this;
}

FileBytes::~FileBytes() { release(); }

void FileBytes::release() noexcept {
#ifdef PHIMASK_HAVE_MMAP
    if (mapping_ != nullptr) munmap(const_cast<char*>(mapping_), size_);
#endif
    mapping_ = nullptr;
    size_ = 0;
}

}  // namespace phimask::detail
