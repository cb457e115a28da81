#include "tokens.h"

#include <cstring>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "ascii.h"

namespace phimask::detail {
namespace {

constexpr std::uint64_t kFnvOffset = 0xCBF29CE484222325ULL;
constexpr std::uint64_t kFnvPrime = 0x100000001B3ULL;

bool is_word(unsigned char c) { return is_word_byte(c); }

/// U+2019 RIGHT SINGLE QUOTATION MARK, the typographic apostrophe.
bool typographic_apostrophe_at(std::string_view t, std::size_t i) {
    return i + 2 < t.size() && static_cast<unsigned char>(t[i]) == 0xE2 && static_cast<unsigned char>(t[i + 1]) == 0x80 &&
           static_cast<unsigned char>(t[i + 2]) == 0x99;
}

/// Length of an apostrophe at i (1 for ', 3 for U+2019), or 0.
std::size_t apostrophe_at(std::string_view t, std::size_t i) {
    if (i < t.size() && t[i] == '\'') return 1;
    return typographic_apostrophe_at(t, i) ? 3 : 0;
}

/// The code point starting at byte i (U+FFFD when malformed; normalized text never is).
UChar32 code_point_at(std::string_view t, std::size_t i) {
    UChar32 c = 0;
    auto offset = static_cast<std::int32_t>(i);
    U8_NEXT(reinterpret_cast<const std::uint8_t*>(t.data()), offset, static_cast<std::int32_t>(t.size()), c);
    return c < 0 ? 0xFFFD : c;
}

Shape shape_of(std::string_view word) {
    int upper = 0, lower = 0, digits = 0, letters = 0;
    bool first_upper = false;
    for (std::size_t i = 0; i < word.size();) {
        const auto c = static_cast<unsigned char>(word[i]);
        if (c < 0x80) {
            if (is_digit(c)) ++digits;
            else if (c >= 'A' && c <= 'Z') ++upper, ++letters, first_upper |= (letters == 1);
            else if (c >= 'a' && c <= 'z') ++lower, ++letters;
            ++i;
            continue;
        }
        const UChar32 cp = code_point_at(word, i);
        if (u_isUUppercase(cp)) ++upper, ++letters, first_upper |= (letters == 1);
        else if (u_isULowercase(cp)) ++lower, ++letters;
        else if (u_isalpha(cp)) ++letters;
        i += static_cast<std::size_t>(U8_LENGTH(cp));
    }
    if (letters == 0) return digits > 0 ? Shape::kNumber : Shape::kLower;
    if (digits > 0) return Shape::kMixed;
    if (!first_upper) return Shape::kLower;
    if (letters == 1) return Shape::kInitial;
    if (lower == 0) return Shape::kUpper;
    return Shape::kTitle;
}

}  // namespace

namespace {

/// Little-endian value of the 8 bytes at p, so keys are the same on every machine.
std::uint64_t load_le64(const unsigned char* p) {
    std::uint64_t v;
    std::memcpy(&v, p, sizeof v);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    return v;
}

/// Eight bytes at a time (little-endian, zero-padded), mixed by multiply and
/// xor-shift. Whole 8-byte loads are used while they stay before `readable_end`.
std::uint64_t hash_chunks(const unsigned char* p, std::size_t n, std::uint64_t or_mask, const unsigned char* readable_end) {
    std::uint64_t h = kFnvOffset ^ (n * kFnvPrime);
    const std::uint64_t or_bytes = or_mask * 0x0101010101010101ULL;
    for (std::size_t i = 0; i < n; i += 8) {
        const std::size_t m = n - i < 8 ? n - i : 8;
        std::uint64_t chunk = 0;
        if (p + i + 8 <= readable_end) {
            chunk = load_le64(p + i);
        } else {
            for (std::size_t k = 0; k < m; ++k) chunk |= static_cast<std::uint64_t>(p[i + k]) << (8 * k);
        }
        chunk |= or_bytes;
        if (m < 8) chunk &= (std::uint64_t{1} << (8 * m)) - 1;
        h = (h ^ chunk) * 0x9E3779B97F4A7C15ULL;
        h ^= h >> 29;
    }
    return h;
}

}  // namespace

std::uint64_t hash_word(std::string_view lowercase_word) {
    const auto* p = reinterpret_cast<const unsigned char*>(lowercase_word.data());
    return hash_chunks(p, lowercase_word.size(), 0, p + lowercase_word.size());
}

std::string lookup_form(std::string_view word) {
    std::string out;
    out.reserve(word.size());
    for (std::size_t i = 0; i < word.size();) {
        const auto c = static_cast<unsigned char>(word[i]);
        if (c < 0x80) {
            if (c != '\'' && c != '-' && c != '.') out.push_back(ascii_lower(static_cast<char>(c)));
            ++i;
            continue;
        }
        if (typographic_apostrophe_at(word, i)) {
            i += 3;
            continue;
        }
        const UChar32 cp = u_tolower(code_point_at(word, i));
        i += static_cast<std::size_t>(U8_LENGTH(code_point_at(word, i)));
        char buf[4];
        std::int32_t n = 0;
        UBool error = false;
        U8_APPEND(reinterpret_cast<std::uint8_t*>(buf), n, 4, cp, error);
        if (!error) out.append(buf, static_cast<std::size_t>(n));
    }
    return out;
}

namespace {

/// What each byte is to the tokenizer, looked up rather than computed. Zero: not part of a word.
enum ByteFlags : std::uint8_t { kUpperByte = 1, kLowerByte = 2, kDigitByte = 4, kHighByte = 8 };

struct ByteTable {
    std::uint8_t flags[256];
    constexpr ByteTable() : flags() {
        for (int c = 0; c < 256; ++c) {
            flags[c] = c >= 0x80               ? kHighByte
                       : (c >= 'A' && c <= 'Z') ? kUpperByte
                       : (c >= 'a' && c <= 'z') ? kLowerByte
                       : (c >= '0' && c <= '9') ? kDigitByte
                                                : 0;
        }
    }
};
constexpr ByteTable kBytes;

/// shape_of for an ASCII token, from the flags of all its bytes, its first byte and its length.
Shape ascii_shape(std::uint8_t seen, std::uint8_t first, std::size_t length) {
    if ((seen & (kUpperByte | kLowerByte)) == 0) return Shape::kNumber;
    if ((seen & kDigitByte) != 0) return Shape::kMixed;
    if ((first & kUpperByte) == 0) return Shape::kLower;  // without digits the first byte is a letter
    if (length == 1) return Shape::kInitial;
    return (seen & kLowerByte) == 0 ? Shape::kUpper : Shape::kTitle;
}

}  // namespace

void tokenize(std::string_view t, std::vector<Token>& out) {
    out.clear();
    const auto* bytes = reinterpret_cast<const unsigned char*>(t.data());
    const std::size_t n = t.size();
    std::size_t i = 0;
    bool sentence = true;  // the next word starts a sentence
    while (i < n) {
        // Between words: remember whether a sentence ends here. A period right
        // after a capitalized word of three letters or fewer ends an abbreviation ("Dr.", "St.", "J.").
        const bool after_abbreviation = !out.empty() && out.back().end == i && out.back().end - out.back().start <= 3 &&
                                        out.back().shape != Shape::kLower && out.back().shape != Shape::kNumber;
        while (i < n && kBytes.flags[bytes[i]] == 0) {
            const unsigned char c = bytes[i];
            if (c == '!' || c == '?' || c == ':' || c == '\n' || c == '\r') sentence = true;
            if (c == '.' && !(after_abbreviation && i == out.back().end)) sentence = true;
            ++i;
        }
        if (i >= n) break;
        if (typographic_apostrophe_at(t, i)) {  // a quote mark, not a letter
            i += 3;
            continue;
        }
        const std::size_t start = i;
        std::uint8_t seen = 0;  // flags of every byte of the token
        bool hyphenated = false, apostrophe = false;
        std::size_t skip = 0;  // a possessive "'s" after the token
        for (;;) {
            while (i < n) {
                const std::uint8_t f = kBytes.flags[bytes[i]];
                if (f == 0 || (f == kHighByte && typographic_apostrophe_at(t, i))) break;
                seen |= f;
                ++i;
            }
            // Joiners: an apostrophe or hyphen with a letter on both sides (not the possessive 's).
            const std::size_t a = apostrophe_at(t, i);
            const std::size_t join = a != 0 ? a : (i < n && t[i] == '-' ? 1 : 0);
            if (join == 0 || i + join >= n || !is_ascii_letter(bytes[i - 1]) || !is_word(bytes[i + join])) break;
            if (a != 0 && (t[i + a] == 's' || t[i + a] == 'S') && (i + a + 1 >= n || !is_word(bytes[i + a + 1]))) {
                skip = a + 1;
                break;
            }
            hyphenated |= a == 0;
            apostrophe |= a != 0;
            i += join;
        }
        // Filled in place: a Token built on the stack and copied stalls on store forwarding.
        Token& tok = out.emplace_back();
        tok.start = static_cast<std::uint32_t>(start);
        tok.end = static_cast<std::uint32_t>(i);
        tok.hyphenated = hyphenated;
        tok.sentence_start = sentence;
        if ((seen & kHighByte) == 0) {
            tok.shape = ascii_shape(seen, kBytes.flags[bytes[start]], i - start);
        } else {
            tok.shape = shape_of(t.substr(start, i - start));
        }
        if ((seen & kHighByte) == 0 && !hyphenated && !apostrophe) {
            // ASCII letters and digits only: OR-ing 0x20 lowercases letters and keeps digits.
            tok.key = hash_chunks(bytes + start, i - start, 0x20, bytes + n);
        } else {
            tok.key = hash_word(lookup_form(t.substr(start, i - start)));
        }
        i += skip;
        sentence = false;
    }
}

}  // namespace phimask::detail
