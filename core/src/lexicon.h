// Word lists looked up by hash: one table maps a word (or a phrase of up to
// kMaxPhraseWords words) to the set of roles it plays for one recognizer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tokens.h"

namespace phimask::detail {

/// Bit set of roles (bit i = role i of the recognizer that owns the table).
using RoleBits = std::uint32_t;

/// An immutable open-addressing hash table from lexicon keys (see tokens.h) to
/// role bits. Thread-safe after construction.
class RoleTable {
public:
    static constexpr std::size_t kMaxPhraseWords = 4;

    /// Adds every entry of `entries` (any case; words separated by spaces) with
    /// role bit `role`. Entries longer than kMaxPhraseWords words are ignored.
    void add(const std::vector<std::string>& entries, unsigned role);
    /// Builds the lookup table; call once after the last add().
    void finish();

    RoleBits find(std::uint64_t key) const {
        if (slots_.empty()) return 0;
        for (std::size_t i = key & mask_;; i = (i + 1) & mask_) {
            const Slot& s = slots_[i];
            if (s.roles == 0) return 0;
            if (s.key == key) return s.roles;
        }
    }
    /// Longest phrase length (in words) of any entry.
    std::size_t max_words() const { return max_words_; }

    /// The key of a phrase: words in lookup form, combined in order.
    static std::uint64_t phrase_key(std::string_view phrase, std::size_t* words = nullptr);

private:
    struct Slot {
        std::uint64_t key;
        RoleBits roles;
    };
    std::vector<Slot> pending_;
    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
    std::size_t max_words_ = 1;
};

}  // namespace phimask::detail
