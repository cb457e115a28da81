// Helpers the recognizers share for reading tokens and the text between them.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "recognizer.h"

namespace phimask::detail {

/// Tokens of one text with their role bits in one recognizer's table.
class TokenView {
public:
    TokenView(const Words& words, const RoleTable& table)
        : text_(words.text), tokens_(words.tokens), lexicons_(words.lexicons), table_(table) {}

    std::size_t size() const { return tokens_.size(); }
    const Token& operator[](std::size_t i) const { return tokens_[i]; }
    std::string_view text() const { return text_; }
    std::string_view word(std::size_t i) const { return text_.substr(tokens_[i].start, tokens_[i].end - tokens_[i].start); }

    /// Roles of token i; a hyphenated token also gets the roles of its parts
    /// ("Smith-Jones" is a surname if "smith" or "jones" is), masked by `part_roles`.
    RoleBits roles(std::size_t i, RoleBits part_roles = 0) const;
    /// True when token i may end a phrase with `role` among the recognizer's
    /// terms (it has the role itself, or ends a longer entry): a cheap filter.
    bool may_end_term(std::size_t i, RoleBits role) const {
        return (table_.token_terms(tokens_[i]) & (role | phrase_bits::kSuffix)) != 0;
    }
    /// True when one of the last 3 to `longest` letters of token i is an entry
    /// with `role` among the terms ("Wingertweg" ends with "weg").
    bool ends_with_term(std::size_t i, RoleBits role, std::size_t longest) const;
    /// Roles of a key among the recognizer's own terms only.
    RoleBits table_terms(std::uint64_t key) const { return table_.terms(key) & phrase_bits::kMembers; }
    /// Roles of token i with its lexicons looked up even when it is lowercase.
    RoleBits roles_any_case(std::size_t i) const;
    /// Roles of the phrase made of tokens [first, first + count).
    RoleBits phrase_roles(std::size_t first, std::size_t count) const;

    /// The bytes between token i and token i + 1.
    std::string_view gap_after(std::size_t i) const {
        const std::size_t end = tokens_[i].end;
        const std::size_t next = i + 1 < tokens_.size() ? tokens_[i + 1].start : text_.size();
        return text_.substr(end, next - end);
    }
    /// True when 1 to `longest` bytes lie between tokens i and i + 1, each a
    /// space or one of `allowed`.
    bool gap_only(std::size_t i, std::string_view allowed, std::size_t longest = 4) const;
    /// True when only one to three spaces lie between tokens i and i + 1, after
    /// an optional possessive "'s" and an optional period or comma as allowed
    /// (with `newline_ok`, one of the spaces may be a line break).
    bool joined(std::size_t i, bool period_ok, bool comma_ok = false, bool newline_ok = false,
                bool possessive_ok = false) const;

    /// Length in tokens of the longest phrase with role bit `role` that ends at
    /// token `last` (inclusive), or 0. Phrases may span spaces only.
    std::size_t phrase_ending_at(std::size_t last, RoleBits role) const;
    /// Same, for a phrase starting at token `first`.
    std::size_t phrase_starting_at(std::size_t first, RoleBits role) const;

    /// True when tokens [first, last] read as a medical eponym: a word with
    /// role `after` follows them ("Gleason score", "Huntington's disease") or a
    /// phrase with role `before` precedes them ("signo de Romberg").
    bool eponym(std::size_t first, std::size_t last, RoleBits after, RoleBits before) const;

private:
    /// Roles of a phrase key whose first token is `first` (`single`: the key is that token's own).
    RoleBits key_roles(std::uint64_t key, const Token& first, bool single) const;

    std::string_view text_;
    const std::vector<Token>& tokens_;
    const LexiconIndex& lexicons_;
    const RoleTable& table_;
};

}  // namespace phimask::detail
