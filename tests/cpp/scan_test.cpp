// Chunked scanning and the two start-of-match strategies give the same spans as one pass.
#include <random>

#include "test_util.h"

namespace phimask::test {
namespace {

std::string synthetic_text(std::mt19937& rng, std::size_t parts) {
    const std::vector<std::string> pieces = {
        "Pt seen 01/15/2023. ", "SSN 123-45-6789 ", "call (617) 555-0123 ", "mail jane.roe@example.org ",
        "MRN: 00123456 ", "ENC-20230115 ", "BP 120/80, creatinine 2.1 mg/dL. ", "née Müller – ",
        "１２３-４５-６７８９ ", "\xff", "zip 02115 ", "IP 10.0.0.1 ", "\n", "aaaa ", "12345678901234567890 ",
        "555-0147 (cell) ", "+46 8 928 571 38 fax ", "24 971 50 30 home "};
    std::string text;
    for (std::size_t i = 0; i < parts; ++i) text += pieces[rng() % pieces.size()];
    return text;
}

const char* const kMixedPolicy = R"({"packs": ["us_core"], "detectors": [
    {"name": "hospital_mrn", "type": "MEDICAL_RECORD_NUMBER", "pattern": "MRN[:# ]*\\d{7,10}"},
    {"name": "encounter_id", "type": "ENCOUNTER_ID", "pattern": "ENC-\\d{8}"}]})";

/// The smallest chunk the engine allows: twice the widest pattern.
constexpr std::size_t kMinChunk = 2 * (1024 + 2) + 1;

/// `engine`'s policy compiled to scan in the smallest chunks with `mode`.
Engine smallest_chunks(const Engine& engine, StartOfMatch mode) {
    EngineOptions options;
    options.chunk_bytes = kMinChunk;
    options.start_of_match = mode;
    auto chunked = Engine::compile(engine.policy(), options);
    EXPECT_TRUE(chunked.ok()) << chunked.status().to_string();
    return std::move(chunked).value();
}

TEST(Scan, SmallChunksFindExactlyWhatOnePassFinds) {
    Engine whole = engine_from(kMixedPolicy);
    std::mt19937 rng(11);
    for (std::size_t chunk : {kMinChunk, kMinChunk + 1, kMinChunk + 7, kMinChunk + 333}) {
        EngineOptions options;
        options.chunk_bytes = chunk;
        // Both start-of-match strategies scan in chunks; alternate them.
        options.start_of_match = chunk % 2 == 0 ? StartOfMatch::kWindowed : StartOfMatch::kLeftmost;
        auto chunked = Engine::compile(whole.policy(), options);
        if (!chunked.ok()) {
            // Packs narrower than 1024 bytes allow smaller chunks; the policy's own limit is what counts.
            FAIL() << chunked.status().to_string();
        }
        for (int round = 0; round < 20; ++round) {
            const std::string text = synthetic_text(rng, 200 + rng() % 200);
            auto a = whole.detect(text);
            auto b = chunked->detect(text);
            ASSERT_TRUE(a.ok() && b.ok());
            ASSERT_EQ(*a, *b) << "chunk " << chunk << " round " << round;
        }
    }
}

TEST(Scan, EveryCutPointOfAnIdentifierIsCovered) {
    // Shift one identifier across a chunk boundary byte by byte.
    Engine whole = engine_from(kMixedPolicy);
    for (StartOfMatch mode : {StartOfMatch::kLeftmost, StartOfMatch::kWindowed}) {
        const Engine chunked = smallest_chunks(whole, mode);
        for (std::size_t pad = kMinChunk - 40; pad <= kMinChunk + 40; ++pad) {
            const std::string text = std::string(pad, 'x') + " SSN 123-45-6789, MRN# 12345678 " + std::string(3000, 'y');
            auto spans = chunked.detect(text);
            ASSERT_TRUE(spans.ok());
            EXPECT_EQ(*spans, *whole.detect(text)) << "pad " << pad;
            EXPECT_EQ(described(text, *spans), (std::vector<std::string>{"US_SOCIAL_SECURITY_NUMBER:123-45-6789",
                                                                         "MEDICAL_RECORD_NUMBER:MRN# 12345678"}));
        }
    }
}

TEST(Scan, TooSmallChunksAreRefused) {
    EngineOptions options;
    options.chunk_bytes = 16;
    auto engine = Engine::compile(policy_from(kMixedPolicy), options);
    ASSERT_FALSE(engine.ok());
    EXPECT_EQ(engine.status().code(), ErrorCode::kInput);
}

TEST(Scan, WindowedAndLeftmostStartsAgree) {
    EngineOptions windowed_options;
    windowed_options.start_of_match = StartOfMatch::kWindowed;
    Engine windowed = engine_from(kMixedPolicy, windowed_options);
    EngineOptions options;
    options.start_of_match = StartOfMatch::kLeftmost;
    auto leftmost = Engine::compile(windowed.policy(), options);
    ASSERT_TRUE(leftmost.ok());
    std::mt19937 rng(5);
    for (int round = 0; round < 200; ++round) {
        const std::string text = synthetic_text(rng, 1 + rng() % 40);
        auto a = windowed.redact(text);
        auto b = leftmost->redact(text);
        ASSERT_TRUE(a.ok() && b.ok());
        ASSERT_EQ(a->spans, b->spans) << "round " << round;
        ASSERT_EQ(a->text, b->text);
    }
}

TEST(Scan, TrailerIsNotPartOfTheSpan) {
    Engine engine = engine_from(R"json({"packs": [], "detectors": [
        {"name": "phone", "type": "PHONE", "caseless": true,
         "patterns": [{"pattern": "\\d[\\d -]{5,12}\\d", "trailer": " {1,2}(?:office|\\(cell\\))"}]}]})json");
    const std::string text = "617-555-0123 office, 555-0147 (CELL)";
    EXPECT_EQ(described(text, *engine.detect(text)),
              (std::vector<std::string>{"PHONE:617-555-0123", "PHONE:555-0147"}));
    EXPECT_EQ(engine.redact(text)->text, "{PHONE} office, {PHONE} (CELL)");
    EXPECT_TRUE(engine.detect("617-555-0123 home")->empty());
}

TEST(Scan, LabelAndTrailerTogether) {
    Engine engine = engine_from(R"json({"packs": [], "detectors": [
        {"name": "phone", "type": "PHONE",
         "patterns": [{"label": "\\bTel ", "pattern": "[\\d-]{7,12}", "trailer": " \\(cell\\)"}]}]})json");
    const std::string text = "Tel 555-0147 (cell), 555-0148 (cell), Tel 555-0149";
    EXPECT_EQ(described(text, *engine.detect(text)), std::vector<std::string>{"PHONE:555-0147"});
}

TEST(Scan, TheLongestTrailerWins) {
    // "1234 5 x" is value "1234 5" + " x" or value "1234" + " 5 x": the value
    // ends where the longest trailer starts.
    Engine engine = engine_from(R"({"packs": [], "detectors": [
        {"name": "n", "type": "N", "patterns": [{"pattern": "[\\d ]{3,8}", "trailer": "(?: 5)? x"}]}]})");
    const std::string text = "1234 5 x";
    EXPECT_EQ(described(text, *engine.detect(text)), std::vector<std::string>{"N:1234"});
}

TEST(Scan, EachPatternUsesOnlyItsOwnTrailer) {
    // Both trailers end at the same place; B's value must end where its own starts.
    Engine engine = engine_from(R"({"packs": [], "detectors": [
        {"name": "short_trailer", "type": "A", "patterns": [{"pattern": "[A-Z0-9 ]{4,12}", "trailer": " END"}]},
        {"name": "long_trailer", "type": "B", "priority": 1,
         "patterns": [{"pattern": "\\d{6}", "trailer": " NO END"}]}]})");
    const std::string text = "123456 NO END";
    EXPECT_EQ(described(text, *engine.detect(text)), std::vector<std::string>{"B:123456"});
}

TEST(Scan, TrailersAgreeAcrossStartOfMatchModesAndChunks) {
    Engine whole = engine_from(R"({"packs": ["us_core"]})");
    std::string text;
    for (int i = 10; i < 70; ++i) text += "note " + std::to_string(i) + ": 024 971 50 " + std::to_string(i) + " home; ";
    for (StartOfMatch mode : {StartOfMatch::kLeftmost, StartOfMatch::kWindowed}) {
        auto spans = smallest_chunks(whole, mode).detect(text);
        ASSERT_TRUE(spans.ok());
        EXPECT_EQ(*spans, *whole.detect(text));
        ASSERT_EQ(spans->size(), 60u);
        EXPECT_EQ(slice(text, spans->back()), "024 971 50 69");
    }
}

}  // namespace
}  // namespace phimask::test
