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
};

constexpr RoleBits bit(Role r) { return RoleBits{1} << r; }

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

    void find(std::string_view text, const std::vector<Token>& tokens, std::vector<Proposal>& out) const override {
        const TokenView v(text, tokens, table_);
        std::size_t i = 0;
        while (i < v.size()) i = try_at(v, i, out);
    }

private:
    /// Token i can be part of a name: capitalized, not a word that ends names.
    bool name_shaped(const TokenView& v, std::size_t i, RoleBits roles) const {
        if ((roles & (bit(kExclude) | bit(kStop) | bit(kTitle) | bit(kSuffix))) != 0) return false;
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
        if (first == 0) return false;
        const std::size_t prev = first - 1;
        const std::string_view gap = v.gap_after(prev);
        if (gap.size() > 4) return false;
        for (char c : gap) {
            if (c != ' ' && c != ':' && c != '-' && c != ',' && c != '\n') return false;
        }
        return v.phrase_ending_at(prev, bit(kCue)) != 0;
    }

    /// Tries a name at token i; returns the next token to try.
    std::size_t try_at(const TokenView& v, std::size_t i, std::vector<Proposal>& out) const {
        // Titles: "Dr.", "Mrs", "Nurse".
        std::size_t k = i;
        bool titled = false;
        while (k < v.size() && (v.roles(k) & bit(kTitle)) != 0 && v.joined(k, true)) {
            titled = true;
            ++k;
        }
        const bool cued = cue_before(v, k);
        // The run of name-shaped tokens (particles allowed inside).
        std::vector<std::size_t> run;
        std::vector<Evidence> ev;
        constexpr RoleBits kNameParts = bit(kFirst) | bit(kLast);
        for (std::size_t j = k; j < v.size() && run.size() < 4; ++j) {
            const RoleBits roles = v.roles(j, kNameParts);
            const bool particle = !run.empty() && v[j].shape == Shape::kLower && (roles & bit(kParticle)) != 0 &&
                                  j + 1 < v.size() && v.joined(j, false);
            if (!particle) {
                if (!name_shaped(v, j, roles)) break;
                run.push_back(j);
                ev.push_back({roles, v[j].shape == Shape::kInitial, v[j].sentence_start, v[j].end - v[j].start});
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
                emit(v, run[0], end, 0.8 * score_scale(), out);
                return end + 1;
            }
        }
        std::size_t take = 0;  // how many run tokens form the name
        double score = 0;
        if (titled) {
            take = leading_usable(ev, /*allow_unknown=*/true);
            score = 0.95;
        } else if (cued) {
            take = leading_usable(ev, true);
            if (take > 0 && ev[0].common_only()) take = 0;
            score = 0.8;
        }
        if (take == 0) std::tie(take, score) = judge(ev);
        if (take == 0) return i + 1;
        if (!titled && v.eponym(run[0], run[take - 1], bit(kEponymAfter), bit(kEponymBefore))) return run[take - 1] + 1;
        // An all-caps word alone is an acronym ("MI", "GERD") unless a title vouches for it.
        if (take == 1 && !titled && v[run[0]].shape == Shape::kUpper) return i + 1;
        emit(v, run[0], run[take - 1], score * score_scale(), out);
        return run[take - 1] + 1;
    }

    /// How many leading tokens can be a name once a title or cue vouches for it.
    static std::size_t leading_usable(const std::vector<Evidence>& ev, bool allow_unknown) {
        std::size_t n = 0;
        while (n < ev.size() && (ev[n].known() || ev[n].initial || (allow_unknown && !ev[n].common_only()))) ++n;
        return n;
    }

    /// Names without a title or cue: decided by the lexicons.
    static std::pair<std::size_t, double> judge(const std::vector<Evidence>& ev) {
        const Evidence& a = ev[0];
        if (ev.size() >= 2) {
            // Given name, then surnames, initials, more given names or unknown capitalized words.
            if (a.usable_first() && !a.initial) {
                std::size_t n = 1;
                bool strong_rest = false;
                while (n < ev.size() && !ev[n].common_only()) {
                    strong_rest |= ev[n].strong_last() || ev[n].strong_first() || ev[n].initial;
                    ++n;
                }
                if (n >= 2) return {n, a.strong_first() || strong_rest ? 0.9 : 0.7};
            }
            // Name parts only, even everyday words at a sentence start: "Harry Smith was seen".
            if (a.first() && !a.initial && ev[1].last() && !ev[1].initial && (ev.size() == 2 || !ev[2].common_only())) {
                std::size_t n = 2;
                while (n < ev.size() && (ev[n].known() || ev[n].initial)) ++n;
                return {n, 0.75};
            }
            // "J. Smith": initials, then a surname.
            if (a.initial) {
                std::size_t n = 1;
                while (n < ev.size() && ev[n].initial) ++n;
                if (n < ev.size() && (ev[n].last() || ev[n].first()) && !ev[n].common_only()) return {n + 1, 0.85};
            }
            // Two surnames or given names that are not everyday words ("Nguyen Tran").
            if ((a.strong_last() || a.strong_first()) && (ev[1].strong_last() || ev[1].strong_first())) return {2, 0.8};
        }
        // A lone given name that is no everyday word: "Julie", "Tiffany".
        // Short words at a sentence start are too often another language's
        // articles and pronouns ("La", "Su") to count without more evidence.
        if (a.strong_first() && !a.initial && (a.roles & bit(kPlace)) == 0 && a.letters >= (a.sentence_start ? 4u : 3u)) {
            return {1, a.sentence_start ? 0.6 : 0.7};
        }
        return {0, 0.0};
    }

    double score_scale() const { return score_ / 0.9; }

    static void emit(const TokenView& v, std::size_t first, std::size_t last, double score, std::vector<Proposal>& out) {
        std::size_t end = v[last].end;
        // An initial keeps its period: "David S."
        if (v[last].shape == Shape::kInitial && end < v.text().size() && v.text()[end] == '.') ++end;
        out.push_back({v[first].start, end, std::min(1.0, score)});
    }

    RoleTable table_;
    double score_;
};

}  // namespace

std::vector<const char*> person_name_roles() {
    return {"first", "last",   "common", "exclude",      "title",
            "particle", "suffix", "cue",  "stop", "eponym_after", "eponym_before", "place"};
}

std::unique_ptr<Recognizer> make_person_name(RoleTable table, double score) {
    return std::make_unique<PersonName>(std::move(table), score);
}

}  // namespace phimask::detail
