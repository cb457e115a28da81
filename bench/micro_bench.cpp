// Per-call latency and throughput on single documents (Google Benchmark): what a
// service pays per request or per log line, as opposed to engine_bench's
// whole-corpus throughput.
//
//   micro_bench [--benchmark_filter=...]   (corpora from PHIMASK_BENCH_DATA or bench/data)
//
// Each benchmark checks its first result (no error, spans found where PHI is
// known to be) before timing, and reports an error instead of a figure otherwise.
#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "bench_common.h"
#include "phimask/phimask.h"

#ifndef PHIMASK_BENCH_DATA_DIR
#define PHIMASK_BENCH_DATA_DIR "bench/data"
#endif

namespace phimask::bench {
namespace {

constexpr std::string_view kShort = "Pt SSN 123-45-6789, call 617-555-0123 re: MRN: 00123456 seen 01/15/2023.";

const Engine* engine() {
    static const std::unique_ptr<Engine> e = [] {
        auto policy = Policy::default_policy();
        if (!policy.ok()) return std::unique_ptr<Engine>();
        auto compiled = Engine::compile(*policy);
        return compiled.ok() ? std::make_unique<Engine>(std::move(compiled).value()) : std::unique_ptr<Engine>();
    }();
    return e.get();
}

std::string data_path(const char* file) {
    return env_or("PHIMASK_BENCH_DATA", PHIMASK_BENCH_DATA_DIR) + "/" + file;
}

/// The first few MB of a corpus; empty when it has not been generated.
const Corpus& sample(const char* file, std::string_view separator) {
    static std::vector<std::unique_ptr<Corpus>> cache;
    for (const auto& c : cache) {
        if (c->name == file) return *c;
    }
    auto c = std::make_unique<Corpus>();
    std::string error;
    if (!load_corpus(file, data_path(file), separator, 4'000'000, *c, error)) c->name = file;
    cache.push_back(std::move(c));
    return *cache.back();
}

/// Documents of `corpus` that contain a non-ASCII byte (the ICU path).
std::vector<std::string_view> non_ascii(const Corpus& corpus) {
    std::vector<std::string_view> out;
    for (auto doc : corpus.docs) {
        for (unsigned char ch : doc) {
            if (ch >= 0x80) {
                out.push_back(doc);
                break;
            }
        }
    }
    return out;
}

/// Runs Scanner::redact over `docs` in turn.
/// Times `call(scanner, doc)` (redact or detect into reused output) over `docs`
/// in turn, after checking that the first document yields a span.
template <class Call>
void run_docs(benchmark::State& state, const std::vector<std::string_view>& docs, Call call) {
    if (engine() == nullptr) return state.SkipWithError("the default policy does not compile");
    if (docs.empty()) return state.SkipWithError("corpus missing: run bench/gen_corpus.py");
    Scanner scanner(*engine());
    if (!call(scanner, docs[0])) return state.SkipWithError("validation: the first document yields no span");
    std::size_t i = 0;
    std::size_t bytes = 0;
    for (auto _ : state) {
        const std::string_view doc = docs[i];
        if (++i == docs.size()) i = 0;
        benchmark::DoNotOptimize(call(scanner, doc));
        bytes += doc.size();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

void redact_docs(benchmark::State& state, const std::vector<std::string_view>& docs) {
    RedactResult out;
    run_docs(state, docs, [&](Scanner& scanner, std::string_view doc) {
        return scanner.redact(doc, out).ok() && !out.spans.empty();
    });
}

void BM_scanner_short(benchmark::State& state) { redact_docs(state, {kShort}); }

void BM_engine_api_short(benchmark::State& state) {
    if (engine() == nullptr) return state.SkipWithError("the default policy does not compile");
    auto first = engine()->redact(kShort);
    if (!first.ok() || first->spans.empty()) return state.SkipWithError("validation: no span in the short text");
    for (auto _ : state) benchmark::DoNotOptimize(engine()->redact(kShort));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * kShort.size()));
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

void BM_scanner_log_line(benchmark::State& state) { redact_docs(state, sample("logs.jsonl", "\n").docs); }

void BM_scanner_note(benchmark::State& state) { redact_docs(state, sample("clinical.txt", "\n\f\n").docs); }

void BM_scanner_note_non_ascii(benchmark::State& state) {
    redact_docs(state, non_ascii(sample("clinical.txt", "\n\f\n")));
}

void BM_scanner_detect_note(benchmark::State& state) {
    std::vector<Span> spans;
    run_docs(state, sample("clinical.txt", "\n\f\n").docs, [&](Scanner& scanner, std::string_view doc) {
        return scanner.detect(doc, spans).ok() && !spans.empty();
    });
}

BENCHMARK(BM_scanner_short);
BENCHMARK(BM_engine_api_short);
BENCHMARK(BM_scanner_log_line);
BENCHMARK(BM_scanner_note);
BENCHMARK(BM_scanner_note_non_ascii);
BENCHMARK(BM_scanner_detect_note);

}  // namespace
}  // namespace phimask::bench

BENCHMARK_MAIN();
