// Per-detector cost: which detectors make redaction slow.
//
//   detector_bench [--policy FILE] [--data-dir DIR] [--limit-mb 10] [--reps 3] [--json FILE]
//
// For every detector of the policy (default: the default policy), compiles
// the policy with all other detectors disabled ("disable_detectors") and times
// Scanner::redact over the first --limit-mb MB of each corpus: the whole
// pipeline with that one detector, through the public API only. The "all"
// row is the full policy. Costs are in ms per MB of input (lower is better);
// one detector's cost minus the cheapest single-detector cost approximates what
// it adds to the full policy (Hyperscan databases do not add up exactly).
// Three stage rows come first: "(patterns only)" (the recognizers disabled),
// "(recognizers only)" (every pattern detector disabled: no Hyperscan), and
// "(baseline)" (one pattern that never matches: normalization, an almost empty
// scan and the rewrite), so the cost of each stage is a difference of rows.
//
// Validation: the full policy must redact every document without error and find
// spans. Single-detector policies that make calls fail (fail closed) are
// reported with their error count, not fatal. Table on stderr, JSON on stdout
// (and in --json FILE).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench_common.h"
#include "phimask/phimask.h"

#ifndef PHIMASK_BENCH_DATA_DIR
#define PHIMASK_BENCH_DATA_DIR "bench/data"
#endif

namespace phimask::bench {
namespace {

using Json = nlohmann::ordered_json;

struct Options {
    std::string policy_file;
    std::string data_dir = env_or("PHIMASK_BENCH_DATA", PHIMASK_BENCH_DATA_DIR);
    std::string json_out;
    double limit_mb = 10;
    int reps = 3;
};

[[noreturn]] void fail(const std::string& what, int code = 1) {
    std::cerr << "detector_bench: " << what << "\n";
    std::exit(code);
}

Options parse_options(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool has_value = i + 1 < argc;
        if (a == "--policy" && has_value) {
            o.policy_file = argv[++i];
        } else if (a == "--data-dir" && has_value) {
            o.data_dir = argv[++i];
        } else if (a == "--json" && has_value) {
            o.json_out = argv[++i];
        } else if (a == "--limit-mb" && has_value) {
            o.limit_mb = std::atof(argv[++i]);
        } else if (a == "--reps" && has_value) {
            o.reps = std::max(1, std::atoi(argv[++i]));
        } else {
            fail("usage: detector_bench [--policy FILE] [--data-dir DIR] [--limit-mb 10] [--reps 3] [--json FILE]",
                 64);
        }
    }
    return o;
}

struct Measure {
    double ms_per_mb = 0;
    std::size_t spans = 0;
    std::size_t errors = 0;  ///< failed (fail-closed) redactions in the last pass
};

/// Median ms per MB of Scanner::redact over the corpus (after one warm-up pass).
Measure measure(const Engine& engine, const Corpus& corpus, int reps) {
    Scanner scanner(engine);
    RedactResult out;
    std::vector<double> secs;
    Measure m;
    for (int rep = -1; rep < reps; ++rep) {
        std::size_t spans = 0;
        std::size_t errors = 0;
        const auto start = Clock::now();
        for (const auto doc : corpus.docs) {
            // A failed call is counted, not fatal: which detector makes the
            // engine fail closed is itself worth knowing.
            if (!scanner.redact(doc, out).ok()) ++errors;
            spans += out.spans.size();
        }
        if (rep >= 0) secs.push_back(seconds_since(start));
        m.spans = spans;
        m.errors = errors;
    }
    m.ms_per_mb = summarize(secs).median * 1e3 / (static_cast<double>(corpus.bytes) / 1e6);
    return m;
}

}  // namespace

int run(int argc, char** argv) {
    const Options opt = parse_options(argc, argv);
    std::string base_text = "{}";
    std::string error;
    if (!opt.policy_file.empty() && !read_file(opt.policy_file, base_text, error)) fail(error);
    const Json base = Json::parse(base_text, nullptr, false);
    if (!base.is_object()) fail("the policy is not a JSON object");
    auto full = Policy::from_json(base_text);
    if (!full.ok()) fail("policy: " + full.status().to_string(), 3);

    const std::size_t limit = static_cast<std::size_t>(opt.limit_mb * 1e6);
    std::vector<Corpus> corpora(2);
    if (!load_corpus("clinical", opt.data_dir + "/clinical.txt", "\n\f\n", limit, corpora[0], error) ||
        !load_corpus("logs", opt.data_dir + "/logs.jsonl", "\n", limit, corpora[1], error)) {
        fail(error + " (generate the corpora with: python3 bench/gen_corpus.py)");
    }

    const std::vector<std::string> names = full->detector_names();
    std::vector<std::string> already_disabled;
    if (base.contains("disable_detectors")) already_disabled = base["disable_detectors"].get<std::vector<std::string>>();

    Json rows = Json::array();
    auto add_row = [&](const std::string& name, const Policy& policy) {
        const auto start = Clock::now();
        auto engine = Engine::compile(policy);
        const double compile_ms = seconds_since(start) * 1e3;
        if (!engine.ok()) fail(name + ": " + engine.status().to_string(), 3);
        Json row = {{"detector", name}, {"compile_ms", compile_ms}};
        for (const Corpus& c : corpora) {
            const Measure m = measure(*engine, c, opt.reps);
            row[c.name] = Json{{"ms_per_mb", m.ms_per_mb},
                               {"mb_per_s", 1e3 / m.ms_per_mb},
                               {"spans", m.spans},
                               {"errors", m.errors}};
        }
        std::fprintf(stderr, "%-26s %10.1f %14.2f %8zu %7zu %12.2f %8zu %7zu\n", name.c_str(), compile_ms,
                     row["clinical"]["ms_per_mb"].get<double>(), row["clinical"]["spans"].get<std::size_t>(),
                     row["clinical"]["errors"].get<std::size_t>(), row["logs"]["ms_per_mb"].get<double>(),
                     row["logs"]["spans"].get<std::size_t>(), row["logs"]["errors"].get<std::size_t>());
        rows.push_back(row);
    };
    std::fprintf(stderr, "%-26s %10s %14s %8s %7s %12s %8s %7s\n", "detector", "compile ms", "clinical ms/MB",
                 "spans", "errors", "logs ms/MB", "spans", "errors");
    add_row("all", *full);
    const Json& all = rows[0];
    if (all["clinical"]["spans"].get<std::size_t>() == 0 || all["clinical"]["errors"].get<std::size_t>() != 0 ||
        all["logs"]["errors"].get<std::size_t>() != 0) {
        fail("validation: the full policy fails or finds nothing", 2);
    }
    // Stages: which detectors are recognizers is in the canonical policy.
    std::vector<std::string> recognizers, patterns;
    const Json canonical = Json::parse(full->canonical_json());
    for (const Json& d : canonical["detectors"]) {
        (d.contains("recognizer") ? recognizers : patterns).push_back(d["name"].get<std::string>());
    }
    auto without = [&](const std::vector<std::string>& off_list) {
        Json one = base;
        std::vector<std::string> off = already_disabled;
        off.insert(off.end(), off_list.begin(), off_list.end());
        one["disable_detectors"] = off;
        auto policy = Policy::from_json(one.dump());
        if (!policy.ok()) fail("stage policy: " + policy.status().to_string(), 3);
        return std::move(policy).value();
    };
    if (!recognizers.empty() && !patterns.empty()) {
        add_row("(patterns only)", without(recognizers));
        add_row("(recognizers only)", without(patterns));
    }
    auto baseline = Policy::from_json(R"({"packs": [], "detectors": [{"name": "never", "type": "X", "pattern": "zq{3}xj"}]})");
    if (!baseline.ok()) fail("baseline policy: " + baseline.status().to_string(), 3);
    add_row("(baseline)", *baseline);

    for (const std::string& keep : names) {
        Json one = base;
        std::vector<std::string> off = already_disabled;
        for (const std::string& n : names) {
            if (n != keep) off.push_back(n);
        }
        one["disable_detectors"] = off;
        auto policy = Policy::from_json(one.dump());
        if (!policy.ok()) fail(keep + ": " + policy.status().to_string(), 3);
        add_row(keep, *policy);
    }

    Json summary = {{"schema", "phimask-detector-bench/1"},
                    {"date", utc_timestamp()},
                    {"policy", opt.policy_file.empty() ? Json("(default)") : Json(opt.policy_file)},
                    {"policy_version", full->version()},
                    {"bytes", {{"clinical", corpora[0].bytes}, {"logs", corpora[1].bytes}}},
                    {"reps", opt.reps},
                    {"rows", rows}};
    if (!emit_summary(summary.dump(2), opt.json_out)) fail("cannot write " + opt.json_out);
    return 0;
}

}  // namespace phimask::bench

int main(int argc, char** argv) { return phimask::bench::run(argc, argv); }
