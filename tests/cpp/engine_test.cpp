#include <random>
#include <thread>

#include "test_util.h"

namespace phimask::test {
namespace {

/// A plugin-only policy, independent of the shipped pack.
constexpr const char* kDigits = R"({"packs": [], "detectors": [
    {"name": "ssn_like", "type": "US_SOCIAL_SECURITY_NUMBER", "pattern": "\\b\\d{3}-\\d{2}-\\d{4}\\b", "score": 0.9}]%s})";

std::string with_actions(const std::string& extra) {
    std::string json = kDigits;
    json.replace(json.find("%s"), 2, extra);
    return json;
}

TEST(Engine, RedactsThePluginsFromTheReadme) {
    Engine engine = engine_from(kPluginPolicy);
    auto r = engine.redact("Seen under MRN: 12345678 for visit ENC-20230115; MRN#9876543 too.");
    ASSERT_TRUE(r.ok()) << r.status().to_string();
    EXPECT_EQ(r->text, "Seen under {MEDICAL_RECORD_NUMBER} for visit {ENCOUNTER_ID}; {MEDICAL_RECORD_NUMBER} too.");
    EXPECT_EQ(r->summary.counts.at("MEDICAL_RECORD_NUMBER"), 2u);
    EXPECT_EQ(r->summary.counts.at("ENCOUNTER_ID"), 1u);
    EXPECT_EQ(r->summary.policy_version, engine.policy_version());
    EXPECT_FALSE(r->blocked());
}

TEST(Engine, SpansAreByteOffsetsIntoTheOriginal) {
    Engine engine = engine_from(with_actions(""));
    const std::string text = "café ☕ SSN 123-45-6789.";
    auto spans = engine.detect(text);
    ASSERT_TRUE(spans.ok());
    ASSERT_EQ(spans->size(), 1u);
    EXPECT_EQ(slice(text, (*spans)[0]), "123-45-6789");
    EXPECT_EQ((*spans)[0].detector, "ssn_like");
    EXPECT_EQ((*spans)[0].action, Action::kPlaceholder);
}

TEST(Engine, PlaceholderFormatIsConfigurable) {
    Engine engine = engine_from(with_actions(R"(, "placeholder_format": "[REDACTED:TYPE]")"));
    EXPECT_EQ(engine.redact("a 123-45-6789 b")->text, "a [REDACTED:US_SOCIAL_SECURITY_NUMBER] b");
}

TEST(Engine, MaskKeepsTheLastCharacters) {
    Engine engine = engine_from(with_actions(R"(, "actions": {"US_SOCIAL_SECURITY_NUMBER": {"action": "mask", "char": "•", "keep_last": 4}})"));
    EXPECT_EQ(engine.redact("a 123-45-6789 b")->text, "a •••••••6789 b");
}

TEST(Engine, RemoveDeletesTheSpan) {
    Engine engine = engine_from(with_actions(R"(, "actions": {"default": "remove"})"));
    EXPECT_EQ(engine.redact("a 123-45-6789 b")->text, "a  b");
}

TEST(Engine, HashIsKeyedTruncatedTypePrefixedAndDeterministic) {
    const std::string policy = with_actions(R"(, "actions": {"default": "hash"}, "hash": {"length": 12})");
    EngineOptions k1, k2;
    k1.hash_key = "key-one";
    k2.hash_key = "key-two";
    Engine e1 = engine_from(policy, k1), e1b = engine_from(policy, k1), e2 = engine_from(policy, k2);
    const std::string a = e1.redact("x 123-45-6789")->text;
    EXPECT_EQ(a.rfind("x {US_SOCIAL_SECURITY_NUMBER:", 0), 0u) << a;
    EXPECT_EQ(a.size(), std::string("x {US_SOCIAL_SECURITY_NUMBER:}").size() + 12);
    EXPECT_EQ(a, e1b.redact("x 123-45-6789")->text);
    EXPECT_NE(a, e2.redact("x 123-45-6789")->text);
    EXPECT_NE(a, e1.redact("x 123-45-6788")->text);
    // Evasion does not change the hash: full-width digits hash like ASCII ones.
    EXPECT_EQ(a, e1.redact("x １２３-４５-６７８９")->text);
}

TEST(Engine, HashWithoutKeyIsRefused) {
    auto policy = policy_from(with_actions(R"(, "actions": {"US_SOCIAL_SECURITY_NUMBER": "hash"})"));
    auto engine = Engine::compile(policy);
    ASSERT_FALSE(engine.ok());
    EXPECT_EQ(engine.status().code(), ErrorCode::kKey);
}

TEST(Engine, BlockReturnsNoTextAndNamesOnlyTypes) {
    Engine engine = engine_from(with_actions(R"(, "actions": {"US_SOCIAL_SECURITY_NUMBER": "block"})"));
    auto r = engine.redact("Patient SSN 123-45-6789 and 987-65-4321.");
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r->blocked());
    EXPECT_TRUE(r->text.empty());
    EXPECT_EQ(r->summary.blocking_types, std::vector<std::string>{"US_SOCIAL_SECURITY_NUMBER"});
    EXPECT_EQ(r->summary.counts.at("US_SOCIAL_SECURITY_NUMBER"), 2u);
    auto clean = engine.redact("nothing here");
    EXPECT_FALSE(clean->blocked());
    EXPECT_EQ(clean->text, "nothing here");
}

TEST(Engine, PerDetectorActionOverridesTheTypeAction) {
    Engine engine = engine_from(R"({"packs": [], "detectors": [
        {"name": "a", "type": "X", "pattern": "alpha", "action": "remove"},
        {"name": "b", "type": "X", "pattern": "beta"}], "actions": {"X": {"action": "mask"}}})");
    EXPECT_EQ(engine.redact("alpha beta")->text, " ****");
}

TEST(Engine, ContextWordsBoostOrGate) {
    Engine engine = engine_from(R"({"packs": [], "min_score": 0.5, "detectors": [
        {"name": "zip", "type": "ZIP_CODE", "pattern": "\\b\\d{5}\\b", "score": 0.3,
         "context": {"words": ["zip", "postal code"], "window": 20, "boost": 0.4}}]})");
    EXPECT_EQ(engine.redact("zip: 02115")->text, "zip: {ZIP_CODE}");
    EXPECT_EQ(engine.redact("Postal   Code 02115")->text, "Postal   Code {ZIP_CODE}");
    EXPECT_EQ(engine.redact("02115 is the zip")->text, "{ZIP_CODE} is the zip");
    EXPECT_EQ(engine.redact("weight 02115 units")->text, "weight 02115 units");
    EXPECT_EQ(engine.redact("zipper 02115")->text, "zipper 02115");  // whole words only
    EXPECT_EQ(engine.redact("zip code far away from here 02115")->text, "zip code far away from here 02115");
}

TEST(Engine, RequiredContextDropsCandidatesWithoutIt) {
    Engine engine = engine_from(R"({"packs": [], "detectors": [
        {"name": "fax", "type": "FAX", "pattern": "\\b\\d{3}-\\d{4}\\b", "score": 0.9,
         "context": {"words": ["fax"], "required": true}}]})");
    EXPECT_EQ(engine.redact("fax 555-0199")->text, "fax {FAX}");
    EXPECT_EQ(engine.redact("tel 555-0199")->text, "tel 555-0199");
}

TEST(Engine, AllowListAndThresholds) {
    Engine engine = engine_from(R"({"packs": [], "detectors": [
        {"name": "id", "type": "ID", "pattern": "\\bID-\\d{4}\\b", "score": 0.6},
        {"name": "code", "type": "CODE", "pattern": "\\bC\\d{3}\\b", "score": 0.6}],
        "allow_list": ["id-0000"], "thresholds": {"CODE": 0.7}})");
    EXPECT_EQ(engine.redact("ID-1234 ID-0000 C123")->text, "{ID} ID-0000 C123");
}

TEST(Engine, DenyListTermsAreAlwaysRedacted) {
    Engine engine = engine_from(R"({"packs": [], "deny_list": [{"type": "NAME", "terms": ["Zorblax", "Dr. Q"]}]})");
    EXPECT_EQ(engine.redact("seen by zorblax and DR. Q; Zorblaxes")->text, "seen by {NAME} and {NAME}; Zorblaxes");
}

TEST(Engine, OverlapsResolveByPriorityThenLength) {
    Engine engine = engine_from(R"({"packs": [], "detectors": [
        {"name": "short", "type": "SHORT", "pattern": "\\d{3}-\\d{4}"},
        {"name": "long", "type": "LONG", "pattern": "\\d{3}-\\d{3}-\\d{4}"},
        {"name": "fax", "type": "FAX", "pattern": "\\d{3}-\\d{3}-\\d{4}", "priority": 5,
         "context": {"words": ["fax"], "required": true}}]})");
    EXPECT_EQ(engine.redact("call 617-555-0123")->text, "call {LONG}");
    EXPECT_EQ(engine.redact("fax 617-555-0123")->text, "fax {FAX}");
    EXPECT_EQ(engine.redact("ext 555-0123")->text, "ext {SHORT}");
}

TEST(Engine, AdjacentPartsMergeWhenTheDetectorAllows) {
    Engine engine = engine_from(R"({"packs": [], "detectors": [
        {"name": "given", "type": "NAME", "pattern": "\\bAlice\\b", "merge_adjacent": true},
        {"name": "family", "type": "NAME", "pattern": "\\bZed\\b", "merge_adjacent": true},
        {"name": "code", "type": "CODE", "pattern": "\\bC\\d\\b"}]})");
    auto r = engine.redact("Alice Zed and C1 C2");
    EXPECT_EQ(r->text, "{NAME} and {CODE} {CODE}");
    EXPECT_EQ(r->spans.size(), 3u);
}

TEST(Engine, LabelIsNotPartOfTheSpan) {
    Engine engine = engine_from(R"({"packs": [], "detectors": [
        {"name": "mrn", "type": "MEDICAL_RECORD_NUMBER", "caseless": true,
         "patterns": [{"label": "\\bMRN[:#]? {0,3}", "pattern": "[A-Z0-9]{6,10}\\b"}]}]})");
    const std::string text = "MRN: 998877 and mrn#AB12345";
    EXPECT_EQ(described(text, *engine.detect(text)),
              (std::vector<std::string>{"MEDICAL_RECORD_NUMBER:998877", "MEDICAL_RECORD_NUMBER:AB12345"}));
    EXPECT_EQ(engine.redact(text)->text, "MRN: {MEDICAL_RECORD_NUMBER} and mrn#{MEDICAL_RECORD_NUMBER}");
}

/// Invariant 3: every byte outside the spans is returned exactly, invalid UTF-8 included.
TEST(Engine, OutputEqualsInputOutsideSpans) {
    Engine engine = engine_from(with_actions(""));
    std::mt19937 rng(7);
    const std::vector<std::string> parts = {"123-45-6789", " ", "\xff", "\xc3\xa9", "\xe2\x80\x8b", "abc", "\n",
                                            "\xf0\x9f\x98\x80", "\xed\xa0\x80", "-", "9", "\xc0"};
    for (int round = 0; round < 300; ++round) {
        std::string text;
        const int n = static_cast<int>(rng() % 30);
        for (int i = 0; i < n; ++i) text += parts[rng() % parts.size()];
        auto r = engine.redact(text);
        ASSERT_TRUE(r.ok());
        std::string rebuilt;
        std::size_t pos = 0;
        for (const auto& s : r->spans) {
            ASSERT_LE(pos, s.start);
            rebuilt += text.substr(pos, s.start - pos) + "{" + s.type + "}";
            pos = s.end;
        }
        rebuilt += text.substr(pos);
        EXPECT_EQ(r->text, rebuilt);
    }
}

/// Invariant 5: the same input and policy give the same output, across engines and threads.
TEST(Engine, DeterministicAcrossEnginesAndThreads) {
    const Engine& a = default_engine();
    Engine b = engine_from(R"({"packs": ["us_core"]})");
    const std::string text = "SSN 123-45-6789, call (617) 555-0123 or mail j.doe@example.org on 01/15/2023.";
    const auto expected = a.redact(text).value();
    EXPECT_EQ(b.redact(text)->text, expected.text);
    EXPECT_EQ(b.redact(text)->spans, expected.spans);
    std::vector<std::thread> threads;
    std::vector<int> mismatches(4, 0);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            Scanner scanner(a);
            RedactResult r;
            for (int i = 0; i < 200; ++i) {
                if (!scanner.redact(text, r).ok() || r.text != expected.text) ++mismatches[t];
                if (a.redact(text)->spans != expected.spans) ++mismatches[t];
            }
        });
    }
    for (auto& th : threads) th.join();
    EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

/// Invariant 1 and 2: errors never hand back the input and never quote it.
TEST(Engine, TooLargeInputFailsClosedWithoutQuotingIt) {
    EngineOptions options;
    options.max_input_bytes = 16;
    Engine engine = engine_from(with_actions(""), options);
    const std::string secret = "SSN 123-45-6789 of Jane";
    auto r = engine.redact(secret);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), ErrorCode::kInput);
    EXPECT_EQ(r.status().to_string().find("123-45"), std::string::npos);
    EXPECT_EQ(r.status().to_string().find("Jane"), std::string::npos);
    Scanner scanner(engine);
    RedactResult out;
    out.text = "stale";
    EXPECT_FALSE(scanner.redact(secret, out).ok());
    EXPECT_TRUE(out.blocked());
    EXPECT_TRUE(out.text.empty());
    std::vector<Span> spans{Span{}};
    EXPECT_FALSE(scanner.detect(secret, spans).ok());
    EXPECT_TRUE(spans.empty());
}

TEST(Engine, EmptyAndMatchFreeInputs) {
    const Engine& engine = default_engine();
    EXPECT_EQ(engine.redact("")->text, "");
    EXPECT_TRUE(engine.detect("")->empty());
    EXPECT_EQ(engine.redact("no identifiers in this sentence.")->text, "no identifiers in this sentence.");
}

TEST(Engine, ScannerReusesBuffersAcrossCalls) {
    Scanner scanner(default_engine());
    RedactResult r;
    ASSERT_TRUE(scanner.redact("SSN 123-45-6789", r).ok());
    EXPECT_EQ(r.text, "SSN {US_SOCIAL_SECURITY_NUMBER}");
    ASSERT_TRUE(scanner.redact("nothing", r).ok());
    EXPECT_EQ(r.text, "nothing");
    EXPECT_TRUE(r.spans.empty());
    EXPECT_TRUE(r.summary.counts.empty());
}

}  // namespace
}  // namespace phimask::test

namespace phimask::test {
namespace {

TEST(Engine, EachPatternUsesOnlyItsOwnLabel) {
    // Both labels match at the same start; the value must follow the candidate's own label.
    Engine engine = engine_from(R"({"packs": [], "detectors": [
        {"name": "short_label", "type": "A", "patterns": [{"label": "ID ", "pattern": "[A-Z0-9 ]{4,12}\\b"}]},
        {"name": "long_label", "type": "B", "patterns": [{"label": "ID NO ", "pattern": "\\d{6}\\b"}]}]})");
    const std::string text = "ID NO 123456";
    auto spans = engine.detect(text);
    ASSERT_TRUE(spans.ok());
    EXPECT_EQ(described(text, *spans), std::vector<std::string>{"A:NO 123456"});
}

}  // namespace
}  // namespace phimask::test

namespace phimask::test {
namespace {

TEST(Engine, SpansIndexThePolicysDetectors) {
    const Engine engine = engine_from(R"({"packs": ["us_core"], "actions": {"PHONE": "mask"}})");
    const std::vector<DetectorInfo> detectors = engine.policy().detectors();
    ASSERT_EQ(detectors.size(), engine.policy().detector_names().size());
    const std::string text = "SSN 219-45-8832, call (617) 555-0142, mail jo@example.org";
    auto result = engine.redact(text);
    ASSERT_TRUE(result.ok());
    ASSERT_EQ(result->spans.size(), 3u);
    for (const Span& s : result->spans) {
        ASSERT_LT(s.detector_index, detectors.size());
        const DetectorInfo& d = detectors[s.detector_index];
        EXPECT_EQ(d.name, s.detector);
        EXPECT_EQ(d.type, s.type);
        EXPECT_EQ(d.action, s.action);
        EXPECT_EQ(engine.policy().detector_names()[s.detector_index], s.detector);
    }
    EXPECT_EQ(result->spans[1].action, Action::kMask);
}

}  // namespace
}  // namespace phimask::test
