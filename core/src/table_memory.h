// Zero-filled memory for large hash tables that are filled once and then only read.
#pragma once

#include <cstddef>

namespace phimask::detail {

/// Zero-filled bytes, owned. Large blocks are mapped straight from the OS,
/// which zero-fills them page by page as they are touched, and on Linux are
/// offered transparent huge pages (where the system grants them on request):
/// an 8 MB lexicon index then costs a handful of page faults to fill instead of
/// two thousand, and fewer TLB misses to probe. Small blocks come from calloc.
class TableMemory {
public:
    TableMemory() = default;
    /// Throws std::bad_alloc when the memory cannot be had.
    explicit TableMemory(std::size_t bytes);
    ~TableMemory();
    TableMemory(TableMemory&& other) noexcept;
    TableMemory& operator=(TableMemory&& other) noexcept;
    TableMemory(const TableMemory&) = delete;
    TableMemory& operator=(const TableMemory&) = delete;

    void* data() const noexcept { return data_; }

private:
    void release() noexcept;
    void* data_ = nullptr;
    void* mapping_ = nullptr;  ///< the whole mapping, when mapped (data_ lies inside it)
    std::size_t mapping_size_ = 0;
};

}  // namespace phimask::detail
