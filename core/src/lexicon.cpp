#include "lexicon.h"

namespace phimask::detail {
namespace {

/// The key of one word of an entry. Entries are mostly plain lowercase ASCII,
/// already in lookup form: hashed as they are, without a copy.
std::uint64_t word_key(std::string_view word) {
    for (char c : word) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return hash_word(lookup_form(word));
    }
    return hash_word(word);
}

}  // namespace

void KeyTable::add(const std::vector<std::string>& entries, unsigned member) {
    if (member >= phrase_bits::kMaxMembers) return;
    const RoleBits bit = RoleBits{1} << member;
    std::vector<std::uint64_t> words;
    for (const auto& entry : entries) {
        words.clear();
        for (std::size_t i = 0; i < entry.size();) {
            while (i < entry.size() && entry[i] == ' ') ++i;
            std::size_t j = i;
            while (j < entry.size() && entry[j] != ' ') ++j;
            if (j > i) words.push_back(word_key(std::string_view(entry).substr(i, j - i)));
            i = j;
        }
        if (words.empty() || words.size() > phrase_bits::kMaxWords) continue;
        std::uint64_t key = words[0];
        for (std::size_t k = 1; k < words.size(); ++k) {
            pending_.push_back({key, phrase_bits::kPrefix});
            key = combine_keys(key, words[k]);
        }
        pending_.push_back({key, bit});
        for (std::size_t first = 1; first < words.size(); ++first) {
            std::uint64_t tail = words[first];
            for (std::size_t k = first + 1; k < words.size(); ++k) tail = combine_keys(tail, words[k]);
            pending_.push_back({tail, phrase_bits::kSuffix});
        }
    }
}

void KeyTable::add_shifted(const KeyTable& other, unsigned shift) {
    for (const Slot& s : other.slots_) {
        if (s.bits == 0) continue;
        const RoleBits members = (s.bits & phrase_bits::kMembers) << shift;
        pending_.push_back({s.key, (members & phrase_bits::kMembers) | (s.bits & ~phrase_bits::kMembers)});
    }
}

void KeyTable::finish() {
    // At most 70% full: probes stay short and the table small enough to stay in cache.
    std::size_t capacity = 16;
    while (capacity * 7 < pending_.size() * 10) capacity <<= 1;
    slots_.assign(capacity, Slot{0, 0});
    mask_ = capacity - 1;
    for (const Slot& p : pending_) {
        for (std::size_t i = p.key & mask_;; i = (i + 1) & mask_) {
            Slot& s = slots_[i];
            if (s.bits == 0) {
                s = p;
                break;
            }
            if (s.key == p.key) {
                s.bits |= p.bits;
                break;
            }
        }
    }
    pending_ = {};
}

bool RoleTable::share(TermIndex& index, unsigned base, unsigned roles) {
    if (roles > phrase_bits::kMaxMembers || base > phrase_bits::kMaxMembers - roles) return false;
    index.add_shifted(terms_, base);
    shared_ = true;
    base_ = base;
    role_mask_ = roles >= 64 ? ~RoleBits{0} : (RoleBits{1} << roles) - 1;
    return true;
}

}  // namespace phimask::detail
