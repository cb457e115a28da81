#include "batch.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <system_error>
#include <thread>

#include "errors.h"

namespace phimask::js {
namespace {

void work(const Engine& engine, const std::vector<std::string_view>& texts, std::atomic<std::size_t>& next,
          BatchOutcome& out) {
    std::size_t i = texts.size();
    try {
        Scanner scanner(engine);
        for (i = next.fetch_add(1); i < texts.size(); i = next.fetch_add(1)) {
            out.statuses[i] = scanner.redact(texts[i], out.results[i]);
        }
    } catch (const std::exception& e) {
        // Fail the item at hand and every item this worker would have taken
        // (fail closed, never skipped).
        const Status failed = status_from_exception(e);
        if (i < texts.size()) out.statuses[i] = failed;
        for (i = next.fetch_add(1); i < texts.size(); i = next.fetch_add(1)) out.statuses[i] = failed;
    }
}

}  // namespace

BatchOutcome redact_batch(const Engine& engine, const std::vector<std::string_view>& texts, std::size_t threads) {
    BatchOutcome out;
    out.results.resize(texts.size());
    out.statuses.resize(texts.size());
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    threads = std::min(threads, texts.size());
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> pool;
    pool.reserve(threads);
    for (std::size_t t = 1; t < threads; ++t) {
        try {
            pool.emplace_back([&] { work(engine, texts, next, out); });
        } catch (const std::system_error&) {
            break;  // the system gave fewer threads: the ones started share the work
        }
    }
    work(engine, texts, next, out);  // the calling thread is a worker too
    for (std::thread& t : pool) t.join();
    return out;
}

}  // namespace phimask::js
