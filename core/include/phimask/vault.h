// The vault: one conversation's mapping from the tokens the `token` action
// writes ({NAME_1}, {DATE_2}...) and the surrogates the `surrogate` action
// writes back to the values they replaced, so that a model's answer can be
// re-identified inside the application. It also holds the random secret its
// surrogates derive from (drawn on first use), sealed with it.
//
//     phimask::Vault vault;                                     // one per conversation
//     auto prompt = engine.redact(user_text, vault);            // "... {NAME_1} ... {DATE_1}"
//     std::string answer = call_model(prompt->text);             // the values never leave
//     phimask::RestoreResult r = vault.restore(answer);          // the real values, back in
//     auto sealed = vault.seal(key);                             // between turns: encrypted only
//     auto again = phimask::Vault::unseal(*sealed, key);
//
// A vault holds PHI. It never writes it in plaintext: the only export is
// seal() (AES-256-GCM under a caller-supplied 32-byte key, authenticated,
// versioned), and its errors and reprs name no value.
//
// Thread-safety: not thread-safe; a conversation's vault is used by one thread
// at a time. Different vaults are independent (one per conversation).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "phimask/status.h"

namespace phimask {

namespace detail {
struct VaultState;
struct VaultAccess;
}

/// What Vault::restore() did.
struct RestoreResult {
    /// The text with each known token replaced by its original value; every
    /// other byte as given (unknown tokens are left as they are).
    std::string text;
    /// Tokens and surrogates replaced.
    std::size_t restored = 0;
    /// Tokens found that this vault does not hold, once each in order of
    /// appearance, written canonically ("{NAME_7}"): a model invented or
    /// altered them. They carry no PHI.
    std::vector<std::string> unknown;
};

class Vault {
public:
    /// An empty vault: a new conversation.
    Vault();
    ~Vault();
    Vault(Vault&&) noexcept;
    Vault& operator=(Vault&&) noexcept;
    Vault(const Vault&) = delete;
    Vault& operator=(const Vault&) = delete;

    /// Values held (each distinct value of each type once).
    std::size_t size() const;

    /// Puts the original values back in place of the tokens in `text` (a
    /// model's answer). Tolerates what models do to tokens: case and spacing
    /// inside the braces ("{ name_1 }"), a line break inside them, quotes or a
    /// possessive around them ("'{NAME_1}'s" keeps its quote and "'s"). A token
    /// is "{", a type (letters, digits, '_'), "_", a number, "}", with any
    /// white space between its characters.
    ///
    /// Surrogates (Action::kSurrogate) are put back where they are written
    /// exactly as the engine wrote them (names ignoring ASCII case), on word
    /// boundaries (never inside a longer word), longest first, in the same
    /// pass as tokens (a value put back is never read again). A surrogate the
    /// model rewrote (another date format, part of a name) stays as it is.
    RestoreResult restore(std::string_view text) const;

    /// The vault encrypted with AES-256-GCM under `key` (exactly 32 bytes): a
    /// versioned, authenticated blob to keep between turns of a conversation
    /// (in a session store, a cookie, a Lambda's response). kVault when the key
    /// is not 32 bytes; kInternal when OpenSSL fails.
    Result<std::string> seal(std::string_view key) const;

    /// Opens a sealed vault. kVault when the key is not 32 bytes, when the blob
    /// fails authentication (wrong key, or altered), when it is not a phimask
    /// vault, or when it was written by a newer format (the message says which).
    /// Format 2 is written; format 1 (before surrogates) still opens, and such a
    /// vault draws a new surrogate secret on first use.
    static Result<Vault> unseal(std::string_view sealed, std::string_view key);

private:
    friend struct detail::VaultAccess;
    std::unique_ptr<detail::VaultState> state_;
};

}  // namespace phimask
