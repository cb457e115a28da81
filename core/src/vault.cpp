#include "phimask/vault.h"

#include <algorithm>
#include <array>

#include "ascii.h"
#include "crypto.h"
#include "vault_state.h"

namespace phimask {
namespace detail {

std::uint32_t VaultState::number_for(const std::string& type, std::string key, std::string_view original) {
    std::string index_key = type;
    index_key += '\x1f';
    index_key += key;
    if (auto it = by_key.find(index_key); it != by_key.end()) return entries[it->second].number;
    std::vector<std::size_t>& numbered = by_type[type];
    const auto number = static_cast<std::uint32_t>(numbered.size() + 1);
    numbered.push_back(entries.size());
    by_key.emplace(std::move(index_key), entries.size());
    entries.push_back({type, number, std::move(key), std::string(original)});
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
    std::string index_key = entry.type + '\x1f' + entry.key;
    if (!by_key.emplace(std::move(index_key), entries.size()).second) return false;
    numbered.push_back(entries.size());
    entries.push_back(std::move(entry));
    return true;
}

void VaultState::forget_after(std::size_t count) {
    while (entries.size() > count) {
        Entry& e = entries.back();
        by_key.erase(e.type + '\x1f' + e.key);
        by_type[e.type].pop_back();
        entries.pop_back();
    }
}

}  // namespace detail

namespace {

using detail::is_ascii_letter;
using detail::is_digit;

constexpr char kMagic[16] = {'P', 'H', 'I', 'M', 'A', 'S', 'K', '-', 'V', 'A', 'U', 'L', 'T', '\n', '\0', '\0'};
constexpr std::uint32_t kFormat = 1;
constexpr std::size_t kNonceBytes = 12;
constexpr std::size_t kHeaderBytes = sizeof kMagic + 4;
constexpr std::size_t kLongestToken = 96;  // bytes from '{' to '}', white space included

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

void put_u32(std::string& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

void put_bytes(std::string& out, std::string_view bytes) {
    put_u32(out, static_cast<std::uint32_t>(bytes.size()));
    out.append(bytes);
}

/// Reads what put_u32 and put_bytes wrote.
struct Reader {
    std::string_view in;
    bool u32(std::uint32_t& v) {
        if (in.size() < 4) return false;
        v = 0;
        for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(in[i])) << (8 * i);
        in.remove_prefix(4);
        return true;
    }
    bool bytes(std::string& out) {
        std::uint32_t size = 0;
        if (!u32(size) || in.size() < size) return false;
        out.assign(in.substr(0, size));
        in.remove_prefix(size);
        return true;
    }
};

/// The header every sealed vault starts with, authenticated as associated data.
std::string header() {
    std::string h(kMagic, sizeof kMagic);
    put_u32(h, kFormat);
    return h;
}

/// Overwrites a buffer that held the plaintext mapping before it is freed.
void wipe(std::string& s) {
    std::fill(s.begin(), s.end(), '\0');
    s.clear();
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
        if (is_space(c)) continue;
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
    for (char& c : token.type) c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    token.number = static_cast<std::uint32_t>(number);
    token.end = j + 1;
    return true;
}

}  // namespace

Vault::Vault() : state_(std::make_unique<detail::VaultState>()) {}
Vault::~Vault() {
    if (!state_) return;
    for (auto& e : state_->entries) {
        wipe(e.key);
        wipe(e.original);
    }
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
        const std::string canonical = "{" + token.type + "_" + std::to_string(token.number) + "}";
        const detail::VaultState::Entry* entry = state_->find(token.type, token.number);
        if (entry == nullptr) {
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
    put_u32(plain, static_cast<std::uint32_t>(state_->entries.size()));
    for (const auto& e : state_->entries) {
        put_bytes(plain, e.type);
        put_u32(plain, e.number);
        put_bytes(plain, e.key);
        put_bytes(plain, e.original);
    }
    std::array<std::uint8_t, kNonceBytes> nonce{};
    std::string out = header();
    const bool ok = detail::random_bytes(nonce.data(), nonce.size()) &&
                    (out.append(reinterpret_cast<const char*>(nonce.data()), nonce.size()), true) &&
                    detail::aes256gcm_seal(key, std::string_view(out).substr(kHeaderBytes, kNonceBytes),
                                           std::string_view(out).substr(0, kHeaderBytes), plain, out);
    wipe(plain);
    if (!ok) return Status(ErrorCode::kInternal, "OpenSSL could not encrypt the vault");
    return out;
}

Result<Vault> Vault::unseal(std::string_view sealed, std::string_view key) {
    if (key.size() != 32) return Status(ErrorCode::kVault, "a vault key must be 32 bytes (AES-256)");
    if (sealed.size() < kHeaderBytes + kNonceBytes || sealed.substr(0, sizeof kMagic) != std::string_view(kMagic, sizeof kMagic)) {
        return Status(ErrorCode::kVault, "not a sealed phimask vault");
    }
    std::uint32_t format = 0;
    Reader version{sealed.substr(sizeof kMagic, 4)};
    version.u32(format);
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
    Reader in{plain};
    std::uint32_t count = 0;
    bool ok = in.u32(count);
    for (std::uint32_t k = 0; ok && k < count; ++k) {
        detail::VaultState::Entry e;
        ok = in.bytes(e.type) && in.u32(e.number) && in.bytes(e.key) && in.bytes(e.original) &&
             vault.state_->add(std::move(e));
    }
    wipe(plain);
    // Authenticated yet malformed: written by a faulty writer, not by this format.
    if (!ok || !in.in.empty()) return Status(ErrorCode::kVault, "the sealed vault's contents are malformed");
    return vault;
}

}  // namespace phimask
