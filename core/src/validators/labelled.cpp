// Sanity checks for values found after a label ("MRN:", "Phone:", "age") or by
// loose shapes: a label says what the next token should be, but clinical text
// puts doses, dates and vital signs after the same words ("Plan: 500mg",
// "Member since 2019"), and these reject those.
#include <cstddef>
#include <string_view>

#include "ascii.h"

namespace phimask::detail {

bool validate_date_mdy(std::string_view value) noexcept;
bool validate_date_ymd(std::string_view value) noexcept;
bool validate_date_dmy(std::string_view value) noexcept;

namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// A numeric date in any order with / - or . ("01.15.2023" too: month first
/// with dots is how some write a US date).
bool is_date(std::string_view s) {
    if (validate_date_mdy(s) || validate_date_ymd(s) || validate_date_dmy(s)) return true;
    char buf[16];
    if (s.size() > sizeof buf || s.find('.') == std::string_view::npos) return false;
    for (std::size_t i = 0; i < s.size(); ++i) buf[i] = s[i] == '.' ? '/' : s[i];
    return validate_date_mdy(std::string_view(buf, s.size()));
}

/// Digits then a unit of measure, as doses, volumes, durations and vitals are
/// written ("500mg", "10ML", "2x", "24h", "90bpm").
bool is_quantity(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && is_digit(s[i])) ++i;
    // Five digits and more before the letters are an identifier ("12345678H"), not an amount.
    if (i == 0 || i == s.size() || i >= 5) return false;
    char unit[8];
    std::size_t n = 0;
    for (std::size_t j = i; j < s.size(); ++j) {
        if (!is_alpha(s[j]) || n == sizeof unit) return false;
        unit[n++] = ascii_lower(s[j]);
    }
    constexpr std::string_view kUnits[] = {
        "mg", "mcg", "ug", "g", "gm", "kg", "ml", "l", "dl", "cc", "mmol", "meq", "iu", "u", "unit", "units",
        "mm", "cm", "m", "km", "in", "ft", "lb", "lbs", "oz", "h", "hr", "hrs", "min", "mins", "s", "sec",
        "d", "wk", "wks", "mo", "y", "yr", "yrs", "yo", "x", "am", "pm", "bpm", "mmhg", "tab", "tabs", "caps",
        "puffs", "pct", "st", "nd", "rd", "th"};
    const std::string_view u(unit, n);
    for (std::string_view k : kUnits) {
        if (u == k) return true;
    }
    return false;
}

}  // namespace

bool validate_labelled_id(std::string_view value) noexcept {
    // An identifier after a label: 4 characters or more with a digit, separators
    // single, and not a year, a date, a fraction or ratio ("120/80", "5/10") or a
    // quantity with a unit.
    if (!value.empty() && value.front() == '#') value.remove_prefix(1);
    if (value.size() < 4) return false;
    std::size_t digits = 0, slashes = 0;
    bool after_separator = false;
    for (char c : value) {
        const bool separator = c == '-' || c == '/';
        if (separator && after_separator) return false;
        after_separator = separator;
        digits += is_digit(c) ? 1 : 0;
        slashes += c == '/' ? 1 : 0;
    }
    if (digits == 0) return false;
    if (digits == value.size() && value.size() == 4 && (value.substr(0, 2) == "19" || value.substr(0, 2) == "20")) {
        return false;
    }
    if (is_date(value) || is_quantity(value)) return false;
    if (slashes == 1 && digits + 1 == value.size() && value.size() <= 7) return false;
    return true;
}

bool validate_age_over_89(std::string_view value) noexcept {
    // The first number in the span is the age; Safe Harbor covers ages over 89.
    // Above 125 it is something else (a count, a weight, a year).
    std::size_t i = 0;
    while (i < value.size() && !is_digit(value[i])) ++i;
    int age = 0;
    std::size_t n = 0;
    for (; i < value.size() && is_digit(value[i]); ++i) {
        if (++n > 3) return false;
        age = age * 10 + (value[i] - '0');
    }
    return n > 0 && age >= 90 && age <= 125;
}

bool validate_phone_digits(std::string_view value) noexcept {
    // A phone number in any country's grouping: an optional "+", 7-15 digits
    // (E.164 allows 15) in at most 6 groups, one separator between groups (a
    // space, "-" or ".", or a parenthesis with an optional space: "(617) 555",
    // "+46 (0)8"), balanced parentheses around digits only, and not a date
    // written with the same separators. "555-0123. 2" (a sentence end) is not one.
    static constexpr std::string_view kSeparators[] = {"-", ".", " ", ")", ") ", ")-", " (", "(", "-("};
    const std::size_t n = value.size();
    std::size_t i = 0, digits = 0, groups = 0, parens = 0;
    bool open = false;
    if (i < n && value[i] == '+') ++i;
    if (i < n && value[i] == '(') {
        open = true;
        parens = 1;
        ++i;
    }
    while (true) {
        const std::size_t start = i;
        while (i < n && is_digit(value[i])) ++i;
        if (i == start) return false;  // a separator with no digits after it
        digits += i - start;
        ++groups;
        if (i == n) break;
        const std::size_t sep_start = i;
        while (i < n && !is_digit(value[i])) ++i;
        const std::string_view sep = value.substr(sep_start, i - sep_start);
        bool known = false;
        for (std::string_view k : kSeparators) known = known || sep == k;
        if (!known) return false;
        if (sep.find(')') != std::string_view::npos) {
            if (!open) return false;
            open = false;
        }
        if (sep.find('(') != std::string_view::npos) {
            if (open || ++parens > 2) return false;
            open = true;
        }
    }
    if (open || digits < 7 || digits > 15 || groups > 6) return false;
    // One digit repeated ("000 0000") is a placeholder.
    bool same = true;
    char first = 0;
    for (char c : value) {
        if (!is_digit(c)) continue;
        if (first == 0) first = c;
        same = same && c == first;
    }
    return !same && !is_date(value);
}

}  // namespace phimask::detail
