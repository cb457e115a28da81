#include "engine_core.h"
#include "pipeline.h"

namespace phimask::detail {
namespace {

/// A context whose buffers grew past this (about a 100 KB text) is rebuilt
/// empty before it goes back to the pool: one large input must not pin its
/// buffers for the life of the engine.
constexpr std::size_t kMaxRetainedBytes = std::size_t{1} << 20;

template <class T>
std::size_t capacity_bytes(const std::vector<T>& v) {
    return v.capacity() * sizeof(T);
}

}  // namespace

std::size_t ScanContext::retained_bytes() const {
    return normalized.capacity_bytes() + capacity_bytes(buffers.ends) + capacity_bytes(buffers.windows) +
           capacity_bytes(buffers.starts) + capacity_bytes(candidates) + capacity_bytes(hits) +
           capacity_bytes(tokens) + capacity_bytes(proposals);
}

ContextPool::ContextPool(HsScratch prototype) : prototype_(std::move(prototype)) {}

ContextPool::~ContextPool() = default;

std::unique_ptr<ScanContext> ContextPool::acquire() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (!free_.empty()) {
            std::unique_ptr<ScanContext> ctx = std::move(free_.back());
            free_.pop_back();
            return ctx;
        }
    }
    HsScratch scratch;
    if (prototype_) {
        hs_scratch_t* clone = nullptr;
        if (hs_clone_scratch(prototype_.get(), &clone) != HS_SUCCESS) return nullptr;
        scratch.reset(clone);
    }
    return std::make_unique<ScanContext>(std::move(scratch));
}

void ContextPool::release(std::unique_ptr<ScanContext> ctx) noexcept {
    if (!ctx) return;
    try {
        if (ctx->retained_bytes() > kMaxRetainedBytes) ctx = std::make_unique<ScanContext>(std::move(ctx->scratch));
        std::lock_guard<std::mutex> lock(mutex_);
        free_.push_back(std::move(ctx));
    } catch (...) {
        // Out of memory: the context is freed instead of pooled.
    }
}

}  // namespace phimask::detail
