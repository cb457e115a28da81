#include "surrogates.h"

#include <cstring>
#include <iterator>

#include "engine_core.h"
#include "surrogate_kinds.h"
#include "token_keys.h"
#include "tokens.h"
#include "vault_state.h"

namespace phimask::detail {
namespace {

/// Lowercase ASCII words of 3-10 letters: names that read naturally anywhere.
bool usable_name(std::string_view entry) {
    if (entry.size() < 3 || entry.size() > 10) return false;
    for (char c : entry) {
        if (c < 'a' || c > 'z') return false;
    }
    return true;
}

void read_names(const PolicyData& data, const char* name, std::vector<std::string_view>& out, RoleBits& bit) {
    auto it = data.lexicons.find(name);
    if (it == data.lexicons.end()) return;
    // Lexicon i of the engine's index is the i-th of data.lexicons (a sorted map).
    bit = RoleBits{1} << std::distance(data.lexicons.begin(), it);
    std::string_view text = it->second->text;
    for (std::size_t at = 0; at < text.size();) {
        std::size_t end = text.find('\n', at);
        if (end == std::string_view::npos) end = text.size();
        if (usable_name(text.substr(at, end - at))) out.push_back(text.substr(at, end - at));
        at = end + 1;
    }
}

using Generator = Drawn (*)(const Occurrence&);

Generator generator_for(const std::string& type, bool have_names) {
    if (type == "DATE") return date_surrogate;
    if (type == "NAME") return have_names ? name_surrogate : nullptr;
    if (type == "EMAIL") return have_names ? email_surrogate : nullptr;
    if (type == "URL") return have_names ? url_surrogate : nullptr;
    if (is_identifier_type(type) || type.find("LICENSE") != std::string::npos) return identifier_surrogate;
    return nullptr;
}

}  // namespace

std::uint32_t Draws::below(std::uint32_t n) {
    // The largest multiple of n that fits: values at or above it are drawn again.
    const std::uint64_t limit = (std::uint64_t{1} << 32) / n * n;
    for (;;) {
        if (used_ + 4 > block_.size()) {
            std::string message = label_;
            message.push_back('\x1f');
            message.append(std::to_string(counter_++));
            auto digest = hmac_sha256(secret_, message);
            ok_ &= digest.has_value();
            block_ = digest.value_or(Digest{});
            used_ = 0;
        }
        std::uint32_t v = 0;
        for (int k = 0; k < 4; ++k) v = (v << 8) | block_[used_++];
        if (v < limit || !ok_) return ok_ ? static_cast<std::uint32_t>(v % n) : 0;
    }
}

SurrogateNames SurrogateNames::build(const PolicyData& data) {
    SurrogateNames names;
    if (!data.uses(Action::kSurrogate)) return names;
    read_names(data, "first_names", names.given, names.given_bit);
    read_names(data, "surnames", names.family, names.family_bit);
    for (const auto& d : data.detectors) {
        for (const auto& [role, words] : d.terms) {
            auto* set = role == "title" ? &names.titles : role == "suffix" ? &names.suffixes
                      : role == "particle" ? &names.particles : nullptr;
            if (set == nullptr) continue;
            for (const auto& w : words) set->insert(lookup_form(w));
        }
    }
    return names;
}

bool claim_canonical(const Occurrence& at, std::string canonical) {
    const std::string& held = at.vault.entries[at.entry].surrogate;
    if (!held.empty()) return held == canonical;
    return at.vault.set_surrogate(at.entry, std::move(canonical));
}

SurrogateOutcome append_surrogate(const EngineCore& core, std::uint32_t detector, std::string_view original,
                                  std::string_view normalized, VaultState& vault, std::uint32_t& number,
                                  std::string& out) {
    if (!vault.ensure_secret()) return SurrogateOutcome::kFailed;
    const std::string& type = core.data().detectors[detector].type;
    number = vault.number_for(type, token_key(type, normalized), original);
    const VaultState::Entry* entry = vault.find(type, number);
    if (entry == nullptr) return SurrogateOutcome::kFailed;
    const Generator generate = generator_for(type, !core.surrogate_names().empty());
    if (generate == nullptr) return SurrogateOutcome::kToken;
    const Occurrence at{core, vault, detector, type, normalized, static_cast<std::size_t>(entry - vault.entries.data())};
    Drawn drawn = generate(at);
    if (drawn.status == Drawn::kFailed) return SurrogateOutcome::kFailed;
    if (drawn.status != Drawn::kOk || drawn.text.empty()) return SurrogateOutcome::kToken;
    // The same text standing for two values could not be restored: the token instead.
    if (!vault.add_form({drawn.text, at.entry, drawn.any_case})) return SurrogateOutcome::kToken;
    out += drawn.text;
    return SurrogateOutcome::kWritten;
}

}  // namespace phimask::detail
