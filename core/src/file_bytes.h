// A whole file's bytes, read-only: memory-mapped where the system allows it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "phimask/status.h"

namespace phimask::detail {

/// The bytes of a file, for as long as this object lives. A regular file is
/// mapped and its pages read in at once (no copy into the heap: loading an
/// engine file is mostly this); anything else (a pipe, a system without mmap)
/// is read into memory.
class FileBytes {
public:
    /// kIo when the file cannot be opened or read: "cannot open <what> <path>".
    static Result<FileBytes> open(const std::string& path, const std::string& what);

    FileBytes(FileBytes&& other) noexcept;
    FileBytes& operator=(FileBytes&& other) noexcept;
    FileBytes(const FileBytes&) = delete;
    FileBytes& operator=(const FileBytes&) = delete;
    ~FileBytes();

    std::string_view view() const noexcept { return mapping_ != nullptr ? std::string_view(mapping_, size_) : copy_; }

private:
    FileBytes() = default;
    void release() noexcept;
    const char* mapping_ = nullptr;
    std::size_t size_ = 0;
    std::string copy_;
};

}  // namespace phimask::detail
