#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "test_util.h"

namespace phimask::test {
namespace {

using nlohmann::json;

TEST(Policy, DefaultPolicyLoadsTheShippedPack) {
    auto policy = Policy::default_policy(models());
    ASSERT_TRUE(policy.ok()) << policy.status().to_string();
    const auto types = policy->entity_types();
    for (const char* t : {"US_SOCIAL_SECURITY_NUMBER", "PHONE", "EMAIL", "DATE", "MEDICAL_RECORD_NUMBER"}) {
        EXPECT_NE(std::find(types.begin(), types.end(), t), types.end()) << t;
    }
    EXPECT_EQ(policy->version().size(), 16u);
}

TEST(Policy, VersionIgnoresKeyOrderAndWhitespace) {
    auto a = policy_from(R"({"packs": [], "detectors": [{"name": "d", "type": "X", "pattern": "ab", "score": 0.7}]})");
    auto b = policy_from("{\n \"detectors\": [{\"score\": 0.7, \"pattern\": \"ab\", \"type\": \"X\", \"name\": \"d\"}],"
                         " \"packs\": []}");
    EXPECT_EQ(a.version(), b.version());
}

TEST(Policy, VersionChangesWithMeaning) {
    auto a = policy_from(R"({"packs": [], "detectors": [{"name": "d", "type": "X", "pattern": "ab"}]})");
    auto b = policy_from(R"({"packs": [], "detectors": [{"name": "d", "type": "X", "pattern": "abc"}]})");
    auto c = policy_from(R"({"packs": [], "detectors": [{"name": "d", "type": "X", "pattern": "ab"}],
                             "actions": {"X": "remove"}})");
    EXPECT_NE(a.version(), b.version());
    EXPECT_NE(a.version(), c.version());
}

TEST(Policy, LabelAndTrailerAreInTheCanonicalJsonAndVersion) {
    auto plain = policy_from(R"({"packs": [], "detectors": [{"name": "d", "type": "X", "patterns": [
        {"pattern": "\\d{7}"}]}]})");
    auto labelled = policy_from(R"({"packs": [], "detectors": [{"name": "d", "type": "X", "patterns": [
        {"pattern": "\\d{7}", "label": "tel "}]}]})");
    auto trailed = policy_from(R"({"packs": [], "detectors": [{"name": "d", "type": "X", "patterns": [
        {"pattern": "\\d{7}", "trailer": " tel"}]}]})");
    EXPECT_NE(plain.version(), labelled.version());
    EXPECT_NE(plain.version(), trailed.version());
    EXPECT_NE(labelled.version(), trailed.version());
    const json pattern = json::parse(trailed.canonical_json())["detectors"][0]["patterns"][0];
    EXPECT_EQ(pattern, (json{{"pattern", "\\d{7}"}, {"trailer", " tel"}}));
    auto again = Policy::from_json(trailed.canonical_json(), models());
    ASSERT_TRUE(again.ok()) << again.status().to_string();
    EXPECT_EQ(again->version(), trailed.version());
}

TEST(Policy, CanonicalJsonReloadsToTheSameVersion) {
    auto policy = Policy::default_policy(models());
    ASSERT_TRUE(policy.ok());
    auto again = Policy::from_json(policy->canonical_json(), models());
    ASSERT_TRUE(again.ok()) << again.status().to_string();
    EXPECT_EQ(again->version(), policy->version());
    EXPECT_EQ(again->canonical_json(), policy->canonical_json());
}

TEST(Policy, EntityTypesAndDisabledDetectorsFilter) {
    auto policy = policy_from(R"({"packs": [], "detectors": [
        {"name": "a", "type": "A", "pattern": "aaa"}, {"name": "b", "type": "B", "pattern": "bbb"},
        {"name": "c", "type": "A", "pattern": "ccc"}],
        "entity_types": ["A"], "disable_detectors": ["c"]})");
    EXPECT_EQ(policy.detector_names(), std::vector<std::string>{"a"});
    EXPECT_EQ(policy.entity_types(), std::vector<std::string>{"A"});
}

TEST(Policy, OpenEndedRepeatsAreBounded) {
    // The README's plugin uses `*`; it must load, and an unbounded `.+` too.
    auto policy = Policy::from_json(R"({"packs": [], "detectors": [
        {"name": "m", "type": "MEDICAL_RECORD_NUMBER", "pattern": "MRN[:# ]*\\d{7,10}"},
        {"name": "n", "type": "X", "pattern": "<.+>"}, {"name": "o", "type": "X", "pattern": "a{3,}"}]})",
                                    models());
    ASSERT_TRUE(policy.ok()) << policy.status().to_string();
}

TEST(Policy, MissingFileIsAnIoError) {
    auto policy = Policy::from_file("/nonexistent/policy.json", models());
    ASSERT_FALSE(policy.ok());
    EXPECT_EQ(policy.status().code(), ErrorCode::kIo);
}

TEST(Policy, ErrorInAPackNamesTheFileAndPointer) {
    const std::string dir = ::testing::TempDir() + "/phimask_bad_pack";
    std::system(("mkdir -p " + dir).c_str());
    std::ofstream(dir + "/broken.json")
        << R"({"detectors": [{"name": "ok", "type": "X", "pattern": "a"}, {"name": "bad", "type": "X", "pattern": "(("}]})";
    auto policy = Policy::from_json(R"({"packs": ["broken"]})", PolicyLoadOptions{{dir}});
    ASSERT_FALSE(policy.ok());
    EXPECT_EQ(policy.status().json_pointer(), "broken.json#/detectors/1/pattern");
    EXPECT_EQ(policy.status().detector(), "bad");
}

/// Every case in tests/data/bad_policies.json gives its expected error.
TEST(Policy, BadPoliciesGiveTheirExpectedErrors) {
    std::ifstream in(std::string(PHIMASK_TEST_DATA_DIR) + "/data/bad_policies.json");
    ASSERT_TRUE(in.good());
    const json cases = json::parse(in);
    ASSERT_GT(cases.size(), 20u);
    for (const auto& c : cases) {
        SCOPED_TRACE(c["why"].get<std::string>());
        const std::string text = c["policy"].is_string() ? c["policy"].get<std::string>() : c["policy"].dump();
        auto policy = Policy::from_json(text, models());
        ASSERT_FALSE(policy.ok());
        const Status& s = policy.status();
        EXPECT_STREQ(error_code_name(s.code()), c["code"].get<std::string>().c_str());
        EXPECT_EQ(s.json_pointer(), c["pointer"].get<std::string>());
        if (c.contains("detector")) {
            EXPECT_EQ(s.detector(), c["detector"].get<std::string>());
        }
        EXPECT_NE(s.message().find(c["message"].get<std::string>()), std::string::npos) << s.to_string();
    }
}

TEST(Policy, StatusToStringNamesPointerAndDetector) {
    auto policy = Policy::from_json(R"({"packs": [], "detectors": [{"name": "mrn", "type": "X", "pattern": "(("}]})",
                                    models());
    ASSERT_FALSE(policy.ok());
    const std::string line = policy.status().to_string();
    EXPECT_NE(line.find("policy error at /detectors/0/pattern (detector 'mrn'): Hyperscan rejects"), std::string::npos)
        << line;
}

}  // namespace
}  // namespace phimask::test
