// End-to-end engine benchmark: policy load, compile, serialize/deserialize, and
// redaction throughput (normalize + scan + confirm + resolve + rewrite) over the
// synthetic corpora written by bench/gen_corpus.py.
//
//   engine_bench [options] [CLINICAL_TXT [LOGS_JSONL]]
//
// Every measured configuration is validated before it is timed (see validate()):
// no errors, well-formed redactions, PHI found in (nearly) every document that has
// some, spans of every generated type the policy covers, and identical results
// between StartOfMatch modes, between a compiled and a deserialized engine, and
// between the Scanner and Engine::redact APIs, and for a sample of documents
// between every buffer alignment mod 64. A failed check stops the program before
// any timing (exit 2).
//
// Human-readable progress and tables go to stderr; the machine-readable summary
// (JSON) goes to stdout and, with --json FILE, to FILE.
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <tuple>
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

const char* const kUsage =
    "usage: engine_bench [options] [CLINICAL_TXT [LOGS_JSONL]]\n"
    "  --data-dir DIR     corpus folder (env PHIMASK_BENCH_DATA; default " PHIMASK_BENCH_DATA_DIR ")\n"
    "  --clinical FILE    notes separated by \"\\n\\f\\n\" (env PHIMASK_BENCH_CLINICAL; default DIR/clinical.txt)\n"
    "  --logs FILE        JSON lines (env PHIMASK_BENCH_LOGS; default DIR/logs.jsonl); \"none\" skips\n"
    "  --truth FILE       generator counts (default DIR/truth.json; optional)\n"
    "  --policy FILE      policy to compile (default: the default policy)\n"
    "  --reps N           timed repetitions per configuration, median reported (default 5)\n"
    "  --threads N        thread count of the multi-threaded runs (default 2)\n"
    "  --limit-mb X       use only the first X MB of each corpus (default: all)\n"
    "  --min-changed F    fraction of PHI-bearing documents that must change (default 0.95)\n"
    "  --no-exact         do not require the output to be input with spans -> {TYPE}\n"
    "  --only TEXT        time only configurations whose \"corpus/som/api/threads\" contains TEXT\n"
    "  --json FILE        also write the JSON summary to FILE\n";

struct Options {
    std::string clinical;
    std::string logs;
    std::string truth;
    std::string policy;
    std::string json_out;
    std::string only;
    int reps = 5;
    int threads = 2;
    double limit_mb = 0;
    double min_changed = 0.95;
    bool exact = true;
};

const char* som_name(StartOfMatch mode) { return mode == StartOfMatch::kLeftmost ? "leftmost" : "windowed"; }

bool parse_options(int argc, char** argv, Options& o) {
    const std::string dir = env_or("PHIMASK_BENCH_DATA", PHIMASK_BENCH_DATA_DIR);
    std::string data_dir = dir;
    std::vector<std::string> positional;
    std::optional<std::string> clinical, logs, truth;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&](std::string& into) {
            if (i + 1 >= argc) return false;
            into = argv[++i];
            return true;
        };
        std::string v;
        if (a == "-h" || a == "--help") {
            std::cerr << kUsage;
            std::exit(0);
        } else if (a == "--data-dir" && value(v)) {
            data_dir = v;
        } else if (a == "--clinical" && value(v)) {
            clinical = v;
        } else if (a == "--logs" && value(v)) {
            logs = v;
        } else if (a == "--truth" && value(v)) {
            truth = v;
        } else if (a == "--policy" && value(v)) {
            o.policy = v;
        } else if (a == "--json" && value(v)) {
            o.json_out = v;
        } else if (a == "--reps" && value(v)) {
            o.reps = std::max(1, std::atoi(v.c_str()));
        } else if (a == "--threads" && value(v)) {
            o.threads = std::max(1, std::atoi(v.c_str()));
        } else if (a == "--limit-mb" && value(v)) {
            o.limit_mb = std::atof(v.c_str());
        } else if (a == "--min-changed" && value(v)) {
            o.min_changed = std::atof(v.c_str());
        } else if (a == "--only" && value(v)) {
            o.only = v;
        } else if (a == "--no-exact") {
            o.exact = false;
        } else if (!a.empty() && a[0] != '-') {
            positional.push_back(a);
        } else {
            std::cerr << "engine_bench: bad option " << a << "\n" << kUsage;
            return false;
        }
    }
    if (positional.size() > 2) {
        std::cerr << kUsage;
        return false;
    }
    if (positional.size() >= 1) clinical = positional[0];
    if (positional.size() == 2) logs = positional[1];
    o.clinical = clinical.value_or(env_or("PHIMASK_BENCH_CLINICAL", data_dir + "/clinical.txt"));
    o.logs = logs.value_or(env_or("PHIMASK_BENCH_LOGS", data_dir + "/logs.jsonl"));
    o.truth = truth.value_or(data_dir + "/truth.json");
    return true;
}

// What the generator's kinds are called by the engine: the first of these that
// the policy reports is where a generated value is expected to show up.
const std::map<std::string, std::vector<std::string>>& kind_types() {
    static const std::map<std::string, std::vector<std::string>> m = {
        {"NAME", {"NAME"}},
        {"DATE", {"DATE"}},
        {"AGE", {"AGE"}},
        {"PHONE", {"PHONE"}},
        {"FAX", {"FAX", "PHONE"}},
        {"EMAIL", {"EMAIL"}},
        {"SSN", {"US_SOCIAL_SECURITY_NUMBER", "SSN"}},
        {"MRN", {"MEDICAL_RECORD_NUMBER", "MRN"}},
        {"ACCOUNT", {"ACCOUNT_NUMBER", "ACCOUNT"}},
        {"ENCOUNTER", {"ENCOUNTER_ID", "ENCOUNTER_NUMBER", "ACCOUNT_NUMBER"}},
        {"ACCESSION", {"ACCESSION_NUMBER"}},
        {"MEMBER_ID", {"HEALTH_PLAN_ID", "HEALTH_PLAN_BENEFICIARY_NUMBER"}},
        {"MBI", {"MEDICARE_BENEFICIARY_IDENTIFIER", "US_MEDICARE_BENEFICIARY_ID", "MBI", "HEALTH_PLAN_ID"}},
        {"CREDIT_CARD", {"CREDIT_DEBIT_CARD_NUMBER", "CREDIT_CARD"}},
        {"NPI", {"NPI"}},
        {"URL", {"URL"}},
        {"IPV4", {"IP_ADDRESS"}},
        {"IPV6", {"IP_ADDRESS"}},
        {"ADDRESS", {"ADDRESS"}},
        {"CITY", {"CITY"}},
        {"ZIP", {"ZIP_CODE", "ZIP"}},
    };
    return m;
}

/// 64-bit FNV-1a, to compare results without keeping them.
struct Hasher {
    std::uint64_t h = 1469598103934665603ull;
    void add(std::string_view s) {
        for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    }
    void add(std::uint64_t v) {
        for (int i = 0; i < 8; ++i) h = (h ^ ((v >> (8 * i)) & 0xff)) * 1099511628211ull;
    }
};

std::uint64_t result_hash(const RedactResult& r) {
    Hasher h;
    h.add(r.text);
    h.add(static_cast<std::uint64_t>(r.blocked()));
    for (const Span& s : r.spans) {
        h.add(static_cast<std::uint64_t>(s.start));
        h.add(static_cast<std::uint64_t>(s.end));
        h.add(s.type);
        h.add(s.detector);
        h.add(static_cast<std::uint64_t>(s.action));
    }
    return h.h;
}

struct Validation {
    std::size_t docs = 0;
    std::size_t changed = 0;
    std::size_t blocked = 0;
    std::size_t spans = 0;
    std::size_t output_bytes = 0;
    std::map<std::string, std::size_t> by_type;
    std::vector<std::uint64_t> hashes;  ///< per document
    std::vector<std::string> problems;
};

void add_problem(Validation& v, const std::string& what) {
    if (v.problems.size() < 20) v.problems.push_back(what);
}

/// One Scanner over every document: checks each result and records its hash.
Validation validate_corpus(const Engine& engine, const Corpus& corpus, bool exact) {
    Validation v;
    v.docs = corpus.docs.size();
    v.hashes.reserve(corpus.docs.size());
    Scanner scanner(engine);
    RedactResult out;
    for (std::size_t i = 0; i < corpus.docs.size(); ++i) {
        const std::string_view doc = corpus.docs[i];
        const Status st = scanner.redact(doc, out);
        if (!st.ok()) {
            add_problem(v, corpus.name + " doc " + std::to_string(i) + ": " + st.to_string());
            v.hashes.push_back(0);
            continue;
        }
        bool all_placeholders = exact;
        for (const Span& s : out.spans) {
            ++v.by_type[s.type];
            all_placeholders = all_placeholders && s.action == Action::kPlaceholder;
        }
        const std::string bad = check_redaction(doc, out, all_placeholders);
        if (!bad.empty()) add_problem(v, corpus.name + " doc " + std::to_string(i) + ": " + bad);
        v.spans += out.spans.size();
        v.blocked += out.blocked();
        v.changed += out.blocked() || std::string_view(out.text) != doc;
        v.output_bytes += out.text.size();
        v.hashes.push_back(result_hash(out));
    }
    return v;
}

/// Same results as `reference` for every document (or the first `limit`).
std::size_t count_mismatches(const std::function<std::optional<RedactResult>(std::string_view)>& redact,
                             const Corpus& corpus, const Validation& reference, std::size_t limit,
                             std::size_t& first_bad) {
    std::size_t bad = 0;
    first_bad = 0;
    const std::size_t n = std::min(limit, corpus.docs.size());
    for (std::size_t i = 0; i < n; ++i) {
        auto r = redact(corpus.docs[i]);
        if (!r || result_hash(*r) != reference.hashes[i]) {
            if (bad++ == 0) first_bad = i;
        }
    }
    return bad;
}

/// Generated values per engine type (a kind counts under the first of its
/// candidate types that the policy has), from the generator's truth counts.
/// Checks that every generated kind the policy covers gave at least one span of
/// one of its candidate types (a fax number reported as PHONE still counts).
std::map<std::string, std::size_t> expected_by_type(const Json& counts, const std::set<std::string>& policy_types,
                                                    const std::map<std::string, std::size_t>& found,
                                                    std::vector<std::string>& unmapped,
                                                    std::vector<std::string>& not_found) {
    std::map<std::string, std::size_t> out;
    for (const auto& [kind, n] : counts.items()) {
        const auto it = kind_types().find(kind);
        std::string type;
        std::size_t spans = 0;
        if (it != kind_types().end()) {
            for (const auto& candidate : it->second) {
                if (!policy_types.count(candidate)) continue;
                if (type.empty()) type = candidate;
                if (found.count(candidate)) spans += found.at(candidate);
            }
        }
        if (type.empty()) {
            unmapped.push_back(kind);
            continue;
        }
        out[type] += n.get<std::size_t>();
        if (n.get<std::size_t>() > 0 && spans == 0) not_found.push_back(kind + " (as " + type + ")");
    }
    return out;
}

struct RunResult {
    Stats seconds;
    double mbps_median = 0;
    double mbps_best = 0;
    double mbps_worst = 0;
    std::size_t spans = 0;
    std::size_t output_bytes = 0;
    std::size_t errors = 0;
    double background_cpus = -1;  ///< other processes' CPU use while timing
};

/// The timings of a configuration's reps, with the counts of its last rep and
/// the other load measured since `before`.
RunResult finish_run(const Corpus& corpus, const std::vector<double>& secs, const RunResult& counts,
                     const CpuSample& before) {
    RunResult r;
    r.spans = counts.spans;
    r.output_bytes = counts.output_bytes;
    r.errors = counts.errors;
    r.background_cpus = background_cpus(before, cpu_sample());
    r.seconds = summarize(secs);
    const double mb = static_cast<double>(corpus.bytes) / 1e6;
    r.mbps_median = mb / r.seconds.median;
    r.mbps_best = mb / r.seconds.min;
    r.mbps_worst = mb / r.seconds.max;
    return r;
}

/// Times redaction of the whole corpus with `threads` threads, each with its own
/// Scanner over a contiguous slice of about equal bytes. Scanners are created
/// (and warmed up by one untimed pass) before timing; a rep is timed from the
/// moment all threads are released until the last one is joined.
RunResult run_scanners(const Engine& engine, const Corpus& corpus, int threads, int reps) {
    const auto slices = split_by_bytes(corpus.docs, threads);
    std::vector<Scanner> scanners;
    std::vector<RedactResult> outs(static_cast<std::size_t>(threads));
    for (int t = 0; t < threads; ++t) scanners.emplace_back(engine);
    std::vector<double> secs;
    RunResult totals;
    CpuSample before;
    for (int rep = -1; rep < reps; ++rep) {
        if (rep == 0) before = cpu_sample();
        std::atomic<int> ready{0};
        std::atomic<bool> go{false};
        std::vector<std::size_t> spans(slices.size()), bytes(slices.size()), errors(slices.size());
        auto work = [&](std::size_t t) {
            ready.fetch_add(1);
            while (!go.load(std::memory_order_acquire)) std::this_thread::yield();
            Scanner& scanner = scanners[t];
            RedactResult& out = outs[t];
            for (const std::string_view doc : slices[t]) {
                if (!scanner.redact(doc, out).ok()) ++errors[t];
                spans[t] += out.spans.size();
                bytes[t] += out.text.size();
            }
        };
        std::vector<std::thread> pool;
        for (std::size_t t = 1; t < slices.size(); ++t) pool.emplace_back(work, t);
        while (ready.load() < threads - 1) std::this_thread::yield();
        const auto start = Clock::now();
        go.store(true, std::memory_order_release);
        work(0);
        for (auto& th : pool) th.join();
        const double s = seconds_since(start);
        if (rep >= 0) secs.push_back(s);
        totals.spans = totals.output_bytes = totals.errors = 0;
        for (std::size_t t = 0; t < slices.size(); ++t) {
            totals.spans += spans[t];
            totals.output_bytes += bytes[t];
            totals.errors += errors[t];
        }
    }
    return finish_run(corpus, secs, totals, before);
}

/// The convenience API: Engine::redact per document (pooled scratch, a new
/// result per call), one thread.
RunResult run_engine_api(const Engine& engine, const Corpus& corpus, int reps) {
    std::vector<double> secs;
    RunResult totals;
    CpuSample before;
    for (int rep = -1; rep < reps; ++rep) {
        if (rep == 0) before = cpu_sample();
        std::size_t spans = 0, bytes = 0, errors = 0;
        const auto start = Clock::now();
        for (const std::string_view doc : corpus.docs) {
            auto r = engine.redact(doc);
            if (!r.ok()) {
                ++errors;
                continue;
            }
            spans += r->spans.size();
            bytes += r->text.size();
        }
        const double s = seconds_since(start);
        if (rep >= 0) secs.push_back(s);
        totals.spans = spans;
        totals.output_bytes = bytes;
        totals.errors = errors;
    }
    return finish_run(corpus, secs, totals, before);
}

/// What the machine itself allows: how much faster `threads` threads finish the
/// same per-thread CPU-bound work than one thread (ideally `threads`). A VM
/// whose vCPUs share one physical core, or a CPU quota, shows ~1 here, and then
/// no program can scale: the engine's scaling is to be read against this.
double parallel_capacity(int threads) {
    auto spin = [] {
        volatile std::uint64_t x = 0;
        for (std::uint64_t i = 0; i < 150'000'000; ++i) x = x + (i ^ (x >> 3));
    };
    std::vector<double> ratios;
    for (int rep = 0; rep < 3; ++rep) {
        auto start = Clock::now();
        spin();
        const double one = seconds_since(start);
        start = Clock::now();
        std::vector<std::thread> pool;
        for (int t = 0; t < threads; ++t) pool.emplace_back(spin);
        for (auto& th : pool) th.join();
        ratios.push_back(threads * one / seconds_since(start));
    }
    return summarize(ratios).median;
}

template <class Fn>
Stats time_ms(int reps, Fn&& fn) {
    std::vector<double> ms;
    for (int i = 0; i < reps; ++i) {
        const auto start = Clock::now();
        fn();
        ms.push_back(seconds_since(start) * 1e3);
    }
    return summarize(ms);
}

Json stats_json(const Stats& s) { return Json{{"median", s.median}, {"min", s.min}, {"max", s.max}, {"n", s.n}}; }

[[noreturn]] void fail(const std::string& what, int code = 1) {
    std::cerr << "engine_bench: " << what << "\n";
    std::exit(code);
}

}  // namespace

int run(int argc, char** argv) {
    Options opt;
    if (!parse_options(argc, argv, opt)) return 64;
    const std::size_t limit = static_cast<std::size_t>(opt.limit_mb * 1e6);

    // Corpora.
    std::vector<Corpus> corpora;
    std::string error;
    for (const auto& [name, path, sep] :
         {std::tuple<std::string, std::string, std::string>{"clinical", opt.clinical, "\n\f\n"},
          {"logs", opt.logs, "\n"}}) {
        if (path == "none" || path.empty()) continue;
        Corpus c;
        if (!load_corpus(name, path, sep, limit, c, error)) {
            fail(error + " (generate the corpora with: python3 bench/gen_corpus.py)");
        }
        std::cerr << "corpus " << name << ": " << c.docs.size() << " documents, " << static_cast<double>(c.bytes) / 1e6 << " MB from "
                  << path << "\n";
        corpora.push_back(std::move(c));
    }
    Json truth;
    {
        std::string text;
        std::string ignored;
        if (read_file(opt.truth, text, ignored)) truth = Json::parse(text, nullptr, false);
        if (truth.is_discarded()) truth = Json();
    }

    // Policy load and compile.
    auto load_policy = [&]() {
        return opt.policy.empty() ? Policy::default_policy() : Policy::from_file(opt.policy);
    };
    auto policy = load_policy();
    if (!policy.ok()) fail("policy: " + policy.status().to_string(), 3);
    const Stats policy_ms = time_ms(5, [&] { (void)load_policy(); });

    // The headline figures use the default options; the other start-of-match
    // strategy is timed beside it and must give identical results.
    const EngineOptions primary_opts;
    EngineOptions alternate_opts;
    alternate_opts.start_of_match = primary_opts.start_of_match == StartOfMatch::kLeftmost ? StartOfMatch::kWindowed
                                                                                          : StartOfMatch::kLeftmost;
    const char* const primary_som = som_name(primary_opts.start_of_match);
    const char* const alternate_som = som_name(alternate_opts.start_of_match);
    auto primary = Engine::compile(*policy, primary_opts);
    if (!primary.ok()) fail("compile: " + primary.status().to_string(), 3);
    auto alternate = Engine::compile(*policy, alternate_opts);
    if (!alternate.ok()) fail(std::string("compile (") + alternate_som + "): " + alternate.status().to_string(), 3);
    const EngineOptions& windowed_opts =
        primary_opts.start_of_match == StartOfMatch::kWindowed ? primary_opts : alternate_opts;
    const EngineOptions& leftmost_opts =
        primary_opts.start_of_match == StartOfMatch::kLeftmost ? primary_opts : alternate_opts;
    const Stats compile_ms = time_ms(3, [&] { (void)Engine::compile(*policy, windowed_opts); });
    const Stats compile_leftmost_ms = time_ms(3, [&] { (void)Engine::compile(*policy, leftmost_opts); });

    auto bytes = primary->serialize();
    if (!bytes.ok()) fail("serialize: " + bytes.status().to_string());
    const Stats serialize_ms = time_ms(5, [&] { (void)primary->serialize(); });
    std::optional<Engine> loaded;
    const Stats deserialize_ms = time_ms(20, [&] {
        auto e = Engine::deserialize(*bytes, primary_opts);
        if (!e.ok()) fail("deserialize: " + e.status().to_string());
        loaded.emplace(std::move(e).value());
    });
    const std::string engine_file = env_or("TMPDIR", "/tmp") + "/phimask_engine_bench.bin";
    if (!primary->save(engine_file).ok()) fail("cannot save " + engine_file);
    const Stats load_file_ms = time_ms(20, [&] {
        auto e = Engine::load(engine_file, primary_opts);
        if (!e.ok()) fail("load: " + e.status().to_string());
    });
    std::remove(engine_file.c_str());
    std::cerr << "policy " << policy->version() << ": " << policy->detector_names().size() << " detectors, "
              << policy->entity_types().size() << " types; compile " << compile_ms.median << " ms, engine "
              << bytes->size() << " bytes, deserialize " << deserialize_ms.median << " ms\n";

    // Validation, before any timing.
    const auto types = policy->entity_types();
    const std::set<std::string> policy_types(types.begin(), types.end());
    Json validation = Json::object();
    std::vector<std::string> problems;
    std::map<std::string, Validation> reference;
    for (const Corpus& c : corpora) {
        Validation v = validate_corpus(*primary, c, opt.exact);
        for (auto& p : v.problems) problems.push_back(p);
        const Json& t = truth.is_object() && truth.contains(c.name) ? truth[c.name] : Json();
        const bool whole_corpus = t.is_object() && t.value("docs", std::size_t{0}) == c.docs.size();
        // Documents that must change: every one with generated PHI, from the
        // generator's summary (pro rata for a part of the corpus; all without one).
        std::size_t with_phi = v.docs;
        if (whole_corpus) {
            with_phi = t.value("docs_with_phi", v.docs);
        } else if (t.is_object() && t.value("docs", std::size_t{0}) > 0) {
            with_phi = v.docs * t.value("docs_with_phi", std::size_t{0}) / t.value("docs", std::size_t{1});
        }
        const double changed_share = with_phi ? static_cast<double>(v.changed) / static_cast<double>(with_phi) : 1.0;
        if (changed_share < opt.min_changed) {
            problems.push_back(c.name + ": only " + std::to_string(v.changed) + " of " + std::to_string(with_phi) +
                               " documents with PHI were changed");
        }
        if (v.spans == 0) problems.push_back(c.name + ": no span found");
        std::vector<std::string> unmapped;
        std::vector<std::string> not_found;
        std::map<std::string, std::size_t> expected;
        if (t.is_object() && t.contains("counts")) {
            expected = expected_by_type(t["counts"], policy_types, v.by_type, unmapped, not_found);
        }
        for (const auto& kind : not_found) problems.push_back(c.name + ": no span for generated " + kind);
        Json table = Json::object();
        std::set<std::string> all_types(types.begin(), types.end());
        for (const auto& [type, n] : v.by_type) all_types.insert(type);
        for (const auto& type : all_types) {
            const std::size_t found = v.by_type.count(type) ? v.by_type.at(type) : 0;
            const std::size_t gen = expected.count(type) ? expected.at(type) : 0;
            if (found || gen) table[type] = Json{{"generated", whole_corpus ? Json(gen) : Json()}, {"found", found}};
        }
        validation[c.name] = Json{{"docs", v.docs},
                                  {"docs_with_phi", with_phi},
                                  {"docs_changed", v.changed},
                                  {"docs_blocked", v.blocked},
                                  {"spans", v.spans},
                                  {"types", table},
                                  {"generated_kinds_not_in_policy", unmapped}};
        reference.emplace(c.name, std::move(v));
    }
    // Identical results: the other StartOfMatch (all clinical notes), a deserialized engine
    // and the Engine::redact API (a sample of each corpus).
    auto via_scanner = [](const Engine& e) {
        return [scanner = std::make_shared<Scanner>(e)](std::string_view doc) -> std::optional<RedactResult> {
            RedactResult out;
            if (!scanner->redact(doc, out).ok()) return std::nullopt;
            return out;
        };
    };
    auto via_api = [&](std::string_view doc) -> std::optional<RedactResult> {
        auto r = primary->redact(doc);
        if (!r.ok()) return std::nullopt;
        return std::move(r).value();
    };
    for (const Corpus& c : corpora) {
        const Validation& ref = reference.at(c.name);
        struct Check {
            const char* key;
            const char* what;
            std::function<std::optional<RedactResult>(std::string_view)> fn;
            std::size_t limit;
        };
        const Check checks[] = {
            {"other_som", "the other StartOfMatch", via_scanner(*alternate),
             c.name == "clinical" ? c.docs.size() : 5000},
            {"deserialized", "a deserialized engine", via_scanner(*loaded), 2000},
            {"engine_api", "Engine::redact", via_api, 2000},
        };
        for (const Check& check : checks) {
            std::size_t first = 0;
            const std::size_t bad = count_mismatches(check.fn, c, ref, check.limit, first);
            validation[c.name][std::string("mismatches_") + check.key] = bad;
            if (bad) {
                problems.push_back(c.name + ": " + std::to_string(bad) + " documents differ with " + check.what +
                                   " (first: doc " + std::to_string(first) + ")");
            }
        }
    }
    // Alignment independence: the same bytes at every offset mod 64 must give the
    // same result (SIMD scanning code has had alignment-dependent bugs).
    for (const Corpus& c : corpora) {
        const Validation& ref = reference.at(c.name);
        Scanner scanner(*primary);
        RedactResult out;
        std::string buffer;
        std::size_t bad = 0, first = 0;
        const std::size_t step = std::max<std::size_t>(1, c.docs.size() / 200);
        for (std::size_t i = 0; i < c.docs.size(); i += step) {
            const std::string_view doc = c.docs[i];
            buffer.assign(doc.size() + 64, '\0');
            // Offsets relative to the buffer's own address, so all 64 residues occur.
            const std::size_t base = (64 - reinterpret_cast<std::uintptr_t>(buffer.data()) % 64) % 64;
            bool same = true;
            for (std::size_t off = 0; off < 64 && same; ++off) {
                const std::size_t at = (base + off) % 64;
                std::copy(doc.begin(), doc.end(), buffer.begin() + static_cast<std::ptrdiff_t>(at));
                same = scanner.redact(std::string_view(buffer).substr(at, doc.size()), out).ok() &&
                       result_hash(out) == ref.hashes[i];
            }
            if (!same && bad++ == 0) first = i;
        }
        validation[c.name]["mismatches_alignment"] = bad;
        if (bad) {
            problems.push_back(c.name + ": " + std::to_string(bad) +
                               " sampled documents give other results (or errors) at other buffer alignments" +
                               " (first: doc " + std::to_string(first) + ")");
        }
    }
    for (const Corpus& c : corpora) {
        const Json& v = validation[c.name];
        std::fprintf(stderr, "validated %s: %zu docs, %zu changed (of %zu with PHI), %zu spans\n", c.name.c_str(),
                     v["docs"].get<std::size_t>(), v["docs_changed"].get<std::size_t>(),
                     v["docs_with_phi"].get<std::size_t>(), v["spans"].get<std::size_t>());
        for (const auto& [type, row] : v["types"].items()) {
            std::fprintf(stderr, "  %-28s generated %8s  found %8zu\n", type.c_str(),
                         row["generated"].is_null() ? "-" : std::to_string(row["generated"].get<std::size_t>()).c_str(),
                         row["found"].get<std::size_t>());
        }
    }
    if (!problems.empty()) {
        std::cerr << "engine_bench: validation failed; nothing timed:\n";
        for (const auto& p : problems) std::cerr << "  " << p << "\n";
        return 2;
    }

    // Throughput.
    struct Config {
        std::string corpus;
        const Engine* engine;
        std::string som;
        std::string api;
        int threads;
    };
    std::vector<Config> configs;
    for (const Corpus& c : corpora) {
        configs.push_back({c.name, &*primary, primary_som, "scanner", 1});
        if (opt.threads > 1) configs.push_back({c.name, &*primary, primary_som, "scanner", opt.threads});
        if (c.name == "clinical") {
            configs.push_back({c.name, &*alternate, alternate_som, "scanner", 1});
            configs.push_back({c.name, &*primary, primary_som, "engine", 1});
        }
    }
    Json runs = Json::array();
    std::fprintf(stderr, "\n%-9s %-9s %-8s %7s %12s %10s %10s %10s %8s\n", "corpus", "som", "api", "threads",
                 "median MB/s", "best MB/s", "worst MB/s", "median s", "others");
    for (const Config& cfg : configs) {
        const std::string id = cfg.corpus + "/" + cfg.som + "/" + cfg.api + "/" + std::to_string(cfg.threads);
        if (!opt.only.empty() && id.find(opt.only) == std::string::npos) continue;
        const Corpus& c = *std::find_if(corpora.begin(), corpora.end(),
                                        [&](const Corpus& x) { return x.name == cfg.corpus; });
        const Validation& ref = reference.at(c.name);
        const RunResult r = cfg.api == "engine" ? run_engine_api(*cfg.engine, c, opt.reps)
                                                : run_scanners(*cfg.engine, c, cfg.threads, opt.reps);
        if (r.errors || r.spans != ref.spans || r.output_bytes != ref.output_bytes) {
            fail(cfg.corpus + " " + cfg.som + " " + std::to_string(cfg.threads) +
                     " threads: results differ from the validated run", 2);
        }
        std::fprintf(stderr, "%-9s %-9s %-8s %7d %12.1f %10.1f %10.1f %10.4f %8.2f\n", cfg.corpus.c_str(),
                     cfg.som.c_str(), cfg.api.c_str(), cfg.threads, r.mbps_median, r.mbps_best, r.mbps_worst,
                     r.seconds.median, r.background_cpus);
        runs.push_back(Json{{"corpus", cfg.corpus},
                            {"start_of_match", cfg.som},
                            {"api", cfg.api},
                            {"threads", cfg.threads},
                            {"reps", opt.reps},
                            {"bytes", c.bytes},
                            {"docs", c.docs.size()},
                            {"seconds", stats_json(r.seconds)},
                            {"mb_per_s", r.mbps_median},
                            {"mb_per_s_best", r.mbps_best},
                            {"mb_per_s_worst", r.mbps_worst},
                            {"background_cpus", r.background_cpus}});
    }
    auto find_run = [&](const std::string& corpus, const std::string& som, const std::string& api,
                        int threads) -> const Json* {
        for (const auto& r : runs) {
            if (r["corpus"] == corpus && r["start_of_match"] == som && r["api"] == api && r["threads"] == threads)
                return &r;
        }
        return nullptr;
    };
    const double capacity = opt.threads > 1 ? parallel_capacity(opt.threads) : 1.0;
    if (opt.threads > 1) {
        std::fprintf(stderr, "machine parallel capacity (CPU-bound spin, %d threads vs 1): %.2fx\n", opt.threads,
                     capacity);
    }
    Json scaling = Json::object();
    for (const Corpus& c : corpora) {
        const Json* one = find_run(c.name, primary_som, "scanner", 1);
        const Json* many = find_run(c.name, primary_som, "scanner", opt.threads);
        if (one && many && opt.threads > 1) {
            scaling[c.name] = (*many)["mb_per_s"].get<double>() / (*one)["mb_per_s"].get<double>();
        }
    }

    Json summary = {
        {"schema", "phimask-engine-bench/1"},
        {"date", utc_timestamp()},
        {"phimask_version", phimask::version()},
        {"hyperscan_version", phimask::hyperscan_version()},
        {"default_start_of_match", primary_som},
        {"machine",
         {{"nproc", std::thread::hardware_concurrency()},
          {"cpu", cpu_model()},
          {"parallel_capacity", Json{{"threads", opt.threads}, {"speedup", capacity}}}}},
        {"policy", {{"file", opt.policy.empty() ? Json("(default)") : Json(opt.policy)},
                    {"version", policy->version()},
                    {"detectors", policy->detector_names().size()},
                    {"entity_types", types.size()}}},
        {"setup_ms",
         {{"policy_load", stats_json(policy_ms)},
          {"compile_windowed", stats_json(compile_ms)},
          {"compile_leftmost", stats_json(compile_leftmost_ms)},
          {"serialize", stats_json(serialize_ms)},
          {"deserialize", stats_json(deserialize_ms)},
          {"load_file", stats_json(load_file_ms)}}},
        {"serialized_bytes", bytes->size()},
        {"corpora", Json::object()},
        {"validation", validation},
        {"runs", runs},
        {"scaling", scaling},
    };
    for (const Corpus& c : corpora) {
        summary["corpora"][c.name] = Json{{"path", c.path}, {"docs", c.docs.size()}, {"bytes", c.bytes}};
    }
    if (truth.is_object()) {
        summary["generator"] = Json{{"name", truth.value("generator", "")}, {"seed", truth.value("seed", 0)}};
    }
    if (!emit_summary(summary.dump(2), opt.json_out)) fail("cannot write " + opt.json_out);
    return 0;
}

}  // namespace phimask::bench

int main(int argc, char** argv) { return phimask::bench::run(argc, argv); }
