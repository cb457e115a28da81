#include "crypto.h"

#include <algorithm>
#include <memory>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
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

bool random_bytes(std::uint8_t* out, std::size_t size) {
    return RAND_bytes(out, static_cast<int>(size)) == 1;
}

namespace {

constexpr int kTagBytes = 16;

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

const unsigned char* bytes(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

}  // namespace

bool aes256gcm_seal(std::string_view key, std::string_view nonce, std::string_view aad, std::string_view plaintext,
                    std::string& out) {
    if (key.size() != 32 || nonce.size() != 12) return false;
    CipherContext ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    int len = 0;
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytes(key), bytes(nonce)) != 1 ||
        EVP_EncryptUpdate(ctx.get(), nullptr, &len, bytes(aad), static_cast<int>(aad.size())) != 1) {
        return false;
    }
    const std::size_t at = out.size();
    out.resize(at + plaintext.size() + kTagBytes);
    auto* dst = reinterpret_cast<unsigned char*>(out.data() + at);
    int written = 0;
    if (EVP_EncryptUpdate(ctx.get(), dst, &written, bytes(plaintext), static_cast<int>(plaintext.size())) != 1 ||
        EVP_EncryptFinal_ex(ctx.get(), dst + written, &len) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes, dst + plaintext.size()) != 1) {
        out.resize(at);
        return false;
    }
    return true;
}

bool aes256gcm_open(std::string_view key, std::string_view nonce, std::string_view aad, std::string_view sealed,
                    std::string& out) {
    if (key.size() != 32 || nonce.size() != 12 || sealed.size() < kTagBytes) return false;
    const std::string_view ciphertext = sealed.substr(0, sealed.size() - kTagBytes);
    std::string tag(sealed.substr(ciphertext.size()));
    CipherContext ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    int len = 0;
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytes(key), bytes(nonce)) != 1 ||
        EVP_DecryptUpdate(ctx.get(), nullptr, &len, bytes(aad), static_cast<int>(aad.size())) != 1) {
        return false;
    }
    out.resize(ciphertext.size());
    auto* dst = reinterpret_cast<unsigned char*>(out.data());
    int written = 0;
    const bool ok =
        EVP_DecryptUpdate(ctx.get(), dst, &written, bytes(ciphertext), static_cast<int>(ciphertext.size())) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, tag.data()) == 1 &&
        EVP_DecryptFinal_ex(ctx.get(), dst + written, &len) == 1;
    if (!ok) wipe(out);  // never hand back what failed authentication
    return ok;
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

void wipe(std::string& s) {
    OPENSSL_cleanse(s.data(), s.size());
    s.clear();
}

}  // namespace phimask::detail
