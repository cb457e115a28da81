#include "tokens.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lexicon.h"

namespace phimask::detail {
namespace {

std::vector<std::string> words(const std::string& text) {
    std::vector<Token> tokens;
    tokenize(text, tokens);
    std::vector<std::string> out;
    for (const auto& t : tokens) out.push_back(text.substr(t.start, t.end - t.start));
    return out;
}

Shape shape_of(const std::string& word) {
    std::vector<Token> tokens;
    tokenize(word, tokens);
    EXPECT_EQ(tokens.size(), 1u) << word;
    return tokens.empty() ? Shape::kLower : tokens[0].shape;
}

TEST(Tokens, SplitsOnSpacesAndPunctuationKeepingJoinedNames) {
    EXPECT_EQ(words("Dr. O'Brien saw Smith-Jones, 42y."),
              (std::vector<std::string>{"Dr", "O'Brien", "saw", "Smith-Jones", "42y"}));
}

TEST(Tokens, LeavesThePossessiveOut) {
    EXPECT_EQ(words("St. Mary's Hospital"), (std::vector<std::string>{"St", "Mary", "Hospital"}));
    EXPECT_EQ(words("Mary\xE2\x80\x99s chart"), (std::vector<std::string>{"Mary", "chart"}));
}

TEST(Tokens, TypographicQuotesAreNotLetters) {
    EXPECT_EQ(words("\xE2\x80\x99Hope\xE2\x80\x99 she said"), (std::vector<std::string>{"Hope", "she", "said"}));
}

TEST(Tokens, Shapes) {
    EXPECT_EQ(shape_of("Smith"), Shape::kTitle);
    EXPECT_EQ(shape_of("McDonald"), Shape::kTitle);
    EXPECT_EQ(shape_of("SMITH"), Shape::kUpper);
    EXPECT_EQ(shape_of("J"), Shape::kInitial);
    EXPECT_EQ(shape_of("smith"), Shape::kLower);
    EXPECT_EQ(shape_of("1234"), Shape::kNumber);
    EXPECT_EQ(shape_of("12B"), Shape::kMixed);
    EXPECT_EQ(shape_of("\xC3\x81lvarez"), Shape::kTitle);   // Álvarez
    EXPECT_EQ(shape_of("\xC3\x81LVAREZ"), Shape::kUpper);   // ÁLVAREZ
}

TEST(Tokens, MarksSentenceStarts) {
    const std::string text = "Hope so. Will call\nMay come: Grant ok";
    std::vector<Token> tokens;
    tokenize(text, tokens);
    std::vector<bool> starts;
    for (const auto& t : tokens) starts.push_back(t.sentence_start);
    EXPECT_EQ(starts, (std::vector<bool>{true, false, true, false, true, false, true, false}));
}

TEST(Tokens, KeysIgnoreCaseApostrophesAndHyphens) {
    std::vector<Token> a, b;
    tokenize("O'Brien WINSTON-SALEM \xC3\x81lvarez", a);
    tokenize("obrien winstonsalem \xC3\xA1lvarez", b);
    ASSERT_EQ(a.size(), 3u);
    ASSERT_EQ(b.size(), 3u);
    for (std::size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].key, b[i].key) << i;
}

TEST(KeyTable, FindsWordsAndPhrasesWithTheirMembers) {
    KeyTable table;
    table.add({"Springfield", "san francisco", "St. Louis"}, 0);
    table.add({"springfield"}, 3);
    table.finish();
    const std::string text = "San Francisco and St. Louis near SPRINGFIELD";
    std::vector<Token> t;
    tokenize(text, t);
    ASSERT_EQ(t.size(), 7u);
    EXPECT_EQ(table.find(combine_keys(t[0].key, t[1].key)), RoleBits{1});
    EXPECT_EQ(table.find(combine_keys(t[3].key, t[4].key)), RoleBits{1});
    EXPECT_EQ(table.find(t[5].key), RoleBits{0});
    EXPECT_EQ(table.find(t[6].key), RoleBits{0b1001});
    EXPECT_EQ(table.find(t[0].key), phrase_bits::kPrefix);  // "san" alone only begins an entry
    EXPECT_EQ(table.find(t[1].key), phrase_bits::kSuffix);  // "francisco" alone only ends one
}

TEST(KeyTable, EmptyTableFindsNothing) {
    KeyTable table;
    table.finish();
    EXPECT_EQ(table.find(hash_word("x")), RoleBits{0});
}

TEST(RoleTable, TranslatesLexiconsIntoRoles) {
    RoleTable table;
    table.add_lexicon(0, 2);
    table.add_lexicon(1, 2);
    table.add_lexicon(1, 5);
    table.add_terms({"dr"}, 7);
    table.finish();
    EXPECT_EQ(table.translate(0b01), RoleBits{1} << 2);
    EXPECT_EQ(table.translate(0b10), (RoleBits{1} << 2) | (RoleBits{1} << 5));
    EXPECT_EQ(table.translate(0b10 | phrase_bits::kPrefix), (RoleBits{1} << 2) | (RoleBits{1} << 5) | phrase_bits::kPrefix);
    EXPECT_EQ(table.terms(hash_word("dr")), RoleBits{1} << 7);
}

TEST(RoleTable, SharedTermsAreReadFromTheTokenAtTheirOffset) {
    RoleTable first, second;
    first.add_terms({"dr"}, 1);
    second.add_terms({"street", "dr"}, 0);
    second.add_terms({"san"}, 2);  // a phrase start only in another table must not become a role
    first.add_terms({"san francisco"}, 0);
    first.finish();
    second.finish();
    TermIndex index;
    ASSERT_TRUE(first.share(index, 0, 3));
    ASSERT_TRUE(second.share(index, 3, 3));
    EXPECT_FALSE(RoleTable().share(index, phrase_bits::kMaxMembers - 1, 2));  // does not fit
    index.finish();
    std::vector<Token> t;
    tokenize("Dr street San", t);
    for (Token& token : t) token.terms = index.find(token.key);
    EXPECT_EQ(first.token_terms(t[0]), RoleBits{1} << 1);
    EXPECT_EQ(second.token_terms(t[0]), RoleBits{1});
    EXPECT_EQ(first.token_terms(t[1]), RoleBits{0});
    EXPECT_EQ(second.token_terms(t[1]), RoleBits{1});
    EXPECT_EQ(first.token_terms(t[2]), phrase_bits::kPrefix);
    EXPECT_EQ(second.token_terms(t[2]) & phrase_bits::kMembers, RoleBits{1} << 2);
    // Each table still finds its own terms by key, phrases included.
    EXPECT_EQ(first.terms(combine_keys(t[2].key, hash_word("francisco"))), RoleBits{1});
}

}  // namespace
}  // namespace phimask::detail
