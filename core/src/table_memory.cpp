#include "table_memory.h"

#include <cstdint>
#include <cstdlib>
#include <new>
#include <utility>

#if defined(__unix__) || defined(__APPLE__)
#include <sys/mman.h>
#define PHIMASK_HAVE_MMAP 1
#endif

namespace phimask::detail {
namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;

}  // namespace

TableMemory::TableMemory(std::size_t bytes) {
    if (bytes == 0) return;
#ifdef PHIMASK_HAVE_MMAP
    if (bytes >= kHugePage) {
        // Map one huge page more than needed so the block can start on a huge-page boundary.
        const std::size_t length = bytes + kHugePage;
        void* map = mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (map == MAP_FAILED) throw std::bad_alloc();
        mapping_ = map;
        mapping_size_ = length;
        const auto start = reinterpret_cast<std::uintptr_t>(map);
        const std::uintptr_t aligned = (start + kHugePage - 1) & ~(kHugePage - 1);
        data_ = reinterpret_cast<void*>(aligned);
#ifdef MADV_HUGEPAGE
        madvise(data_, (bytes + kHugePage - 1) & ~(kHugePage - 1), MADV_HUGEPAGE);  // advice only; may be refused
#endif
        return;
    }
#endif
    data_ = std::calloc(1, bytes);
    if (data_ == nullptr) throw std::bad_alloc();
}

TableMemory::~TableMemory() { release(); }

TableMemory::TableMemory(TableMemory&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)),
      mapping_(std::exchange(other.mapping_, nullptr)), mapping_size_(std::exchange(other.mapping_size_, 0)) {}

TableMemory& TableMemory::operator=(TableMemory&& other) noexcept {
    if (this != &other) {
        release();
        data_ = std::exchange(other.data_, nullptr);
        mapping_ = std::exchange(other.mapping_, nullptr);
        mapping_size_ = std::exchange(other.mapping_size_, 0);
    }
    return *this;
}

void TableMemory::release() noexcept {
#ifdef PHIMASK_HAVE_MMAP
    if (mapping_ != nullptr) {
        munmap(mapping_, mapping_size_);
        mapping_ = nullptr;
        data_ = nullptr;
        return;
    }
#endif
    std::free(data_);
    data_ = nullptr;
}

}  // namespace phimask::detail
