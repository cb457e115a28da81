// Word tokens of normalized text, for the recognizers that look words up in lexicons.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace phimask::detail {

/// The shape of a token's letters.
enum class Shape : std::uint8_t {
    kLower,    ///< "smith", also any token without a cased letter
    kTitle,    ///< "Smith", "McDonald", "O'Brien": uppercase first, some lowercase after
    kUpper,    ///< "SMITH": two or more letters, all uppercase
    kInitial,  ///< "J": one uppercase letter
    kNumber,   ///< "1234": digits only
    kMixed,    ///< "12B", "5th": digits and letters
};

/// One word of normalized text: a run of letters and digits (every byte of a
/// non-ASCII character counts as a letter), with apostrophes and hyphens
/// inside it ("O'Brien", "Cedars-Sinai"). A trailing possessive "'s" is not part
/// of the token. `key` is the 64-bit hash of the lowercase form with hyphens
/// and apostrophes removed, the form lexicons are looked up by.
struct Token {
    std::uint32_t start;
    std::uint32_t end;
    std::uint64_t key;
    std::uint64_t lexicons;  ///< lexicon bits from the engine's LexiconIndex (capitalized words only)
    std::uint64_t terms;     ///< term bits from the engine's TermIndex (see RoleTable::share)
    Shape shape;
    bool sentence_start;  ///< first word of the text, of a line, or after . ! ? :
    bool hyphenated;
};

/// Hash of a lexicon key: FNV-1a over the bytes, with tokens of a multi-word
/// key combined by combine_keys. Lexicon entries and tokens use the same two
/// functions, so equal words always have equal keys.
std::uint64_t hash_word(std::string_view lowercase_word);
inline std::uint64_t combine_keys(std::uint64_t a, std::uint64_t b) {
    return (a ^ (b + 0x9E3779B97F4A7C15ULL + (a << 6) + (a >> 2))) * 0x100000001B3ULL;
}

/// The lookup form of a word: lowercase (ASCII and, for other letters, ICU
/// simple case mapping) without apostrophes, hyphens and periods.
std::string lookup_form(std::string_view word);

/// Splits `text` into tokens. Reuses `out`'s storage.
void tokenize(std::string_view text, std::vector<Token>& out);

}  // namespace phimask::detail
