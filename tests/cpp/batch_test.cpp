// BatchRedactor: the results of Engine::redact, in input order, whatever the
// thread count; a failing item fails alone and closed. Mirrored by
// tests/python/test_batch.py and tests/node/engine_batch.test.js.
#include <string>
#include <string_view>
#include <vector>

#include "test_util.h"

namespace phimask::test {
namespace {

std::vector<std::string> varied_texts(std::size_t n) {
    std::vector<std::string> texts;
    for (std::size_t i = 0; i < n; ++i) {
        std::string t = "note " + std::to_string(i);
        if (i % 3 == 0) t += ": SSN 219-45-" + std::to_string(1000 + i);
        if (i % 5 == 0) t += ", call (617) 555-0" + std::to_string(100 + i % 900);
        if (i % 7 == 0) t += std::string(2000 + 50 * (i % 11), 'x');  // uneven sizes
        texts.push_back(std::move(t));
    }
    return texts;
}

std::vector<std::string_view> views(const std::vector<std::string>& texts) {
    return std::vector<std::string_view>(texts.begin(), texts.end());
}

class Batch : public ::testing::TestWithParam<std::size_t> {};

TEST_P(Batch, GivesEngineRedactResultsInInputOrder) {
    const std::vector<std::string> texts = varied_texts(300);
    BatchRedactor batch(default_engine(), views(texts), GetParam());
    ASSERT_EQ(batch.size(), texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
        batch.wait_for(i);
        ASSERT_TRUE(batch.status(i).ok()) << i << ": " << batch.status(i).to_string();
        auto expected = default_engine().redact(texts[i]);
        ASSERT_TRUE(expected.ok());
        EXPECT_EQ(batch.result(i).text, expected->text) << i;
        EXPECT_EQ(batch.result(i).spans, expected->spans) << i;
        batch.release(i);
        EXPECT_TRUE(batch.result(i).text.empty());
    }
}

TEST_P(Batch, AFailingItemFailsAloneAndClosed) {
    EngineOptions options;
    options.max_input_bytes = 64;
    const Engine engine = engine_from(R"({"packs": ["us_core"]})", options);
    std::vector<std::string> texts(50, "SSN 219-45-8832");
    texts[17] = std::string(65, 'y');
    BatchRedactor batch(engine, views(texts), GetParam());
    for (std::size_t i = 0; i < texts.size(); ++i) {
        batch.wait_for(i);
        if (i == 17) {
            EXPECT_EQ(batch.status(i).code(), ErrorCode::kInput);
            EXPECT_TRUE(batch.result(i).summary.blocked);
            EXPECT_TRUE(batch.result(i).text.empty());
        } else {
            ASSERT_TRUE(batch.status(i).ok()) << i;
            EXPECT_EQ(batch.result(i).text, "SSN {US_SOCIAL_SECURITY_NUMBER}");
        }
    }
}

TEST_P(Batch, StopsCleanlyWhenLeftEarly) {
    const std::vector<std::string> texts = varied_texts(500);
    BatchRedactor batch(default_engine(), views(texts), GetParam());
    batch.wait_for(3);
    EXPECT_TRUE(batch.status(3).ok());
    // The destructor stops handing out items and joins the workers.
}

INSTANTIATE_TEST_SUITE_P(Threads, Batch, ::testing::Values(0, 1, 2, 8),
                         [](const ::testing::TestParamInfo<std::size_t>& p) {
                             return "threads_" + std::to_string(p.param);
                         });

TEST(Batch, EmptyBatch) {
    BatchRedactor batch(default_engine(), {}, 0);
    EXPECT_EQ(batch.size(), 0u);
}

}  // namespace
}  // namespace phimask::test
