// Validators: checks, by name, that a candidate match is a real identifier and
// not just something of the right shape (check digits, numbering rules, calendar sanity).
#pragma once

#include <string_view>
#include <vector>

namespace phimask::detail {

/// Gets the normalized text of the candidate value (no label; e.g. "123-45-6789",
/// "Jan 15, 2023"). Returns true to keep it. Must be pure, thread-safe and never throw.
using Validator = bool (*)(std::string_view value) noexcept;

/// The validator registered under `name`, or nullptr.
Validator find_validator(std::string_view name) noexcept;

/// Every registered name, sorted (for error messages and docs).
std::vector<std::string_view> validator_names();

/// 1-12 for a lowercase English or Spanish month name or its abbreviation (3
/// letters, or "sept"), else 0. Shared by the date validators and the
/// generalize action.
int month_number(std::string_view lowercase_word);
/// The full lowercase name of month 1-12 in English or Spanish ("january",
/// "enero"); empty for another number.
std::string_view month_name(int month, bool spanish);
/// month_number of a word in any ASCII case ("JAN", "Enero").
int month_number_any_case(std::string_view word);

}  // namespace phimask::detail
