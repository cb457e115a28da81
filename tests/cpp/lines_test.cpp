// LineRedactor and redact_lines: log lines as texts or JSON, endings kept,
// blocked and failing lines reported by index, the same output for any thread
// count. Mirrored by tests/node/stream.test.js (RedactStream runs on these).
#include <string>

#include "phimask/lines.h"
#include "test_util.h"

namespace phimask::test {
namespace {

const Engine& blocking_engine() {
    static const Engine engine =
        engine_from(R"({"packs": ["us_core"], "actions": {"US_SOCIAL_SECURITY_NUMBER": "block"}})");
    return engine;
}

LineOptions json(bool invalid_as_text = false) { return LineOptions{LineFormat::kJson, invalid_as_text}; }

TEST(Lines, TextLinesAreRedactedOneByOneKeepingTheirEndings) {
    const std::string block = "call 617-555-0142\r\n\n  \nSSN 219-45-8832\nlast 617-555-0199";
    const LinesResult r = redact_lines(default_engine(), block, LineOptions{});
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r.notes.empty());
    EXPECT_EQ(r.text, "call {PHONE}\r\n\n  \nSSN {US_SOCIAL_SECURITY_NUMBER}\nlast {PHONE}");
}

TEST(Lines, JsonLinesKeepEverythingButRedactedStringValues) {
    const std::string block =
        "{\"msg\": \"call 617-555-0142\",  \"n\":1.50e3, \"617-555-0142\":[true,null,\"ok\"]}\n"
        "{\"esc\":\"SSN 219\\u002d45-8832 \\u00e9\"}\r\n"
        "{\"quiet\": \"nothing here\"}\n";
    const LinesResult r = redact_lines(default_engine(), block, json());
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.text,
              "{\"msg\": \"call {PHONE}\",  \"n\":1.50e3, \"617-555-0142\":[true,null,\"ok\"]}\n"
              "{\"esc\":\"SSN {US_SOCIAL_SECURITY_NUMBER} \xC3\xA9\"}\r\n"
              "{\"quiet\": \"nothing here\"}\n");
}

TEST(Lines, InvalidJsonIsAnErrorOrRedactedAsText) {
    const std::string block = "{\"a\":\"x\"}\nnot json 219-45-8832\n{\"b\":\"617-555-0142\"}\n";
    const LinesResult failed = redact_lines(default_engine(), block, json());
    EXPECT_FALSE(failed.ok());
    ASSERT_EQ(failed.notes.size(), 1u);
    EXPECT_EQ(failed.notes[0].line, 1u);
    EXPECT_EQ(failed.notes[0].outcome.status.code(), ErrorCode::kInput);
    EXPECT_EQ(failed.notes[0].outcome.status.message().find("219-45"), std::string::npos);
    EXPECT_EQ(failed.text, "{\"a\":\"x\"}\n");  // only the lines before the failed one

    const LinesResult as_text = redact_lines(default_engine(), block, json(true));
    ASSERT_TRUE(as_text.ok());
    EXPECT_EQ(as_text.text, "{\"a\":\"x\"}\nnot json {US_SOCIAL_SECURITY_NUMBER}\n{\"b\":\"{PHONE}\"}\n");
}

TEST(Lines, BlockedLinesAreLeftOutOrReplacedAndNamedWithAllTheirTypes) {
    const std::string block =
        "{\"a\":\"SSN 219-45-8832\",\"b\":\"fine\"}\nok 617-555-0142\n{\"c\":\"219-45-8833\",\"d\":\"SSN 219-45-8834\"}\n";
    LinesResult r = redact_lines(blocking_engine(), block, json(true));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.text, "ok {PHONE}\n");
    ASSERT_EQ(r.notes.size(), 2u);
    EXPECT_EQ(r.notes[0].line, 0u);
    EXPECT_EQ(r.notes[1].line, 2u);
    EXPECT_EQ(r.notes[1].outcome.kind, LineOutcome::Kind::kBlocked);
    EXPECT_EQ(r.notes[1].outcome.blocking_types, std::vector<std::string>{"US_SOCIAL_SECURITY_NUMBER"});

    const std::string notice = "{\"phimask\":\"blocked\"}";
    r = redact_lines(blocking_engine(), block, json(true), 1, &notice);
    EXPECT_EQ(r.text, notice + "\nok {PHONE}\n" + notice + "\n");
}

TEST(Lines, TheOutputIsTheSameForAnyThreadCount) {
    std::string block;
    for (int i = 0; i < 6000; ++i) {
        block += "{\"i\":" + std::to_string(i) + ",\"msg\":\"user 219-45-" + std::to_string(1000 + i % 9000) +
                 " called 617-555-0" + std::to_string(100 + i % 900) + "\"}" + (i % 3 == 0 ? "\r\n" : "\n");
        if (i % 1000 == 999) block += "{\"bad\": SSN 219-45-8832}\n";  // invalid JSON: redacted as text
    }
    const LinesResult one = redact_lines(blocking_engine(), block, json(true), 1);
    ASSERT_TRUE(one.ok());
    ASSERT_FALSE(one.notes.empty());
    for (std::size_t threads : {0u, 2u, 3u, 8u}) {
        const LinesResult many = redact_lines(blocking_engine(), block, json(true), threads);
        EXPECT_EQ(many.text, one.text) << threads;
        ASSERT_EQ(many.notes.size(), one.notes.size()) << threads;
        for (std::size_t k = 0; k < one.notes.size(); ++k) EXPECT_EQ(many.notes[k].line, one.notes[k].line);
    }
}

TEST(Lines, AFailedLineStopsTheBlockWhateverTheThreads) {
    EngineOptions options;
    options.max_input_bytes = 100;
    const Engine engine = engine_from(R"({"packs": ["us_core"]})", options);
    std::string block;
    for (int i = 0; i < 20000; ++i) block += (i == 15000 ? std::string(150, 'x') : "line " + std::to_string(i)) + "\n";
    for (std::size_t threads : {1u, 4u}) {
        const LinesResult r = redact_lines(engine, block, LineOptions{}, threads);
        EXPECT_FALSE(r.ok());
        ASSERT_FALSE(r.notes.empty());
        EXPECT_EQ(r.notes.back().line, 15000u);
        EXPECT_EQ(r.notes.back().outcome.status.code(), ErrorCode::kInput);
        EXPECT_EQ(r.text, block.substr(0, block.find(std::string(150, 'x'))));
    }
}

TEST(Lines, OneLineAtATime) {
    LineRedactor redactor(default_engine(), json());
    std::string out = "kept:";
    EXPECT_EQ(redactor.redact("{\"x\":\"617-555-0142\"}", out).kind, LineOutcome::Kind::kRedacted);
    EXPECT_EQ(out, "kept:{\"x\":\"{PHONE}\"}");
    EXPECT_EQ(redactor.redact("{\"x\":", out).kind, LineOutcome::Kind::kError);
    EXPECT_EQ(out, "kept:{\"x\":\"{PHONE}\"}");  // nothing of a failed line
}

}  // namespace
}  // namespace phimask::test
