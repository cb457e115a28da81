// The generators behind append_surrogate, one file per kind of value.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "crypto.h"

namespace phimask::detail {

class EngineCore;
struct VaultState;

/// A deterministic stream of numbers: HMAC-SHA-256(secret, label, block) in
/// blocks. The same secret and label give the same stream on every machine.
class Draws {
public:
    Draws(std::string_view secret, std::string label) : secret_(secret), label_(std::move(label)) {}
    /// Uniform in [0, n), n >= 1 (rejection sampling, no modulo bias).
    std::uint32_t below(std::uint32_t n);
    /// False once libcrypto failed (the numbers drawn since are zeros).
    bool ok() const { return ok_; }

private:
    std::string_view secret_;
    std::string label_;
    Digest block_{};
    std::size_t used_ = sizeof(Digest);
    std::uint32_t counter_ = 0;
    bool ok_ = true;
};

/// One span to write a surrogate for. `entry` is its vault entry (already numbered).
struct Occurrence {
    const EngineCore& core;
    VaultState& vault;
    std::uint32_t detector;
    const std::string& type;
    std::string_view value;  ///< normalized text of the span
    std::size_t entry;
};

/// What a generator did: a surrogate (as written), nothing (write the token), or a crypto failure.
struct Drawn {
    enum { kOk, kNone, kFailed } status = kNone;
    std::string text;
    bool any_case = false;  ///< restore() matches it ignoring ASCII case
};

Drawn name_surrogate(const Occurrence& at);
Drawn email_surrogate(const Occurrence& at);
Drawn url_surrogate(const Occurrence& at);
Drawn date_surrogate(const Occurrence& at);
Drawn identifier_surrogate(const Occurrence& at);

/// The canonical surrogate of entry `at.entry`: set when empty, then checked
/// unique in the vault. False when another entry already has it.
bool claim_canonical(const Occurrence& at, std::string canonical);

}  // namespace phimask::detail
