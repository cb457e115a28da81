// Helpers shared by the benchmark programs: corpus loading, timing, statistics,
// and the checks that a redaction is well formed.
//
// Throughput is always in MB/s with MB = 10^6 bytes of *input document text*
// (separators between documents are not counted), divided by wall-clock time.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "phimask/span.h"

namespace phimask::bench {

/// A corpus held in memory: one buffer, documents as views into it.
struct Corpus {
    std::string name;
    std::string path;
    std::string data;
    std::vector<std::string_view> docs;
    std::size_t bytes = 0;  ///< sum of the documents' sizes
};

/// Reads a whole file; false (with `error` set) when it cannot be read.
bool read_file(const std::string& path, std::string& out, std::string& error);

/// Loads a file of documents separated by `separator` (e.g. "\n\f\n" for the
/// clinical corpus, "\n" for JSON Lines). Empty documents are skipped. When
/// `limit_bytes` is non-zero, stops after the first documents that reach it.
bool load_corpus(const std::string& name, const std::string& path, std::string_view separator,
                 std::size_t limit_bytes, Corpus& out, std::string& error);

/// Cuts `docs` into `parts` contiguous slices of about equal bytes.
std::vector<std::vector<std::string_view>> split_by_bytes(const std::vector<std::string_view>& docs, int parts);

using Clock = std::chrono::steady_clock;

inline double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

/// Median, minimum and maximum of repeated measurements.
struct Stats {
    double median = 0;
    double min = 0;
    double max = 0;
    std::size_t n = 0;
};
Stats summarize(std::vector<double> samples);

/// Checks the invariants of one redaction of `input`: spans sorted, non-empty,
/// non-overlapping and inside the input; every byte outside the spans appears in
/// the output unchanged and in order. With `placeholders_exact` (every span's
/// action is the default "{TYPE}" placeholder) the output must equal the input
/// with each span replaced by "{TYPE}". Returns an empty string when all hold,
/// else what failed (no document text).
std::string check_redaction(std::string_view input, const RedactResult& result, bool placeholders_exact);

/// CPU time used on the whole machine (from /proc/stat) and by this process, to
/// tell how much of the machine other processes took while something was timed.
struct CpuSample {
    double machine_busy_s = 0;  ///< non-idle time summed over all CPUs; < 0 when unknown
    double self_s = 0;          ///< this process's user + system time
    Clock::time_point at;
};
CpuSample cpu_sample();
/// CPUs' worth of time that other processes used between the samples (e.g. 0.9
/// means another process kept almost one CPU busy); negative when unknown.
double background_cpus(const CpuSample& before, const CpuSample& after);

/// Environment variable, or `fallback` when unset or empty.
std::string env_or(const char* name, const std::string& fallback);

/// "AMD EPYC 7B13" etc. from /proc/cpuinfo ("unknown" elsewhere).
std::string cpu_model();

/// UTC time as "2024-03-01T12:34:56Z".
std::string utc_timestamp();

/// Prints a benchmark's JSON summary to stdout and, when `path` is not empty,
/// writes it there too. False when the file cannot be written.
bool emit_summary(const std::string& json_text, const std::string& path);

}  // namespace phimask::bench
