// Date validators: the detector regexes find date-shaped text; these check that
// it names a real calendar day (month 1-12, a day that month has, Feb 29 only in
// leap years) and a plausible year, so "13/45/2023" or "February 30" are dropped.
//
// Years: four digits must be 1900-2100 (birth dates to near-future appointments);
// two digits are accepted as they are ambiguous across centuries.
#include <cstddef>
#include <string_view>

#include "ascii.h"
#include "validators/validators.h"

namespace phimask::detail {
namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

struct Year {
    int value = 0;
    int digits = 0;  ///< 0: no year given, 2 or 4
};

bool is_leap(const Year& y) {
    if (y.digits == 0) return true;  // no year: Feb 29 may be meant
    // Two-digit years: yy % 4 == 0 is leap in both centuries (2000 was leap, and
    // 1900 is not, but "00" may well mean 2000).
    if (y.digits == 2) return y.value % 4 == 0;
    return (y.value % 4 == 0 && y.value % 100 != 0) || y.value % 400 == 0;
}

bool valid_year(const Year& y) {
    if (y.digits == 4) return y.value >= 1900 && y.value <= 2100;
    return y.digits == 0 || y.digits == 2;
}

bool valid_month_year(int month, const Year& year) { return valid_year(year) && month >= 1 && month <= 12; }

bool valid_date(int month, int day, const Year& year) {
    if (!valid_month_year(month, year)) return false;
    constexpr int kDays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (day < 1 || day > kDays[month - 1]) return false;
    return !(month == 2 && day == 29 && !is_leap(year));
}

/// Reads 1 to `max_digits` digits at `pos`; fails if more digits follow.
bool read_number(std::string_view s, std::size_t& pos, std::size_t max_digits, int& out, std::size_t& count) {
    out = 0;
    count = 0;
    while (pos < s.size() && is_digit(s[pos])) {
        if (++count > max_digits) return false;
        out = out * 10 + (s[pos++] - '0');
    }
    return count > 0;
}

/// Splits "a<sep>b[<sep>c]" into up to 3 digit runs of at most 4 digits, one
/// separator from `separators` used throughout. Returns the number of parts (0 on failure).
std::size_t numeric_parts(std::string_view s, std::string_view separators, int (&values)[3],
                          std::size_t (&digits)[3]) {
    std::size_t pos = 0, parts = 0;
    char sep = 0;
    while (true) {
        if (parts == 3 || !read_number(s, pos, 4, values[parts], digits[parts])) return 0;
        ++parts;
        if (pos == s.size()) return parts;
        if (sep == 0) {
            sep = s[pos];
            if (separators.find(sep) == std::string_view::npos) return 0;
        } else if (s[pos] != sep) {
            return 0;
        }
        ++pos;
    }
}

/// A year of 2 or 4 digits; any other length gives a Year valid_year() rejects.
Year year_of(int value, std::size_t digits) {
    return digits == 2 || digits == 4 ? Year{value, static_cast<int>(digits)} : Year{0, -1};
}

/// Exactly two digits at `pos`, at most `max`.
bool read_two(std::string_view s, std::size_t& pos, int max) {
    if (pos + 2 > s.size() || !is_digit(s[pos]) || !is_digit(s[pos + 1])) return false;
    const int n = (s[pos] - '0') * 10 + (s[pos + 1] - '0');
    pos += 2;
    return n <= max;
}

/// "HH:MM[:SS[.fff]][Z|+HH[[:]MM]]" with a 24-hour clock, as in ISO 8601.
bool valid_time(std::string_view s) {
    std::size_t pos = 0;
    if (!read_two(s, pos, 23) || pos == s.size() || s[pos++] != ':' || !read_two(s, pos, 59)) return false;
    if (pos < s.size() && s[pos] == ':') {
        ++pos;
        if (!read_two(s, pos, 60)) return false;  // 60: a leap second
        if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
            ++pos;
            int fraction = 0;
            std::size_t n = 0;
            if (!read_number(s, pos, 9, fraction, n)) return false;
        }
    }
    if (pos == s.size()) return true;
    if (s[pos] == 'Z' || s[pos] == 'z') return pos + 1 == s.size();
    if (s[pos] != '+' && s[pos] != '-') return false;
    ++pos;
    if (!read_two(s, pos, 23)) return false;
    if (pos == s.size()) return true;
    if (s[pos] == ':') ++pos;
    return read_two(s, pos, 59) && pos == s.size();
}

}  // namespace

bool validate_date_mdy(std::string_view value) noexcept {
    // "1/15/2023", "01-15-23", "1/15" (no year) and "03/2023" (month and year).
    int v[3];
    std::size_t d[3];
    const std::size_t parts = numeric_parts(value, "/-", v, d);
    if (parts < 2 || d[0] > 2) return false;
    if (parts == 2 && d[1] == 4) return valid_month_year(v[0], Year{v[1], 4});
    if (d[1] > 2) return false;
    const Year year = parts == 3 ? year_of(v[2], d[2]) : Year{};
    return valid_date(v[0], v[1], year);
}

bool validate_date_dmy(std::string_view value) noexcept {
    // "15.01.2023", "15.1.23"; also "/" and "-" for policies that add
    // day-first formats (the US pack only uses the dotted one).
    int v[3];
    std::size_t d[3];
    if (numeric_parts(value, "./-", v, d) != 3 || d[0] > 2 || d[1] > 2) return false;
    return valid_date(v[1], v[0], year_of(v[2], d[2]));
}

bool validate_date_numeric(std::string_view value) noexcept {
    // "1/15/23" or "15/1/23": month first when that is a real date, else day
    // first; both are a DATE, and one regex for both keeps the scan small.
    return validate_date_mdy(value) || validate_date_dmy(value);
}

bool validate_date_ymd(std::string_view value) noexcept {
    // "2023-01-15", "2023/1/15", "2023-01-15T10:22[:33[.5]][Z|+01:00]", or a
    // space instead of the "T".
    std::size_t date_end = value.size();
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] == 'T' || value[i] == 't' || value[i] == ' ') {
            date_end = i;
            break;
        }
    }
    int v[3];
    std::size_t d[3];
    if (numeric_parts(value.substr(0, date_end), "-/.", v, d) != 3 || d[0] != 4 || d[1] > 2 || d[2] > 2) {
        return false;
    }
    if (!valid_date(v[1], v[2], Year{v[0], 4})) return false;
    return date_end == value.size() || valid_time(value.substr(date_end + 1));
}

namespace {

}  // namespace

namespace {

constexpr std::string_view kMonths[12] = {"january", "february", "march",     "april",   "may",      "june",
                                          "july",    "august",   "september", "october", "november", "december"};
constexpr std::string_view kMeses[12] = {"enero", "febrero", "marzo",      "abril",   "mayo",      "junio",
                                         "julio", "agosto",  "septiembre", "octubre", "noviembre", "diciembre"};

}  // namespace

std::string_view month_name(int month, bool spanish) {
    if (month < 1 || month > 12) return {};
    return spanish ? kMeses[month - 1] : kMonths[month - 1];
}

int month_number(std::string_view word) {
    if (word == "sept") return 9;
    if (word == "setiembre") return 9;
    for (int m = 0; m < 12; ++m) {
        if (word == kMonths[m] || word == kMeses[m]) return m + 1;
        if (word.size() == 3 && (kMonths[m].substr(0, 3) == word || kMeses[m].substr(0, 3) == word)) return m + 1;
    }
    return 0;
}

int month_number_any_case(std::string_view word) {
    char lower[12];
    if (word.size() > sizeof lower) return 0;
    for (std::size_t k = 0; k < word.size(); ++k) lower[k] = ascii_lower(word[k]);
    return month_number(std::string_view(lower, word.size()));
}

namespace {

/// One token of a written date: a word, or a number with an optional ordinal
/// suffix ("15th"). Words are lowercased into `word`.
struct Token {
    bool is_number = false;
    int number = 0;
    std::size_t digits = 0;
    bool ordinal = false;
    char word[10] = {};
    std::size_t word_size = 0;
    std::string_view text() const { return {word, word_size}; }
};

enum class Next { kToken, kEnd, kBad };

/// Length of the separator at s[pos]: space, comma, period, dash, slash, or an
/// apostrophe (' or U+2019, as in "Jan 20th '23"); 0 if none.
std::size_t separator_at(std::string_view s, std::size_t pos) {
    const char c = s[pos];
    if (c == ' ' || c == ',' || c == '.' || c == '-' || c == '/' || c == '\'') return 1;
    return s.substr(pos, 3) == "\xE2\x80\x99" ? 3 : 0;
}

/// Reads the next token, skipping separators (see separator_at).
/// kBad: a character no written date contains, a word too long to be a month,
/// or a number suffix that is not st/nd/rd/th.
Next next_token(std::string_view s, std::size_t& pos, Token& t) {
    t = Token{};
    for (std::size_t n; pos < s.size() && (n = separator_at(s, pos)) > 0;) pos += n;
    if (pos == s.size()) return Next::kEnd;
    if (is_digit(s[pos])) {
        t.is_number = true;
        if (!read_number(s, pos, 4, t.number, t.digits)) return Next::kBad;
        char suffix[2] = {};
        std::size_t n = 0;
        while (pos < s.size() && is_alpha(s[pos])) {
            if (n == 2) return Next::kBad;
            suffix[n++] = ascii_lower(s[pos++]);
        }
        if (n == 0) return Next::kToken;
        const std::string_view sv(suffix, n);
        t.ordinal = sv == "st" || sv == "nd" || sv == "rd" || sv == "th";
        return t.ordinal ? Next::kToken : Next::kBad;
    }
    if (!is_alpha(s[pos])) return Next::kBad;
    while (pos < s.size() && is_alpha(s[pos])) {
        if (t.word_size == sizeof t.word) return Next::kBad;
        t.word[t.word_size++] = ascii_lower(s[pos++]);
    }
    return Next::kToken;
}

/// A day token: 1-2 digits, optional ordinal suffix (not checked against the
/// number: "22th" is a typo of a real date, not a different thing).
bool day_token(const Token& t, int& day) {
    if (!t.is_number || t.digits > 2 || t.number == 0) return false;
    day = t.number;
    return true;
}

bool year_token(const Token& t, Year& year) {
    if (!t.is_number || t.ordinal || (t.digits != 2 && t.digits != 4)) return false;
    year = Year{t.number, static_cast<int>(t.digits)};
    return true;
}

}  // namespace

bool validate_date_written(std::string_view value) noexcept {
    // Accepted shapes, separators free: [the] D[suffix] [of|de] Month [de|del] [Y];
    // Month D[suffix] [Y]; Month [de|del] YYYY. E.g. "15-JAN-2023", "the 3rd of
    // May", "Jan. 15th, 2023", "January 2023", "12 de marzo de 2019", "enero del
    // 2012". A bare month is not a date.
    Token tokens[6];
    std::size_t count = 0, pos = 0;
    for (Next next; (next = next_token(value, pos, tokens[count])) != Next::kEnd;) {
        if (next == Next::kBad || ++count == 6) return false;
    }
    std::size_t i = 0;
    auto at_word = [&](std::string_view w) { return i < count && !tokens[i].is_number && tokens[i].text() == w; };
    int day = 0, month = 0;
    Year year;
    const bool has_the = at_word("the");
    if (has_the) ++i;
    if (i < count && tokens[i].is_number) {
        if (!day_token(tokens[i++], day)) return false;
        if (at_word("of") || at_word("de")) ++i;
        if (i == count || tokens[i].is_number) return false;
        month = month_number(tokens[i++].text());
    } else {
        // "the" only introduces a day ("the 3rd of May").
        if (has_the || i == count) return false;
        month = month_number(tokens[i++].text());
        if (at_word("de") || at_word("del")) ++i;
        if (i == count) return false;
        const Token& t = tokens[i++];
        if (t.is_number && t.digits == 4 && !t.ordinal) {
            year = Year{t.number, 4};
        } else if (!day_token(t, day)) {
            return false;
        }
    }
    if (day != 0 && (at_word("de") || at_word("del")) && i + 1 < count) ++i;
    if (i < count && year.digits == 0 && !year_token(tokens[i++], year)) return false;
    if (i != count) return false;
    return day == 0 ? valid_month_year(month, year) : valid_date(month, day, year);
}

}  // namespace phimask::detail
