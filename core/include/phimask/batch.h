// Redacting a batch of texts on a pool of threads, handing results back in
// input order as they finish: what Python's redact_many and Node's redactMany
// run on (each turns a finished result into its own objects while the workers
// go on with the rest).
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "phimask/engine.h"

namespace phimask {

/// Redacts `texts` with `threads` workers (0: one per hardware thread; never
/// more than there are texts), each with its own Scanner; the calling thread is
/// one of them, inside wait_for(). Items are handed out one at a time, so a long
/// text does not hold back the rest, and each result can be taken and released
/// as soon as it is done, so a batch never holds every result at once.
///
/// The texts are borrowed: they must outlive the batch. Fails
/// closed: an item whose worker runs out of memory gets a kInternal status and
/// a blocked, empty result; no item is ever skipped. Only the constructor
/// throws (std::bad_alloc). Destroying the batch stops handing out items and
/// joins the workers.
///
/// One thread at a time may call wait_for(), status(), result() and release().
///
///     phimask::BatchRedactor batch(engine, texts, 0);
///     for (std::size_t i = 0; i < batch.size(); ++i) {
///         batch.wait_for(i);
///         if (!batch.status(i).ok()) return batch.status(i);   // item i failed
///         use(batch.result(i));                                 // then, optionally,
///         batch.release(i);                                     // free it
///     }
class BatchRedactor {
public:
    BatchRedactor(const Engine& engine, std::vector<std::string_view> texts, std::size_t threads);
    ~BatchRedactor();
    BatchRedactor(const BatchRedactor&) = delete;
    BatchRedactor& operator=(const BatchRedactor&) = delete;

    std::size_t size() const;
    /// Blocks until item i (< size()) is done, redacting items meanwhile (from
    /// Python: without the GIL).
    void wait_for(std::size_t i);
    /// After wait_for(i): item i's outcome. result(i) is blocked and empty when !status(i).ok().
    const Status& status(std::size_t i) const;
    RedactResult& result(std::size_t i);
    /// Frees item i's result.
    void release(std::size_t i);

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace phimask
