// OpenSSL's libcrypto: SHA-256 for policy versions, HMAC-SHA-256 for the hash
// action, AES-256-GCM and random bytes for sealed vaults.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace phimask::detail {

using Digest = std::array<std::uint8_t, 32>;

Digest sha256(std::string_view data);

/// HMAC-SHA-256(key, message); nullopt if libcrypto fails (callers fail closed).
std::optional<Digest> hmac_sha256(std::string_view key, std::string_view message);

/// Fills `out` with cryptographically strong random bytes; false if libcrypto cannot.
bool random_bytes(std::uint8_t* out, std::size_t size);

/// AES-256-GCM: appends ciphertext and the 16-byte tag of `plaintext` to `out`.
/// `key` is 32 bytes, `nonce` 12; `aad` is authenticated, not encrypted. False if libcrypto fails.
bool aes256gcm_seal(std::string_view key, std::string_view nonce, std::string_view aad, std::string_view plaintext,
                    std::string& out);

/// Opens what aes256gcm_seal wrote (ciphertext followed by its tag) into `out`.
/// False when authentication fails (wrong key, altered data) or libcrypto fails.
bool aes256gcm_open(std::string_view key, std::string_view nonce, std::string_view aad, std::string_view sealed,
                    std::string& out);

/// Overwrites a buffer that held PHI or a key (in a way the compiler keeps), then empties it.
void wipe(std::string& s);

/// Lowercase hex of the first `digits` hex digits of `digest` (digits <= 64).
std::string to_hex(const Digest& digest, std::size_t digits);

}  // namespace phimask::detail
