#include "token_view.h"

#include <algorithm>
#include <string>

namespace phimask::detail {

RoleBits TokenView::roles(std::size_t i, RoleBits part_roles) const {
    const Token& t = tokens_[i];
    RoleBits bits = table_.find(t.key);
    if (t.hyphenated && part_roles != 0) {
        const std::string_view w = word(i);
        for (std::size_t p = 0; p < w.size();) {
            std::size_t q = w.find('-', p);
            if (q == std::string_view::npos) q = w.size();
            bits |= table_.find(hash_word(lookup_form(w.substr(p, q - p)))) & part_roles;
            p = q + 1;
        }
    }
    return bits;
}

RoleBits TokenView::phrase_roles(std::size_t first, std::size_t count) const {
    std::uint64_t key = tokens_[first].key;
    for (std::size_t k = 1; k < count; ++k) key = combine_keys(key, tokens_[first + k].key);
    return table_.find(key);
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
    const std::size_t longest = std::min(table_.max_words(), last + 1);
    for (std::size_t n = longest; n >= 1; --n) {
        const std::size_t first = last + 1 - n;
        bool spaced = true;
        for (std::size_t k = first; k < last && spaced; ++k) spaced = joined(k, false);
        if (spaced && (phrase_roles(first, n) & role) != 0) return n;
    }
    return 0;
}

std::size_t TokenView::phrase_starting_at(std::size_t first, RoleBits role) const {
    const std::size_t longest = std::min(table_.max_words(), tokens_.size() - first);
    for (std::size_t n = longest; n >= 1; --n) {
        bool spaced = true;
        for (std::size_t k = first; k + 1 < first + n && spaced; ++k) spaced = joined(k, false);
        if (spaced && (phrase_roles(first, n) & role) != 0) return n;
    }
    return 0;
}

}  // namespace phimask::detail
