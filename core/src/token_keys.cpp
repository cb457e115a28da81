#include "token_keys.h"

#include <array>

#include "ascii.h"
#include "date_parts.h"

namespace phimask::detail {
namespace {

bool ends_with(std::string_view s, std::string_view tail) {
    return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

/// Lowercase words (ASCII letters lowered; other bytes kept), one space between them.
std::string words_key(std::string_view value) {
    std::string out;
    bool gap = false;
    for (unsigned char c : value) {
        if (!is_word_byte(c)) {
            gap = !out.empty();
            continue;
        }
        if (gap) out += ' ';
        gap = false;
        out += ascii_lower(static_cast<char>(c));
    }
    return out;
}

std::string alnum_key(std::string_view value) {
    std::string out;
    for (unsigned char c : value) {
        if (is_digit(static_cast<char>(c))) out += static_cast<char>(c);
        else if (is_ascii_letter(static_cast<char>(c))) out += static_cast<char>(c & ~0x20);
        else if (c >= 0x80) out += static_cast<char>(c);
    }
    return out;
}

}  // namespace

bool is_identifier_type(std::string_view type) {
    constexpr std::array<std::string_view, 12> kIdentifiers = {
        "PHONE", "FAX", "NPI", "DEA_NUMBER", "IP_ADDRESS", "MAC_ADDRESS", "ZIP_CODE", "AGE", "VIN",
        "US_SOCIAL_SECURITY_NUMBER", "CREDIT_DEBIT_CARD_NUMBER", "DEVICE_ID"};
    for (std::string_view t : kIdentifiers) {
        if (type == t) return true;
    }
    return ends_with(type, "_NUMBER") || ends_with(type, "_ID");
}

std::string token_key(std::string_view type, std::string_view value) {
    if (type == "DATE") {
        if (auto parts = parse_date(value)) return parts->key();
        std::string key = words_key(value);
        for (char& c : key) {
            if (c == ' ') c = '-';
        }
        return key;
    }
    if (!is_identifier_type(type)) return words_key(value);
    std::string key = alnum_key(value);
    if ((type == "PHONE" || type == "FAX") && key.size() == 11 && key[0] == '1') key.erase(0, 1);
    return key;
}

}  // namespace phimask::detail
