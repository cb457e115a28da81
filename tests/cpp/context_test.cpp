#include "context.h"

#include <gtest/gtest.h>

namespace phimask::detail {
namespace {

ContextMatcher matcher(std::vector<std::string> words, std::size_t window = 20) {
    ContextSpec spec;
    spec.words = std::move(words);
    spec.window = window;
    return ContextMatcher(spec);
}

TEST(Context, FindsWordsBeforeOrAfterCaseInsensitively) {
    const auto m = matcher({"zip", "postal code"});
    const std::string text = "ZIP: 02115 and 02116 Postal  Code";
    EXPECT_TRUE(m.found_near(text, 5, 10));
    EXPECT_TRUE(m.found_near(text, 15, 20));
}

TEST(Context, OnlyWholeWordsCount) {
    const auto m = matcher({"zip"});
    EXPECT_FALSE(m.found_near("zipper 02115", 7, 12));
    EXPECT_FALSE(m.found_near("unzip 02115", 6, 11));
}

TEST(Context, AWordCutByTheWindowEdgeDoesNotCount) {
    const auto m = matcher({"fax"}, 6);
    // The window before the value covers only "ax no " of "fax no ".
    EXPECT_FALSE(m.found_near("fax no 5550199", 7, 14));
    EXPECT_TRUE(matcher({"fax"}, 7).found_near("fax no 5550199", 7, 14));
}

TEST(Context, PhrasesNeedEveryTokenInOrder) {
    const auto m = matcher({"social security"});
    EXPECT_TRUE(m.found_near("Social-Security: 123456789", 17, 26));
    EXPECT_FALSE(m.found_near("security social 123456789", 16, 25));
    EXPECT_FALSE(m.found_near("social media 123456789", 13, 22));
}

TEST(Context, NoWordsNeverMatch) {
    EXPECT_TRUE(matcher({}).empty());
    EXPECT_FALSE(matcher({}).found_near("anything 123", 9, 12));
}

}  // namespace
}  // namespace phimask::detail
