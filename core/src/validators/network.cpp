// IP address validators. The detector regexes are deliberately loose (any run of
// hex digits and colons, any dotted quad); the structure is checked here.
#include <cstddef>
#include <string_view>

#include "ascii.h"

namespace phimask::detail {
namespace {


bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

/// One decimal octet: 0-255, no leading zero ("010" is octal to some parsers and
/// never how an address is written).
bool octet(std::string_view s) {
    if (s.empty() || s.size() > 3) return false;
    for (char c : s) {
        if (!is_digit(c)) return false;
    }
    if (s.size() > 1 && s[0] == '0') return false;
    int n = 0;
    for (char c : s) n = n * 10 + (c - '0');
    return n <= 255;
}

bool dotted_quad(std::string_view s) {
    std::size_t parts = 0;
    while (true) {
        const std::size_t dot = s.find('.');
        if (!octet(s.substr(0, dot))) return false;
        ++parts;
        if (dot == std::string_view::npos) break;
        s.remove_prefix(dot + 1);
    }
    return parts == 4;
}

/// Counts the 16-bit groups of one side of an IPv6 address ("2001:db8" -> 2).
/// An embedded dotted quad counts as 2 and is allowed only as the last group
/// when `ipv4_last` is set. An empty side has 0 groups; an empty group is invalid.
bool count_groups(std::string_view s, bool ipv4_last, std::size_t& groups) {
    groups = 0;
    if (s.empty()) return true;
    while (true) {
        const std::size_t colon = s.find(':');
        const std::string_view group = s.substr(0, colon);
        if (colon == std::string_view::npos && ipv4_last && group.find('.') != std::string_view::npos) {
            if (!dotted_quad(group)) return false;
            groups += 2;
            return true;
        }
        if (group.empty() || group.size() > 4) return false;
        for (char c : group) {
            if (!is_hex(c)) return false;
        }
        ++groups;
        if (colon == std::string_view::npos) return true;
        s.remove_prefix(colon + 1);
    }
}

}  // namespace

bool validate_ipv4(std::string_view value) noexcept { return dotted_quad(value); }

bool validate_ipv6(std::string_view value) noexcept {
    // The longest textual form is 45 characters (six groups and a dotted quad).
    if (value.size() < 2 || value.size() > 45) return false;
    const std::size_t gap = value.find("::");
    if (gap == std::string_view::npos) {
        std::size_t groups = 0;
        return count_groups(value, true, groups) && groups == 8;
    }
    // At most one "::", and it stands for at least one zero group.
    const std::string_view head = value.substr(0, gap);
    const std::string_view tail = value.substr(gap + 2);
    if (tail.find("::") != std::string_view::npos) return false;
    std::size_t head_groups = 0, tail_groups = 0;
    if (!count_groups(head, false, head_groups) || !count_groups(tail, true, tail_groups)) return false;
    return head_groups + tail_groups <= 7;
}

}  // namespace phimask::detail
