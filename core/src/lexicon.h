// Word lists looked up by hash. Lexicons (tens of thousands of names and
// places) live in one engine-wide LexiconIndex, probed once per capitalized
// word; each recognizer keeps a small RoleTable of its own terms and says
// which of its roles each lexicon fills.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tokens.h"

namespace phimask::detail {

/// Bit set of roles (bit i = role i of one recognizer), or of lexicons (bit i =
/// lexicon i of the LexiconIndex). The two top bits mark phrase parts.
using RoleBits = std::uint32_t;

namespace phrase_bits {
constexpr std::size_t kMaxWords = 4;
constexpr unsigned kMaxMembers = 30;            ///< roles per recognizer, lexicons per engine
constexpr RoleBits kPrefix = RoleBits{1} << 30;  ///< the first k < n words of an n-word entry
constexpr RoleBits kSuffix = RoleBits{1} << 31;  ///< the last k < n words of an n-word entry
constexpr RoleBits kMembers = ~(kPrefix | kSuffix);
}  // namespace phrase_bits

/// An open-addressing hash set from lexicon keys (see tokens.h) to member
/// bits, with prefix/suffix marks for multi-word entries. Immutable after
/// finish(); thread-safe to read.
class KeyTable {
public:
    /// Adds every entry (any case; words separated by spaces; at most
    /// phrase_bits::kMaxWords words) as a member of `member`.
    void add(const std::vector<std::string>& entries, unsigned member);
    /// Room for about `entries` more entries before finish() (saves regrowing).
    void reserve(std::size_t entries) { pending_.reserve(pending_.size() + entries); }
    void finish();

    RoleBits find(std::uint64_t key) const {
        if (slots_.empty()) return 0;
        for (std::size_t i = key & mask_;; i = (i + 1) & mask_) {
            const Slot& s = slots_[i];
            if (s.bits == 0) return 0;
            if (s.key == key) return s.bits;
        }
    }

private:
    struct Slot {
        std::uint64_t key;
        RoleBits bits;
    };
    std::vector<Slot> pending_;
    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
};

/// The engine's lexicons by index (their order in PolicyData::lexicons).
using LexiconIndex = KeyTable;

/// One recognizer's vocabulary: its own terms, and the roles each lexicon fills.
class RoleTable {
public:
    void add_terms(const std::vector<std::string>& entries, unsigned role) { terms_.add(entries, role); }
    void add_lexicon(unsigned lexicon, unsigned role) {
        if (lexicon < phrase_bits::kMaxMembers && role < phrase_bits::kMaxMembers) {
            lexicon_roles_[lexicon] |= RoleBits{1} << role;
        }
    }
    void finish() { terms_.finish(); }

    /// Roles (and phrase marks) of a key among the terms.
    RoleBits terms(std::uint64_t key) const { return terms_.find(key); }
    /// Roles filled by a set of lexicons (phrase marks kept).
    RoleBits translate(RoleBits lexicons) const {
        RoleBits out = lexicons & ~phrase_bits::kMembers;
        for (RoleBits m = lexicons & phrase_bits::kMembers; m != 0; m &= m - 1) {
            out |= lexicon_roles_[static_cast<unsigned>(__builtin_ctz(m))];
        }
        return out;
    }

private:
    KeyTable terms_;
    RoleBits lexicon_roles_[phrase_bits::kMaxMembers] = {};
};

}  // namespace phimask::detail
