// What makes two values "the same" for the token action: the key a vault
// numbers values by, after normalization suited to the entity type.
#pragma once

#include <string>
#include <string_view>

namespace phimask::detail {

/// The key of a span's normalized text (digits ASCII, dashes '-') of entity
/// type `type`:
///  - DATE: the calendar date (date_parts.h: "2023-01-15" for 01/15/2023,
///    Jan 15th, 2023 and 2023-01-15 alike); a value not read as a date falls
///    back to its letters and digits, lowercase.
///  - NAME and the place types (ADDRESS, CITY, LOCATION, ...), EMAIL, URL and
///    any type not listed below: lowercase, runs of spaces and punctuation
///    between words as one space ("Dr. John  SMITH" = "dr john smith").
///  - numbers and identifiers (PHONE, FAX, US_SOCIAL_SECURITY_NUMBER, and every
///    type whose name ends in _NUMBER or _ID, or is NPI, IP_ADDRESS, ...): the
///    letters and digits only, letters uppercase ("(617) 555-0142" =
///    "617.555.0142"); a phone or fax of eleven digits starting with 1 drops the 1.
std::string token_key(std::string_view type, std::string_view value);

/// Whether `type` is keyed by its letters and digits (the third case above).
bool is_identifier_type(std::string_view type);

}  // namespace phimask::detail
