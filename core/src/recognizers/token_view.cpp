#include "token_view.h"

#include <algorithm>
#include <string>

#include "../ascii.h"

namespace phimask::detail {

namespace {

/// Lexicon entries are proper names and capitalized phrases: only those probe the large table.
bool probes_lexicons(const Token& t) { return t.shape != Shape::kLower && t.shape != Shape::kNumber; }

}  // namespace

RoleBits TokenView::roles(std::size_t i, RoleBits part_roles) const {
    const Token& t = tokens_[i];
    RoleBits bits = table_.token_roles(t);
    if (t.hyphenated && part_roles != 0) {
        const std::string_view w = word(i);
        for (std::size_t p = 0; p < w.size();) {
            std::size_t q = w.find('-', p);
            if (q == std::string_view::npos) q = w.size();
            const std::uint64_t key = hash_word(lookup_form(w.substr(p, q - p)));
            bits |= (table_.terms(key) | table_.translate(lexicons_.find(key))) & part_roles;
            p = q + 1;
        }
    }
    return bits & phrase_bits::kMembers;
}

bool TokenView::ends_with_term(std::size_t i, RoleBits role, std::size_t longest) const {
    const std::string_view w = word(i);
    bool ascii = true;
    for (char c : w) ascii &= static_cast<unsigned char>(c) < 0x80 && c != '\'' && c != '-';
    for (std::size_t n = 3; n <= longest && n < w.size(); ++n) {
        const std::string_view tail = w.substr(w.size() - n);
        std::uint64_t key = 0;
        if (ascii) {
            char lower[16];
            for (std::size_t k = 0; k < n; ++k) lower[k] = ascii_lower(tail[k]);
            key = hash_word(std::string_view(lower, n));
        } else {
            key = hash_word(lookup_form(tail));
        }
        if ((table_.terms(key) & role) != 0) return true;
    }
    return false;
}

RoleBits TokenView::roles_any_case(std::size_t i) const {
    const Token& t = tokens_[i];
    const RoleBits lexicons = probes_lexicons(t) ? t.lexicons : lexicons_.find(t.key);
    return (table_.token_terms(t) | table_.translate(lexicons)) & phrase_bits::kMembers;
}

RoleBits TokenView::key_roles(std::uint64_t key, const Token& first, bool single) const {
    if (single) return probes_lexicons(first) ? table_.token_roles(first) : table_.token_terms(first);
    RoleBits bits = table_.terms(key);
    if (probes_lexicons(first)) bits |= table_.translate(lexicons_.find(key));
    return bits;
}

RoleBits TokenView::phrase_roles(std::size_t first, std::size_t count) const {
    std::uint64_t key = tokens_[first].key;
    for (std::size_t k = 1; k < count; ++k) key = combine_keys(key, tokens_[first + k].key);
    return key_roles(key, tokens_[first], count == 1) & phrase_bits::kMembers;
}

bool TokenView::gap_only(std::size_t i, std::string_view allowed, std::size_t longest) const {
    if (i + 1 >= tokens_.size()) return false;
    const std::string_view g = gap_after(i);
    if (g.empty() || g.size() > longest) return false;
    for (char c : g) {
        if (c != ' ' && allowed.find(c) == std::string_view::npos) return false;
    }
    return true;
}

bool TokenView::joined(std::size_t i, bool period_ok, bool comma_ok, bool newline_ok, bool possessive_ok) const {
    if (i + 1 >= tokens_.size()) return false;
    std::string_view g = gap_after(i);
    if (possessive_ok) {
        if (g.size() >= 2 && g[0] == '\'' && (g[1] == 's' || g[1] == 'S')) g.remove_prefix(2);
        else if (g.size() >= 4 && g.substr(0, 3) == "\xE2\x80\x99" && (g[3] == 's' || g[3] == 'S')) g.remove_prefix(4);
    }
    if (!g.empty() && ((period_ok && g.front() == '.') || (comma_ok && g.front() == ','))) g.remove_prefix(1);
    if (g.empty()) return period_ok && gap_after(i).size() == 1;  // "J.D."
    std::size_t newlines = 0;
    for (char c : g) {
        if (c == '\n') ++newlines;
        else if (c != ' ') return false;
    }
    return g.size() <= 3 && (newlines == 0 || (newline_ok && newlines == 1));
}

bool TokenView::eponym(std::size_t first, std::size_t last, RoleBits after, RoleBits before) const {
    if (after != 0 && joined(last, false, false, false, true) && (roles(last + 1) & after) != 0) return true;
    return before != 0 && first > 0 && joined(first - 1, false) && phrase_ending_at(first - 1, before) != 0;
}

std::size_t TokenView::phrase_ending_at(std::size_t last, RoleBits role) const {
    std::size_t best = 0;
    for (std::size_t n = 1; n <= phrase_bits::kMaxWords && n <= last + 1; ++n) {
        const std::size_t first = last + 1 - n;
        if (n > 1 && !joined(first, false)) break;
        std::uint64_t key = tokens_[first].key;
        for (std::size_t k = first + 1; k <= last; ++k) key = combine_keys(key, tokens_[k].key);
        const RoleBits found = key_roles(key, tokens_[first], n == 1);
        if ((found & role) != 0) best = n;
        if ((found & phrase_bits::kSuffix) == 0) break;
    }
    return best;
}

std::size_t TokenView::phrase_starting_at(std::size_t first, RoleBits role) const {
    std::size_t best = 0;
    std::uint64_t key = tokens_[first].key;
    for (std::size_t n = 1; n <= phrase_bits::kMaxWords && first + n <= tokens_.size(); ++n) {
        if (n > 1) {
            if (!joined(first + n - 2, false)) break;
            key = combine_keys(key, tokens_[first + n - 1].key);
        }
        const RoleBits found = key_roles(key, tokens_[first], n == 1);
        if ((found & role) != 0) best = n;
        if ((found & phrase_bits::kPrefix) == 0) break;
    }
    return best;
}

}  // namespace phimask::detail
