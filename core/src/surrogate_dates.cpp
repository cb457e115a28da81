// Date surrogates: every date of a conversation shifted by the same number of
// days, written back in its own format.
#include <algorithm>
#include <cstdio>
#include <vector>

#include "ascii.h"
#include "date_parts.h"
#include "surrogate_kinds.h"
#include "validators/validators.h"
#include "vault_state.h"

namespace phimask::detail {
namespace {

constexpr int kLeapYear = 2000;  // dates written without a year are shifted within it (it has Feb 29)
constexpr int kMaxShift = 365;

/// Days since 1970-01-01 of a proleptic Gregorian date (the era arithmetic of
/// the 400-year cycle: 146097 days).
long days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void civil_from_days(long z, int& y, int& m, int& d) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    y = static_cast<int>(yoe + era * 400 + (m <= 2));
}

/// The vault's shift: 1 to 365 days, earlier or later, never 0.
bool shift_of(const VaultState& vault, int& days) {
    Draws d(vault.secret, "date-shift");
    days = 1 + static_cast<int>(d.below(kMaxShift));
    if (d.below(2) == 0) days = -days;
    return d.ok();
}

DateParts shifted(const DateParts& in, int days) {
    DateParts out = in;
    const int year = in.year != 0 ? in.year : kLeapYear;
    const int day = in.day != 0 ? in.day : 15;  // month and year only: from the middle of the month
    civil_from_days(days_from_civil(year, in.month, day) + days, out.year, out.month, out.day);
    if (in.year == 0) out.year = 0;
    if (in.day == 0) out.day = 0;
    return out;
}

std::string number(int value, std::size_t width) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%0*d", static_cast<int>(width), value);
    return buffer;
}

/// Month `month` written as `like` is: same language, length (full or three
/// letters, "Sept" kept for September) and case.
std::string month_like(std::string_view like, int month) {
    const std::string lower = ascii_lower(std::string(like));
    const int was = month_number(lower);
    const std::string_view english = month_name(was, false);
    const bool spanish = !(lower == english || lower == english.substr(0, 3) || lower == "sept");
    const bool whole = lower == month_name(was, spanish) || lower == "setiembre";  // "May": whole
    const std::string_view name = month_name(month, spanish);
    std::string out(whole ? name : name.substr(0, lower == "sept" && month == 9 ? 4 : 3));
    bool upper = true;
    for (char c : like) upper &= !(c >= 'a' && c <= 'z');
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (upper || (i == 0 && like[0] >= 'A' && like[0] <= 'Z')) out[i] = ascii_upper(out[i]);
    }
    return out;
}

const char* ordinal(int day) {
    if (day % 100 >= 11 && day % 100 <= 13) return "th";
    switch (day % 10) {
    case 1: return "st";
    case 2: return "nd";
    case 3: return "rd";
    default: return "th";
    }
}

struct Edit {
    PartAt at;
    std::string text;
};

}  // namespace

Drawn date_surrogate(const Occurrence& at) {
    Drawn out;
    const std::optional<DateParts> parts = parse_date(at.value);
    if (!parts) return out;
    int days = 0;
    if (!shift_of(at.vault, days)) {
        out.status = Drawn::kFailed;
        return out;
    }
    const DateParts to = shifted(*parts, days);
    // Zero-padded days and months stay padded: written with a leading zero, or
    // a numeric month and day both of two digits ("2023-01-15", "12/20/2023").
    const auto leading_zero = [&](const PartAt& p) { return p.size == 2 && at.value[p.start] == '0'; };
    const bool pad = leading_zero(parts->day_at) || (!parts->month_is_name && leading_zero(parts->month_at)) ||
                     (!parts->month_is_name && parts->month_at.size == 2 && (parts->day == 0 || parts->day_at.size == 2));
    const std::size_t width = pad ? 2 : 1;
    std::vector<Edit> edits;
    if (parts->year != 0) {
        edits.push_back({parts->year_at, parts->two_digit_year ? number(to.year % 100, 2) : number(to.year, 4)});
    }
    if (parts->month_is_name) {
        edits.push_back({parts->month_at, month_like(at.value.substr(parts->month_at.start, parts->month_at.size), to.month)});
    } else {
        edits.push_back({parts->month_at, number(to.month, width)});
    }
    if (parts->day != 0) {
        // The day with its ordinal suffix, if written with one ("15th" -> "22nd").
        PartAt day_at = parts->day_at;
        std::string text = number(to.day, width);
        const std::size_t suffix = day_at.start + day_at.size;
        if (suffix + 2 <= at.value.size() && is_ascii_letter(at.value[suffix]) && is_ascii_letter(at.value[suffix + 1])) {
            const bool upper = at.value[suffix] >= 'A' && at.value[suffix] <= 'Z';
            for (const char* c = ordinal(to.day); *c != 0; ++c) text.push_back(upper ? ascii_upper(*c) : *c);
            day_at.size += 2;
        }
        edits.push_back({day_at, std::move(text)});
    }
    std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.at.start < b.at.start; });
    std::size_t copied = 0;
    for (const Edit& e : edits) {
        out.text.append(at.value.substr(copied, e.at.start - copied));
        out.text.append(e.text);
        copied = e.at.start + e.at.size;
    }
    out.text.append(at.value.substr(copied));
    if (!claim_canonical(at, "date\x1f" + to.key())) return Drawn{};
    out.status = Drawn::kOk;
    return out;
}

}  // namespace phimask::detail
