// Redacting many texts on a pool of threads: plain C++, no Python objects, so
// it runs with the GIL released while the caller turns finished results into
// Python objects in input order.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string_view>
#include <thread>
#include <vector>

#include "phimask/engine.h"

namespace phimask::python {

/// Redacts `texts` with `threads` workers (0: one per hardware thread; never
/// more than there are texts), each with its own Scanner; the calling thread is
/// one of them, inside wait_for(). Items are handed out one at a time, so a long
/// text does not hold back the rest, and each result can be taken and released
/// as soon as it is done, so a batch never holds every result at once.
///
/// Destroying the batch stops handing out items and joins the workers.
class BatchRedactor {
public:
    BatchRedactor(const Engine& engine, std::vector<std::string_view> texts, std::size_t threads);
    ~BatchRedactor();
    BatchRedactor(const BatchRedactor&) = delete;
    BatchRedactor& operator=(const BatchRedactor&) = delete;

    std::size_t size() const { return texts_.size(); }
    /// Blocks until item i is done, redacting items meanwhile. Call without the GIL.
    void wait_for(std::size_t i);
    /// After wait_for(i): item i's outcome. result(i) is blocked and empty when !status(i).ok().
    const Status& status(std::size_t i) const { return statuses_[i]; }
    RedactResult& result(std::size_t i) { return results_[i]; }
    /// Frees item i's result.
    void release(std::size_t i) { results_[i] = RedactResult{}; }

private:
    struct Worker;
    void work(Worker& worker, std::size_t until);
    void finish(std::size_t i, Status status);
    void stop();

    const Engine& engine_;
    std::vector<std::string_view> texts_;
    std::vector<RedactResult> results_;
    std::vector<Status> statuses_;
    std::unique_ptr<std::atomic<bool>[]> done_;
    std::atomic<std::size_t> next_{0};
    std::atomic<bool> stopped_{false};
    std::atomic<bool> waiting_{false};
    std::mutex mutex_;
    std::condition_variable finished_;
    std::unique_ptr<Worker> caller_;
    std::vector<std::thread> pool_;
};

}  // namespace phimask::python
