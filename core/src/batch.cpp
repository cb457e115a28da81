#include "phimask/batch.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>

namespace phimask {

/// The shared state of one batch: the items, their outcomes and the workers.
struct BatchRedactor::State {
    /// A worker's scanner, made on first use.
    struct Worker {
        std::optional<Scanner> scanner;
    };

    State(const Engine& e, std::vector<std::string_view> t)
        : engine(e), texts(std::move(t)), results(texts.size()), statuses(texts.size()),
          done(new std::atomic<bool>[texts.size()]) {
        for (std::size_t i = 0; i < texts.size(); ++i) done[i].store(false, std::memory_order_relaxed);
    }

    void finish(std::size_t i, Status status) {
        statuses[i] = std::move(status);
        // Sequentially consistent with wait_for's store of `waiting` and load of
        // `done`: either the waiter sees the item done, or this sees it waiting.
        done[i].store(true, std::memory_order_seq_cst);
        if (waiting.load(std::memory_order_seq_cst)) {
            std::lock_guard<std::mutex> lock(mutex);
            finished.notify_all();
        }
    }

    /// Takes items until item `until` is done (the caller) or none are left (a pool thread).
    void work(Worker& worker, std::size_t until) {
        while (until == texts.size() || !done[until].load(std::memory_order_acquire)) {
            if (stopped.load(std::memory_order_relaxed)) return;
            const std::size_t i = next.fetch_add(1);
            if (i >= texts.size()) return;
            try {
                if (!worker.scanner) worker.scanner.emplace(engine);
                finish(i, worker.scanner->redact(texts[i], results[i]));
            } catch (const std::exception&) {
                results[i] = RedactResult{};
                results[i].summary.blocked = true;
                finish(i, Status(ErrorCode::kInternal, "out of memory while redacting"));
            }
        }
    }

    Engine engine;
    std::vector<std::string_view> texts;
    std::vector<RedactResult> results;
    std::vector<Status> statuses;
    std::unique_ptr<std::atomic<bool>[]> done;
    std::atomic<std::size_t> next{0};
    std::atomic<bool> stopped{false};
    std::atomic<bool> waiting{false};
    std::mutex mutex;
    std::condition_variable finished;
    Worker caller;
    std::vector<std::thread> pool;
};

BatchRedactor::BatchRedactor(const Engine& engine, std::vector<std::string_view> texts, std::size_t threads)
    : state_(std::make_unique<State>(engine, std::move(texts))) {
    State& s = *state_;
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    threads = std::min(threads, s.texts.size());
    s.pool.reserve(threads > 0 ? threads - 1 : 0);
    for (std::size_t t = 1; t < threads; ++t) {
        try {
            s.pool.emplace_back([&s] {
                State::Worker worker;
                s.work(worker, s.texts.size());
            });
        } catch (const std::system_error&) {
            break;  // the system gave fewer threads: the ones started share the work
        }
    }
}

BatchRedactor::~BatchRedactor() {
    state_->stopped.store(true, std::memory_order_relaxed);
    for (std::thread& t : state_->pool) t.join();
}

std::size_t BatchRedactor::size() const { return state_->texts.size(); }

void BatchRedactor::wait_for(std::size_t i) {
    State& s = *state_;
    s.work(s.caller, i);
    if (s.done[i].load(std::memory_order_acquire)) return;
    // Every item is handed out: another worker has item i.
    s.waiting.store(true, std::memory_order_seq_cst);
    std::unique_lock<std::mutex> lock(s.mutex);
    s.finished.wait(lock, [&] { return s.done[i].load(std::memory_order_seq_cst); });
    s.waiting.store(false, std::memory_order_relaxed);
}

const Status& BatchRedactor::status(std::size_t i) const { return state_->statuses[i]; }

RedactResult& BatchRedactor::result(std::size_t i) { return state_->results[i]; }

void BatchRedactor::release(std::size_t i) { state_->results[i] = RedactResult{}; }

}  // namespace phimask
