#include "phimask/vault.h"

#include <algorithm>
#include <array>

#include "ascii.h"
#include "byte_io.h"
#include "crypto.h"
#include "vault_state.h"

namespace phimask {
namespace detail {
namespace {

/// The by_key key of a value: its type and its token key.
std::string index_key(std::string_view type, std::string_view key) {
    std::string out;
    out.reserve(type.size() + 1 + key.size());
    out.append(type).append(1, '\x1f').append(key);
    return out;
}

}  // namespace

std::uint32_t VaultState::number_for(const std::string& type, std::string key, std::string_view original) {
    std::string where = index_key(type, key);
    if (auto it = by_key.find(where); it != by_key.end()) {
        wipe(where);
        return entries[it->second].number;
    }
    const auto number = static_cast<std::uint32_t>(by_type[type].size() + 1);
    if (!add({type, number, std::move(key), std::string(original), {}})) return 0;  // cannot happen: `where` is new
    wipe(where);
    return number;
}

const VaultState::Entry* VaultState::find(std::string_view type, std::uint32_t number) const {
    auto it = by_type.find(std::string(type));
    if (it == by_type.end() || number == 0 || number > it->second.size()) return nullptr;
    return &entries[it->second[number - 1]];
}

bool VaultState::add(Entry entry) {
    std::vector<std::size_t>& numbered = by_type[entry.type];
    if (entry.number != numbered.size() + 1) return false;  // numbers of a type are 1, 2, 3... in order
    std::string where = index_key(entry.type, entry.key);
    if (by_key.count(where) != 0) return false;
    if (!entry.surrogate.empty() && surrogate_index.count(entry.surrogate) != 0) return false;
    // The entry first, then its indexes: should an index insert fail, the entry is dropped again.
    entries.push_back(std::move(entry));
    const std::size_t index = entries.size() - 1;
    try {
        numbered.push_back(index);
        by_key.emplace(std::move(where), index);
        if (!entries.back().surrogate.empty()) surrogate_index.emplace(entries.back().surrogate, index);
    } catch (...) {
        if (numbered.size() > entries.back().number - 1) numbered.pop_back();
        if (auto node = by_key.extract(index_key(entries.back().type, entries.back().key))) wipe(node.key());
        wipe(entries.back().key);
        wipe(entries.back().original);
        entries.pop_back();
        throw;
    }
    return true;
}

bool VaultState::ensure_secret() {
    if (!secret.empty()) return true;
    std::array<std::uint8_t, 32> bytes{};
    if (!random_bytes(bytes.data(), bytes.size())) return false;
    secret.assign(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    std::fill(bytes.begin(), bytes.end(), 0);
    return true;
}

bool VaultState::set_surrogate(std::size_t index, std::string canonical) {
    auto [it, inserted] = surrogate_index.emplace(canonical, index);
    if (!inserted) return it->second == index;
    entries[index].surrogate = std::move(canonical);
    return true;
}

bool VaultState::add_form(Form form) {
    if (form.entry >= entries.size()) return false;
    auto [it, inserted] = form_index.emplace(ascii_lower(form.text), forms.size());
    if (!inserted) return forms[it->second].entry == form.entry;
    try {
        forms.push_back(std::move(form));
    } catch (...) {
        form_index.erase(it);
        throw;
    }
    return true;
}

const std::string* VaultState::word_surrogate(const std::string& word) const {
    auto it = word_index.find(word);
    return it == word_index.end() ? nullptr : &words[it->second].second;
}

bool VaultState::add_word(std::string word, std::string surrogate) {
    if (word_index.count(word) != 0 || word_surrogates.count(surrogate) != 0) return false;
    words.emplace_back(std::move(word), std::move(surrogate));
    try {
        word_index.emplace(words.back().first, words.size() - 1);
        word_surrogates.insert(words.back().second);
    } catch (...) {
        word_index.erase(words.back().first);
        wipe(words.back().first);
        words.pop_back();
        throw;
    }
    return true;
}

void VaultState::rollback(const Mark& mark) {
    while (forms.size() > mark.forms) {
        form_index.erase(ascii_lower(forms.back().text));
        forms.pop_back();
    }
    while (words.size() > mark.words) {
        auto& [word, surrogate] = words.back();
        if (auto node = word_index.extract(word)) wipe(node.key());
        word_surrogates.erase(surrogate);
        wipe(word);
        words.pop_back();
    }
    while (entries.size() > mark.entries) {
        Entry& e = entries.back();
        if (auto node = by_key.extract(index_key(e.type, e.key))) wipe(node.key());
        if (!e.surrogate.empty()) surrogate_index.erase(e.surrogate);
        by_type[e.type].pop_back();
        wipe(e.key);
        wipe(e.original);
        entries.pop_back();
    }
}

}  // namespace detail

namespace {

using detail::ByteReader;
using detail::put_bytes;
using detail::put_u64;
using detail::wipe;

constexpr char kMagic[16] = {'P', 'H', 'I', 'M', 'A', 'S', 'K', '-', 'V', 'A', 'U', 'L', 'T', '\n', '\0', '\0'};
// Format 1: the entries (type, number, key, original). Format 2 adds each
// entry's canonical surrogate, the surrogate secret, the name words and the
// surrogates as written. Format 1 still opens (its vault draws a new secret).
constexpr std::uint64_t kFormat = 2;
constexpr std::uint64_t kOldestFormat = 1;
constexpr std::size_t kNonceBytes = 12;
constexpr std::size_t kHeaderBytes = sizeof kMagic + 8;

/// The header every sealed vault starts with, authenticated as associated data.
std::string header(std::uint64_t format) {
    std::string h(kMagic, sizeof kMagic);
    put_u64(h, format);
    return h;
}

std::string plaintext(const detail::VaultState& state) {
    std::string plain;
    put_u64(plain, state.entries.size());
    for (const auto& e : state.entries) {
        put_bytes(plain, e.type);
        put_u64(plain, e.number);
        put_bytes(plain, e.key);
        put_bytes(plain, e.original);
        put_bytes(plain, e.surrogate);
    }
    put_bytes(plain, state.secret);
    put_u64(plain, state.words.size());
    for (const auto& [word, surrogate] : state.words) {
        put_bytes(plain, word);
        put_bytes(plain, surrogate);
    }
    put_u64(plain, state.forms.size());
    for (const auto& f : state.forms) {
        put_bytes(plain, f.text);
        put_u64(plain, f.entry);
        put_u64(plain, f.any_case ? 1 : 0);
    }
    return plain;
}

/// Reads what plaintext() wrote (format 1: the entries only) into `state`.
bool read_plaintext(std::string_view plain, std::uint64_t format, detail::VaultState& state) {
    ByteReader in(plain);
    std::uint64_t count = 0;
    bool ok = in.u64(count);
    for (std::uint64_t k = 0; ok && k < count; ++k) {
        std::string_view type, value_key, original, surrogate;
        std::uint64_t number = 0;
        ok = in.bytes(type) && in.u64(number) && in.bytes(value_key) && in.bytes(original) &&
             (format < 2 || in.bytes(surrogate)) && number <= UINT32_MAX &&
             state.add({std::string(type), static_cast<std::uint32_t>(number), std::string(value_key),
                        std::string(original), std::string(surrogate)});
    }
    if (!ok || format < 2) return ok && in.done();
    std::string_view secret;
    ok = in.bytes(secret) && (secret.empty() || secret.size() == 32) && in.u64(count);
    if (ok) state.secret.assign(secret);
    for (std::uint64_t k = 0; ok && k < count; ++k) {
        std::string_view word, surrogate;
        ok = in.bytes(word) && in.bytes(surrogate) && state.add_word(std::string(word), std::string(surrogate));
    }
    ok = ok && in.u64(count);
    for (std::uint64_t k = 0; ok && k < count; ++k) {
        std::string_view text;
        std::uint64_t entry = 0, any_case = 0;
        ok = in.bytes(text) && in.u64(entry) && in.u64(any_case) && any_case <= 1 &&
             state.add_form({std::string(text), static_cast<std::size_t>(entry), any_case == 1});
    }
    return ok && in.done();
}

}  // namespace

Vault::Vault() : state_(std::make_unique<detail::VaultState>()) {}
Vault::~Vault() {
    if (!state_) return;
    state_->rollback({});
    wipe(state_->secret);
}
Vault::Vault(Vault&&) noexcept = default;
Vault& Vault::operator=(Vault&&) noexcept = default;

std::size_t Vault::size() const { return state_->entries.size(); }

Result<std::string> Vault::seal(std::string_view key) const {
    if (key.size() != 32) return Status(ErrorCode::kVault, "a vault key must be 32 bytes (AES-256)");
    std::string plain = plaintext(*state_);
    std::array<std::uint8_t, kNonceBytes> nonce_bytes{};
    const std::string_view nonce(reinterpret_cast<const char*>(nonce_bytes.data()), nonce_bytes.size());
    const std::string aad = header(kFormat);
    std::string out = aad;
    bool ok = detail::random_bytes(nonce_bytes.data(), nonce_bytes.size());
    if (ok) {
        out.append(nonce);
        ok = detail::aes256gcm_seal(key, nonce, aad, plain, out);
    }
    wipe(plain);
    if (!ok) return Status(ErrorCode::kInternal, "OpenSSL could not encrypt the vault");
    return out;
}

Result<Vault> Vault::unseal(std::string_view sealed, std::string_view key) {
    if (key.size() != 32) return Status(ErrorCode::kVault, "a vault key must be 32 bytes (AES-256)");
    if (sealed.size() < kHeaderBytes + kNonceBytes || sealed.substr(0, sizeof kMagic) != std::string_view(kMagic, sizeof kMagic)) {
        return Status(ErrorCode::kVault, "not a sealed phimask vault");
    }
    std::uint64_t format = 0;
    ByteReader(sealed.substr(sizeof kMagic, 8)).u64(format);
    if (format < kOldestFormat || format > kFormat) {
        return Status(ErrorCode::kVault, "a sealed vault of format " + std::to_string(format) +
                                             "; this phimask reads formats " + std::to_string(kOldestFormat) +
                                             " to " + std::to_string(kFormat));
    }
    std::string plain;
    if (!detail::aes256gcm_open(key, sealed.substr(kHeaderBytes, kNonceBytes), sealed.substr(0, kHeaderBytes),
                                sealed.substr(kHeaderBytes + kNonceBytes), plain)) {
        return Status(ErrorCode::kVault, "the vault does not open with this key, or it was altered");
    }
    Vault vault;
    const bool ok = read_plaintext(plain, format, *vault.state_);
    wipe(plain);
    // Authenticated yet malformed: written by a faulty writer, not by this format.
    if (!ok) return Status(ErrorCode::kVault, "the sealed vault's contents are malformed");
    return vault;
}

}  // namespace phimask
