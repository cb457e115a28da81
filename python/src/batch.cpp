#include "batch.h"

#include <algorithm>
#include <optional>
#include <system_error>

namespace phimask::python {

/// A worker's scanner, made on first use (out of memory fails its items, never skips them).
struct BatchRedactor::Worker {
    std::optional<Scanner> scanner;
};

BatchRedactor::BatchRedactor(const Engine& engine, std::vector<std::string_view> texts, std::size_t threads)
    : engine_(engine), texts_(std::move(texts)), results_(texts_.size()), statuses_(texts_.size()),
      done_(new std::atomic<bool>[texts_.size()]), caller_(std::make_unique<Worker>()) {
    for (std::size_t i = 0; i < texts_.size(); ++i) done_[i].store(false, std::memory_order_relaxed);
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    threads = std::min(threads, texts_.size());
    pool_.reserve(threads > 0 ? threads - 1 : 0);
    for (std::size_t t = 1; t < threads; ++t) {
        try {
            pool_.emplace_back([this] {
                Worker worker;
                work(worker, texts_.size());
            });
        } catch (const std::system_error&) {
            break;  // the system gave fewer threads: the ones started share the work
        }
    }
}

BatchRedactor::~BatchRedactor() {
    stop();
    for (std::thread& t : pool_) t.join();
}

void BatchRedactor::stop() { stopped_.store(true, std::memory_order_relaxed); }

void BatchRedactor::finish(std::size_t i, Status status) {
    statuses_[i] = std::move(status);
    // Sequentially consistent with wait_for's store of waiting_ and load of
    // done_: either the waiter sees the item done, or this sees it waiting.
    done_[i].store(true, std::memory_order_seq_cst);
    if (waiting_.load(std::memory_order_seq_cst)) {
        std::lock_guard<std::mutex> lock(mutex_);
        finished_.notify_all();
    }
}

void BatchRedactor::work(Worker& worker, std::size_t until) {
    // Takes items until `until` is done (the caller) or none are left (a pool thread).
    while (until == texts_.size() || !done_[until].load(std::memory_order_acquire)) {
        if (stopped_.load(std::memory_order_relaxed)) return;
        const std::size_t i = next_.fetch_add(1);
        if (i >= texts_.size()) return;
        try {
            if (!worker.scanner) worker.scanner.emplace(engine_);
            finish(i, worker.scanner->redact(texts_[i], results_[i]));
        } catch (const std::exception&) {
            results_[i] = RedactResult{};
            results_[i].summary.blocked = true;
            finish(i, Status(ErrorCode::kInternal, "out of memory while redacting"));
        }
    }
}

void BatchRedactor::wait_for(std::size_t i) {
    work(*caller_, i);
    if (done_[i].load(std::memory_order_acquire)) return;
    // Every item is handed out: another worker has item i.
    waiting_.store(true, std::memory_order_seq_cst);
    std::unique_lock<std::mutex> lock(mutex_);
    finished_.wait(lock, [&] { return done_[i].load(std::memory_order_seq_cst); });
    waiting_.store(false, std::memory_order_relaxed);
}

}  // namespace phimask::python
