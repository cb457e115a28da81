// The generalize action: HIPAA Safe Harbor's coarser forms of dates, ages and
// ZIP codes, 45 CFR 164.514(b)(2)(i)(B) and (C).
//
// Every function here reads only the span's own normalized text (digits ASCII,
// dashes '-', see normalize.h) and is deterministic: no clock, no locale. The
// output never holds more of the value than Safe Harbor lets through; when a
// value has no such form, the caller writes the type's placeholder instead.
#pragma once

#include <string>
#include <string_view>

namespace phimask::detail {

/// Whether the generalize action is defined for entity type `type`: DATE, AGE, ZIP_CODE.
bool generalize_supports(std::string_view type) noexcept;

/// The supported types for messages: "DATE, AGE and ZIP_CODE".
const char* generalize_supported_types() noexcept;

/// Appends the generalized form of `value` (a span's normalized text) of entity
/// type `type` to `out` and returns true; returns false, leaving `out` as it was,
/// when the value has none (the caller then writes the placeholder):
///  - DATE: the year. The first run of exactly four digits starting with 1 or 2
///    (not next to ':', so not a time), or the year of a leading YYYYMMDD run
///    (HL7 style, time digits may follow). Without one, a two-digit year is kept
///    as written with an apostrophe, "'23": it is the digits after an apostrophe,
///    or with a month name the second number (15-Jan-23, Jan 15 23), or without
///    one the third number (1/15/23, 15.01.23: year last). No century is guessed.
///    No year (Jan 15, 1/15, the 3rd of May): false.
///  - AGE: the span with its number replaced by "90+" when the number (digits,
///    with an optional decimal part) is over 89: "93-year-old" -> "90+-year-old".
///    False when it is 89 or less, when the span has no digits, or when it holds
///    a second number (which could be another age or a birth year).
///  - ZIP_CODE: the first three digits of the span's first run of digits when
///    it has five or nine (ZIP, ZIP+4 with or without its dash), "000" when they
///    name a restricted area (is_restricted_zip3); false for any other shape.
///  - any other type: false.
bool append_generalized(std::string_view type, std::string_view value, std::string& out);

/// Whether `zip3` (three ASCII digits) is one of the three-digit ZIP areas of
/// 20,000 or fewer people whose digits Safe Harbor replaces with "000". The list
/// is models/reference/safe_harbor_zip3.json (HHS de-identification guidance,
/// 2000 Census), compiled in at build time.
bool is_restricted_zip3(std::string_view zip3) noexcept;

}  // namespace phimask::detail
