// Vehicle and device identifiers with a check character: VINs (ISO 3779 with the
// North American check digit), GS1 GTINs inside UDIs (mod 10) and HIBCC UDIs
// (mod 43). The regexes find the shape; these reject the 10 of 11 (or 9 of 10,
// 42 of 43) look-alike strings whose check character is wrong.
#include <cstddef>
#include <string_view>

#include "ascii.h"

namespace phimask::detail {
namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

/// The VIN transliteration of a letter (A-H 1-8, J-R 1-9 without O and Q,
/// S-Z 2-9); -1 for I, O, Q, which VINs never use.
int vin_letter_value(char c) {
    constexpr int kValues[26] = {1, 2, 3, 4, 5, 6, 7, 8, -1, 1, 2, 3, 4, 5, -1, 7, -1, 9, 2, 3, 4, 5, 6, 7, 8, 9};
    return kValues[c - 'A'];
}

/// GS1 mod 10 over a digit string whose last digit is the check digit: from the
/// right, the digits before it weigh 3, 1, 3, ...
bool gs1_check_digit_ok(std::string_view digits) {
    if (digits.size() < 2) return false;
    int sum = 0;
    int weight = 3;
    for (std::size_t i = digits.size() - 1; i-- > 0;) {
        sum += weight * (digits[i] - '0');
        weight = weight == 3 ? 1 : 3;
    }
    return (10 - sum % 10) % 10 == digits.back() - '0';
}

bool all_digits(std::string_view s) {
    for (char c : s) {
        if (!is_digit(c)) return false;
    }
    return !s.empty();
}

bool all_same(std::string_view s) {
    for (char c : s) {
        if (c != s.front()) return false;
    }
    return true;
}

/// YYMMDD as GS1 writes dates: month 01-12, day 00-31 (00: end of month).
bool gs1_date(std::string_view s) {
    if (s.size() != 6 || !all_digits(s)) return false;
    const int month = (s[2] - '0') * 10 + (s[3] - '0');
    const int day = (s[4] - '0') * 10 + (s[5] - '0');
    return month >= 1 && month <= 12 && day <= 31;
}

bool gs1_text(std::string_view s, std::size_t max) {
    // Ends in a letter or digit: a trailing '.', '-' or '/' is the sentence's.
    if (s.empty() || s.size() > max || !(is_digit(s.back()) || is_upper(upper(s.back())))) return false;
    for (char c : s) {
        if (!is_digit(c) && !is_upper(upper(c)) && c != '-' && c != '.' && c != '/') return false;
    }
    return true;
}

/// One "(AI)value" element after the GTIN: dates for 11-17, lot / serial text for
/// 10, 21 and the 24x/25x references, a count for 30; other AIs as plain text.
bool gs1_element(std::string_view ai, std::string_view value) {
    if (ai.size() < 2 || ai.size() > 4 || !all_digits(ai)) return false;
    if (ai.size() == 2 && ai[0] == '1' && ai[1] >= '1' && ai[1] <= '7') return gs1_date(value);
    if (ai == "30") return all_digits(value) && value.size() <= 8;
    if (ai == "01") return false;  // a second GTIN: not one UDI
    return gs1_text(value, 30);
}

/// HIBCC characters and their mod 43 values: 0-9, A-Z, then - . space $ / + %.
int hibcc_value(char c) {
    if (is_digit(c)) return c - '0';
    if (is_upper(c)) return c - 'A' + 10;
    constexpr std::string_view kSymbols = "-. $/+%";
    const std::size_t i = kSymbols.find(c);
    return i == std::string_view::npos ? -1 : 36 + static_cast<int>(i);
}

}  // namespace

bool validate_vin(std::string_view value) noexcept {
    // 17 characters; position 9 is the check digit (0-9 or X for 10) of the
    // weighted sum of the transliterated characters mod 11 (ISO 3779 as used in
    // North America: 49 CFR 565). Other regions' VINs may lack it; they are not
    // found without it, which keeps random 17-character codes out.
    constexpr int kWeights[17] = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
    if (value.size() != 17) return false;
    int sum = 0;
    bool letter = false, digit = false;
    for (std::size_t i = 0; i < 17; ++i) {
        const char c = upper(value[i]);
        int v;
        if (is_digit(c)) {
            v = c - '0';
            digit = true;
        } else if (is_upper(c)) {
            v = vin_letter_value(c);
            if (v < 0) return false;
            letter = true;
        } else {
            return false;
        }
        sum += kWeights[i] * v;
    }
    // A run of one character (e.g. seventeen 1s) passes the arithmetic; real VINs
    // mix letters (the maker code) and digits (the serial).
    if (!letter || !digit || all_same(value)) return false;
    const int check = sum % 11;
    const char expected = check == 10 ? 'X' : static_cast<char>('0' + check);
    return upper(value[8]) == expected;
}

bool validate_gs1_gtin(std::string_view value) noexcept {
    // "(01)" GTIN-14 then "(AI)value" elements; "01" GTIN-14 then the rest
    // without separators (not parsed: variable-length fields need the FNC1 the
    // printed form drops); or a bare GTIN-8/12/13/14 after a label.
    if (value.size() >= 18 && value.substr(0, 4) == "(01)") {
        const std::string_view gtin = value.substr(4, 14);
        if (!all_digits(gtin) || all_same(gtin) || !gs1_check_digit_ok(gtin)) return false;
        std::string_view rest = value.substr(18);
        while (!rest.empty()) {
            if (rest.front() != '(') return false;
            const std::size_t close = rest.find(')');
            if (close == std::string_view::npos) return false;
            const std::string_view ai = rest.substr(1, close - 1);
            rest.remove_prefix(close + 1);
            const std::size_t next = rest.find('(');
            const std::string_view element = rest.substr(0, next);
            if (!gs1_element(ai, element)) return false;
            rest.remove_prefix(element.size());
        }
        return true;
    }
    if (!all_digits(value)) {
        // "01" + GTIN-14 + more elements written without brackets.
        if (value.size() < 17 || value.substr(0, 2) != "01" || !all_digits(value.substr(0, 16))) return false;
        for (char c : value) {
            if (!is_digit(c) && !is_upper(upper(c))) return false;
        }
        const std::string_view gtin = value.substr(2, 14);
        return !all_same(gtin) && gs1_check_digit_ok(gtin);
    }
    if (value.size() >= 16 && value.substr(0, 2) == "01") {
        const std::string_view gtin = value.substr(2, 14);
        if (!all_same(gtin) && gs1_check_digit_ok(gtin)) return true;
    }
    const std::size_t n = value.size();
    if (n != 8 && n != 12 && n != 13 && n != 14) return false;
    return !all_same(value) && gs1_check_digit_ok(value);
}

bool validate_hibcc(std::string_view value) noexcept {
    // "+", the labeler code (a letter and 3 alphanumerics), the product code,
    // a unit-of-measure digit, optionally "/" and secondary data, then one check
    // character: the sum of every character's value, "+" included, mod 43.
    if (value.size() < 8 || value.size() > 70 || value.front() != '+') return false;
    if (!is_upper(value[1])) return false;
    int sum = 0;
    for (std::size_t i = 0; i + 1 < value.size(); ++i) {
        const int v = hibcc_value(value[i]);
        if (v < 0) return false;
        sum += v;
    }
    const int check = hibcc_value(value.back());
    return check >= 0 && sum % 43 == check;
}

}  // namespace phimask::detail
