// The table of validators by name. Registration is an explicit table rather than
// self-registering static objects: the core is also built as a static library,
// and a linker drops object files nothing references, so self-registration
// would silently lose validators.
#include <algorithm>
#include <array>
#include <string_view>
#include <utility>
#include <vector>

#include "validators/validators.h"

namespace phimask::detail {

// Defined in checksums.cpp, us_ids.cpp, network.cpp, dates.cpp, devices.cpp and
// labelled.cpp. Each takes the normalized value text and must match the
// Validator signature exactly.
bool validate_luhn(std::string_view value) noexcept;
bool validate_npi(std::string_view value) noexcept;
bool validate_dea(std::string_view value) noexcept;
bool validate_aba_routing(std::string_view value) noexcept;
bool validate_us_ssn(std::string_view value) noexcept;
bool validate_us_ssn_format(std::string_view value) noexcept;
bool validate_mbi(std::string_view value) noexcept;
bool validate_ipv4(std::string_view value) noexcept;
bool validate_ipv6(std::string_view value) noexcept;
bool validate_date_mdy(std::string_view value) noexcept;
bool validate_date_ymd(std::string_view value) noexcept;
bool validate_date_dmy(std::string_view value) noexcept;
bool validate_date_numeric(std::string_view value) noexcept;
bool validate_date_written(std::string_view value) noexcept;
bool validate_vin(std::string_view value) noexcept;
bool validate_gs1_gtin(std::string_view value) noexcept;
bool validate_hibcc(std::string_view value) noexcept;
bool validate_labelled_id(std::string_view value) noexcept;
bool validate_age_over_89(std::string_view value) noexcept;
bool validate_phone_digits(std::string_view value) noexcept;

namespace {

struct Entry {
    std::string_view name;
    Validator fn;
};

// Sorted by name, so lookup is a binary search and validator_names() is a copy.
constexpr std::array<Entry, 20> kValidators{{
    {"aba_routing", validate_aba_routing},
    {"age_over_89", validate_age_over_89},
    {"date_dmy", validate_date_dmy},
    {"date_mdy", validate_date_mdy},
    {"date_numeric", validate_date_numeric},
    {"date_written", validate_date_written},
    {"date_ymd", validate_date_ymd},
    {"dea", validate_dea},
    {"gs1_gtin", validate_gs1_gtin},
    {"hibcc", validate_hibcc},
    {"ipv4", validate_ipv4},
    {"ipv6", validate_ipv6},
    {"labelled_id", validate_labelled_id},
    {"luhn", validate_luhn},
    {"mbi", validate_mbi},
    {"npi", validate_npi},
    {"phone_digits", validate_phone_digits},
    {"us_ssn", validate_us_ssn},
    {"us_ssn_format", validate_us_ssn_format},
    {"vin", validate_vin},
}};

constexpr bool sorted_and_unique() {
    for (std::size_t i = 1; i < kValidators.size(); ++i) {
        if (!(kValidators[i - 1].name < kValidators[i].name)) return false;
    }
    return true;
}
static_assert(sorted_and_unique(), "kValidators must stay sorted by name, without duplicates");

}  // namespace

Validator find_validator(std::string_view name) noexcept {
    auto it = std::lower_bound(kValidators.begin(), kValidators.end(), name,
                               [](const Entry& e, std::string_view n) { return e.name < n; });
    return it != kValidators.end() && it->name == name ? it->fn : nullptr;
}

std::vector<std::string_view> validator_names() {
    std::vector<std::string_view> names;
    names.reserve(kValidators.size());
    for (const Entry& e : kValidators) names.push_back(e.name);
    return names;
}

}  // namespace phimask::detail
