// What a Vault holds, for the engine's token and surrogate actions and the vault's own code.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "phimask/vault.h"

namespace phimask::detail {

struct VaultState {
    struct Entry {
        std::string type;
        std::uint32_t number = 0;  ///< the N of {TYPE_N}, from 1 per type
        std::string key;           ///< token_key(type, value): what "the same value" means
        std::string original;      ///< the value as first written in an input
        std::string surrogate;     ///< the surrogate's canonical form (surrogates.h); empty until one is drawn
    };
    /// A surrogate as written into an output: restore() puts the entry's original back in its place.
    struct Form {
        std::string text;
        std::size_t entry = 0;
        bool any_case = false;  ///< names: matched ignoring ASCII case
    };
    /// Sizes to roll back to when a redaction fails or is blocked.
    struct Mark {
        std::size_t entries = 0, forms = 0, words = 0;
    };

    /// The number of the value with `key` of `type`; a new value gets the next
    /// number of its type, and `original` is kept for restore().
    std::uint32_t number_for(const std::string& type, std::string key, std::string_view original);
    /// The entry of {type_number}, or nullptr.
    const Entry* find(std::string_view type, std::uint32_t number) const;
    /// Adds an entry read from a sealed vault; false if it contradicts what is held.
    bool add(Entry entry);

    /// The secret every surrogate of this vault derives from, drawn on first
    /// use; false when no random bytes could be had (the caller fails closed).
    bool ensure_secret();
    /// Sets entry `index`'s canonical surrogate; false when another entry has it.
    bool set_surrogate(std::size_t index, std::string canonical);
    /// Records a surrogate as written; false when the same text (ignoring case)
    /// already stands for another entry.
    bool add_form(Form form);
    /// The surrogate of a name word (its lookup form), or nullptr.
    const std::string* word_surrogate(const std::string& word) const;
    bool surrogate_word_taken(const std::string& surrogate) const { return word_surrogates.count(surrogate) != 0; }
    /// Maps a name word to its surrogate; false if either is already mapped.
    bool add_word(std::string word, std::string surrogate);

    Mark mark() const { return {entries.size(), forms.size(), words.size()}; }
    /// Drops what was added after `mark` (a redaction that failed or was blocked).
    void rollback(const Mark& mark);

    std::vector<Entry> entries;  ///< in order of first appearance
    std::unordered_map<std::string, std::size_t> by_key;                 ///< type '\x1f' key -> entry
    std::unordered_map<std::string, std::vector<std::size_t>> by_type;  ///< type -> entry of number n at [n - 1]

    std::string secret;  ///< 32 bytes once drawn
    std::vector<Form> forms;
    std::unordered_map<std::string, std::size_t> form_index;       ///< lowercase form text -> forms index
    std::unordered_map<std::string, std::size_t> surrogate_index;  ///< canonical surrogate -> entry
    std::vector<std::pair<std::string, std::string>> words;        ///< name word -> its surrogate, in order
    std::unordered_map<std::string, std::size_t> word_index;       ///< name word -> words index
    std::unordered_set<std::string> word_surrogates;
};

/// For StreamRestorer: how much of a streamed answer `text` restore() can
/// handle now, whatever follows it: a prefix that no token or surrogate crosses,
/// ending where no word continues, leaving at least the longest token or
/// surrogate the vault can restore. 0 when nothing is certain yet.
std::size_t restore_cut(const Vault& vault, std::string_view text);
/// The most a StreamRestorer on `vault` holds between cuts: twice the longest
/// token (96 bytes) or surrogate.
std::size_t restore_hold(const Vault& vault);

struct VaultAccess {
    static VaultState& state(Vault& vault) { return *vault.state_; }
    static const VaultState& state(const Vault& vault) { return *vault.state_; }
};

}  // namespace phimask::detail
