#include "phimask/offsets.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/utf8.h>

namespace phimask {
namespace {

std::vector<std::size_t> converted(std::string_view text, std::vector<std::size_t> offsets, OffsetUnit unit) {
    convert_offsets(text, offsets, unit);
    return offsets;
}

// Code point or UTF-16 offsets, offset by offset, from ICU's decoder; every byte of an ill-formed sequence is
// one unit of its own.
std::vector<std::size_t> reference(std::string_view text, const std::vector<std::size_t>& offsets, OffsetUnit unit) {
    std::vector<std::size_t> at_byte(text.size() + 1, 0);
    const auto* p = reinterpret_cast<const uint8_t*>(text.data());
    const auto n = static_cast<int32_t>(text.size());
    std::size_t units = 0;
    int32_t i = 0;
    while (i < n) {
        const int32_t start = i;
        UChar32 c = 0;
        U8_NEXT(p, i, n, c);
        if (c < 0) {
            for (int32_t k = start; k < i; ++k) at_byte[static_cast<std::size_t>(k)] = units++;
            continue;
        }
        for (int32_t k = start; k < i; ++k) at_byte[static_cast<std::size_t>(k)] = units;
        units += unit == OffsetUnit::kUtf16 && c > 0xFFFF ? 2 : 1;
    }
    at_byte[text.size()] = units;
    std::vector<std::size_t> out;
    for (std::size_t offset : offsets) out.push_back(at_byte[offset]);
    return out;
}

using V = std::vector<std::size_t>;

TEST(Offsets, AsciiIsIdentity) {
    const std::string text = "Pt SSN 123-45-6789, call (617) 555-0123 -- a long line of plain ASCII text.";
    const V offsets = {0, 7, 18, 25, 40, text.size()};
    EXPECT_EQ(converted(text, offsets, OffsetUnit::kCodePoint), offsets);
    EXPECT_EQ(converted(text, offsets, OffsetUnit::kUtf16), offsets);
    EXPECT_EQ(converted(text, offsets, OffsetUnit::kUtf8Byte), offsets);
}

TEST(Offsets, ByteUnitLeavesNonAsciiOffsetsAlone) {
    const std::string text = "\u60A3\u8005 \U0001F600";
    const V offsets = {0, 1, 3, 7, 9, text.size()};
    EXPECT_EQ(converted(text, offsets, OffsetUnit::kUtf8Byte), offsets);
}

TEST(Offsets, EmptyInputs) {
    EXPECT_EQ(converted("", {}, OffsetUnit::kUtf16), V{});
    EXPECT_EQ(converted("", {0, 0}, OffsetUnit::kCodePoint), (V{0, 0}));
    EXPECT_EQ(converted("\u00E9", {}, OffsetUnit::kCodePoint), V{});
}

TEST(Offsets, EmojiCountsTwoUtf16Units) {
    const std::string text = "a\U0001F600b\U0001F469\u200D\u2695\uFE0Fc";
    // bytes: a 0, emoji 1..4, b 5, woman 6..9, ZWJ 10..12, staff 13..15, VS16 16..18, c 19, end 20
    const V offsets = {0, 1, 5, 6, 10, 13, 16, 19, 20};
    EXPECT_EQ(converted(text, offsets, OffsetUnit::kCodePoint), (V{0, 1, 2, 3, 4, 5, 6, 7, 8}));
    EXPECT_EQ(converted(text, offsets, OffsetUnit::kUtf16), (V{0, 1, 3, 4, 6, 7, 8, 9, 10}));
}

TEST(Offsets, OffsetInsideCharacterMapsToItsStart) {
    const std::string text = "a\U0001F600b";
    EXPECT_EQ(converted(text, {1, 2, 3, 4, 5}, OffsetUnit::kUtf16), (V{1, 1, 1, 1, 3}));
    EXPECT_EQ(converted(text, {2, 2, 4, 5}, OffsetUnit::kCodePoint), (V{1, 1, 1, 2}));
}

TEST(Offsets, CjkIsOneUnitPerCharacter) {
    const std::string text = "\u60A3\u8005 \u5C71\u7530 03-1234";
    // 患 0..2, 者 3..5, space 6, 山 7..9, 田 10..12, space 13, digits from 14
    const V offsets = {0, 3, 7, 13, 14, text.size()};
    const V expected = {0, 1, 3, 5, 6, 13};
    EXPECT_EQ(converted(text, offsets, OffsetUnit::kCodePoint), expected);
    EXPECT_EQ(converted(text, offsets, OffsetUnit::kUtf16), expected);
}

TEST(Offsets, CombiningMarkIsItsOwnCodePoint) {
    const std::string text = "Jose\u0301 G";
    EXPECT_EQ(converted(text, {0, 3, 4, 6, 7, 8}, OffsetUnit::kCodePoint), (V{0, 3, 4, 5, 6, 7}));
    EXPECT_EQ(converted(text, {0, 3, 4, 6, 7, 8}, OffsetUnit::kUtf16), (V{0, 3, 4, 5, 6, 7}));
}

TEST(Offsets, InvalidBytesCountOneUnitEach) {
    // Lone 0xFF, truncated 3-byte sequence, overlong, encoded surrogate, truncated 4-byte at the end.
    const std::string text = "a\xff""b\xe2\x82""c\xc0\xaf""d\xed\xa0\x80""e\xf0\x9f\x98";
    V all;
    for (std::size_t i = 0; i <= text.size(); ++i) all.push_back(i);
    EXPECT_EQ(converted(text, all, OffsetUnit::kCodePoint), all);
    EXPECT_EQ(converted(text, all, OffsetUnit::kUtf16), all);
}

TEST(Offsets, InvalidBytesBetweenValidCharacters) {
    const std::string text = "\u00E9\xff\U0001F600\x80\u00E9";
    // é 0..1, ff 2, emoji 3..6, 80 7, é 8..9, end 10
    EXPECT_EQ(converted(text, {0, 2, 3, 7, 8, 10}, OffsetUnit::kCodePoint), (V{0, 1, 2, 3, 4, 5}));
    EXPECT_EQ(converted(text, {0, 2, 3, 7, 8, 10}, OffsetUnit::kUtf16), (V{0, 1, 2, 4, 5, 6}));
}

TEST(Offsets, LongAsciiRunsAroundNonAscii) {
    const std::string text = std::string(37, 'x') + "\u00E9" + std::string(100, 'y') + "\U0001F600" + "z";
    const V offsets = {5, 37, 39, 139, 140, 143, 144};
    EXPECT_EQ(converted(text, offsets, OffsetUnit::kCodePoint), (V{5, 37, 38, 138, 138, 139, 140}));
    EXPECT_EQ(converted(text, offsets, OffsetUnit::kUtf16), (V{5, 37, 38, 138, 138, 140, 141}));
}

TEST(Offsets, RepeatedOffsetsConvertAlike) {
    const std::string text = "\u00E9\u00E9\u00E9";
    EXPECT_EQ(converted(text, {2, 2, 2, 6, 6}, OffsetUnit::kCodePoint), (V{1, 1, 1, 3, 3}));
}

TEST(Offsets, OutOfContractOffsetsAreClamped) {
    const std::string text = "\u00E9ab";
    EXPECT_EQ(converted(text, {1000}, OffsetUnit::kCodePoint), V{3});
    EXPECT_EQ(converted(text, {3, 0}, OffsetUnit::kCodePoint), (V{2, 2}));
}

TEST(Offsets, RandomTextsMatchReference) {
    const std::vector<std::string> atoms = {
        "a", "1", " ", "abcdefghij", "\u00E9", "\u0301", "\u60A3", "\U0001F600", "\uFF11", "\u200B",
        "\xff", "\xe2\x82", "\xc0\xaf", "\xed\xa0\x80", "\x80", "\xf0\x9f\x98", "\xf4\x90\x80\x80", "\xc3",
    };
    std::mt19937 rng(7);
    std::uniform_int_distribution<std::size_t> pick(0, atoms.size() - 1);
    std::uniform_int_distribution<int> length(0, 30);
    for (int iteration = 0; iteration < 2000; ++iteration) {
        std::string text;
        const int atoms_in_text = length(rng);
        for (int k = 0; k < atoms_in_text; ++k) text += atoms[pick(rng)];
        SCOPED_TRACE(testing::PrintToString(text));
        std::uniform_int_distribution<std::size_t> pos(0, text.size());
        V offsets(1 + static_cast<std::size_t>(length(rng)));
        for (std::size_t& offset : offsets) offset = pos(rng);
        std::sort(offsets.begin(), offsets.end());
        for (OffsetUnit unit : {OffsetUnit::kCodePoint, OffsetUnit::kUtf16}) {
            ASSERT_EQ(converted(text, offsets, unit), reference(text, offsets, unit));
        }
    }
}

}  // namespace
}  // namespace phimask

namespace phimask {
namespace {

TEST(Utf8, ValidityIsStrict) {
    EXPECT_TRUE(is_valid_utf8(""));
    EXPECT_TRUE(is_valid_utf8("plain ASCII, longer than eight bytes"));
    EXPECT_TRUE(is_valid_utf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF"));
    EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));               // overlong
    EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));           // a UTF-16 surrogate
    EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));       // above U+10FFFF
    EXPECT_FALSE(is_valid_utf8("ok so far \xE2\x82"));     // truncated
    EXPECT_FALSE(is_valid_utf8("stray continuation \x80"));
}

}  // namespace
}  // namespace phimask
