// Identifier surrogates: every digit replaced, the format kept, check digits valid.
#include "ascii.h"
#include "engine_core.h"
#include "surrogate_kinds.h"
#include "token_keys.h"
#include "vault_state.h"

namespace phimask::detail {
namespace {

/// Draws re-tried before the token is written instead. Validators pass one
/// draw in 10 (Luhn) to about 50 (NPI: a leading 1 or 2 and a Luhn digit), so
/// 1024 fail about once in a billion values.
constexpr int kAttempts = 1024;

enum class Style {
    kAlnum,   ///< digits and letters replaced
    kDigits,  ///< digits only (PHONE, FAX, AGE, ZIP_CODE: their letters are words, "ext", "year-old")
    kHex,     ///< hex digits by hex digits (IPv6, MAC)
    kIpv4,    ///< each number by one of 0-255 with as many digits
};

Style style_of(const std::string& type, std::string_view value) {
    if (type == "MAC_ADDRESS") return Style::kHex;
    if (type == "IP_ADDRESS") return value.find(':') != std::string_view::npos ? Style::kHex : Style::kIpv4;
    if (type == "PHONE" || type == "FAX" || type == "AGE" || type == "ZIP_CODE") return Style::kDigits;
    return Style::kAlnum;
}

bool is_hex_letter(char c) { return (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

char same_case(char like, char upper) { return (like >= 'a' && like <= 'z') ? ascii_lower(upper) : upper; }

/// A phone's or fax's country code "1" before ten digits: kept, as its token key drops it.
bool leading_one(const std::string& type, std::string_view value) {
    if (type != "PHONE" && type != "FAX") return false;
    std::size_t digits = 0;
    for (char c : value) digits += is_digit(c);
    const std::size_t first = value.find_first_of("0123456789");
    return digits == 11 && value[first] == '1';
}

std::string draw(Style style, std::string_view value, bool keep_first_digit, Draws& d) {
    std::string out(value);
    std::size_t start = 0;
    if (keep_first_digit) start = out.find_first_of("0123456789") + 1;
    for (std::size_t i = start; i < out.size();) {
        const char c = out[i];
        if (style == Style::kIpv4 && is_digit(c)) {
            std::size_t j = i;
            while (j < out.size() && is_digit(out[j])) ++j;
            const std::size_t width = j - i;
            if (width <= 3) {
                // One digit: 0-9; two: 10-99; three: 100-255.
                const std::uint32_t low = width == 1 ? 0 : width == 2 ? 10 : 100;
                const std::uint32_t high = width == 1 ? 9 : width == 2 ? 99 : 255;
                std::uint32_t n = low + d.below(high - low + 1);
                for (std::size_t k = j; k > i; --k, n /= 10) out[k - 1] = static_cast<char>('0' + n % 10);
                i = j;
                continue;
            }
        }
        if (is_digit(c)) {
            out[i] = static_cast<char>('0' + d.below(10));
        } else if (style == Style::kHex && is_hex_letter(c)) {
            out[i] = same_case(c, static_cast<char>('A' + d.below(6)));
        } else if (style == Style::kAlnum && is_ascii_letter(c)) {
            out[i] = same_case(c, static_cast<char>('A' + d.below(26)));
        }
        ++i;
    }
    return out;
}

/// The characters a surrogate replaces (and its canonical form holds): digits
/// only in the kDigits style, else what the token key keeps.
bool keyed(Style style, unsigned char c) {
    if (style == Style::kDigits) return is_digit(static_cast<char>(c));
    return is_digit(static_cast<char>(c)) || is_ascii_letter(static_cast<char>(c)) || c >= 0x80;
}

/// What makes two surrogates the same: the token key, or in the kDigits style
/// the digits ("97" and "97 y/o" are one age), a phone's leading "1" dropped.
std::string canonical_of(Style style, const std::string& type, std::string_view text) {
    if (style != Style::kDigits) return token_key(type, text);
    std::string digits;
    for (char c : text) {
        if (is_digit(c)) digits += c;
    }
    if (leading_one(type, text)) digits.erase(0, 1);
    return digits;
}

/// `value` written with the characters of `canonical` (a token key) in place
/// of its letters and digits, each letter in the case of the one it replaces.
/// A phone's leading "1" that its key drops is kept. False when they do not line up.
bool render(Style style, std::string_view canonical, std::string_view value, const std::string& type,
            std::string& out) {
    std::string chars;
    for (unsigned char c : canonical) {
        if (keyed(style, c)) chars += static_cast<char>(c);
    }
    std::size_t count = 0;
    for (unsigned char c : value) count += keyed(style, c);
    std::size_t skip = 0;
    if (count == chars.size() + 1 && (type == "PHONE" || type == "FAX")) skip = 1;
    else if (count != chars.size()) return false;
    out.clear();
    std::size_t next = 0;
    for (unsigned char c : value) {
        if (!keyed(style, c)) {
            out += static_cast<char>(c);
        } else if (skip > 0) {
            out += static_cast<char>(c);
            --skip;
        } else {
            const char r = chars[next++];
            out += is_ascii_letter(static_cast<char>(c)) ? same_case(static_cast<char>(c), ascii_upper(r)) : r;
        }
    }
    return true;
}

}  // namespace

Drawn identifier_surrogate(const Occurrence& at) {
    Drawn out;
    const Style style = style_of(at.type, at.value);
    const std::string& held = at.vault.entries[at.entry].surrogate;
    if (!held.empty()) {
        if (render(style, held, at.value, at.type, out.text)) out.status = Drawn::kOk;
        return out;
    }
    const std::string& key = at.vault.entries[at.entry].key;
    const std::string original = canonical_of(style, at.type, at.value);
    const Validator validate = at.core.validators()[at.detector];
    const bool keep_one = leading_one(at.type, at.value);
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        Draws d(at.vault.secret, "id\x1f" + at.type + "\x1f" + key + "\x1f" + std::to_string(attempt));
        std::string text = draw(style, at.value, keep_one, d);
        if (!d.ok()) {
            out.status = Drawn::kFailed;
            return out;
        }
        std::string canonical = canonical_of(style, at.type, text);
        if (canonical == original || (validate != nullptr && !validate(text))) continue;
        if (at.vault.surrogate_index.count(canonical) != 0) continue;  // another value's surrogate
        if (!claim_canonical(at, std::move(canonical))) continue;
        out.text = std::move(text);
        out.status = Drawn::kOk;
        return out;
    }
    return out;
}

}  // namespace phimask::detail
