// Hashing through OpenSSL's libcrypto: SHA-256 for policy versions, HMAC-SHA-256 for the hash action.
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

/// Lowercase hex of the first `digits` hex digits of `digest` (digits <= 64).
std::string to_hex(const Digest& digest, std::size_t digits);

}  // namespace phimask::detail
