#include "lexicon.h"

#include <algorithm>

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

template <class Sink>
void KeyTable::for_each_key(std::string_view entry, RoleBits bit, std::vector<std::uint64_t>& words, Sink&& sink) {
    words.clear();
    for (std::size_t i = 0; i < entry.size();) {
        while (i < entry.size() && entry[i] == ' ') ++i;
        std::size_t j = i;
        while (j < entry.size() && entry[j] != ' ') ++j;
        if (j > i) words.push_back(word_key(entry.substr(i, j - i)));
        i = j;
    }
    if (words.empty() || words.size() > phrase_bits::kMaxWords) return;
    std::uint64_t key = words[0];
    for (std::size_t k = 1; k < words.size(); ++k) {
        sink(key, phrase_bits::kPrefix);
        key = combine_keys(key, words[k]);
    }
    sink(key, bit);
    for (std::size_t first = 1; first < words.size(); ++first) {
        std::uint64_t tail = words[first];
        for (std::size_t k = first + 1; k < words.size(); ++k) tail = combine_keys(tail, words[k]);
        sink(tail, phrase_bits::kSuffix);
    }
}

void KeyTable::add(const std::vector<std::string>& entries, unsigned member) {
    if (member >= phrase_bits::kMaxMembers) return;
    std::vector<std::uint64_t> words;
    for (const auto& entry : entries) {
        for_each_key(entry, RoleBits{1} << member, words,
                     [this](std::uint64_t key, RoleBits bits) { pending_.push_back({key, bits}); });
    }
}

void KeyTable::add_shifted(const KeyTable& other, unsigned shift) {
    for (std::size_t i = 0; i < other.capacity(); ++i) {
        const Slot& s = other.slots()[i];
        if (s.bits == 0) continue;
        const RoleBits members = (s.bits & phrase_bits::kMembers) << shift;
        pending_.push_back({s.key, (members & phrase_bits::kMembers) | (s.bits & ~phrase_bits::kMembers)});
    }
}

void KeyTable::allocate(std::size_t keys) {
    // At most 70% full: probes stay short.
    std::size_t capacity = 16;
    while (capacity * 7 < keys * 10) capacity <<= 1;
    memory_ = TableMemory(capacity * sizeof(Slot));
    mask_ = capacity - 1;
}

void KeyTable::insert(std::uint64_t key, RoleBits bits) {
    Slot* slots = this->slots();
    for (std::size_t i = key & mask_;; i = (i + 1) & mask_) {
        Slot& s = slots[i];
        if (s.bits == 0) {
            s = {key, bits};
            return;
        }
        if (s.key == key) {
            s.bits |= bits;
            return;
        }
    }
}

void KeyTable::finish() {
    allocate(pending_.size());
    for (const Slot& p : pending_) insert(p.key, p.bits);
    pending_ = {};
}

void KeyTable::build(const std::vector<std::string_view>& lists) {
    // An entry of w words has at most 2w - 1 keys (itself, w - 1 prefixes, w - 1
    // suffixes): entries plus twice the spaces bounds the count.
    std::size_t keys = 0;
    for (std::string_view list : lists) {
        for (char c : list) keys += c == '\n' ? 1 : c == ' ' ? 2 : 0;
    }
    pending_ = {};
    allocate(keys);
    // Keys land at random places of a table of megabytes: each one's slot is
    // prefetched, and the key inserted a few dozen keys later, when its cache
    // line has arrived.
    constexpr std::size_t kAhead = 32;
    Slot ring[kAhead];
    std::size_t queued = 0;
    const auto sink = [&](std::uint64_t key, RoleBits bits) {
        Slot& next = ring[queued % kAhead];
        if (queued >= kAhead) insert(next.key, next.bits);
        __builtin_prefetch(&slots()[key & mask_], 1);
        next = {key, bits};
        ++queued;
    };
    std::vector<std::uint64_t> words;
    for (unsigned member = 0; member < lists.size() && member < phrase_bits::kMaxMembers; ++member) {
        const std::string_view list = lists[member];
        for (std::size_t i = 0; i < list.size();) {
            std::size_t end = list.find('\n', i);
            if (end == std::string_view::npos) end = list.size();
            for_each_key(list.substr(i, end - i), RoleBits{1} << member, words, sink);
            i = end + 1;
        }
    }
    for (std::size_t k = queued > kAhead ? queued - kAhead : 0; k < queued; ++k) {
        insert(ring[k % kAhead].key, ring[k % kAhead].bits);
    }
}

namespace {

/// No word has a capital letter, and there are at least two words with letters.
bool caseless(const std::vector<Token>& tokens) {
    std::size_t words = 0;
    for (const Token& t : tokens) {
        if (t.shape != Shape::kLower && t.shape != Shape::kNumber && t.shape != Shape::kMixed) return false;
        words += t.shape == Shape::kLower;
    }
    return words >= 2;
}

/// Only spaces lie between tokens a and b (after a one-letter token, a period may come first: "m. jones").
bool spaces_between(std::string_view text, const Token& a, const Token& b) {
    std::size_t i = a.end;
    if (a.end - a.start == 1 && i < b.start && text[i] == '.') ++i;
    if (i >= b.start || b.start - i > 2) return false;
    for (; i < b.start; ++i) {
        if (text[i] != ' ') return false;
    }
    return true;
}

/// Text without capitals: runs of two or more words the lexicons know (no
/// everyday words), maybe with lone letters between them, become capitalized
/// words and initials. A lone known word stays lowercase: in logs it is more
/// often a word like "login" than a name.
void capitalize_known_runs(std::string_view text, std::vector<Token>& tokens, const LexiconIndex& lexicons,
                           const EverydayWords& everyday) {
    enum Kind : std::uint8_t { kPlain, kKnown, kLetter };
    std::vector<std::uint8_t> kind(tokens.size(), kPlain);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        Token& t = tokens[i];
        if (t.shape != Shape::kLower) continue;
        if (t.end - t.start == 1) {
            kind[i] = kLetter;
            continue;
        }
        t.lexicons = lexicons.find(t.key);
        const bool known = (t.lexicons & phrase_bits::kMembers) != 0;
        if (known && (t.lexicons & everyday.lexicons) == 0 && (t.terms & everyday.terms) == 0) kind[i] = kKnown;
    }
    for (std::size_t first = 0; first < tokens.size();) {
        if (kind[first] != kKnown) {
            ++first;
            continue;
        }
        // The run: known words, and single letters with a known word on both sides.
        std::size_t last = first, words = 1;
        while (last + 1 < tokens.size()) {
            std::size_t next = last + 1;
            if (!spaces_between(text, tokens[last], tokens[next])) break;
            if (kind[next] == kLetter && next + 1 < tokens.size() && kind[next + 1] == kKnown &&
                spaces_between(text, tokens[next], tokens[next + 1])) {
                ++next;
            }
            if (kind[next] != kKnown) break;
            last = next;
            ++words;
        }
        if (words >= 2) {
            for (std::size_t k = first; k <= last; ++k) {
                tokens[k].shape = kind[k] == kKnown ? Shape::kTitle : Shape::kInitial;
            }
        }
        first = last + 1;
    }
    for (Token& t : tokens) {
        if (t.shape == Shape::kLower) t.lexicons = 0;  // as in any text: lowercase words carry no lexicons
    }
}

}  // namespace

void look_up_tokens(std::string_view text, std::vector<Token>& tokens, const LexiconIndex& lexicons,
                    const TermIndex& terms, const EverydayWords& everyday) {
    for (Token& t : tokens) {
        t.terms = terms.find(t.key);
        if (t.shape == Shape::kTitle || t.shape == Shape::kUpper) t.lexicons = lexicons.find(t.key);
    }
    if (caseless(tokens)) capitalize_known_runs(text, tokens, lexicons, everyday);
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
