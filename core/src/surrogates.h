// The surrogate action (Action::kSurrogate in span.h): realistic values in
// place of the originals, derived from the vault's secret so that a value gets
// the same surrogate throughout a conversation, and recorded in the vault as
// written so that Vault::restore() puts the original back.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "lexicon.h"

namespace phimask::detail {

class EngineCore;
struct PolicyData;
struct VaultState;

/// What name surrogates are drawn from, built once per engine.
struct SurrogateNames {
    std::vector<std::string_view> given;   ///< first_names entries of 3-10 ASCII letters (lowercase)
    std::vector<std::string_view> family;  ///< surnames entries, likewise
    /// Lookup forms of the name recognizers' titles, suffixes and particles: kept as written.
    std::unordered_set<std::string> titles, suffixes, particles;
    RoleBits given_bit = 0, family_bit = 0;  ///< those lexicons in EngineCore::lexicon_index()

    /// Empty unless the policy uses the surrogate action. Views into the policy's lexicons.
    static SurrogateNames build(const PolicyData& data);
    bool empty() const { return given.empty() || family.empty(); }
};

enum class SurrogateOutcome {
    kWritten,  ///< the surrogate was appended
    kToken,    ///< no surrogate for this value: the caller writes its token
    kFailed,   ///< libcrypto failed: the caller fails closed
};

/// Appends the surrogate of a span of detector `detector` (its original bytes
/// and normalized text) to `out`, numbering it in `vault` like a token. On
/// kToken `number` is the value's token number; `out` is unchanged unless kWritten.
SurrogateOutcome append_surrogate(const EngineCore& core, std::uint32_t detector, std::string_view original,
                                  std::string_view normalized, VaultState& vault, std::uint32_t& number,
                                  std::string& out);

}  // namespace phimask::detail
