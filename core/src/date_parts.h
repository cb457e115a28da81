// Reading a date span's calendar parts, and where each is written, so that the
// same date in different formats can be recognized as one (the token action)
// and a date can be rewritten in its own format (surrogates).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace phimask::detail {

/// Where a part is written in the value: [start, start + size).
struct PartAt {
    std::size_t start = 0;
    std::size_t size = 0;
};

/// The parts of one date; a part that is not written is 0 (and its PartAt empty).
struct DateParts {
    int year = 0;   ///< four digits, or a two-digit year read as 19xx / 20xx (see parse_date)
    int month = 0;  ///< 1-12
    int day = 0;    ///< 1-31
    PartAt year_at, month_at, day_at;
    bool two_digit_year = false;
    bool month_is_name = false;  ///< written as a word ("Jan", "enero")

    /// "2023-01-15", "2023-01", "01-15" (no year): the same for the same date
    /// whatever its format.
    std::string key() const;
};

/// The parts of a date span's normalized text (digits ASCII, dashes '-'), or
/// nullopt when it is not read as a date. Numeric forms: Y-M-D when the first
/// number has four digits; D.M.Y with dots; otherwise M/D/Y (US order) unless
/// the first number cannot be a month and the second can (then D/M/Y); two
/// numbers are M/D, or M/Y with a four-digit year. Written forms: a month name
/// (English or Spanish, full or three letters) with a day and/or a year in any
/// order, ordinals and "of"/"de" allowed ("the 3rd of May", "15-JAN-23",
/// "12 de marzo de 2019"). A two-digit year yy is 20yy below 50, else 19yy.
/// A time after the date ("2023-01-15T10:30") is ignored.
std::optional<DateParts> parse_date(std::string_view value);

}  // namespace phimask::detail
