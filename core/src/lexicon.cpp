#include "lexicon.h"

#include <algorithm>

namespace phimask::detail {

std::uint64_t RoleTable::phrase_key(std::string_view phrase, std::size_t* words) {
    std::uint64_t key = 0;
    std::size_t count = 0;
    for (std::size_t i = 0; i < phrase.size();) {
        while (i < phrase.size() && phrase[i] == ' ') ++i;
        std::size_t j = i;
        while (j < phrase.size() && phrase[j] != ' ') ++j;
        if (j > i) {
            const std::uint64_t k = hash_word(lookup_form(phrase.substr(i, j - i)));
            key = count == 0 ? k : combine_keys(key, k);
            ++count;
        }
        i = j;
    }
    if (words != nullptr) *words = count;
    return key;
}

void RoleTable::add(const std::vector<std::string>& entries, unsigned role) {
    for (const auto& entry : entries) {
        std::size_t words = 0;
        const std::uint64_t key = phrase_key(entry, &words);
        if (words == 0 || words > kMaxPhraseWords) continue;
        max_words_ = std::max(max_words_, words);
        pending_.push_back({key, RoleBits{1} << role});
    }
}

void RoleTable::finish() {
    std::size_t capacity = 16;
    while (capacity < pending_.size() * 2) capacity <<= 1;
    slots_.assign(capacity, Slot{0, 0});
    mask_ = capacity - 1;
    for (const Slot& p : pending_) {
        for (std::size_t i = p.key & mask_;; i = (i + 1) & mask_) {
            Slot& s = slots_[i];
            if (s.roles == 0) {
                s = p;
                break;
            }
            if (s.key == p.key) {
                s.roles |= p.roles;
                break;
            }
        }
    }
    pending_.clear();
    pending_.shrink_to_fit();
}

}  // namespace phimask::detail
