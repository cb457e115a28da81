// What a Vault holds, for the engine's token action and the vault's own code.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "phimask/vault.h"

namespace phimask::detail {

struct VaultState {
    struct Entry {
        std::string type;
        std::uint32_t number = 0;  ///< the N of {TYPE_N}, from 1 per type
        std::string key;           ///< token_key(type, value): what "the same value" means
        std::string original;      ///< the value as first written in an input
    };

    /// The number of the value with `key` of `type`; a new value gets the next
    /// number of its type, and `original` is kept for restore().
    std::uint32_t number_for(const std::string& type, std::string key, std::string_view original);
    /// The entry of {type_number}, or nullptr.
    const Entry* find(std::string_view type, std::uint32_t number) const;
    /// Adds an entry read from a sealed vault; false if it contradicts what is held.
    bool add(Entry entry);
    /// Drops the entries added after the first `count` (a redaction that failed or was blocked).
    void forget_after(std::size_t count);

    std::vector<Entry> entries;  ///< in order of first appearance
    std::unordered_map<std::string, std::size_t> by_key;                 ///< type '\x1f' key -> entry
    std::unordered_map<std::string, std::vector<std::size_t>> by_type;  ///< type -> entry of number n at [n - 1]
};

/// Where an unfinished token may begin at the end of `text`: the offset of a
/// last "{" that more text could still turn into a token, else text.size().
std::size_t unfinished_token_start(std::string_view text);

struct VaultAccess {
    static VaultState& state(Vault& vault) { return *vault.state_; }
    static const VaultState& state(const Vault& vault) { return *vault.state_; }
};

}  // namespace phimask::detail
