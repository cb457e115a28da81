#include "crypto.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

namespace phimask::detail {

Digest sha256(std::string_view data) {
    Digest out{};
    SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), out.data());
    return out;
}

std::optional<Digest> hmac_sha256(std::string_view key, std::string_view message) {
    Digest out{};
    unsigned int len = 0;
    const unsigned char* ok =
        HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
             reinterpret_cast<const unsigned char*>(message.data()), message.size(), out.data(), &len);
    if (ok == nullptr || len != out.size()) return std::nullopt;
    return out;
}

std::string to_hex(const Digest& digest, std::size_t digits) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(digits);
    for (std::size_t i = 0; i < digits && i / 2 < digest.size(); ++i) {
        std::uint8_t byte = digest[i / 2];
        out.push_back(kHex[(i % 2 == 0) ? (byte >> 4) : (byte & 0x0f)]);
    }
    return out;
}

}  // namespace phimask::detail
