// Check-digit validators: payment cards (Luhn), NPI (Luhn over the 80840 prefix),
// DEA registration numbers, ABA routing numbers.
#include <cstddef>
#include <string_view>

#include "ascii.h"

namespace phimask::detail {
namespace {

constexpr std::size_t kMaxCardDigits = 19;

int digit_value(char c) { return c - '0'; }

bool all_digits(std::string_view s) {
    for (char c : s) {
        if (!is_digit(c)) return false;
    }
    return !s.empty();
}

bool all_same(std::string_view digits) {
    for (char c : digits) {
        if (c != digits.front()) return false;
    }
    return true;
}

/// The Luhn sum of a digit string whose last digit is the check digit (so the
/// second-to-last, fourth-to-last, ... digits are doubled).
int luhn_sum(std::string_view digits) {
    int sum = 0;
    bool doubled = false;
    for (std::size_t i = digits.size(); i-- > 0;) {
        int d = digit_value(digits[i]);
        if (doubled) {
            d *= 2;
            if (d > 9) d -= 9;
        }
        sum += d;
        doubled = !doubled;
    }
    return sum;
}

char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

}  // namespace

bool validate_luhn(std::string_view value) noexcept {
    // Cards are written in groups separated by single spaces or dashes; a
    // separator may not lead, trail or repeat, which keeps "12 -34" style noise out.
    char digits[kMaxCardDigits];
    std::size_t n = 0;
    bool after_separator = true;
    for (char c : value) {
        if (is_digit(c)) {
            if (n == kMaxCardDigits) return false;
            digits[n++] = c;
            after_separator = false;
        } else if ((c == ' ' || c == '-') && !after_separator) {
            after_separator = true;
        } else {
            return false;
        }
    }
    if (after_separator || n < 13) return false;
    const std::string_view d(digits, n);
    // All-same-digit strings (zeros, padding) pass the arithmetic for some lengths.
    return !all_same(d) && luhn_sum(d) % 10 == 0;
}

bool validate_npi(std::string_view value) noexcept {
    // NPIs start with 1 or 2 and carry a Luhn check digit computed as if the
    // number were prefixed with 80840 (the ISO card issuer prefix for US health);
    // that prefix contributes a constant 24 to the sum.
    if (value.size() != 10 || !all_digits(value)) return false;
    if (value[0] != '1' && value[0] != '2') return false;
    return (luhn_sum(value) + 24) % 10 == 0;
}

bool validate_dea(std::string_view value) noexcept {
    // Two characters then 7 digits: the registrant type letter, the registrant's
    // initial (or '9' when the name starts with a digit), 6 digits and a check
    // digit = last digit of (d1 + d3 + d5) + 2 * (d2 + d4 + d6).
    if (value.size() != 9) return false;
    const char type = upper(value[0]);
    const char initial = upper(value[1]);
    // Registrant type letters DEA has issued; I, O, Q, V, W, Y, Z are not used.
    constexpr std::string_view kTypes = "ABCDEFGHJKLMNPRSTUX";
    if (kTypes.find(type) == std::string_view::npos) return false;
    if (!((initial >= 'A' && initial <= 'Z') || initial == '9')) return false;
    const std::string_view digits = value.substr(2);
    if (!all_digits(digits)) return false;
    const int odd = digit_value(digits[0]) + digit_value(digits[2]) + digit_value(digits[4]);
    const int even = digit_value(digits[1]) + digit_value(digits[3]) + digit_value(digits[5]);
    return (odd + 2 * even) % 10 == digit_value(digits[6]);
}

bool validate_aba_routing(std::string_view value) noexcept {
    if (value.size() != 9 || !all_digits(value) || all_same(value)) return false;
    // The first two digits are the Federal Reserve routing symbol: 00-12 (banks;
    // 00 is the US government), 21-32 (thrifts), 61-72 (electronic), 80 (traveler's cheques).
    const int prefix = digit_value(value[0]) * 10 + digit_value(value[1]);
    const bool known_prefix = prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) ||
                              prefix == 80;
    if (!known_prefix) return false;
    int sum = 0;
    constexpr int kWeights[3] = {3, 7, 1};
    for (std::size_t i = 0; i < 9; ++i) sum += kWeights[i % 3] * digit_value(value[i]);
    return sum % 10 == 0;
}

}  // namespace phimask::detail
