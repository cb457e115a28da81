// Word lists looked up by hash. Lexicons (tens of thousands of names and
// places) live in one engine-wide LexiconIndex, probed once per capitalized
// word. Each recognizer keeps a small RoleTable of its own terms and says
// which of its roles each lexicon fills; the terms of all recognizers also go
// into one engine-wide TermIndex, probed once per word for all of them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "table_memory.h"
#include "tokens.h"

namespace phimask::detail {

/// Bit set of roles (bit i = role i of one recognizer), of lexicons (bit i =
/// lexicon i of the LexiconIndex), or of shared terms (see RoleTable::share).
/// The two top bits mark phrase parts.
using RoleBits = std::uint64_t;

namespace phrase_bits {
constexpr std::size_t kMaxWords = 4;
constexpr unsigned kMaxMembers = 62;            ///< members of one table: roles, lexicons, shared term bits
constexpr RoleBits kPrefix = RoleBits{1} << 62;  ///< the first k < n words of an n-word entry
constexpr RoleBits kSuffix = RoleBits{1} << 63;  ///< the last k < n words of an n-word entry
constexpr RoleBits kMembers = ~(kPrefix | kSuffix);
}  // namespace phrase_bits

/// An open-addressing hash set from lexicon keys (see tokens.h) to member
/// bits, with prefix/suffix marks for multi-word entries. Immutable once
/// finished; thread-safe to read.
///
/// Two ways to fill one: add() entries (staged), then finish(); or, for whole
/// word lists at once, build() (sized up front, no staging: the engine's
/// lexicon index, rebuilt at every engine load, is built this way).
class KeyTable {
public:
    /// Adds every entry (any case; words separated by spaces; at most
    /// phrase_bits::kMaxWords words) as a member of `member`.
    void add(const std::vector<std::string>& entries, unsigned member);
    /// Adds every entry of the finished table `other` with its member bits
    /// moved up by `shift` (phrase marks kept as they are).
    void add_shifted(const KeyTable& other, unsigned shift);
    void finish();

    /// Builds the finished table from word lists given as texts, each entry
    /// ended by '\n' (LexiconData::text); list i is member i. Replaces any content.
    void build(const std::vector<std::string_view>& lists);

    RoleBits find(std::uint64_t key) const {
        const Slot* table = slots();
        if (table == nullptr) return 0;
        for (std::size_t i = key & mask_;; i = (i + 1) & mask_) {
            const Slot& s = table[i];
            if (s.bits == 0) return 0;
            if (s.key == key) return s.bits;
        }
    }

private:
    struct Slot {
        std::uint64_t key;
        RoleBits bits;
    };
    template <class Sink>
    static void for_each_key(std::string_view entry, RoleBits bit, std::vector<std::uint64_t>& words, Sink&& sink);
    void allocate(std::size_t keys);
    void insert(std::uint64_t key, RoleBits bits);
    Slot* slots() const { return static_cast<Slot*>(memory_.data()); }
    std::size_t capacity() const { return memory_.data() == nullptr ? 0 : mask_ + 1; }

    std::vector<Slot> pending_;
    TableMemory memory_;
    std::size_t mask_ = 0;
};

/// The engine's lexicons by index (their order in PolicyData::lexicons).
using LexiconIndex = KeyTable;
/// Every recognizer's terms, each recognizer's roles at its own bit offset.
using TermIndex = KeyTable;

/// Everyday words: the lexicon bits and shared term bits of the recognizers'
/// "common" roles ("will", "may", "de").
struct EverydayWords {
    RoleBits lexicons = 0;
    RoleBits terms = 0;
};

/// Fills Token::terms of every token of `text` and Token::lexicons of
/// capitalized ones. In text written without capitals ("eva kleist lives at
/// ..."), two or more words in a row that the lexicons know (everyday words
/// excepted) are read as capitalized: they become kTitle, and a lone letter
/// between two of them an initial ("emidio p lombardo").
void look_up_tokens(std::string_view text, std::vector<Token>& tokens, const LexiconIndex& lexicons,
                    const TermIndex& terms, const EverydayWords& everyday);

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
    /// After finish(): puts the terms into the engine's `index` with role r at
    /// bit `base` + r (the table's roles are `roles` bits wide), so token_terms()
    /// reads Token::terms instead of probing. False, and nothing shared, when
    /// they would not fit below phrase_bits::kMaxMembers.
    bool share(TermIndex& index, unsigned base, unsigned roles);

    /// Roles (and phrase marks) of a key among the terms.
    RoleBits terms(std::uint64_t key) const { return terms_.find(key); }
    /// Same for a token's own key; Token::terms must come from the shared index.
    RoleBits token_terms(const Token& t) const {
        if (!shared_) return terms_.find(t.key);
        return (((t.terms & phrase_bits::kMembers) >> base_) & role_mask_) | (t.terms & ~phrase_bits::kMembers);
    }
    /// All roles of a token: its terms and what its lexicons (Token::lexicons) fill.
    RoleBits token_roles(const Token& t) const { return token_terms(t) | translate(t.lexicons); }
    /// Roles filled by a set of lexicons (phrase marks kept).
    RoleBits translate(RoleBits lexicons) const {
        RoleBits out = lexicons & ~phrase_bits::kMembers;
        for (RoleBits m = lexicons & phrase_bits::kMembers; m != 0; m &= m - 1) {
            out |= lexicon_roles_[static_cast<unsigned>(__builtin_ctzll(m))];
        }
        return out;
    }

private:
    KeyTable terms_;
    RoleBits lexicon_roles_[phrase_bits::kMaxMembers] = {};
    bool shared_ = false;
    unsigned base_ = 0;
    RoleBits role_mask_ = 0;
};

}  // namespace phimask::detail
