// Vault::restore: tokens and surrogates in a model's answer back to the originals.
#include <algorithm>
#include <array>

#include "ascii.h"
#include "phimask/vault.h"
#include "vault_state.h"

namespace phimask {
namespace {

using detail::ascii_lower;
using detail::ascii_upper;
using detail::is_ascii_letter;
using detail::is_ascii_space;
using detail::is_digit;
using detail::is_word_byte;

constexpr std::size_t kLongestToken = 96;  // bytes from '{' to '}', white space included

/// A token at text[i] ('{'): its canonical type and number, and where it ends.
struct Token {
    std::string type;
    std::uint32_t number = 0;
    std::size_t end = 0;
};

bool read_token(std::string_view text, std::size_t i, Token& token) {
    std::string compact;
    std::size_t j = i + 1;
    for (; j < text.size() && j - i < kLongestToken; ++j) {
        const char c = text[j];
        if (c == '}') break;
        if (is_ascii_space(c)) continue;
        if (!is_ascii_letter(c) && !is_digit(c) && c != '_') return false;
        compact += c;
    }
    if (j >= text.size() || text[j] != '}') return false;
    const std::size_t underscore = compact.rfind('_');
    if (underscore == std::string::npos || underscore == 0 || underscore + 1 == compact.size()) return false;
    if (!is_ascii_letter(compact[0])) return false;
    std::uint64_t number = 0;
    for (std::size_t k = underscore + 1; k < compact.size(); ++k) {
        if (!is_digit(compact[k]) || number > 100'000'000) return false;
        number = number * 10 + static_cast<std::uint64_t>(compact[k] - '0');
    }
    if (number == 0) return false;
    token.type = compact.substr(0, underscore);
    for (char& c : token.type) c = ascii_upper(c);
    token.number = static_cast<std::uint32_t>(number);
    token.end = j + 1;
    return true;
}

/// The vault's surrogates as written, by their first byte (lowercase), longest first.
class FormTable {
public:
    explicit FormTable(const detail::VaultState& state) : state_(state) {
        for (std::size_t k = 0; k < state.forms.size(); ++k) {
            const std::string& text = state.forms[k].text;
            if (!text.empty()) by_first_[static_cast<unsigned char>(ascii_lower(text[0]))].push_back(k);
        }
        for (auto& list : by_first_) {
            std::stable_sort(list.begin(), list.end(), [&](std::size_t a, std::size_t b) {
                return state.forms[a].text.size() > state.forms[b].text.size();
            });
        }
    }

    /// The form written at text[i], on word boundaries, or nullptr.
    const detail::VaultState::Form* match(std::string_view text, std::size_t i) const {
        const auto& list = by_first_[static_cast<unsigned char>(ascii_lower(text[i]))];
        if (list.empty()) return nullptr;
        const auto word = [](char c) { return is_word_byte(static_cast<unsigned char>(c)); };
        if (i > 0 && word(text[i - 1]) && word(text[i])) return nullptr;
        for (std::size_t k : list) {
            const detail::VaultState::Form& f = state_.forms[k];
            if (text.size() - i < f.text.size()) continue;
            const std::string_view here = text.substr(i, f.text.size());
            const bool same = f.any_case ? equal_any_case(here, f.text) : here == f.text;
            const std::size_t end = i + f.text.size();
            if (same && !(end < text.size() && word(text[end]) && word(f.text.back()))) return &f;
        }
        return nullptr;
    }

private:
    static bool equal_any_case(std::string_view a, std::string_view b) {
        for (std::size_t k = 0; k < a.size(); ++k) {
            if (ascii_lower(a[k]) != ascii_lower(b[k])) return false;
        }
        return true;
    }
    const detail::VaultState& state_;
    std::array<std::vector<std::size_t>, 256> by_first_;
};

/// One left-to-right pass over a text: where restore() puts an original back.
/// A value put back is never read again (as a surrogate, say).
class RestorePass {
public:
    explicit RestorePass(const detail::VaultState& state) : state_(state), forms_(state) {}

    /// Calls on_match(start, end, original) for each token or surrogate the
    /// vault holds, and on_unknown(type, number) for each token it does not.
    template <class OnMatch, class OnUnknown>
    void run(std::string_view text, OnMatch&& on_match, OnUnknown&& on_unknown) const {
        const bool any_forms = !state_.forms.empty();
        Token token;
        for (std::size_t i = any_forms ? 0 : text.find('{'); i < text.size();
             i = any_forms ? i + 1 : text.find('{', i + 1)) {
            const std::string* original = nullptr;
            std::size_t end = 0;
            if (text[i] == '{' && read_token(text, i, token)) {
                if (const detail::VaultState::Entry* entry = state_.find(token.type, token.number)) {
                    original = &entry->original;
                    end = token.end;
                } else {
                    on_unknown(token.type, token.number);
                }
            }
            if (original == nullptr && any_forms) {
                if (const detail::VaultState::Form* f = forms_.match(text, i)) {
                    original = &state_.entries[f->entry].original;
                    end = i + f->text.size();
                }
            }
            if (original == nullptr) continue;
            on_match(i, end, *original);
            i = end - 1;
        }
    }

    /// The longest text the pass replaces at once, in bytes.
    std::size_t longest() const {
        std::size_t n = kLongestToken;
        for (const auto& f : state_.forms) n = std::max(n, f.text.size());
        return n;
    }

private:
    const detail::VaultState& state_;
    const FormTable forms_;
};

}  // namespace

RestoreResult Vault::restore(std::string_view text) const {
    RestoreResult out;
    out.text.reserve(text.size());
    std::size_t copied = 0;
    RestorePass(*state_).run(
        text,
        [&](std::size_t start, std::size_t end, const std::string& original) {
            out.text.append(text.substr(copied, start - copied));
            out.text.append(original);
            copied = end;
            ++out.restored;
        },
        [&](const std::string& type, std::uint32_t number) {
            const std::string canonical = "{" + type + "_" + std::to_string(number) + "}";
            if (std::find(out.unknown.begin(), out.unknown.end(), canonical) == out.unknown.end()) {
                out.unknown.push_back(canonical);
            }
        });
    out.text.append(text.substr(copied));
    return out;
}

std::size_t detail::restore_hold(const Vault& vault) { return 2 * RestorePass(VaultAccess::state(vault)).longest(); }

std::size_t detail::restore_cut(const Vault& vault, std::string_view text) {
    const RestorePass pass(VaultAccess::state(vault));
    const std::size_t hold = pass.longest();
    if (text.size() <= hold) return 0;
    std::vector<std::pair<std::size_t, std::size_t>> matches;
    pass.run(
        text, [&](std::size_t start, std::size_t end, const std::string&) { matches.emplace_back(start, end); },
        [](const std::string&, std::uint32_t) {});
    // Not inside a replacement, and not between two word bytes (where a
    // surrogate's word-boundary check would read across the cut).
    const auto word = [&](std::size_t k) { return is_word_byte(static_cast<unsigned char>(text[k])); };
    std::size_t cut = text.size() - hold;
    for (bool moved = true; moved && cut > 0;) {
        moved = false;
        for (const auto& [start, end] : matches) {
            if (start < cut && cut < end) {
                cut = start;
                moved = true;
            }
        }
        while (cut > 0 && word(cut - 1) && word(cut)) {
            --cut;
            moved = true;
        }
    }
    return cut;
}

}  // namespace phimask
