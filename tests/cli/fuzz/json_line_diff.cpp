// Differential test of core/src/json_line.cpp against nlohmann::json on random and
// mutated JSON lines: same accept/reject decisions, same decoded strings, and a
// rewrite that re-parses to the expected document. Not part of ctest (it is a
// long-running check); build and run by hand:
//
//   g++ -std=c++17 -O2 -Icore/src tests/cli/fuzz/json_line_diff.cpp core/src/json_line.cpp -o /tmp/json_line_diff
//   /tmp/json_line_diff 200000
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "json_line.h"

using phimask::detail::JsonLineParser;
using phimask::detail::JsonOutcome;
using phimask::detail::JsonRecord;
using phimask::detail::JsonStringVisitor;

namespace {

std::mt19937_64 rng(12345);

std::size_t pick(std::size_t n) { return static_cast<std::size_t>(rng() % n); }

std::string random_string_token() {
    static const char* pieces[] = {"a", "Z", " ", "123-45-6789", "\\n", "\\\"", "\\\\", "\\/", "\\u00e9", "\\u0000",
                                   "\\ud83d\\ude00", "\xc3\xa9", "\xf0\x9f\x98\x80", "\xe2\x80\x8b", "\\t", "\x7f",
                                   "\\uD834\\uDD1E", "x@y.com", "\xed\x9f\xbf", "\xf4\x8f\xbf\xbf"};
    std::string s = "\"";
    for (std::size_t k = pick(6); k > 0; --k) s += pieces[pick(sizeof(pieces) / sizeof(*pieces))];
    return s + "\"";
}

std::string random_number() {
    static const char* numbers[] = {"0", "-0", "1", "-12", "3.25", "1e5", "1E-7", "-0.5e+3", "12345678901234567890123",
                                    "0.1", "2.5E10"};
    return numbers[pick(sizeof(numbers) / sizeof(*numbers))];
}

std::string ws() {
    static const char* spaces[] = {"", "", "", " ", "\t", "\r", "  "};
    return spaces[pick(sizeof(spaces) / sizeof(*spaces))];
}

std::string random_value(int depth) {
    const std::size_t kind = depth > 4 ? pick(5) : pick(7);
    switch (kind) {
    case 0: return random_string_token();
    case 1: return random_number();
    case 2: return "true";
    case 3: return "false";
    case 4: return "null";
    case 5: {
        std::string s = "[" + ws();
        for (std::size_t k = pick(4), i = 0; i < k; ++i) s += (i ? "," : "") + ws() + random_value(depth + 1) + ws();
        return s + "]";
    }
    default: {
        std::string s = "{" + ws();
        for (std::size_t k = pick(4), i = 0; i < k; ++i) {
            s += (i ? "," : "") + ws() + "\"k" + std::to_string(pick(3)) + "\"" + ws() + ":" + ws() +
                 random_value(depth + 1) + ws();
        }
        return s + "}";
    }
    }
}

std::string mutate(std::string s) {
    static const char bytes[] = {'"', '\\', '{', '}', '[', ']', ',', ':', 'u', '0', 'e', '-', '.', ' ',
                                 '\x01', '\x80', '\xc3', '\xed', '\xf4', '\xff', 'D', '8'};
    for (std::size_t k = 1 + pick(3); k > 0 && !s.empty(); --k) {
        const std::size_t at = pick(s.size());
        switch (pick(3)) {
        case 0: s[at] = bytes[pick(sizeof(bytes))]; break;
        case 1: s.erase(at, 1); break;
        default: s.insert(at, 1, bytes[pick(sizeof(bytes))]);
        }
    }
    return s;
}

class Collector : public JsonStringVisitor {
public:
    bool transform = false;
    Decision on_string(std::string_view value, std::string& replacement) override {
        if (!transform) return Decision::kKeep;
        replacement = "<" + std::string(value) + "\"\\\n\x01\xc3\xa9>";
        return Decision::kReplace;
    }
};

void transform_strings(nlohmann::json& j) {
    if (j.is_string()) {
        j = "<" + j.get<std::string>() + "\"\\\n\x01\xc3\xa9>";
    } else if (j.is_structured()) {
        for (auto& child : j) transform_strings(child);
    }
}

int failures = 0;

bool overflows_double(const std::string& line) {
    try {
        const auto doc = nlohmann::json::parse(line);
        (void)doc;
    } catch (const nlohmann::json::out_of_range& e) {
        return e.id == 406;
    } catch (const nlohmann::json::exception&) {
    }
    return false;
}

void check(const std::string& line) {
    if (line.compare(0, 3, "\xef\xbb\xbf") == 0) return;  // nlohmann skips a BOM; the CLI does so per file
    JsonLineParser parser;
    Collector keep;
    std::string out;
    const bool mine = parser.rewrite(line, out, keep) == JsonOutcome::kOk;
    const bool theirs = nlohmann::json::accept(line);
    if (mine && !theirs && overflows_double(line)) return;  // valid JSON; nlohmann alone refuses it
    if (mine != theirs || (mine && out != line)) {
        const auto shown = nlohmann::json(line).dump(-1, ' ', true, nlohmann::json::error_handler_t::replace);
        std::printf("MISMATCH accept mine=%d theirs=%d: %s\n", mine, theirs, shown.c_str());
        ++failures;
        return;
    }
    if (!mine) return;
    Collector change;
    change.transform = true;
    std::string rewritten;
    if (parser.rewrite(line, rewritten, change) != JsonOutcome::kOk || !nlohmann::json::accept(rewritten)) {
        std::printf("MISMATCH rewrite invalid\n");
        ++failures;
        return;
    }
    auto expected = nlohmann::json::parse(line);
    transform_strings(expected);
    if (nlohmann::json::parse(rewritten) != expected) {
        std::printf("MISMATCH rewrite differs: %s\n", rewritten.c_str());
        ++failures;
    }
    JsonRecord record;
    const auto doc = nlohmann::json::parse(line);
    const bool record_ok = parser.read_record(line, record) == JsonOutcome::kOk;
    const bool record_expected =
        doc.is_object() && doc.contains("id") && doc.contains("text") && doc["text"].is_string();
    if (record_ok != record_expected ||
        (record_ok && (std::string(record.text) != doc["text"].get<std::string>() ||
                       nlohmann::json::parse(record.id) != doc["id"]))) {
        std::printf("MISMATCH record: %s\n", line.c_str());
        ++failures;
    }
}

}  // namespace

int main(int argc, char** argv) {
    const long rounds = argc > 1 ? std::atol(argv[1]) : 100000;
    for (long r = 0; r < rounds && failures < 20; ++r) {
        std::string line = random_value(0);
        if (pick(3) == 0) {
            // A detect record: valid when the rest is a non-empty object.
            line = "{\"id\":" + random_value(2) + ",\"text\":" + random_string_token() + "," +
                   line.substr(line[0] == '{' ? 1 : 0);
        }
        check(line);
        check(mutate(line));
    }
    std::printf("%d failures\n", failures);
    return failures == 0 ? 0 : 1;
}
