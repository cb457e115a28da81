// Every detector pack's own examples: positives are found exactly, negatives are not.
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "test_util.h"

namespace phimask::test {
namespace {

using nlohmann::json;

TEST(PackExamples, EveryShippedPackPassesItsExamples) {
    std::size_t packs = 0, positives = 0, negatives = 0;
    for (const auto& entry : std::filesystem::directory_iterator(PHIMASK_TEST_MODELS_DIR)) {
        if (entry.path().extension() != ".json") continue;
        ++packs;
        const std::string pack = entry.path().stem().string();
        SCOPED_TRACE(pack);
        const json doc = json::parse(std::ifstream(entry.path()));
        Engine engine = engine_from(R"({"packs": [")" + pack + R"("]})");
        for (const auto& det : doc.at("detectors")) {
            const std::string name = det.at("name").get<std::string>();
            const std::string type = det.at("type").get<std::string>();
            ASSERT_TRUE(det.contains("examples")) << name << " has no examples";
            const auto& ex = det.at("examples");
            ASSERT_GE(ex.at("positive").size(), 1u) << name;
            ASSERT_GE(ex.at("negative").size(), 1u) << name;
            for (const auto& p : ex.at("positive")) {
                const std::string text = p.at("text").get<std::string>();
                const std::string match = p.at("match").get<std::string>();
                auto spans = engine.detect(text);
                ASSERT_TRUE(spans.ok());
                const auto found = described(text, *spans);
                EXPECT_NE(std::find(found.begin(), found.end(), type + ":" + match), found.end())
                    << name << ": positive example not found exactly: " << text;
                ++positives;
            }
            for (const auto& n : ex.at("negative")) {
                const std::string text = n.get<std::string>();
                auto spans = engine.detect(text);
                ASSERT_TRUE(spans.ok());
                for (const auto& s : *spans) {
                    EXPECT_NE(s.type, type) << name << ": negative example matched: " << text << " -> " << slice(text, s);
                }
                ++negatives;
            }
        }
    }
    EXPECT_GE(packs, 1u);
    EXPECT_GE(positives, 30u);
    EXPECT_GE(negatives, 30u);
}

}  // namespace
}  // namespace phimask::test
