// Streaming against block mode on the clinical corpus: throughput with 16-byte
// and 4 KB chunks, the time each push() takes, the bytes held back, and vault
// restore throughput (whole answers and streamed). One thread. Every streamed
// output is checked against block mode before anything is timed.
//
//   stream_bench [--clinical FILE] [--limit-mb N] [--reps N] [--command TEXT]
//
// Prints a Markdown section for bench/RESULTS.md (`bench/run.sh --stream`
// builds, generates the corpus, runs it and inserts the section).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <string>
#include <vector>

#include "bench_common.h"
#include "phimask/phimask.h"

namespace phimask::bench {
namespace {

struct Options {
    std::string clinical = std::string(PHIMASK_BENCH_DATA_DIR) + "/clinical.txt";
    std::size_t limit_mb = 0;
    int reps = 3;
    std::string command = "stream_bench";  ///< how the run was started, for the report
};

bool parse(int argc, char** argv, Options& o) {
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (i + 1 >= argc) return false;
        if (a == "--clinical") {
            o.clinical = argv[++i];
        } else if (a == "--limit-mb") {
            o.limit_mb = std::strtoul(argv[++i], nullptr, 10);
        } else if (a == "--command") {
            o.command = argv[++i];
        } else if (a == "--reps") {
            o.reps = std::max(1, std::atoi(argv[++i]));
        } else {
            return false;
        }
    }
    return true;
}

/// Median seconds of `reps` runs of `fn`.
double median_seconds(int reps, const std::function<void()>& fn) {
    std::vector<double> secs;
    for (int r = 0; r < reps; ++r) {
        const auto start = Clock::now();
        fn();
        secs.push_back(seconds_since(start));
    }
    return summarize(secs).median;
}

void must(const Status& s) {
    if (!s.ok()) {
        std::fprintf(stderr, "stream_bench: %s\n", s.to_string().c_str());
        std::exit(1);
    }
}

/// Streams `doc` in `chunk`-byte pieces into `out`; calls `each` after every push.
void stream_doc(const Engine& engine, std::string_view doc, std::size_t chunk, std::string& out,
                const std::function<void(const StreamRedactor&, double)>& each = {}) {
    StreamRedactor stream(engine);
    StreamOutput piece;
    out.clear();
    for (std::size_t at = 0; at < doc.size(); at += chunk) {
        const auto start = Clock::now();
        must(stream.push(doc.substr(at, chunk), piece));
        if (each) each(stream, seconds_since(start));
        out += piece.text;
    }
    must(stream.finish(piece));
    out += piece.text;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

struct ChunkFigures {
    std::size_t chunk = 0;
    double mbps = 0;
    double push_p50_us = 0, push_p99_us = 0, push_max_us = 0;
    std::size_t max_held = 0;
    std::size_t mismatches = 0;
};

int run(int argc, char** argv) {
    Options opt;
    if (!parse(argc, argv, opt)) {
        std::fprintf(stderr, "usage: stream_bench [--clinical FILE] [--limit-mb N] [--reps N] [--command TEXT]\n");
        return 2;
    }
    Corpus corpus;
    std::string error;
    if (!load_corpus("clinical", opt.clinical, "\n\f\n", opt.limit_mb << 20, corpus, error)) {
        std::fprintf(stderr, "stream_bench: %s\n", error.c_str());
        return 1;
    }
    auto policy = Policy::default_policy();
    if (!policy.ok()) must(policy.status());
    auto engine = Engine::compile(*policy);
    if (!engine.ok()) must(engine.status());
    const double mb = static_cast<double>(corpus.bytes) / 1e6;

    // Block mode: the reference output and throughput.
    Scanner scanner(*engine);
    RedactResult result;
    std::vector<std::string> block(corpus.docs.size());
    for (std::size_t i = 0; i < corpus.docs.size(); ++i) {
        must(scanner.redact(corpus.docs[i], result));
        block[i] = result.text;
    }
    const double block_mbps = mb / median_seconds(opt.reps, [&] {
        for (std::string_view doc : corpus.docs) must(scanner.redact(doc, result));
    });

    std::vector<ChunkFigures> figures;
    std::string out;
    for (std::size_t chunk : {std::size_t{16}, std::size_t{4096}}) {
        ChunkFigures f;
        f.chunk = chunk;
        // Checked and sampled pass: every document equals block mode.
        std::vector<double> push_us;
        for (std::size_t i = 0; i < corpus.docs.size(); ++i) {
            stream_doc(*engine, corpus.docs[i], chunk, out, [&](const StreamRedactor& s, double secs) {
                push_us.push_back(secs * 1e6);
                f.max_held = std::max(f.max_held, s.held_bytes());
            });
            f.mismatches += out != block[i];
        }
        f.push_p50_us = percentile(push_us, 0.50);
        f.push_p99_us = percentile(push_us, 0.99);
        f.push_max_us = percentile(push_us, 1.0);
        f.mbps = mb / median_seconds(opt.reps, [&] {
            for (std::string_view doc : corpus.docs) stream_doc(*engine, doc, chunk, out);
        });
        figures.push_back(f);
    }

    // Vault restore: each note is one conversation's answer, redacted with tokens.
    auto token_policy = Policy::from_json(R"({"actions": {"default": "token"}})");
    if (!token_policy.ok()) must(token_policy.status());
    auto token_engine = Engine::compile(*token_policy);
    if (!token_engine.ok()) must(token_engine.status());
    std::vector<Vault> vaults(corpus.docs.size());
    std::vector<std::string> answers(corpus.docs.size());
    std::size_t answer_bytes = 0, restored_mismatches = 0;
    for (std::size_t i = 0; i < corpus.docs.size(); ++i) {
        auto r = token_engine->redact(corpus.docs[i], vaults[i]);
        if (!r.ok()) must(r.status());
        answers[i] = r->text;
        answer_bytes += answers[i].size();
    }
    const double answer_mb = static_cast<double>(answer_bytes) / 1e6;
    std::size_t restored_bytes = 0;  // read after timing, so the restores are not optimized away
    const double restore_mbps = answer_mb / median_seconds(opt.reps, [&] {
        for (std::size_t i = 0; i < answers.size(); ++i) restored_bytes += vaults[i].restore(answers[i]).text.size();
    });
    auto restore_streamed = [&](std::size_t i, std::string& text) {
        StreamRestorer restorer(vaults[i]);
        text.clear();
        for (std::size_t at = 0; at < answers[i].size(); at += 16) {
            restorer.push(std::string_view(answers[i]).substr(at, 16), text);
        }
        restorer.finish(text);
    };
    for (std::size_t i = 0; i < answers.size(); ++i) {
        restore_streamed(i, out);
        restored_mismatches += out != vaults[i].restore(answers[i]).text;
    }
    const double stream_restore_mbps = answer_mb / median_seconds(opt.reps, [&] {
        for (std::size_t i = 0; i < answers.size(); ++i) restore_streamed(i, out);
    });

    char stamp[32];
    const std::time_t now = std::time(nullptr);
    std::strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M UTC", std::gmtime(&now));
    const std::size_t bound = StreamRedactor::max_hold_back(*engine);
    std::printf("## %s: streaming (stream_bench)\n\n", stamp);
    const std::size_t at = opt.clinical.rfind("bench/");
    std::printf("Command: `%s` (stream_bench, %d repetitions, median; one thread). Machine: %s. "
                "Corpus: `%s`, %zu notes, %.1f MB (bench/gen_corpus.py). Default policy.\n\n",
                opt.command.c_str(), opt.reps, cpu_model().c_str(),
                (at == std::string::npos ? opt.clinical : opt.clinical.substr(at)).c_str(), corpus.docs.size(), mb);
    std::printf("| mode | MB/s | vs block | target | push() p50 / p99 / max (us) | most held (bytes) | "
                "outputs unlike block |\n|---|---|---|---|---|---|---|\n");
    std::printf("| block (`Scanner::redact`) | %.1f | 100%% | | | | |\n", block_mbps);
    for (const ChunkFigures& f : figures) {
        const double ratio = f.mbps / block_mbps * 100;
        const double target = f.chunk == 16 ? 30 : 80;
        std::printf("| stream, %zu-byte chunks | %.1f | %.0f%% | >= %.0f%% %s | %.2f / %.1f / %.0f | %zu | %zu |\n",
                    f.chunk, f.mbps, ratio, target, ratio >= target ? "met" : "**missed**", f.push_p50_us,
                    f.push_p99_us, f.push_max_us, f.max_held, f.mismatches);
    }
    std::printf("\nHold-back bound for the default policy: %zu bytes (target <= 256: %s).\n\n", bound,
                bound <= 256 ? "met" : "**missed**");
    std::printf("Vault restore (token policy; each note's redaction restored with its own vault, %.1f MB of "
                "answers, %.1f MB restored): `Vault::restore` %.1f MB/s; `StreamRestorer`, 16-byte chunks, %.1f MB/s; "
                "streamed restorations unlike the whole-text one: %zu.\n",
                answer_mb, static_cast<double>(restored_bytes) / 1e6 / opt.reps, restore_mbps, stream_restore_mbps,
                restored_mismatches);
    return 0;
}

}  // namespace
}  // namespace phimask::bench

int main(int argc, char** argv) { return phimask::bench::run(argc, argv); }
