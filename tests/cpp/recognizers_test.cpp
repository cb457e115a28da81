// Recognizers configured by policy: inline lexicons, terms, context, and how
// their spans go through the same allow-list, thresholds and engine files.
#include "test_util.h"

namespace phimask::test {
namespace {

/// A policy with only a person_name recognizer over small inline lexicons.
const char* kNamesPolicy = R"({
  "packs": [],
  "lexicons": {"given": ["maria", "john", "will"], "family": ["okafor", "lindqvist", "smith"],
               "everyday": ["will", "may", "smith"]},
  "detectors": [{"name": "names", "type": "NAME", "recognizer": "person_name", "score": 0.9,
                 "lexicons": {"first": ["given"], "last": ["family"], "common": ["everyday"]},
                 "terms": {"title": ["dr", "mrs"], "cue": ["patient"], "stop": ["hospital"]}}]
})";

std::vector<std::string> names_in(const Engine& engine, const std::string& text) {
    auto spans = engine.detect(text);
    EXPECT_TRUE(spans.ok()) << spans.status().to_string();
    return described(text, *spans);
}

TEST(Recognizers, PolicyLexiconsAndTermsDriveAPersonNameRecognizer) {
    const Engine engine = engine_from(kNamesPolicy);
    EXPECT_EQ(names_in(engine, "Seen with Maria Okafor today."), (std::vector<std::string>{"NAME:Maria Okafor"}));
    EXPECT_EQ(names_in(engine, "Call Dr. Lindqvist back."), (std::vector<std::string>{"NAME:Dr. Lindqvist"}));
    EXPECT_EQ(names_in(engine, "The patient Zubair arrived."), (std::vector<std::string>{"NAME:Zubair"}));
    EXPECT_EQ(names_in(engine, "Okafor, Maria"), (std::vector<std::string>{"NAME:Okafor, Maria"}));
    EXPECT_TRUE(names_in(engine, "Will you call?").empty());
    EXPECT_EQ(names_in(engine, "Please ask Will Okafor to call."), (std::vector<std::string>{"NAME:Will Okafor"}));
}

TEST(Recognizers, TextWithoutCapitalsFindsRunsOfKnownNameWords) {
    const Engine engine = engine_from(kNamesPolicy);
    EXPECT_EQ(names_in(engine, "maria okafor lives here"), (std::vector<std::string>{"NAME:maria okafor"}));
    EXPECT_EQ(names_in(engine, "seen by john m. lindqvist today"), (std::vector<std::string>{"NAME:john m. lindqvist"}));
    EXPECT_TRUE(names_in(engine, "john logged in").empty());         // one known word alone stays a word
    EXPECT_TRUE(names_in(engine, "ask will smith to call").empty());  // everyday words are not promoted
    EXPECT_TRUE(names_in(engine, "maria, okafor").empty());           // only spaces join a run
    EXPECT_TRUE(names_in(engine, "Seen maria okafor").empty());       // a capital anywhere: case is evidence again
}

TEST(Recognizers, OnlyRecognizersNeedNoHyperscanPatterns) {
    const Engine engine = engine_from(kNamesPolicy);
    auto result = engine.redact("John Smith, SSN 123-45-6789");
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result->text, "{NAME}, SSN 123-45-6789");
}

TEST(Recognizers, AllowListAndThresholdsApplyToRecognizerSpans) {
    std::string policy = kNamesPolicy;
    policy.insert(policy.rfind('}'), R"(, "allow_list": ["Maria Okafor"])");
    EXPECT_TRUE(names_in(engine_from(policy), "Seen with Maria Okafor today.").empty());
    policy = kNamesPolicy;
    policy.insert(policy.rfind('}'), R"(, "thresholds": {"NAME": 0.99})");
    EXPECT_TRUE(names_in(engine_from(policy), "Seen with Maria Okafor today.").empty());
}

TEST(Recognizers, NegativeContextLowersOrDropsAScore) {
    const std::string base = R"({"packs": [], "detectors": [{"name": "room", "type": "ROOM", "pattern": "\\bR\\d{3}\\b",
        "score": 0.8)";
    EXPECT_EQ(names_in(engine_from(base + "}]}"), "Moved to R101 after the rotor test").size(), 1u);
    const Engine dropped = engine_from(base + R"(, "negative_context": ["rotor"]}]})");
    EXPECT_TRUE(names_in(dropped, "Moved to R101 after the rotor test").empty());
    EXPECT_EQ(names_in(dropped, "Moved to R101 after lunch").size(), 1u);
    const Engine lowered = engine_from(base + R"(, "negative_context": {"words": ["rotor"], "penalty": 0.2, "window": 10}}]})");
    auto spans = lowered.detect("Moved to R101 near the rotor");
    ASSERT_TRUE(spans.ok());
    ASSERT_EQ(spans->size(), 1u);  // "rotor" lies outside the 10-character window
    EXPECT_DOUBLE_EQ((*spans)[0].score, 0.8);
    spans = lowered.detect("R101 rotor");
    ASSERT_EQ(spans->size(), 1u);
    EXPECT_DOUBLE_EQ((*spans)[0].score, 0.6);
}

TEST(Recognizers, EngineFilesCarryTheLexicons) {
    const Engine engine = engine_from(kNamesPolicy);
    auto bytes = engine.serialize();
    ASSERT_TRUE(bytes.ok()) << bytes.status().to_string();
    auto loaded = Engine::deserialize(*bytes);
    ASSERT_TRUE(loaded.ok()) << loaded.status().to_string();
    EXPECT_EQ(loaded->policy_version(), engine.policy_version());
    const std::string text = "Seen with Maria Okafor and Dr. Lindqvist.";
    EXPECT_EQ(loaded->redact(text)->text, engine.redact(text)->text);
    EXPECT_EQ(*loaded->serialize(), *bytes);
}

TEST(Recognizers, CanonicalJsonNamesLexiconsByDigestAndStillReloads) {
    const Policy policy = policy_from(R"({"packs": ["us_names"]})");
    const std::string& canonical = policy.canonical_json();
    EXPECT_NE(canonical.find("\"sha256\""), std::string::npos);
    EXPECT_EQ(canonical.find("\"smith\""), std::string::npos);  // a surname of the lexicon: entries are not inlined
    auto again = Policy::from_json(canonical, models());
    ASSERT_TRUE(again.ok()) << again.status().to_string();
    EXPECT_EQ(again->version(), policy.version());
}

TEST(Recognizers, ShippedPacksFindNamesPlacesAndAddressesAndLeaveEponyms) {
    const Engine engine = engine_from("{}");
    const std::string text =
        "Mrs. Eleanor Whitfield, 93, lives at 1234 N. Maple Street, Apt 4B, Springfield, IL 62704. "
        "Seen at St. Agatha's Hospital by Dr. Okonkwo for Parkinson disease; Foley catheter placed.";
    const auto found = names_in(engine, text);
    auto has = [&](const std::string& s) { return std::find(found.begin(), found.end(), s) != found.end(); };
    EXPECT_TRUE(has("NAME:Mrs. Eleanor Whitfield")) << ::testing::PrintToString(found);
    EXPECT_TRUE(has("ADDRESS:1234 N. Maple Street, Apt 4B, Springfield, IL 62704")) << ::testing::PrintToString(found);
    EXPECT_TRUE(has("LOCATION:St. Agatha's Hospital")) << ::testing::PrintToString(found);
    EXPECT_TRUE(has("NAME:Dr. Okonkwo")) << ::testing::PrintToString(found);
    for (const auto& f : found) {
        EXPECT_EQ(f.find("Parkinson"), std::string::npos) << f;
        EXPECT_EQ(f.find("Foley"), std::string::npos) << f;
    }
}

TEST(Recognizers, AbbreviatedStreetTypesStartAnAddress) {
    const Engine engine = engine_from("{}");
    EXPECT_EQ(names_in(engine, "Mail goes to 3037 ul. Lipowa 73 now."),
              (std::vector<std::string>{"ADDRESS:3037 ul. Lipowa 73"}));
    EXPECT_EQ(names_in(engine, "She lives at avda. Cervantes 12 today."),
              (std::vector<std::string>{"ADDRESS:avda. Cervantes 12"}));
    EXPECT_TRUE(names_in(engine, "take 2 tabs p.o. daily, al. 5 times").empty());
}

}  // namespace
}  // namespace phimask::test
