#include "places.h"

#include <algorithm>

#include "token_view.h"

namespace phimask::detail {
namespace {

constexpr RoleBits bit(unsigned role) { return RoleBits{1} << role; }

bool capitalized(const Token& t) {
    return t.shape == Shape::kTitle || t.shape == Shape::kUpper || t.shape == Shape::kInitial;
}

// ---------------------------------------------------------------------------
// Cities: a city from the lexicon, with a state after it, a cue before it, or
// a name that is no everyday word.

enum CityRole : unsigned { kCity, kState, kCityCommon, kCityCue, kCityStop, kCityEponymAfter, kCityEponymBefore };

class City final : public Recognizer {
public:
    City(RoleTable table, double score) : table_(std::move(table)), score_(score) {}

    void find(const Words& words, std::vector<Proposal>& out) const override {
        const TokenView v(words, table_);
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (!capitalized(v[i]) || v[i].shape == Shape::kInitial) continue;
            const std::size_t n = v.phrase_starting_at(i, bit(kCity));
            if (n == 0) continue;
            const std::size_t last = i + n - 1;
            if (!capitalized(v[last])) continue;
            const RoleBits roles = v.phrase_roles(i, n);
            if ((roles & bit(kCityStop)) != 0) continue;
            double score = 0;
            if (state_after(v, last)) score = 0.9;
            else if (cue_before(v, i)) score = (roles & bit(kCityCommon)) != 0 && n == 1 ? 0.6 : 0.85;
            else if ((roles & (bit(kCityCommon) | bit(kState))) == 0 && v[i].shape == Shape::kTitle) score = 0.7;
            if (score == 0 || v.eponym(i, last, bit(kCityEponymAfter), bit(kCityEponymBefore))) continue;
            out.push_back({v[i].start, v[last].end, proposal_score(score, score_)});
            i = last;
        }
    }

private:
    bool state_after(const TokenView& v, std::size_t last) const {
        if (!v.gap_only(last, ",")) return false;
        const std::size_t n = v.phrase_starting_at(last + 1, bit(kState));
        return n != 0 && capitalized(v[last + 1]);
    }
    bool cue_before(const TokenView& v, std::size_t first) const {
        return first > 0 && v.may_end_term(first - 1, bit(kCityCue)) && v.gap_only(first - 1, ":,") &&
               v.phrase_ending_at(first - 1, bit(kCityCue)) != 0;
    }

    RoleTable table_;
    double score_;
};

// ---------------------------------------------------------------------------
// Named places: "St. Mary's Hospital", "Elm Clinic", "Cook County", and a
// proper name right after "seen at" / "admitted to".

enum PlaceRole : unsigned {
    kHead, kRegion, kConnector, kPlaceCity, kPlaceState, kPlaceCue, kPlaceStop, kPlaceCommon
};

class NamedPlace final : public Recognizer {
public:
    NamedPlace(RoleTable table, double score) : table_(std::move(table)), score_(score) {}

    void find(const Words& words, std::vector<Proposal>& out) const override {
        const TokenView v(words, table_);
        std::size_t done = 0;  // tokens before this are already in a proposal
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (i < done) continue;
            // A proper name after a cue: "seen at Cedar Crest".
            if (capitalized(v[i]) && cue_before(v, i)) {
                std::size_t last = i;
                while (last - i < 4 && modifier(v, last) && linked(v, last) && last + 1 < v.size() &&
                       modifier(v, last + 1) && capitalized(v[last + 1])) {
                    ++last;
                }
                // "at Home": one everyday word is no place.
                const bool everyday = last == i && (v.roles(i) & bit(kPlaceCommon)) != 0;
                if (modifier(v, i) && !everyday) {
                    const std::size_t head = head_within(v, i, last);
                    if (head == kNone) {
                        const std::size_t end = extend_location(v, last);
                        emit(v, i, end, 0.7, out);
                        done = end + 1;
                        continue;
                    }
                }
            }
            // A head is capitalized, or lowercase right after a capitalized name ("Dallas clinic").
            if (!capitalized(v[i]) &&
                (i == 0 || !capitalized(v[i - 1]) || v[i].shape != Shape::kLower || !v.joined(i - 1, true))) {
                continue;
            }
            const std::size_t head_len = v.phrase_starting_at(i, bit(kHead) | bit(kRegion));
            if (head_len == 0) continue;
            const bool region = (v.phrase_roles(i, head_len) & bit(kRegion)) != 0;
            // Modifiers before the head: capitalized words and connectors, back to the first capitalized one.
            std::size_t first = i;
            while (first > done && i - first < 5 && linked(v, first - 1) && modifier(v, first - 1)) {
                --first;
            }
            while (first < i && !capitalized(v[first])) ++first;  // no leading "the", "of"
            std::size_t last = i + head_len - 1;
            // "Hospital of the University of Pennsylvania", "Children's Hospital of Atlanta".
            if (!region) last = extend_of(v, last);
            if (first == i && last == i + head_len - 1) continue;  // a bare "Hospital" names nothing
            if (!region) last = extend_location(v, last);
            emit(v, first, last, region ? 0.85 : 0.9, out);
            done = last + 1;
            i = last;
        }
    }

private:
    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

    /// Tokens i and i + 1 belong to one name: spaces, maybe after "'s" or a
    /// period, or " & " ("Brigham & Women's").
    static bool linked(const TokenView& v, std::size_t i) {
        if (v.joined(i, true, false, false, true)) return true;
        const std::string_view g = v.gap_after(i);
        return g == " & " || g == "&";
    }
    bool modifier(const TokenView& v, std::size_t i) const {
        const RoleBits roles = v.roles(i);
        if ((roles & bit(kPlaceStop)) != 0) return false;
        if (v[i].shape == Shape::kLower) return (roles & bit(kConnector)) != 0;
        // "Resident of ...": an everyday word capitalized only because it starts the sentence.
        if (v[i].sentence_start && (roles & bit(kPlaceCommon)) != 0) return false;
        return v[i].shape != Shape::kNumber;
    }
    std::size_t head_within(const TokenView& v, std::size_t first, std::size_t last) const {
        for (std::size_t k = first; k <= last; ++k) {
            if (v.phrase_starting_at(k, bit(kHead) | bit(kRegion)) != 0) return k;
        }
        return kNone;
    }
    bool cue_before(const TokenView& v, std::size_t first) const {
        if (first == 0) return false;
        std::size_t prev = first - 1;
        // "admitted to the Mercy ..."
        if (v.word(prev) == "the" && prev > 0 && v.gap_only(prev, "")) --prev;
        return v.may_end_term(prev, bit(kPlaceCue)) && v.gap_only(prev, "") &&
               v.phrase_ending_at(prev, bit(kPlaceCue)) != 0;
    }
    /// "of" + capitalized words after a head.
    std::size_t extend_of(const TokenView& v, std::size_t last) const {
        if (last + 2 >= v.size() || v.word(last + 1) != "of" || !v.joined(last, false) || !v.joined(last + 1, false)) {
            return last;
        }
        std::size_t k = last + 2;
        if (v.word(k) == "the" && v.joined(k, false) && k + 1 < v.size()) ++k;
        if (!capitalized(v[k]) || !modifier(v, k)) return last;
        std::size_t end = k;
        while (end - k < 3 && v.joined(end, false, false, false, true) && end + 1 < v.size() && capitalized(v[end + 1]) &&
               modifier(v, end + 1)) {
            ++end;
        }
        return end;
    }
    /// ", Los Angeles", " in Baltimore", ", NY" after a place name.
    std::size_t extend_location(const TokenView& v, std::size_t last) const {
        std::size_t k = last + 1;
        if (k >= v.size()) return last;
        if (v.word(k) == "in" && v.gap_only(last, "") && v.gap_only(k, "")) ++k;
        else if (!v.gap_only(last, ",")) return last;
        if (k >= v.size() || !capitalized(v[k])) return last;
        std::size_t n = v.phrase_starting_at(k, bit(kPlaceCity));
        if (n == 0) n = v.phrase_starting_at(k, bit(kPlaceState));
        return n == 0 ? last : k + n - 1;
    }
    void emit(const TokenView& v, std::size_t first, std::size_t last, double score, std::vector<Proposal>& out) const {
        out.push_back({v[first].start, v[last].end, proposal_score(score, score_)});
    }

    RoleTable table_;
    double score_;
};

// ---------------------------------------------------------------------------
// Street addresses: "1234 N. Elm Street, Apt 4B, Springfield, IL 62704",
// "63 Rue de Kairouan", "Calle Mayor 12", and whatever follows "lives at"
// when it holds a number.

enum AddressRole : unsigned {
    kSuffix, kPrefix, kUnit, kDirection, kAddrConnector, kAddrCity, kAddrState, kAddrCue, kAddrStop, kEnding, kUnitAlone
};

class StreetAddress final : public Recognizer {
public:
    StreetAddress(RoleTable table, double score) : table_(std::move(table)), score_(score) {}

    void find(const Words& words, std::vector<Proposal>& out) const override {
        const TokenView v(words, table_);
        std::size_t done = 0;  // tokens before this are in a proposal
        for (std::size_t i = 0; i < v.size(); ++i) {
            // Every address starts with a number, a capitalized word, a street name
            // before its number, or an abbreviated street type ("ul. Północna 73").
            const bool number = house_number(v, i);
            if (!number && !capitalized(v[i]) && !(i + 1 < v.size() && house_number(v, i + 1)) &&
                !abbreviated_prefix(v, i)) {
                continue;
            }
            std::size_t last = 0;
            double score = 0;
            if (number && (last = street_after_number(v, i)) != 0) {
                score = 0.9;
            } else if ((last = street_before_number(v, i)) != 0) {
                score = 0.8;
            } else if ((last = unit_at(v, i)) != 0) {
                score = 0.8;
            } else if (number && (last = postcode_city(v, i)) != 0) {
                score = 0.8;
            } else if (cue_before(v, i) && (last = until_sentence_end(v, i)) != 0) {
                score = 0.75;
            } else {
                continue;
            }
            last = extend_tail(v, last);
            // A number right before the street ("45818 Laukaantie 80") belongs to the address.
            std::size_t first = i;
            if (first > done && house_number(v, first - 1) && v.gap_only(first - 1, "")) --first;
            out.push_back({v[first].start, v[last].end, proposal_score(score, score_)});
            i = last;
            done = last + 1;
        }
    }

private:
    static bool house_number(const TokenView& v, std::size_t i) {
        const Token& t = v[i];
        if (t.shape != Shape::kNumber && t.shape != Shape::kMixed) return false;
        if (t.end - t.start > 6) return false;
        const char c = t.start > 0 ? v.text()[t.start - 1] : ' ';
        return c == ' ' || c == '\n' || c == '(' || c == ',' || c == '"' || c == '\t';
    }
    bool name_word(const TokenView& v, std::size_t i) const {
        const RoleBits roles = v.roles(i);
        if ((roles & bit(kAddrStop)) != 0) return false;
        if (v[i].shape == Shape::kLower) return (roles & bit(kAddrConnector)) != 0;
        return true;
    }
    /// "1234 [N.] Elm Street": returns the suffix's token, or 0.
    std::size_t street_after_number(const TokenView& v, std::size_t i) const {
        // Most numbers are doses and counts ("500 mg"): a street name starts
        // capitalized, as an ordinal ("5th"), or with a street word.
        if (i + 1 >= v.size()) return 0;
        const Shape next = v[i + 1].shape;
        if (next == Shape::kNumber ||
            (next == Shape::kLower && (v.roles(i + 1) & (bit(kPrefix) | bit(kDirection) | bit(kSuffix))) == 0)) {
            return 0;
        }
        std::size_t k = i;
        std::size_t words = 0;
        while (k + 1 < v.size() && words < 5 && v.joined(k, true)) {
            ++k;
            const RoleBits roles = v.roles(k);
            const bool lower = v[k].shape == Shape::kLower;
            if ((roles & bit(kSuffix)) != 0 && words > 0 && (!lower || all_lower(v, i, k))) return k;
            if ((roles & bit(kPrefix)) != 0 && words == 0) {
                // "63 Rue de Kairouan": a street type first, then its name.
                std::size_t end = k;
                // After a street type any word is part of the name ("31 Rue tachkent").
                auto word = [&](std::size_t j) {
                    return v[j].shape != Shape::kNumber && (v.roles(j) & bit(kAddrStop)) == 0;
                };
                while (end + 1 < v.size() && end - k < 4 && v.joined(end, false) && word(end + 1)) ++end;
                return end > k ? end : 0;
            }
            if (!name_word(v, k) && !(lower && all_lower(v, i, k))) return 0;
            ++words;
        }
        return 0;
    }
    /// "08035 Barcelona", "41003. Sevilla": a postcode of four or five digits before a city.
    std::size_t postcode_city(const TokenView& v, std::size_t i) const {
        const std::size_t digits = v[i].end - v[i].start;
        if (v[i].shape != Shape::kNumber || digits < 4 || digits > 5 || i + 1 >= v.size()) return 0;
        const std::string_view gap = v.gap_after(i);
        if (gap != " " && gap != ". " && gap != ", " && gap != "., ") return 0;
        if (!capitalized(v[i + 1])) return 0;
        const std::size_t city = v.phrase_starting_at(i + 1, bit(kAddrCity));
        return city == 0 ? 0 : i + city;
    }
    /// "Suite 501", "Apt. 4B" on their own.
    std::size_t unit_at(const TokenView& v, std::size_t i) const {
        if (!capitalized(v[i]) || i + 1 >= v.size() || (v.roles(i) & bit(kUnitAlone)) == 0) return 0;
        if (!v.gap_only(i, ".#") || !house_number(v, i + 1)) return 0;
        return i + 1;
    }
    /// The word ends like a street name in many languages ("Wingertweg", "Søndergade").
    bool street_ending(const TokenView& v, std::size_t i) const {
        return v.ends_with_term(i, bit(kEnding), 6);
    }
    /// A lowercase street type with a period: "ul.", "avda.".
    bool abbreviated_prefix(const TokenView& v, std::size_t i) const {
        return v[i].shape == Shape::kLower && i + 1 < v.size() && v.gap_after(i) == ". " &&
               (v.roles(i) & bit(kPrefix)) != 0;
    }
    /// "Calle Mayor 12", "Rue de la Paix 5": a street type, its name, then the
    /// number; or one word ending like a street name, then the number.
    std::size_t street_before_number(const TokenView& v, std::size_t i) const {
        if (!capitalized(v[i]) && v[i].shape != Shape::kLower) return 0;
        if (i + 1 < v.size() && house_number(v, i + 1) && v.joined(i, false) && street_ending(v, i)) return i + 1;
        // A street type, capitalized, or abbreviated in lowercase before a capitalized name ("ul. Północna 73").
        if ((v.roles(i) & bit(kPrefix)) == 0) return 0;
        if (!capitalized(v[i]) && !(abbreviated_prefix(v, i) && capitalized(v[i + 1]))) return 0;
        std::size_t k = i;
        for (std::size_t words = 0; k + 1 < v.size() && words < 5 && v.joined(k, true); ++words) {
            ++k;
            if (house_number(v, k)) return words > 0 ? k : 0;
            if (!name_word(v, k)) return 0;
        }
        return 0;
    }
    static bool all_lower(const TokenView& v, std::size_t first, std::size_t last) {
        for (std::size_t k = first; k <= last; ++k) {
            if (capitalized(v[k])) return false;
        }
        return true;
    }
    bool cue_before(const TokenView& v, std::size_t first) const {
        if (first == 0 || !(house_number(v, first) || capitalized(v[first]))) return false;
        return v.may_end_term(first - 1, bit(kAddrCue)) && v.gap_only(first - 1, ":\n") &&
               v.phrase_ending_at(first - 1, bit(kAddrCue)) != 0;
    }
    /// After a cue: the words up to the end of the sentence, if a number is among them.
    static std::size_t until_sentence_end(const TokenView& v, std::size_t i) {
        bool number = false;
        std::size_t last = i;
        for (std::size_t k = i; k < v.size() && v[k].end - v[i].start < 160; ++k) {
            number |= v[k].shape == Shape::kNumber || v[k].shape == Shape::kMixed;
            last = k;
            const std::string_view gap = v.gap_after(k);
            const bool stop = k + 1 >= v.size() || gap.find_first_of("?!;()") != std::string_view::npos ||
                              gap.find("\n\n") != std::string_view::npos ||
                              (gap.find('.') != std::string_view::npos && gap.size() > 1 && gap[0] == '.' &&
                               (k + 1 >= v.size() || v[k + 1].shape != Shape::kLower || gap.find('\n') != std::string_view::npos) &&
                               !(v[k].shape == Shape::kInitial || v[k].end - v[k].start <= 3));
            if (stop) break;
        }
        return number ? last : 0;
    }
    /// Unit, city, state and ZIP after the street: ", Apt 4B, Springfield, IL 62704".
    std::size_t extend_tail(const TokenView& v, std::size_t last) const {
        // Unit: "Apt 4B", "Suite 413", "#12".
        if (last + 2 < v.size() && v.gap_only(last, ",.\n#") && (v.roles(last + 1) & bit(kUnit)) != 0 &&
            v.gap_only(last + 1, ".#")) {
            last += 2;
        } else if (last + 1 < v.size() && v.gap_after(last).find('#') != std::string_view::npos &&
                   v.gap_only(last, ",#") && (v[last + 1].shape == Shape::kNumber || v[last + 1].shape == Shape::kMixed)) {
            last += 1;
        }
        // City, then state and ZIP.
        std::size_t k = last + 1;
        if (k < v.size() && v.gap_only(last, ",\n") && capitalized(v[k])) {
            std::size_t city = v.phrase_starting_at(k, bit(kAddrCity));
            if (city == 0) {
                // An unknown town is taken when a state follows it.
                std::size_t end = k;
                while (end + 1 < v.size() && end - k < 2 && v.joined(end, false) && capitalized(v[end + 1])) ++end;
                if (state_at(v, end + 1, end)) city = end - k + 1;
            }
            if (city != 0) last = k + city - 1;
        }
        if (std::size_t s = state_at(v, last + 1, last); s != 0) last += s;
        if (last + 1 < v.size() && v.gap_only(last, ",\n") && v[last + 1].shape == Shape::kNumber &&
            v[last + 1].end - v[last + 1].start == 5) {
            ++last;
            if (last + 1 < v.size() && v.gap_after(last) == "-" && v[last + 1].end - v[last + 1].start == 4) ++last;
        }
        return last;
    }
    /// Tokens of a state name or code at token k (after token prev), or 0.
    std::size_t state_at(const TokenView& v, std::size_t k, std::size_t prev) const {
        if (k >= v.size() || !v.gap_only(prev, ",\n") || !capitalized(v[k])) return 0;
        return v.phrase_starting_at(k, bit(kAddrState));
    }

    RoleTable table_;
    double score_;
};

}  // namespace

std::vector<const char*> city_roles() {
    return {"city", "state", "common", "cue", "stop", "eponym_after", "eponym_before"};
}
std::unique_ptr<Recognizer> make_city(RoleTable table, double score) {
    return std::make_unique<City>(std::move(table), score);
}

std::vector<const char*> named_place_roles() {
    return {"head", "region", "connector", "city", "state", "cue", "stop", "common"};
}
std::unique_ptr<Recognizer> make_named_place(RoleTable table, double score) {
    return std::make_unique<NamedPlace>(std::move(table), score);
}

std::vector<const char*> street_address_roles() {
    return {"suffix", "prefix", "unit", "direction", "connector", "city", "state", "cue", "stop", "ending", "unit_alone"};
}
std::unique_ptr<Recognizer> make_street_address(RoleTable table, double score) {
    return std::make_unique<StreetAddress>(std::move(table), score);
}

}  // namespace phimask::detail
