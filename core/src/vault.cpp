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

/// Overwrites a buffer that held PHI before it is freed.
void wipe(std::string& s) {
    std::fill(s.begin(), s.end(), '\0');
    s.clear();
}

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
    if (!add({type, number, std::move(key), std::string(original)})) return 0;  // cannot happen: `where` is new
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
    // The entry first, then its indexes: should an index insert fail, the entry is dropped again.
    entries.push_back(std::move(entry));
    try {
        numbered.push_back(entries.size() - 1);
        by_key.emplace(std::move(where), entries.size() - 1);
    } catch (...) {
        if (numbered.size() > entries.back().number - 1) numbered.pop_back();
        wipe(entries.back().key);
        wipe(entries.back().original);
        entries.pop_back();
        throw;
    }
    return true;
}

void VaultState::forget_after(std::size_t count) {
    while (entries.size() > count) {
        Entry& e = entries.back();
        if (auto node = by_key.extract(index_key(e.type, e.key))) wipe(node.key());
        by_type[e.type].pop_back();
        wipe(e.key);
        wipe(e.original);
        entries.pop_back();
    }
}

}  // namespace detail

namespace {

using detail::ascii_upper;
using detail::ByteReader;
using detail::is_ascii_letter;
using detail::is_ascii_space;
using detail::is_digit;
using detail::put_bytes;
using detail::put_u64;
using detail::wipe;

constexpr char kMagic[16] = {'P', 'H', 'I', 'M', 'A', 'S', 'K', '-', 'V', 'A', 'U', 'L', 'T', '\n', '\0', '\0'};
constexpr std::uint64_t kFormat = 1;
constexpr std::size_t kNonceBytes = 12;
constexpr std::size_t kHeaderBytes = sizeof kMagic + 8;
constexpr std::size_t kLongestToken = 96;  // bytes from '{' to '}', white space included

/// The header every sealed vault starts with, authenticated as associated data.
std::string header() {
    std::string h(kMagic, sizeof kMagic);
    put_u64(h, kFormat);
    return h;
}

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

}  // namespace

std::size_t detail::unfinished_token_start(std::string_view text) {
    const std::size_t open = text.rfind('{');
    if (open == std::string_view::npos || text.size() - open >= kLongestToken) return text.size();
    for (std::size_t j = open + 1; j < text.size(); ++j) {
        const char c = text[j];
        if (!is_ascii_space(c) && !is_ascii_letter(c) && !is_digit(c) && c != '_') return text.size();
    }
    return open;
}

Vault::Vault() : state_(std::make_unique<detail::VaultState>()) {}
Vault::~Vault() {
    if (state_) state_->forget_after(0);
}
Vault::Vault(Vault&&) noexcept = default;
Vault& Vault::operator=(Vault&&) noexcept = default;

std::size_t Vault::size() const { return state_->entries.size(); }

RestoreResult Vault::restore(std::string_view text) const {
    RestoreResult out;
    out.text.reserve(text.size());
    std::size_t copied = 0;
    Token token;
    for (std::size_t i = text.find('{'); i != std::string_view::npos; i = text.find('{', i + 1)) {
        if (!read_token(text, i, token)) continue;
        const detail::VaultState::Entry* entry = state_->find(token.type, token.number);
        if (entry == nullptr) {
            const std::string canonical = "{" + token.type + "_" + std::to_string(token.number) + "}";
            if (std::find(out.unknown.begin(), out.unknown.end(), canonical) == out.unknown.end()) {
                out.unknown.push_back(canonical);
            }
            continue;
        }
        out.text.append(text.substr(copied, i - copied));
        out.text.append(entry->original);
        copied = token.end;
        ++out.restored;
        i = token.end - 1;
    }
    out.text.append(text.substr(copied));
    return out;
}

Result<std::string> Vault::seal(std::string_view key) const {
    if (key.size() != 32) return Status(ErrorCode::kVault, "a vault key must be 32 bytes (AES-256)");
    std::string plain;
    put_u64(plain, state_->entries.size());
    for (const auto& e : state_->entries) {
        put_bytes(plain, e.type);
        put_u64(plain, e.number);
        put_bytes(plain, e.key);
        put_bytes(plain, e.original);
    }
    std::array<std::uint8_t, kNonceBytes> nonce_bytes{};
    const std::string_view nonce(reinterpret_cast<const char*>(nonce_bytes.data()), nonce_bytes.size());
    const std::string aad = header();
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
    if (format != kFormat) {
        return Status(ErrorCode::kVault, "a sealed vault of format " + std::to_string(format) +
                                             "; this phimask reads format " + std::to_string(kFormat));
    }
    std::string plain;
    if (!detail::aes256gcm_open(key, sealed.substr(kHeaderBytes, kNonceBytes), sealed.substr(0, kHeaderBytes),
                                sealed.substr(kHeaderBytes + kNonceBytes), plain)) {
        return Status(ErrorCode::kVault, "the vault does not open with this key, or it was altered");
    }
    Vault vault;
    ByteReader in(plain);
    std::uint64_t count = 0;
    bool ok = in.u64(count);
    for (std::uint64_t k = 0; ok && k < count; ++k) {
        std::string_view type, value_key, original;
        std::uint64_t number = 0;
        ok = in.bytes(type) && in.u64(number) && in.bytes(value_key) && in.bytes(original) && number <= UINT32_MAX &&
             vault.state_->add({std::string(type), static_cast<std::uint32_t>(number), std::string(value_key),
                                std::string(original)});
    }
    ok = ok && in.done();
    wipe(plain);
    // Authenticated yet malformed: written by a faulty writer, not by this format.
    if (!ok) return Status(ErrorCode::kVault, "the sealed vault's contents are malformed");
    return vault;
}

}  // namespace phimask
