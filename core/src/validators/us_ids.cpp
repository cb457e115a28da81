// US identifiers without a check digit, validated by their numbering rules:
// Social Security numbers (strictly, or only their shape after an "SSN" label)
// and Medicare Beneficiary Identifiers (MBI).
#include <cstddef>
#include <string_view>

#include "ascii.h"

namespace phimask::detail {
namespace {


int number(std::string_view digits) {
    int n = 0;
    for (char c : digits) n = n * 10 + (c - '0');
    return n;
}

char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

/// MBI letters: A-Z without S, L, O, I, B, Z (too easily read as digits).
bool is_mbi_letter(char c) {
    c = upper(c);
    return c >= 'A' && c <= 'Z' && c != 'S' && c != 'L' && c != 'O' && c != 'I' && c != 'B' && c != 'Z';
}

/// The 9 digits of "123456789", "123-45-6789" or "123 45 6789" (one separator,
/// used twice); false for any other shape.
bool ssn_digits(std::string_view value, char (&digits)[9]) {
    if (value.size() == 9) {
        for (std::size_t i = 0; i < 9; ++i) digits[i] = value[i];
    } else if (value.size() == 11) {
        const char sep = value[3];
        if ((sep != '-' && sep != ' ') || value[6] != sep) return false;
        std::size_t n = 0;
        for (std::size_t i = 0; i < 11; ++i) {
            if (i != 3 && i != 6) digits[n++] = value[i];
        }
    } else {
        return false;
    }
    for (char c : digits) {
        if (!is_digit(c)) return false;
    }
    return true;
}

/// No part all zeros, not one repeated digit, not a number voided after it was
/// printed in advertising (the Woolworth wallet card and a 1940s ad): those turn
/// up as placeholders and test data, never in records.
bool ssn_plausible(std::string_view d) {
    if (number(d.substr(0, 3)) == 0 || number(d.substr(3, 2)) == 0 || number(d.substr(5, 4)) == 0) return false;
    bool same = true;
    for (char c : d) same = same && c == d.front();
    return !same && d != "078051120" && d != "219099999";
}

}  // namespace

bool validate_us_ssn(std::string_view value) noexcept {
    char digits[9];
    if (!ssn_digits(value, digits)) return false;
    const std::string_view d(digits, 9);
    // SSA never issues area 666 or 9xx (9xx are ITINs).
    const int area = number(d.substr(0, 3));
    return area != 666 && area < 900 && ssn_plausible(d);
}

bool validate_us_ssn_format(std::string_view value) noexcept {
    // For a value right after an "SSN" label: the label says what it is, so an
    // area SSA does not issue (666, 9xx: often an ITIN or a made-up number) is
    // still redacted; only placeholders are not.
    char digits[9];
    return ssn_digits(value, digits) && ssn_plausible(std::string_view(digits, 9));
}

bool validate_mbi(std::string_view value) noexcept {
    // 11 characters, optionally written 4-3-4 with dashes ("1EG4-TE5-MK73").
    char c[11];
    if (value.size() == 11) {
        for (std::size_t i = 0; i < 11; ++i) c[i] = value[i];
    } else if (value.size() == 13) {
        if (value[4] != '-' || value[8] != '-') return false;
        std::size_t n = 0;
        for (std::size_t i = 0; i < 13; ++i) {
            if (i != 4 && i != 8) c[n++] = value[i];
        }
    } else {
        return false;
    }
    auto alnum = [](char ch) { return is_digit(ch) || is_mbi_letter(ch); };
    // CMS position rules: 1 numeric 1-9; 2, 5, 8, 9 alphabetic; 3, 6 alphanumeric;
    // 4, 7, 10, 11 numeric.
    return c[0] >= '1' && c[0] <= '9' && is_mbi_letter(c[1]) && alnum(c[2]) && is_digit(c[3]) &&
           is_mbi_letter(c[4]) && alnum(c[5]) && is_digit(c[6]) && is_mbi_letter(c[7]) && is_mbi_letter(c[8]) &&
           is_digit(c[9]) && is_digit(c[10]);
}

}  // namespace phimask::detail
