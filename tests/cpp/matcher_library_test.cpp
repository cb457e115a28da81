// Guards against Hyperscan-API builds that miss matches depending on where the
// text sits in memory (seen with Debian's Vectorscan 5.4.9 on AVX-512 CPUs: an
// IPv4 address after 70 bytes of text was found at only 17 of 64 alignments).
// A library like that would let PHI through, so the suite must fail on it.
#include <cstdlib>
#include <cstring>
#include <memory>

#include "test_util.h"

namespace phimask::test {
namespace {

TEST(MatcherLibrary, FindsMatchesAtEveryBufferAlignment) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"IP_ADDRESS", " 10.244.17.2"},
        {"US_SOCIAL_SECURITY_NUMBER", " SSN 219-45-8832"},
        {"EMAIL", " mail jane.roe@example.org"},
        {"DATE", " seen on 01/15/2023"},
        {"PHONE", " call (617) 555-0142"},
    };
    std::unique_ptr<char, decltype(&std::free)> buffer(static_cast<char*>(std::aligned_alloc(64, 4096)), &std::free);
    ASSERT_NE(buffer, nullptr);
    for (const auto& [type, tail] : cases) {
        // A narrow policy compiles to a small database, where such bugs show most.
        Engine narrow = engine_from(R"({"packs": ["us_core"], "entity_types": [")" + type + R"("]})");
        for (const Engine* engine : std::vector<const Engine*>{&default_engine(), &narrow}) {
        for (std::size_t lead : {std::size_t{10}, std::size_t{70}, std::size_t{130}, std::size_t{700}}) {
            const std::string text = std::string(lead, 'a') + tail;
            int misses = 0;
            for (std::size_t offset = 0; offset < 64; ++offset) {
                std::memcpy(buffer.get() + offset, text.data(), text.size());
                auto spans = engine->detect(std::string_view(buffer.get() + offset, text.size()));
                ASSERT_TRUE(spans.ok()) << spans.status().to_string();
                const bool found = std::any_of(spans->begin(), spans->end(), [&](const Span& s) { return s.type == type; });
                misses += found ? 0 : 1;
            }
            EXPECT_EQ(misses, 0) << type << " after " << lead << " bytes: missed at " << misses
                                 << " of 64 alignments; this Hyperscan-API library is unsafe (see README, Dependencies)";
        }
        }
    }
}

}  // namespace
}  // namespace phimask::test
