#include "bench_common.h"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>

#include <sys/resource.h>
#include <sys/time.h>
#include <unistd.h>

namespace phimask::bench {

bool read_file(const std::string& path, std::string& out, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot open " + path;
        return false;
    }
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    in.seekg(0, std::ios::beg);
    out.resize(static_cast<std::size_t>(size));
    if (size > 0 && !in.read(out.data(), size)) {
        error = "cannot read " + path;
        return false;
    }
    return true;
}

bool load_corpus(const std::string& name, const std::string& path, std::string_view separator,
                 std::size_t limit_bytes, Corpus& out, std::string& error) {
    out = Corpus{};
    out.name = name;
    out.path = path;
    if (!read_file(path, out.data, error)) return false;
    const std::string_view all(out.data);
    std::size_t pos = 0;
    while (pos < all.size()) {
        std::size_t end = all.find(separator, pos);
        if (end == std::string_view::npos) end = all.size();
        std::string_view doc = all.substr(pos, end - pos);
        // The last document of a separator-joined file ends with one newline.
        if (end == all.size() && !doc.empty() && doc.back() == '\n') doc.remove_suffix(1);
        if (!doc.empty()) {
            out.docs.push_back(doc);
            out.bytes += doc.size();
        }
        pos = end + separator.size();
        if (limit_bytes != 0 && out.bytes >= limit_bytes) break;
    }
    if (out.docs.empty()) {
        error = path + " holds no documents";
        return false;
    }
    return true;
}

std::vector<std::vector<std::string_view>> split_by_bytes(const std::vector<std::string_view>& docs, int parts) {
    std::size_t total = 0;
    for (auto d : docs) total += d.size();
    std::vector<std::vector<std::string_view>> out(static_cast<std::size_t>(std::max(parts, 1)));
    std::size_t done = 0;
    std::size_t part = 0;
    for (auto d : docs) {
        // Move on once this part holds its share of the bytes.
        while (part + 1 < out.size() && done >= total * (part + 1) / out.size()) ++part;
        out[part].push_back(d);
        done += d.size();
    }
    return out;
}

Stats summarize(std::vector<double> samples) {
    Stats s;
    s.n = samples.size();
    if (samples.empty()) return s;
    std::sort(samples.begin(), samples.end());
    const std::size_t mid = samples.size() / 2;
    s.median = samples.size() % 2 ? samples[mid] : (samples[mid - 1] + samples[mid]) / 2;
    s.min = samples.front();
    s.max = samples.back();
    return s;
}

std::string check_redaction(std::string_view input, const RedactResult& result, bool placeholders_exact) {
    if (result.blocked()) {
        return result.text.empty() ? std::string() : "a blocked result holds text";
    }
    const std::string_view output(result.text);
    if (result.spans.empty()) return output == input ? std::string() : "text changed without a span";
    std::size_t prev_end = 0;
    std::size_t out_pos = 0;
    std::string expected;
    if (placeholders_exact) expected.reserve(output.size());
    for (const Span& span : result.spans) {
        if (span.start >= span.end) return "an empty or inverted span";
        if (span.end > input.size()) return "a span past the end of the input";
        if (span.start < prev_end) return "spans out of order or overlapping";
        const std::string_view gap = input.substr(prev_end, span.start - prev_end);
        // Bytes outside spans appear unchanged and in order (the first gap exactly
        // at the start: nothing may precede it).
        const std::size_t at = prev_end == 0 ? (output.substr(0, gap.size()) == gap ? 0 : std::string_view::npos)
                                             : output.find(gap, out_pos);
        if (at == std::string_view::npos) return "text outside the spans was changed";
        out_pos = at + gap.size();
        if (placeholders_exact) {
            expected.append(gap);
            expected.append("{").append(span.type).append("}");
        }
        prev_end = span.end;
    }
    const std::string_view tail = input.substr(prev_end);
    if (output.size() < tail.size() || output.substr(output.size() - tail.size()) != tail ||
        output.size() - tail.size() < out_pos) {
        return "text after the last span was changed";
    }
    if (placeholders_exact) {
        expected.append(tail);
        if (expected != output) return "output is not the input with each span replaced by {TYPE}";
    }
    return {};
}

CpuSample cpu_sample() {
    CpuSample s;
    s.at = Clock::now();
    s.machine_busy_s = -1;
    std::ifstream in("/proc/stat");
    std::string cpu;
    // cpu user nice system idle iowait irq softirq steal ...
    unsigned long long v[8] = {};
    if (in >> cpu >> v[0] >> v[1] >> v[2] >> v[3] >> v[4] >> v[5] >> v[6] >> v[7] && cpu == "cpu") {
        const long hz = sysconf(_SC_CLK_TCK);
        const unsigned long long busy = v[0] + v[1] + v[2] + v[5] + v[6] + v[7];
        s.machine_busy_s = static_cast<double>(busy) / static_cast<double>(hz > 0 ? hz : 100);
    }
    rusage ru{};
    if (getrusage(RUSAGE_SELF, &ru) == 0) {
        auto secs = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
        s.self_s = secs(ru.ru_utime) + secs(ru.ru_stime);
    }
    return s;
}

double background_cpus(const CpuSample& before, const CpuSample& after) {
    if (before.machine_busy_s < 0 || after.machine_busy_s < 0) return -1;
    const double wall = std::chrono::duration<double>(after.at - before.at).count();
    if (wall <= 0) return -1;
    const double others = (after.machine_busy_s - before.machine_busy_s) - (after.self_s - before.self_s);
    return std::max(0.0, others / wall);
}

std::string env_or(const char* name, const std::string& fallback) {
    const char* v = std::getenv(name);
    return (v != nullptr && *v != '\0') ? std::string(v) : fallback;
}

std::string cpu_model() {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("model name", 0) == 0) {
            const std::size_t colon = line.find(':');
            if (colon != std::string::npos) {
                std::size_t b = line.find_first_not_of(" \t", colon + 1);
                return b == std::string::npos ? std::string() : line.substr(b);
            }
        }
    }
    return "unknown";
}

std::string utc_timestamp() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

bool emit_summary(const std::string& json_text, const std::string& path) {
    std::cout << json_text << "\n";
    if (path.empty()) return true;
    std::ofstream out(path);
    out << json_text << "\n";
    return static_cast<bool>(out);
}

}  // namespace phimask::bench
