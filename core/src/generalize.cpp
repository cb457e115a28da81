#include "generalize.h"

#include <cstddef>

#include "ascii.h"
#include "validators/validators.h"

namespace phimask::detail {
namespace {

// Generated at build time from models/reference/safe_harbor_zip3.json (core/CMakeLists.txt).
constexpr const char* kRestrictedZip3[] = {
#include "safe_harbor_zip3.inc"
};

bool is_month_name(std::string_view word) { return month_number_any_case(word) != 0; }

/// Reads a run of ASCII digits as a number, saturating (only comparisons with small bounds matter).
unsigned digits_value(std::string_view digits) {
    unsigned v = 0;
    for (char c : digits) {
        v = v * 10 + static_cast<unsigned>(c - '0');
        if (v > 100000) return 100000;
    }
    return v;
}

/// One run of ASCII digits inside a date, with what surrounds it.
struct DateNumber {
    std::string_view digits;
    bool time = false;        ///< next to ':' (10:22, +05:00)
    bool ordinal = false;     ///< followed by st/nd/rd/th (15th, 3RD)
    bool apostrophe = false;  ///< right after an apostrophe ('23, ’23)
};

/// Calls on_run(begin, end) for each maximal run of bytes of `value` that
/// satisfy `in_run`, in order, until on_run returns false.
template <class InRun, class OnRun>
void for_each_run(std::string_view value, InRun in_run, OnRun on_run) {
    for (std::size_t i = 0; i < value.size();) {
        if (!in_run(value[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < value.size() && in_run(value[j])) ++j;
        if (!on_run(i, j)) return;
        i = j;
    }
}

bool has_month_name(std::string_view value) {
    bool found = false;
    for_each_run(value, is_ascii_letter, [&](std::size_t i, std::size_t j) {
        found = is_month_name(value.substr(i, j - i));
        return !found;
    });
    return found;
}

/// Calls on_number for each run of digits in `value`, in order.
template <class OnNumber>
void for_each_date_number(std::string_view value, OnNumber on_number) {
    for_each_run(value, is_digit, [&](std::size_t i, std::size_t j) {
        DateNumber n;
        n.digits = value.substr(i, j - i);
        n.time = (i > 0 && value[i - 1] == ':') || (j < value.size() && value[j] == ':');
        if (j + 2 <= value.size() && (j + 2 == value.size() || !is_ascii_letter(value[j + 2]))) {
            const std::string_view suffix = value.substr(j, 2);
            n.ordinal = equals_ascii_lower(suffix, "st") || equals_ascii_lower(suffix, "nd") || equals_ascii_lower(suffix, "rd") ||
                        equals_ascii_lower(suffix, "th");
        }
        // ' or U+2018 / U+2019 (UTF-8 E2 80 98 / 99), which NFKC leaves as they are.
        n.apostrophe = (i >= 1 && value[i - 1] == '\'') ||
                       (i >= 3 && value.substr(i - 3, 2) == "\xE2\x80" &&
                        (value[i - 1] == '\x98' || value[i - 1] == '\x99'));
        on_number(n);
        return true;
    });
}

/// YYYYMMDD at the start of a run of 8 or more digits (HL7 DTM: time digits may follow).
bool is_compact_date(std::string_view d) {
    if (d.size() < 8 || (d[0] != '1' && d[0] != '2')) return false;
    const unsigned month = digits_value(d.substr(4, 2)), day = digits_value(d.substr(6, 2));
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

bool generalize_date(std::string_view value, std::string& out) {
    // With a month name the numbers are day and year (15-Jan-23, Jan 15 23);
    // without, month, day and year or day, month and year (1/15/23, 15.01.23).
    const std::size_t year_position = has_month_name(value) ? 2 : 3;
    std::string_view year, short_year;
    std::size_t dated = 0;  // numbers that are not times: the date's own parts
    for_each_date_number(value, [&](const DateNumber& n) {
        if (n.time || !year.empty()) return;
        const std::string_view d = n.digits;
        if ((d.size() == 4 && (d[0] == '1' || d[0] == '2')) || is_compact_date(d)) {
            year = d.substr(0, 4);
            return;
        }
        ++dated;
        if (d.size() != 2 || n.ordinal || !short_year.empty()) return;
        if (n.apostrophe || dated == year_position) short_year = d;
    });
    if (!year.empty()) {
        out.append(year);
        return true;
    }
    if (short_year.empty()) return false;
    out += '\'';
    out.append(short_year);
    return true;
}

bool generalize_age(std::string_view value, std::string& out) {
    std::size_t begin = std::string_view::npos, end = 0, numbers = 0;
    for (std::size_t i = 0; i < value.size();) {
        if (!is_digit(value[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < value.size() && is_digit(value[j])) ++j;
        const std::size_t int_end = j;
        // A decimal part belongs to the number: "92.5-year-old" must not keep ".5".
        if (j + 1 < value.size() && (value[j] == '.' || value[j] == ',') && is_digit(value[j + 1])) {
            ++j;
            while (j < value.size() && is_digit(value[j])) ++j;
        }
        if (++numbers == 1) {
            begin = i;
            end = j;
            if (digits_value(value.substr(i, int_end - i)) <= 89) return false;
        }
        i = j;
    }
    if (numbers != 1) return false;
    out.append(value.substr(0, begin));
    out += "90+";
    out.append(value.substr(end));
    return true;
}

bool generalize_zip(std::string_view value, std::string& out) {
    std::size_t i = 0;
    while (i < value.size() && !is_digit(value[i])) ++i;
    std::size_t j = i;
    while (j < value.size() && is_digit(value[j])) ++j;
    if (j - i != 5 && j - i != 9) return false;
    const std::string_view zip3 = value.substr(i, 3);
    if (is_restricted_zip3(zip3)) {
        out += "000";
    } else {
        out.append(zip3);
    }
    return true;
}

}  // namespace

bool generalize_supports(std::string_view type) noexcept {
    return type == "DATE" || type == "AGE" || type == "ZIP_CODE";
}

const char* generalize_supported_types() noexcept { return "DATE, AGE and ZIP_CODE"; }

bool is_restricted_zip3(std::string_view zip3) noexcept {
    for (const char* z : kRestrictedZip3) {
        if (zip3 == z) return true;
    }
    return false;
}

bool append_generalized(std::string_view type, std::string_view value, std::string& out) {
    if (type == "DATE") return generalize_date(value, out);
    if (type == "AGE") return generalize_age(value, out);
    if (type == "ZIP_CODE") return generalize_zip(value, out);
    return false;
}

}  // namespace phimask::detail
