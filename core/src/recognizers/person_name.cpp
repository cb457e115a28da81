#include "person_name.h"

#include <algorithm>
#include <tuple>

#include "token_view.h"

namespace phimask::detail {
namespace {

enum Role : unsigned {
    kFirst,       ///< given names
    kLast,        ///< surnames
    kCommon,      ///< everyday words: a name only with more evidence
    kExclude,     ///< eponyms and other words never part of a name
    kTitle,       ///< Dr, Mrs, Nurse: the capitalized words after it are a name
    kParticle,    ///< de, van, bin: lowercase inside a name
    kSuffix,      ///< Jr, III: end a name, not part of it
    kCue,         ///< phrases right before a name: "my name is", "son of", "patient"
    kStop,        ///< words that end a name: months, weekdays, "Hospital"
    kEponymAfter,   ///< "disease", "score": the capitalized word before is an eponym
    kEponymBefore,  ///< "signo de": the capitalized word after is an eponym
    kPlace,         ///< city names: a lone given name that is also a place needs more evidence
    kIntro,         ///< "my name is", "i'm": even lowercase name parts after it are a name
    kForeign,       ///< other languages' function words: text around them is not English prose
    kMedicalEnding, ///< "itis", "mab": an unknown word ending so is a medical term
    kCueAfter,      ///< phrases right after a name: "lives at", "shouted"
};

constexpr RoleBits bit(Role r) { return RoleBits{1} << r; }

/// Token indexes of a candidate name, without allocating.
struct Run {
    static constexpr std::size_t kCapacity = 4;
    std::size_t items[kCapacity];
    std::size_t count = 0;
    void push_back(std::size_t i) { items[count++] = i; }
    std::size_t size() const { return count; }
    bool empty() const { return count == 0; }
    std::size_t operator[](std::size_t k) const { return items[k]; }
    std::size_t back() const { return items[count - 1]; }
};

/// What the tokens of a candidate name are, as evidence.
struct Evidence {
    RoleBits roles = 0;
    bool initial = false;
    bool sentence_start = false;
    std::size_t letters = 0;  ///< bytes, which is letters for ASCII

    bool first() const { return (roles & bit(kFirst)) != 0; }
    bool last() const { return (roles & bit(kLast)) != 0; }
    bool common() const { return (roles & bit(kCommon)) != 0; }
    bool strong_first() const { return first() && !common(); }
    bool strong_last() const { return last() && !common(); }
    bool known() const { return first() || last(); }
    bool common_only() const { return common() && !known(); }
    /// A given name that reads as one here: not an everyday word, or one in mid-sentence.
    bool usable_first() const { return first() && (!common() || !sentence_start); }
};

class PersonName final : public Recognizer {
public:
    PersonName(RoleTable table, double score) : table_(std::move(table)), score_(score) {}

    void find(const Words& words, std::vector<Proposal>& out) const override {
        const TokenView v(words, table_);
        std::vector<Found> found;
        std::size_t i = 0;
        while (i < v.size()) i = try_at(v, i, found);
        spread_through_lists(v, found);
        for (const Found& f : found) emit(v, f.first, f.last, proposal_score(f.score, score_), out);
    }

private:
    /// A name found: tokens [first, last] and its score before scaling.
    struct Found {
        std::size_t first;
        std::size_t last;
        double score;
        /// For a name found by spreading through a list: the tokens of the
        /// name it spread from (first, then last); otherwise none.
        std::size_t seed_first = kNone;
        std::size_t seed_last = kNone;
        static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    };

    /// "Monjeau, Graves and Reed": a capitalized word listed with a name is a name.
    void spread_through_lists(const TokenView& v, std::vector<Found>& found) const {
        constexpr RoleBits kNameParts = bit(kFirst) | bit(kLast);
        auto listed = [&](std::size_t j) {
            const RoleBits roles = v.roles(j, kNameParts);
            return name_shaped(v, j, roles) && v[j].shape == Shape::kTitle &&
                   !((roles & bit(kCommon)) != 0 && (roles & kNameParts) == 0) && (roles & bit(kPlace)) == 0;
        };
        // Which tokens already belong to a name: linear in the text, however many names it holds.
        std::vector<bool> in_name(v.size(), false);
        auto mark = [&](const Found& f) {
            for (std::size_t j = f.first; j <= f.last; ++j) in_name[j] = true;
        };
        for (const Found& f : found) mark(f);
        auto taken = [&](std::size_t j) { return static_cast<bool>(in_name[j]); };
        // A neighbour in a list: ", X", " and X", " & X", ", and X" (either direction).
        auto neighbour = [&](std::size_t from, bool forward, std::size_t& to) {
            if (forward) {
                if (from + 1 >= v.size()) return false;
                const std::string_view gap = v.gap_after(from);
                std::size_t j = from + 1;
                if (v.word(j) == "and" || v.word(j) == "or") {
                    if ((gap != " " && gap != ", ") || j + 1 >= v.size() || v.gap_after(j) != " ") return false;
                    ++j;
                } else if (gap != ", " && gap != " & ") {
                    return false;
                }
                to = j;
                return true;
            }
            if (from == 0) return false;
            std::size_t j = from - 1;
            const std::string_view gap = v.gap_after(j);
            if (v.word(j) == "and" || v.word(j) == "or") {
                if (gap != " " || j == 0 || (v.gap_after(j - 1) != " " && v.gap_after(j - 1) != ", ")) return false;
                --j;
            } else if (gap != ", " && gap != " & ") {
                return false;
            }
            to = j;
            return true;
        };
        // "Lamovec and Morales": two capitalized words joined by "and", one of them a known name word.
        for (std::size_t j = 1; j + 1 < v.size(); ++j) {
            if (v.word(j) != "and" || v.gap_after(j - 1) != " " || v.gap_after(j) != " ") continue;
            if (taken(j - 1) || taken(j + 1) || !listed(j - 1) || !listed(j + 1)) continue;
            const RoleBits a = v.roles(j - 1, kNameParts), b = v.roles(j + 1, kNameParts);
            if (((a | b) & kNameParts) == 0) continue;
            found.push_back({j - 1, j - 1, 0.65});
            found.push_back({j + 1, j + 1, 0.65});
            mark(found[found.size() - 2]);
            mark(found.back());
        }
        // A name spreads at most kProposalLookBehind bytes forward and kListBack
        // bytes backward from the name it started from, so that with the seed's
        // own look-ahead no rule reads past kProposalLookAhead (recognizer.h).
        constexpr std::size_t kListBack = 12;
        static_assert(kListBack + 17 <= kProposalLookAhead);  // 17: a trailing space run (whole_line) or a cue after the seed
        auto within_reach = [&](std::size_t seed_first, std::size_t seed_last, std::size_t to, bool forward) {
            return forward ? v[to].start - v[seed_first].start <= kProposalLookBehind
                           : v[seed_last].end - v[to].end <= kListBack;
        };
        for (std::size_t k = 0; k < found.size(); ++k) {
            const bool seed = found[k].seed_first == Found::kNone;
            const std::size_t seed_first = seed ? found[k].first : found[k].seed_first;
            const std::size_t seed_last = seed ? found[k].last : found[k].seed_last;
            for (bool forward : {true, false}) {
                std::size_t at = forward ? found[k].last : found[k].first;
                for (std::size_t to = 0;
                     neighbour(at, forward, to) && !taken(to) && listed(to) &&
                     within_reach(seed_first, seed_last, to, forward);) {
                    found.push_back({to, to, 0.7, seed_first, seed_last});
                    mark(found.back());
                    at = to;
                }
            }
        }
        std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.first < b.first; });
    }

    /// Token i can be part of a name: capitalized, not a word that ends names.
    /// With `titled`, an eponym may be a name too ("Dr. Wells").
    bool name_shaped(const TokenView& v, std::size_t i, RoleBits roles, bool titled = false) const {
        if ((roles & (bit(kStop) | bit(kTitle) | bit(kSuffix))) != 0) return false;
        if ((roles & bit(kExclude)) != 0 && !titled) return false;
        switch (v[i].shape) {
            case Shape::kTitle: return true;
            case Shape::kInitial: return v.word(i) != "I" || v.gap_after(i).substr(0, 1) == ".";
            case Shape::kUpper: return (roles & (bit(kFirst) | bit(kLast))) != 0 && (roles & bit(kCommon)) == 0;
            default: return false;
        }
    }

    /// Tokens of a cue phrase end right before token `first` (only spaces, a
    /// colon or a dash between).
    bool cue_before(const TokenView& v, std::size_t first) const {
        if (first == 0 || !v.may_end_term(first - 1, bit(kCue))) return false;
        const std::size_t prev = first - 1;
        return v.gap_only(prev, ":-,\n\t?", 6) && v.phrase_ending_at(prev, bit(kCue)) != 0;
    }

    /// Tries a name at token i; returns the next token to try.
    std::size_t try_at(const TokenView& v, std::size_t i, std::vector<Found>& out) const {
        const Shape shape = v[i].shape;
        if (shape == Shape::kLower) return lowercase_after_cue(v, i, out);
        if (shape != Shape::kTitle && shape != Shape::kUpper && shape != Shape::kInitial) return i + 1;
        // Titles: "Dr.", "Mrs", "Nurse".
        std::size_t k = i;
        bool titled = false;
        while (k < v.size() && (v.roles(k) & bit(kTitle)) != 0 && v.joined(k, true)) {
            titled = true;
            ++k;
        }
        // The run of name-shaped tokens (particles allowed inside).
        Run run;
        Evidence ev[Run::kCapacity];
        constexpr RoleBits kNameParts = bit(kFirst) | bit(kLast);
        for (std::size_t j = k; j < v.size() && run.size() < Run::kCapacity; ++j) {
            const RoleBits roles = v.roles(j, kNameParts);
            const bool particle = !run.empty() && v[j].shape == Shape::kLower && (roles & bit(kParticle)) != 0 &&
                                  j + 1 < v.size() && v.joined(j, false);
            if (!particle) {
                if (!name_shaped(v, j, roles, titled && run.empty())) break;
                ev[run.size()] = {roles, v[j].shape == Shape::kInitial, v[j].sentence_start, v[j].end - v[j].start};
                run.push_back(j);
            }
            if (!v.joined(j, v[j].shape == Shape::kInitial)) break;
        }
        // A particle never ends a name.
        if (run.empty()) return std::max(k, i + 1);

        // "Smith, John": a surname, a comma, a given name.
        if (run.size() == 1 && ev[0].last() && !ev[0].initial && v.joined(run[0], false, true) &&
            v.gap_after(run[0]).front() == ',') {
            const std::size_t next = run[0] + 1;
            const RoleBits roles = v.roles(next, kNameParts);
            if (name_shaped(v, next, roles) && (roles & bit(kFirst)) != 0 && (roles & bit(kCommon)) == 0) {
                std::size_t end = next;
                if (end + 1 < v.size() && v[end + 1].shape == Shape::kInitial && v.joined(end, false)) ++end;
                out.push_back({run[0], end, 0.8});
                return end + 1;
            }
        }
        std::size_t take = 0;  // how many run tokens form the name
        double score = 0;
        if (titled) {
            take = leading_usable(ev, run.size(), /*allow_unknown=*/true);
            score = 0.95;
        } else if (cue_before(v, k)) {
            take = leading_usable(ev, run.size(), true);
            if (take > 0 && ev[0].common_only()) take = 0;
            score = 0.8;
        }
        if (take == 0) {
            std::tie(take, score) = judge(ev, run.size());
            // The weakest rules (unknown words, lone names) do not apply inside
            // another language's prose or to words shaped like medical terms.
            if (take > 0 && score <= 0.7 && (foreign_near(v, run[0], run[take - 1]) || medical_word(v, run, take))) {
                take = 0;
            }
        }
        if (take == 0 && run.size() >= 2 && whole_line(v, run[0], run.back())) {
            // A line of two or three capitalized words and nothing else, none an everyday word.
            take = run.size() <= 3 && leading_usable(ev, run.size(), true) == run.size() ? run.size() : 0;
            score = 0.6;
        }
        if (take == 0 && !titled && run.size() == 1 && ev[0].letters >= 3 && !ev[0].common() && cue_after(v, run[0])) {
            take = 1;  // "Mehrudin shouted at Todd", "Vsevolod: \"Who are you?\""
            score = 0.7;
        }
        if (take == 0) return i + 1;
        if (!titled && v.eponym(run[0], run[take - 1], bit(kEponymAfter), bit(kEponymBefore))) return run[take - 1] + 1;
        // An all-caps word alone is an acronym ("MI", "GERD") unless a title vouches for it.
        if (take == 1 && !titled && v[run[0]].shape == Shape::kUpper) return i + 1;
        // A title is part of how the name is written ("Dr. Lee"), so it goes too.
        out.push_back({titled ? i : run[0], run[take - 1], score});
        return run[take - 1] + 1;
    }

    /// "my name is lena andersson": after a cue, lowercase given names and surnames.
    std::size_t lowercase_after_cue(const TokenView& v, std::size_t i, std::vector<Found>& out) const {
        constexpr RoleBits kNameParts = bit(kFirst) | bit(kLast);
        if (i == 0 || !v.may_end_term(i - 1, bit(kIntro)) || !cue_before(v, i) ||
            v.phrase_ending_at(i - 1, bit(kIntro)) == 0) {
            return i + 1;
        }
        std::size_t last = i;
        for (std::size_t j = i; j < v.size() && j - i < 3 && v[j].shape == Shape::kLower; ++j) {
            const RoleBits roles = v.roles_any_case(j);
            const bool strong = (roles & kNameParts) != 0 && (roles & (bit(kCommon) | bit(kStop) | bit(kExclude))) == 0;
            if (!strong) break;
            last = j;
            if (!v.joined(j, false)) break;
        }
        const RoleBits first_roles = v.roles_any_case(i);
        if ((first_roles & kNameParts) == 0 || (first_roles & (bit(kCommon) | bit(kStop) | bit(kExclude))) != 0) {
            return i + 1;
        }
        out.push_back({i, last, 0.7});
        return last + 1;
    }

    /// What follows token i marks a person: a phrase such as "lives at" or
    /// "shouted", or a colon opening a quotation (a speaker).
    bool cue_after(const TokenView& v, std::size_t i) const {
        const std::string_view gap = v.gap_after(i);
        if (gap.size() >= 2 && gap[0] == ':' && (gap[1] == '"' || (gap.size() >= 3 && gap[1] == ' ' && gap[2] == '"'))) {
            return true;
        }
        if (i + 1 >= v.size() || gap != " " || !v.may_end_term(i + 1, bit(kCueAfter) | phrase_bits::kPrefix)) return false;
        return v.phrase_starting_at(i + 1, bit(kCueAfter)) != 0;
    }

    bool foreign_near(const TokenView& v, std::size_t first, std::size_t last) const {
        return (first > 0 && (v.roles(first - 1) & bit(kForeign)) != 0) ||
               (last + 1 < v.size() && (v.roles(last + 1) & bit(kForeign)) != 0);
    }
    /// A word of the run that no lexicon knows ends like a medical term ("Cholangitis").
    bool medical_word(const TokenView& v, const Run& run, std::size_t take) const {
        for (std::size_t k = 0; k < take; ++k) {
            if ((v.roles(run[k]) & (bit(kFirst) | bit(kLast))) != 0) continue;
            if (v.ends_with_term(run[k], bit(kMedicalEnding), 7)) return true;
        }
        return false;
    }

    /// The tokens [first, last] are all of their line.
    static bool whole_line(const TokenView& v, std::size_t first, std::size_t last) {
        const std::string_view text = v.text();
        // At most kIndent bytes of indentation or trailing space: what a rule reads stays near the name.
        constexpr std::size_t kIndent = 16;
        std::size_t b = v[first].start;
        while (b > 0 && v[first].start - b < kIndent && (text[b - 1] == ' ' || text[b - 1] == '\t')) --b;
        std::size_t e = v[last].end;
        while (e < text.size() && e - v[last].end < kIndent && (text[e] == ' ' || text[e] == '\t' || text[e] == '.')) {
            ++e;
        }
        return (b == 0 || text[b - 1] == '\n') && (e == text.size() || text[e] == '\n' || text[e] == '\r');
    }

    /// How many leading tokens can be a name once a title or cue vouches for it.
    static std::size_t leading_usable(const Evidence* ev, std::size_t size, bool allow_unknown) {
        std::size_t n = 0;
        while (n < size && (ev[n].known() || ev[n].initial || (allow_unknown && !ev[n].common_only()))) ++n;
        return n;
    }

    /// Names without a title or cue: decided by the lexicons.
    static std::pair<std::size_t, double> judge(const Evidence* ev, std::size_t size) {
        const Evidence& a = ev[0];
        if (size >= 2) {
            // Given name, then surnames, initials, more given names or unknown capitalized words.
            if (a.usable_first() && !a.initial) {
                std::size_t n = 1;
                bool strong_rest = false;
                while (n < size && !ev[n].common_only()) {
                    strong_rest |= ev[n].strong_last() || ev[n].strong_first() || ev[n].initial;
                    ++n;
                }
                if (n >= 2) return {n, a.strong_first() || strong_rest ? 0.9 : 0.7};
            }
            // Name parts only, even everyday words at a sentence start: "Harry Smith was seen".
            if (a.first() && !a.initial && ev[1].last() && !ev[1].initial && (size == 2 || !ev[2].common_only())) {
                std::size_t n = 2;
                while (n < size && (ev[n].known() || ev[n].initial)) ++n;
                return {n, 0.75};
            }
            // "J. Smith": initials, then a surname.
            if (a.initial) {
                std::size_t n = 1;
                while (n < size && ev[n].initial) ++n;
                if (n < size && (ev[n].last() || ev[n].first()) && !ev[n].common_only()) return {n + 1, 0.85};
            }
            // Two surnames or given names that are not everyday words ("Nguyen Tran").
            if ((a.strong_last() || a.strong_first()) && (ev[1].strong_last() || ev[1].strong_first())) return {2, 0.8};
            // Capitalized words in mid-sentence that no lexicon knows and that are
            // no everyday words or places, maybe with an initial: "Hülya Bouwmeester".
            if (!a.sentence_start && !a.initial) {
                std::size_t n = 0, words = 0;
                while (n < size && (ev[n].initial || (!ev[n].common() && (ev[n].roles & bit(kPlace)) == 0 &&
                                                      ev[n].letters >= 3))) {
                    words += !ev[n].initial;
                    ++n;
                }
                if (words >= 2) return {n, 0.6};
            }
        }
        // A lone given name that is no everyday word: "Julie", "Tiffany".
        // Short words at a sentence start are too often another language's
        // articles and pronouns ("La", "Su") to count without more evidence.
        if (a.strong_first() && !a.initial && (a.roles & bit(kPlace)) == 0 && a.letters >= (a.sentence_start ? 4u : 3u)) {
            return {1, a.sentence_start ? 0.6 : 0.7};
        }
        // A lone surname in mid-sentence that is no everyday word or place: "the Christiansen novel".
        if (a.strong_last() && !a.sentence_start && (a.roles & bit(kPlace)) == 0 && a.letters >= 4) return {1, 0.55};
        return {0, 0.0};
    }

    static void emit(const TokenView& v, std::size_t first, std::size_t last, double score, std::vector<Proposal>& out) {
        std::size_t end = v[last].end;
        // An initial keeps its period: "David S."
        if (v[last].shape == Shape::kInitial && end < v.text().size() && v.text()[end] == '.') ++end;
        out.push_back({v[first].start, end, score});
    }

    RoleTable table_;
    double score_;
};

}  // namespace

std::vector<const char*> person_name_roles() {
    return {"first", "last",   "common", "exclude",      "title",
            "particle", "suffix", "cue",  "stop", "eponym_after", "eponym_before", "place",
            "intro", "foreign", "medical_ending", "cue_after"};
}

std::unique_ptr<Recognizer> make_person_name(RoleTable table, double score) {
    return std::make_unique<PersonName>(std::move(table), score);
}

}  // namespace phimask::detail
