#include "date_parts.h"

#include <cstdio>

#include "ascii.h"
#include "validators/validators.h"

namespace phimask::detail {
namespace {

struct Number {
    int value = 0;
    std::size_t digits = 0;
    PartAt at;
};

int full_year(const Number& n, bool& two_digit) {
    two_digit = n.digits <= 2;
    if (!two_digit) return n.value;
    return n.value < 50 ? 2000 + n.value : 1900 + n.value;
}

bool plausible(const DateParts& d) {
    return d.month >= 1 && d.month <= 12 && (d.day == 0 || (d.day >= 1 && d.day <= 31)) &&
           (d.day != 0 || d.year != 0);
}

}  // namespace

std::string DateParts::key() const {
    char buffer[16];
    if (year != 0 && day != 0) std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    else if (year != 0) std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
    else std::snprintf(buffer, sizeof buffer, "%02d-%02d", month, day);
    return buffer;
}

std::optional<DateParts> parse_date(std::string_view s) {
    Number numbers[3];
    std::size_t count = 0;
    DateParts d;
    bool dots = false;
    for (std::size_t i = 0; i < s.size();) {
        const char c = s[i];
        if (is_digit(c)) {
            Number n;
            n.at.start = i;
            while (i < s.size() && is_digit(s[i]) && n.digits < 5) n.value = n.value * 10 + (s[i++] - '0'), ++n.digits;
            n.at.size = i - n.at.start;
            if (i < s.size() && s[i] == ':') break;  // a time: the date ended before this number
            if (n.digits > 4 || count == 3) return std::nullopt;
            numbers[count++] = n;
            // An ordinal suffix belongs to its number ("15th").
            const std::size_t suffix = i;
            while (i < s.size() && is_ascii_letter(s[i])) ++i;
            if (i > suffix) {
                const std::string_view w = s.substr(suffix, i - suffix);
                if (equals_ascii_lower(w, "t")) break;  // ISO "2023-01-15T10:30"
                if (!equals_ascii_lower(w, "st") && !equals_ascii_lower(w, "nd") && !equals_ascii_lower(w, "rd") &&
                    !equals_ascii_lower(w, "th")) {
                    return std::nullopt;
                }
            }
            continue;
        }
        if (is_ascii_letter(c)) {
            const std::size_t start = i;
            while (i < s.size() && is_ascii_letter(s[i])) ++i;
            const std::string_view w = s.substr(start, i - start);
            if (equals_ascii_lower(w, "the") || equals_ascii_lower(w, "of") || equals_ascii_lower(w, "de") ||
                equals_ascii_lower(w, "del")) {
                continue;
            }
            const int month = month_number_any_case(w);
            if (month == 0 || d.month_is_name) return std::nullopt;
            d.month = month;
            d.month_is_name = true;
            d.month_at = {start, i - start};
            continue;
        }
        dots |= c == '.' && count > 0 && !d.month_is_name;
        ++i;
    }
    if (d.month_is_name) {
        // With a month name: a one- or two-digit number is the day, the first
        // time; a four-digit one, or a second two-digit one, is the year.
        for (std::size_t k = 0; k < count; ++k) {
            const Number& n = numbers[k];
            if (d.day == 0 && n.digits <= 2 && d.year == 0) {
                d.day = n.value;
                d.day_at = n.at;
            } else if (d.year == 0 && (n.digits == 4 || n.digits == 2)) {
                d.year = full_year(n, d.two_digit_year);
                d.year_at = n.at;
            } else {
                return std::nullopt;
            }
        }
    } else if (count == 3) {
        std::size_t y = 2, m = 0, day = 1;
        if (numbers[0].digits == 4) {
            y = 0, m = 1, day = 2;
        } else if (dots || (numbers[0].value > 12 && numbers[1].value <= 12)) {
            m = 1, day = 0;
        }
        d.year = full_year(numbers[y], d.two_digit_year);
        d.month = numbers[m].value;
        d.day = numbers[day].value;
        d.year_at = numbers[y].at, d.month_at = numbers[m].at, d.day_at = numbers[day].at;
    } else if (count == 2) {
        if (numbers[1].digits == 4 || numbers[0].digits == 4) {
            const std::size_t y = numbers[0].digits == 4 ? 0 : 1;
            d.year = numbers[y].value;
            d.month = numbers[1 - y].value;
            d.year_at = numbers[y].at, d.month_at = numbers[1 - y].at;
        } else {
            d.month = numbers[0].value;
            d.day = numbers[1].value;
            d.month_at = numbers[0].at, d.day_at = numbers[1].at;
        }
    } else {
        return std::nullopt;
    }
    if (!plausible(d)) return std::nullopt;
    return d;
}

}  // namespace phimask::detail
