// Name, email and URL surrogates, from the engine's first_names and surnames lexicons.
#include <array>

#include "ascii.h"
#include "engine_core.h"
#include "surrogate_kinds.h"
#include "token_keys.h"
#include "tokens.h"
#include "vault_state.h"

namespace phimask::detail {
namespace {

constexpr int kAttempts = 64;
/// RFC 2606 reserves these second-level domains for examples: no one's mail or site.
constexpr std::array<std::string_view, 3> kDomains = {"example.com", "example.org", "example.net"};

enum class Case { kTitle, kUpper, kLower };

Case case_of(std::string_view word) {
    bool lower = false, upper = false;
    char first = 0;
    for (char c : word) {
        if (!is_ascii_letter(c)) continue;
        if (first == 0) first = c;
        lower |= c >= 'a' && c <= 'z';
        upper |= c >= 'A' && c <= 'Z';
    }
    if (upper && !lower) return Case::kUpper;
    return (first >= 'a' && first <= 'z') ? Case::kLower : Case::kTitle;
}

std::string in_case(std::string_view lowercase, Case c) {
    std::string out(lowercase);
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (c == Case::kUpper || (c == Case::kTitle && i == 0)) out[i] = ascii_upper(out[i]);
    }
    return out;
}

struct Word {
    std::size_t start, end;
};

/// Runs of word bytes, an apostrophe or hyphen between two of them joining a run ("O'Neil", "Lee-Park").
std::vector<Word> words_of(std::string_view v) {
    std::vector<Word> out;
    const auto word = [&](std::size_t i) { return i < v.size() && is_word_byte(static_cast<unsigned char>(v[i])); };
    for (std::size_t i = 0; i < v.size();) {
        if (!word(i)) {
            ++i;
            continue;
        }
        const std::size_t start = i;
        while (word(i) || ((v[i] == '\'' || v[i] == '-') && i > start && word(i + 1))) ++i;
        out.push_back({start, i});
    }
    return out;
}

enum class Role { kKept, kInitial, kGiven, kFamily };

/// What each word of a name is: kept as written, an initial, or a given name or surname to replace.
std::vector<Role> roles_of(const Occurrence& at, const std::vector<Word>& words, std::vector<std::string>& forms) {
    const SurrogateNames& names = at.core.surrogate_names();
    const std::size_t n = words.size();
    std::vector<Role> roles(n, Role::kGiven);
    std::vector<std::size_t> person;
    for (std::size_t k = 0; k < n; ++k) {
        const std::string_view w = at.value.substr(words[k].start, words[k].end - words[k].start);
        forms.push_back(lookup_form(w));
        const std::string& f = forms.back();
        bool digits = false;
        for (char c : w) digits |= is_digit(c);
        if (digits || (k == 0 && n > 1 && names.titles.count(f) != 0) ||
            (k + 1 == n && k > 0 && names.suffixes.count(f) != 0) ||
            (k > 0 && k + 1 < n && case_of(w) == Case::kLower && names.particles.count(f) != 0)) {
            roles[k] = Role::kKept;
        } else if (w.size() == 1 && is_ascii_letter(w[0])) {
            roles[k] = Role::kInitial;
        } else {
            person.push_back(k);
        }
    }
    if (person.size() == 1) {
        // A word alone is a given name only when the lexicons know it as one and not as a surname.
        const RoleBits bits = at.core.lexicon_index().find(hash_word(forms[person[0]]));
        const bool given = (bits & names.given_bit) != 0 && (bits & names.family_bit) == 0;
        roles[person[0]] = given ? Role::kGiven : Role::kFamily;
    } else if (person.size() > 1) {
        // "Surname, Given": a comma after the first word; otherwise the last word is the surname.
        const std::string_view between =
            at.value.substr(words[person[0]].end, words[person[1]].start - words[person[0]].end);
        roles[between.find(',') != std::string_view::npos ? person.front() : person.back()] = Role::kFamily;
    }
    return roles;
}

/// The surrogate of one name word for the whole conversation; drawn, unused by any other word, on first sight.
const std::string* word_surrogate(const Occurrence& at, const std::string& form, Role role, bool& failed) {
    if (const std::string* held = at.vault.word_surrogate(form)) return held;
    const SurrogateNames& names = at.core.surrogate_names();
    const auto& list = role == Role::kGiven ? names.given : names.family;
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        Draws d(at.vault.secret, std::string("name\x1f") + (role == Role::kGiven ? "g" : "f") + "\x1f" + form +
                                     "\x1f" + std::to_string(attempt));
        const std::string_view pick = list[d.below(static_cast<std::uint32_t>(list.size()))];
        failed = !d.ok();
        if (failed) return nullptr;
        if (pick == form || at.vault.surrogate_word_taken(std::string(pick))) continue;
        if (at.vault.add_word(form, std::string(pick))) return at.vault.word_surrogate(form);
    }
    return nullptr;
}

/// A permutation of A-Z with no letter left in place (Sattolo's shuffle), the vault's map of initials.
bool initials(const Occurrence& at, std::array<char, 26>& map) {
    for (int k = 0; k < 26; ++k) map[k] = static_cast<char>('A' + k);
    Draws d(at.vault.secret, "initials");
    for (std::uint32_t i = 25; i > 0; --i) std::swap(map[i], map[d.below(i)]);
    return d.ok();
}

Drawn failed() {
    Drawn out;
    out.status = Drawn::kFailed;
    return out;
}

/// Given name, surname and domain, as "given.surname@domain" / "surname.domain" / "given".
struct Picks {
    std::string_view given, family, domain;
};

Picks pick(const Occurrence& at, const char* kind, int attempt, bool& ok) {
    const SurrogateNames& names = at.core.surrogate_names();
    Draws d(at.vault.secret, std::string(kind) + "\x1f" + at.vault.entries[at.entry].key + "\x1f" +
                                 std::to_string(attempt));
    Picks p;
    p.given = names.given[d.below(static_cast<std::uint32_t>(names.given.size()))];
    p.family = names.family[d.below(static_cast<std::uint32_t>(names.family.size()))];
    p.domain = kDomains[d.below(kDomains.size())];
    ok = d.ok();
    return p;
}

/// The entry's canonical surrogate, drawn by `make` until no other entry has it; nullptr if none could be.
template <class Make>
const std::string* canonical(const Occurrence& at, const char* kind, Make make, bool& ok) {
    ok = true;
    const std::string& held = at.vault.entries[at.entry].surrogate;
    if (!held.empty()) return &held;
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        const Picks p = pick(at, kind, attempt, ok);
        if (!ok) return nullptr;
        std::string candidate = make(p);
        if (at.vault.surrogate_index.count(candidate) == 0 && claim_canonical(at, std::move(candidate))) return &held;
    }
    return nullptr;
}

}  // namespace

Drawn name_surrogate(const Occurrence& at) {
    const std::vector<Word> words = words_of(at.value);
    std::vector<std::string> forms;
    const std::vector<Role> roles = roles_of(at, words, forms);
    std::array<char, 26> letters{};
    if (!initials(at, letters)) return failed();
    Drawn out;
    std::size_t copied = 0;
    for (std::size_t k = 0; k < words.size(); ++k) {
        const std::string_view w = at.value.substr(words[k].start, words[k].end - words[k].start);
        out.text.append(at.value.substr(copied, words[k].start - copied));
        copied = words[k].end;
        if (roles[k] == Role::kKept) {
            out.text.append(w);
        } else if (roles[k] == Role::kInitial) {
            const char c = letters[static_cast<std::size_t>(ascii_upper(w[0]) - 'A')];
            out.text.push_back(w[0] >= 'a' ? ascii_lower(c) : c);
        } else {
            bool crypto_failed = false;
            const std::string* s = word_surrogate(at, forms[k], roles[k], crypto_failed);
            if (crypto_failed) return failed();
            if (s == nullptr) return Drawn{};
            out.text.append(in_case(*s, case_of(w)));
        }
    }
    out.text.append(at.value.substr(copied));
    if (!claim_canonical(at, "name\x1f" + token_key("NAME", out.text))) return Drawn{};
    out.status = Drawn::kOk;
    out.any_case = true;
    return out;
}

Drawn email_surrogate(const Occurrence& at) {
    bool ok = true;
    const std::string* held = canonical(at, "email", [](const Picks& p) {
        return std::string(p.given) + "." + std::string(p.family) + "@" + std::string(p.domain);
    }, ok);
    if (!ok) return failed();
    if (held == nullptr) return Drawn{};
    Drawn out;
    out.text = case_of(at.value) == Case::kUpper ? in_case(*held, Case::kUpper) : *held;
    out.status = Drawn::kOk;
    out.any_case = true;
    return out;
}

Drawn url_surrogate(const Occurrence& at) {
    // The scheme and "www." as written; the rest replaced.
    std::size_t body = 0;
    const std::size_t scheme = at.value.find("://");
    if (scheme != std::string_view::npos && scheme <= 8) body = scheme + 3;
    if (equals_ascii_lower(at.value.substr(body, 4), "www.")) body += 4;
    const std::string_view rest = at.value.substr(body);
    const std::size_t host_end = rest.find_first_of("/?#");
    const bool path = host_end != std::string_view::npos && host_end + 1 < rest.size();
    const bool slash = host_end != std::string_view::npos && host_end + 1 == rest.size() && rest.back() == '/';
    bool ok = true;
    const std::string* held = canonical(at, "url", [&](const Picks& p) {
        return std::string(p.family) + "." + std::string(p.domain) + (path ? "/" + std::string(p.given) : slash ? "/" : "");
    }, ok);
    if (!ok) return failed();
    if (held == nullptr) return Drawn{};
    Drawn out;
    out.text = std::string(at.value.substr(0, body)) + *held;
    out.status = Drawn::kOk;
    out.any_case = true;
    return out;
}

}  // namespace phimask::detail
