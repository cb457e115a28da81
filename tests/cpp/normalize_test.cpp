#include "normalize.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

namespace phimask::detail {
namespace {

// Validated by ICU rather than by the decoder under test.
bool is_valid_utf8(std::string_view s) {
    if (s.empty()) return true;
    std::u16string units(s.size(), u'\0');
    int32_t length = 0;
    UErrorCode err = U_ZERO_ERROR;
    u_strFromUTF8(units.data(), static_cast<int32_t>(units.size()), &length, s.data(), static_cast<int32_t>(s.size()),
                  &err);
    return U_SUCCESS(err);
}

template <class F>
void for_each_code_point(std::string_view s, F&& f) {
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    const auto n = static_cast<int32_t>(s.size());
    int32_t i = 0;
    while (i < n) {
        const int32_t start = i;
        UChar32 c = 0;
        U8_NEXT(p, i, n, c);
        f(c, static_cast<std::size_t>(start), static_cast<std::size_t>(i));
    }
}

bool dropped(UChar32 c) { return c < 0 || u_charType(c) == U_FORMAT_CHAR; }

// The specification in its plainest form: drop, NFKC the whole string, fold.
std::string reference_normalize(std::string_view input) {
    std::string kept;
    for_each_code_point(input, [&](UChar32 c, std::size_t b, std::size_t e) {
        if (!dropped(c)) kept.append(input.substr(b, e - b));
    });
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(err);
    std::string nfkc_text;
    icu::StringByteSink<std::string> sink(&nfkc_text);
    nfkc->normalizeUTF8(0, icu::StringPiece(kept.data(), static_cast<int32_t>(kept.size())), sink, nullptr, err);
    EXPECT_TRUE(U_SUCCESS(err));
    std::string folded;
    for_each_code_point(nfkc_text, [&](UChar32 c, std::size_t b, std::size_t e) {
        const int8_t type = u_charType(c);
        if (type == U_DECIMAL_DIGIT_NUMBER) {
            folded += static_cast<char>('0' + u_charDigitValue(c));
        } else if (u_hasBinaryProperty(c, UCHAR_DASH)) {
            folded += '-';
        } else if (type == U_SPACE_SEPARATOR) {
            folded += ' ';
        } else if (type == U_LINE_SEPARATOR || type == U_PARAGRAPH_SEPARATOR) {
            folded += '\n';
        } else if (type != U_FORMAT_CHAR) {
            folded.append(nfkc_text.substr(b, e - b));
        }
    });
    return folded;
}

// Structural invariants that every normalization must satisfy, whatever the input.
void expect_invariants(std::string_view input, const NormalizedText& nt) {
    const std::string_view text = nt.text();
    EXPECT_TRUE(is_valid_utf8(text));
    if (nt.identity()) {
        EXPECT_EQ(text, input);
        EXPECT_TRUE(nt.pieces().empty());
        return;
    }
    std::size_t norm = 0;
    std::size_t orig = 0;
    for (const OffsetPiece& p : nt.pieces()) {
        ASSERT_EQ(p.norm_begin, norm);
        ASSERT_LT(p.norm_begin, p.norm_end);
        ASSERT_LE(orig, p.orig_begin);
        ASSERT_LT(p.orig_begin, p.orig_end);
        ASSERT_LE(p.orig_end, input.size());
        // Whatever no piece covers must be dropped characters only.
        for_each_code_point(input.substr(orig, p.orig_begin - orig),
                            [&](UChar32 c, std::size_t, std::size_t) { EXPECT_TRUE(dropped(c)) << c; });
        if (p.linear) {
            ASSERT_EQ(p.norm_end - p.norm_begin, p.orig_end - p.orig_begin);
            EXPECT_EQ(text.substr(p.norm_begin, p.norm_end - p.norm_begin),
                      input.substr(p.orig_begin, p.orig_end - p.orig_begin));
        }
        norm = p.norm_end;
        orig = p.orig_end;
    }
    EXPECT_EQ(norm, text.size());
    for_each_code_point(input.substr(orig), [&](UChar32 c, std::size_t, std::size_t) { EXPECT_TRUE(dropped(c)) << c; });
}

NormalizedText normalize(std::string_view input) {
    NormalizedText out;
    EXPECT_TRUE(Normalizer().normalize(input, out));
    expect_invariants(input, out);
    return out;
}

// The original bytes behind the first occurrence of `needle` in the normalized text.
std::string original_of(std::string_view input, const NormalizedText& nt, std::string_view needle) {
    const std::size_t at = nt.text().find(needle);
    if (at == std::string_view::npos) return "<not in normalized text>";
    const auto [first, second] = nt.to_original(at, at + needle.size());
    EXPECT_LE(first, second);
    EXPECT_LE(second, input.size());
    return std::string(input.substr(first, second - first));
}

TEST(Normalize, AsciiIsNotCopied) {
    const std::string input = "Pt SSN 123-45-6789, call (617) 555-0123.\n\tMRN: A1234567";
    NormalizedText nt = normalize(input);
    EXPECT_TRUE(nt.identity());
    EXPECT_EQ(nt.text().data(), input.data());
    EXPECT_EQ(nt.to_original(7, 18), std::make_pair(std::size_t{7}, std::size_t{18}));
    EXPECT_EQ(original_of(input, nt, "123-45-6789"), "123-45-6789");
}

TEST(Normalize, EmptyInputIsIdentity) {
    NormalizedText nt = normalize("");
    EXPECT_TRUE(nt.identity());
    EXPECT_TRUE(nt.text().empty());
}

TEST(Normalize, AsciiDetectionAcrossWordBoundaries) {
    // Non-ASCII beyond every 8- and 32-byte block boundary, to exercise the fast scan's tail handling.
    for (std::size_t prefix = 0; prefix < 70; ++prefix) {
        const std::string input = std::string(prefix, 'a') + "\xc3\xa9" + std::string(prefix % 11, 'b');
        NormalizedText nt = normalize(input);
        EXPECT_FALSE(nt.identity());
        EXPECT_EQ(nt.text(), input);
    }
}

TEST(Normalize, FullWidthDigitsFoldToAscii) {
    const std::string input = "SSN: １２３-４５-６７８９ on file";
    NormalizedText nt = normalize(input);
    EXPECT_EQ(nt.text(), "SSN: 123-45-6789 on file");
    EXPECT_EQ(original_of(input, nt, "123-45-6789"), "１２３-４５-６７８９");
    EXPECT_EQ(original_of(input, nt, "45"), "４５");
    EXPECT_EQ(original_of(input, nt, "SSN: "), "SSN: ");
    EXPECT_EQ(original_of(input, nt, " on file"), " on file");
}

TEST(Normalize, FullWidthLettersAndPunctuation) {
    const std::string input = "ＳＳＮ：１２３－４５－６７８９";
    NormalizedText nt = normalize(input);
    EXPECT_EQ(nt.text(), "SSN:123-45-6789");
    EXPECT_EQ(original_of(input, nt, "123-45-6789"), "１２３－４５－６７８９");
}

TEST(Normalize, ZeroWidthInsideSsnIsDropped) {
    const std::string input = "SSN 123\u200B-45-6789.";
    NormalizedText nt = normalize(input);
    EXPECT_EQ(nt.text(), "SSN 123-45-6789.");
    EXPECT_EQ(original_of(input, nt, "123-45-6789"), "123\u200B-45-6789");
    EXPECT_EQ(original_of(input, nt, "123"), "123");
    EXPECT_EQ(original_of(input, nt, "-45"), "-45");
}

TEST(Normalize, EveryFormatCharacterIsDropped) {
    // ZWSP, ZWNJ, ZWJ, soft hyphen, BOM, word joiner, LRM, RLO, LRI, PDI.
    const std::string input =
        "\uFEFF1\u200C2\u200D3\u00AD-\u20604\u200E5\u202E-\u20666\u20697\u200B8\u200B9";
    NormalizedText nt = normalize(input);
    EXPECT_EQ(nt.text(), "123-45-6789");
    EXPECT_EQ(original_of(input, nt, "123-45-6789"), input.substr(3));
    EXPECT_EQ(original_of(input, nt, "1"), "1");
}

TEST(Normalize, MatchEdgesExcludeDroppedNeighbours) {
    const std::string input = "a\u200B123\u200Bb";
    NormalizedText nt = normalize(input);
    EXPECT_EQ(nt.text(), "a123b");
    EXPECT_EQ(original_of(input, nt, "123"), "123");
    EXPECT_EQ(original_of(input, nt, "a1"), "a\u200B1");
}

TEST(Normalize, PhoneSpacesAndDashesFold) {
    const std::string input =
        "tel (617)\u00A0555\u20130123, 617\u2014555\u22120123, 617\u2009555\u20120199, 617\u3000555\u20100100";
    NormalizedText nt = normalize(input);
    EXPECT_EQ(nt.text(), "tel (617) 555-0123, 617-555-0123, 617 555-0199, 617 555-0100");
    EXPECT_EQ(original_of(input, nt, "(617) 555-0123"), "(617)\u00A0555\u20130123");
    EXPECT_EQ(original_of(input, nt, "617-555-0123"), "617\u2014555\u22120123");
    EXPECT_EQ(original_of(input, nt, "617 555-0199"), "617\u2009555\u20120199");
    EXPECT_EQ(original_of(input, nt, "617 555-0100"), "617\u3000555\u20100100");
    EXPECT_EQ(original_of(input, nt, "(617) "), "(617)\u00A0");
}

TEST(Normalize, EveryDashAndSpaceFolds) {
    // Hyphen, non-breaking hyphen, figure dash, en, em, horizontal bar, minus, small and full-width hyphen-minus,
    // superscript minus; then NBSP, en quad, thin, hair, narrow NBSP, medium math space, ideographic, ogham.
    const std::string input = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE63\uFF0D\u207B"
                              "\u00A0\u2000\u2009\u200A\u202F\u205F\u3000\u1680";
    NormalizedText nt = normalize(input);
    EXPECT_EQ(nt.text(), "----------        ");
    EXPECT_EQ(original_of(input, nt, "-- "), "\uFF0D\u207B\u00A0");
}

TEST(Normalize, LineAndParagraphSeparatorsBecomeNewlines) {
    const std::string input = "a\u2028b\u2029c";
    NormalizedText nt = normalize(input);
    EXPECT_EQ(nt.text(), "a\nb\nc");
    EXPECT_EQ(original_of(input, nt, "\nb\n"), "\u2028b\u2029");
}

TEST(Normalize, ArabicIndicDigitsFoldToAscii) {
    const std::string input = "رقم ٠١٢٣٤٥٦٧٨٩ و ۱۲۳-۴۵-۶۷۸۹";
    NormalizedText nt = normalize(input);
    EXPECT_NE(nt.text().find("0123456789"), std::string_view::npos);
    EXPECT_EQ(original_of(input, nt, "0123456789"), "٠١٢٣٤٥٦٧٨٩");
    EXPECT_EQ(original_of(input, nt, "123-45-6789"), "۱۲۳-۴۵-۶۷۸۹");
    EXPECT_EQ(original_of(input, nt, "رقم"), "رقم");
}

TEST(Normalize, OtherScriptDigitsFoldToAscii) {
    const std::string input = "Devanagari १२३, Bengali ৪৫, Thai ๖๗, circled ①";
    NormalizedText nt = normalize(input);
    EXPECT_EQ(nt.text(), "Devanagari 123, Bengali 45, Thai 67, circled 1");
    EXPECT_EQ(original_of(input, nt, "123"), "१२३");
    EXPECT_EQ(original_of(input, nt, "45"), "৪৫");
    EXPECT_EQ(original_of(input, nt, "67"), "๖๗");
    EXPECT_EQ(original_of(input, nt, "circled 1"), "circled ①");
}

TEST(Normalize, CombiningMarkComposesWithAsciiBase) {
    const std::string input = "Jose\u0301 Garci\u0301a";
    NormalizedText nt = normalize(input);
    EXPECT_EQ(nt.text(), "Jos\u00E9 Garc\u00EDa");
    EXPECT_EQ(original_of(input, nt, "Jos\u00E9"), "Jose\u0301");
    EXPECT_EQ(original_of(input, nt, "\u00E9"), "e\u0301");
    EXPECT_EQ(original_of(input, nt, "Jos"), "Jos");
    EXPECT_EQ(original_of(input, nt, "a"), "a");
    EXPECT_EQ(original_of(input, nt, "Garc\u00EDa"), "Garci\u0301a");
}

TEST(Normalize, CombiningMarkComposesAcrossDroppedCharacter) {
    const std::string input = "Jose\u200B\u0301!";
    NormalizedText nt = normalize(input);
    EXPECT_EQ(nt.text(), "Jos\u00E9!");
    EXPECT_EQ(original_of(input, nt, "\u00E9"), "e\u200B\u0301");
    EXPECT_EQ(original_of(input, nt, "Jos"), "Jos");
    EXPECT_EQ(original_of(input, nt, "!"), "!");
}

TEST(Normalize, CombiningMarksInOtherSituations) {
    // A mark at the very start, two marks needing reordering, a mark on a precomposed letter, Hangul jamo,
    // half-width katakana with its voiced mark.
    const std::string input = "\u0301x a\u0302\u0323 \u00E9\u0301 \u1100\u1161\u11A8 \uFF76\uFF9E";
    NormalizedText nt = normalize(input);
    EXPECT_EQ(nt.text(), reference_normalize(input));
    EXPECT_EQ(nt.text(), "\u0301x \u1EAD \u00E9\u0301 \uAC01 \u30AC");
    EXPECT_EQ(original_of(input, nt, "\u0301x"), "\u0301x");
    EXPECT_EQ(original_of(input, nt, "\u1EAD"), "a\u0302\u0323");
    EXPECT_EQ(original_of(input, nt, "\uAC01"), "\u1100\u1161\u11A8");
    EXPECT_EQ(original_of(input, nt, "\u30AC"), "\uFF76\uFF9E");
}

TEST(Normalize, CjkPassesThroughUnchanged) {
    const std::string input = "患者 山田太郎 電話 ０３-１２３４-５６７８ ｶﾀｶﾅ";
    NormalizedText nt = normalize(input);
    EXPECT_EQ(nt.text(), "患者 山田太郎 電話 03-1234-5678 カタカナ");
    EXPECT_EQ(original_of(input, nt, "山田太郎"), "山田太郎");
    EXPECT_EQ(original_of(input, nt, "03-1234-5678"), "０３-１２３４-５６７８");
    EXPECT_EQ(original_of(input, nt, "カタカナ"), "ｶﾀｶﾅ");
    // Unchanged text keeps a byte-exact (linear) map, coalesced with the ASCII around it: one piece per run.
    const std::size_t at = nt.text().find("患者 山田太郎 電話 ");
    ASSERT_EQ(at, 0u);
    EXPECT_TRUE(nt.pieces().front().linear);
    EXPECT_EQ(nt.pieces().front().norm_end, std::string_view("患者 山田太郎 電話 ").size());
}

TEST(Normalize, EmojiFourByteCharacters) {
    const std::string input = "\U0001F469\u200D\u2695\uFE0F SSN 123-45-6789 \U0001F600";
    NormalizedText nt = normalize(input);
    EXPECT_EQ(nt.text(), "\U0001F469\u2695\uFE0F SSN 123-45-6789 \U0001F600");
    EXPECT_EQ(original_of(input, nt, "123-45-6789"), "123-45-6789");
    EXPECT_EQ(original_of(input, nt, "\U0001F469\u2695"), "\U0001F469\u200D\u2695");
    EXPECT_EQ(original_of(input, nt, "\U0001F600"), "\U0001F600");
}

TEST(Normalize, InvalidBytesAreDroppedWithExactMap) {
    struct Case {
        std::string input;
        std::string normalized;
        std::string match;
        std::string original;
    };
    const std::vector<Case> cases = {
        {"123\xff-45-6789", "123-45-6789", "123-45-6789", "123\xff-45-6789"},
        {"\xff""123-45-6789\xfe", "123-45-6789", "123-45-6789", "123-45-6789"},
        {"12\xe2\x82""3-45", "123-45", "123", "12\xe2\x82""3"},
        {"12\xf0\x9f\x98""3", "123", "123", "12\xf0\x9f\x98""3"},
        {"a\xc0\xaf""b", "ab", "ab", "a\xc0\xaf""b"},
        {"a\xed\xa0\x80""b", "ab", "ab", "a\xed\xa0\x80""b"},
        {"a\xf4\x90\x80\x80""b", "ab", "ab", "a\xf4\x90\x80\x80""b"},
        {"a\x80\x80""b\xf5", "ab", "b", "b"},
        {"caf\xc3\xa9\xff!", "caf\xc3\xa9!", "\xc3\xa9!", "\xc3\xa9\xff!"},
        {"x\xe2\x82", "x", "x", "x"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(testing::PrintToString(c.input));
        NormalizedText nt = normalize(c.input);
        EXPECT_FALSE(nt.identity());
        EXPECT_EQ(nt.text(), c.normalized);
        EXPECT_EQ(original_of(c.input, nt, c.match), c.original);
    }
}

TEST(Normalize, OnlyDroppedCharactersGiveEmptyText) {
    const std::string input = "\xff\u200B\xc0";
    NormalizedText nt = normalize(input);
    EXPECT_FALSE(nt.identity());
    EXPECT_TRUE(nt.text().empty());
    EXPECT_TRUE(nt.pieces().empty());
    const auto range = nt.to_original(0, 1);
    EXPECT_LE(range.second, input.size());
}

TEST(Normalize, LigaturesExpand) {
    const std::string input = "\uFB01le no. \uFB03x \u338F";
    NormalizedText nt = normalize(input);
    EXPECT_EQ(nt.text(), "file no. ffix kg");
    EXPECT_EQ(original_of(input, nt, "file"), "\uFB01le");
    EXPECT_EQ(original_of(input, nt, "fi"), "\uFB01");
    // A part of an expansion stands for the whole original character.
    EXPECT_EQ(original_of(input, nt, "i"), "\uFB01");
    EXPECT_EQ(original_of(input, nt, "ix"), "\uFB03x");
    EXPECT_EQ(original_of(input, nt, "g"), "\u338F");
}

TEST(Normalize, AsciiAlwaysStartsASegment) {
    // The fast path copies ASCII without asking ICU; that is only sound if no ASCII character can join the
    // segment before it.
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(err);
    ASSERT_TRUE(U_SUCCESS(err));
    for (UChar32 c = 0; c < 0x80; ++c) EXPECT_TRUE(nfkc->hasBoundaryBefore(c)) << c;
}

TEST(Normalize, LongRunOfCombiningMarksStaysValid) {
    std::string input = "x";
    for (int i = 0; i < 20000; ++i) input += (i % 3 == 0) ? "\u0323" : (i % 3 == 1) ? "\u0301" : "\u200B";
    input += " 123-45-6789";
    NormalizedText nt = normalize(input);
    EXPECT_EQ(original_of(input, nt, "123-45-6789"), "123-45-6789");
}

TEST(Normalize, OutputIsReusedAcrossCalls) {
    Normalizer normalizer;
    NormalizedText out;
    const std::string a = "caf\u00E9 \uFF11";
    const std::string b = "plain ascii";
    ASSERT_TRUE(normalizer.normalize(a, out));
    EXPECT_EQ(out.text(), "caf\u00E9 1");
    ASSERT_TRUE(normalizer.normalize(b, out));
    EXPECT_TRUE(out.identity());
    EXPECT_TRUE(out.pieces().empty());
    EXPECT_EQ(out.text(), b);
    ASSERT_TRUE(normalizer.normalize(a, out));
    EXPECT_FALSE(out.identity());
    EXPECT_EQ(out.text(), "caf\u00E9 1");
    expect_invariants(a, out);
}

TEST(Normalize, CopiesAndMovesKeepTheirText) {
    const std::string input = "\uFF11\uFF12";  // short enough for the small-string buffer, where moves copy bytes
    auto original = std::make_unique<NormalizedText>();
    ASSERT_TRUE(Normalizer().normalize(input, *original));
    NormalizedText copy = *original;
    NormalizedText moved = std::move(*original);
    original.reset();
    EXPECT_EQ(copy.text(), "12");
    EXPECT_EQ(moved.text(), "12");
    EXPECT_EQ(moved.to_original(0, 2), std::make_pair(std::size_t{0}, input.size()));
}

TEST(Normalize, ToOriginalClampsOutOfRangeArguments) {
    const std::string input = "\u00E9abc";
    NormalizedText nt = normalize(input);
    const auto past = nt.to_original(2, 1000);
    EXPECT_EQ(past, std::make_pair(std::size_t{2}, input.size()));
    const auto empty = nt.to_original(3, 3);
    EXPECT_EQ(empty.first, empty.second);
    EXPECT_LE(empty.second, input.size());
    const std::string ascii = "abc";
    NormalizedText id = normalize(ascii);
    EXPECT_EQ(id.to_original(1, 1000), std::make_pair(std::size_t{1}, std::size_t{3}));
}

TEST(Normalize, RandomMixesKeepEveryInvariant) {
    const std::vector<std::string> atoms = {
        "a", "Z", "7", " ", "-", "\n", "e", "SSN 123-45-6789", "\u00E9", "\u0301", "\u0323", "\uFF11", "\u0663",
        "\u2013", "\u2212", "\u00A0", "\u3000", "\u2028", "\u200B", "\u00AD", "\uFEFF", "\u202E", "\uFB01",
        "\U0001F600", "\u60A3", "\uFF76", "\uFF9E", "\u1100", "\u1161", "\u11A8", "\uFDFA", "\u2460", "\u00BD",
        "\xff", "\xe2\x82", "\xc0\xaf", "\xed\xa0\x80", "\x80", "\xf0\x9f\x98", "\xf4\x90\x80\x80",
    };
    std::mt19937 rng(20240611);
    std::uniform_int_distribution<std::size_t> pick(0, atoms.size() - 1);
    std::uniform_int_distribution<int> length(0, 40);
    Normalizer normalizer;
    NormalizedText nt;
    for (int iteration = 0; iteration < 3000; ++iteration) {
        std::string input;
        const int atoms_in_input = length(rng);
        for (int k = 0; k < atoms_in_input; ++k) input += atoms[pick(rng)];
        SCOPED_TRACE(testing::PrintToString(input));
        ASSERT_TRUE(normalizer.normalize(input, nt));
        expect_invariants(input, nt);
        ASSERT_EQ(nt.text(), reference_normalize(input));
        const std::size_t size = nt.text().size();
        if (size == 0) continue;
        std::uniform_int_distribution<std::size_t> pos(0, size - 1);
        std::size_t previous_first = 0;
        for (std::size_t start = 0; start < size; ++start) {
            const std::size_t end = start + 1 + pos(rng) % (size - start);
            const auto [first, second] = nt.to_original(start, end);
            ASSERT_LT(first, second);
            ASSERT_LE(second, input.size());
            ASSERT_LE(previous_first, first);
            previous_first = first;
        }
        const auto whole = nt.to_original(0, size);
        const auto tail = nt.to_original(size - 1, size);
        EXPECT_EQ(whole.second, tail.second);
        EXPECT_EQ(whole.first, nt.pieces().empty() ? 0 : nt.pieces().front().orig_begin);
    }
}

}  // namespace
}  // namespace phimask::detail
