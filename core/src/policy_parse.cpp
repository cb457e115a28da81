#include "policy_parse.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "ascii.h"
#include "normalize.h"
#include "crypto.h"
#include "generalize.h"
#include "patterns.h"
#include "recognizers/recognizer.h"
#include "validators/validators.h"

namespace phimask::detail {
namespace {

using json = nlohmann::json;

constexpr std::size_t kMaxNameLength = 64;

Status policy_error(std::string message, std::string pointer, std::string detector = {}) {
    return Status(ErrorCode::kPolicy, std::move(message), std::move(pointer), std::move(detector));
}

std::string json_kind(const json& j) {
    if (j.is_null()) return "null";
    if (j.is_boolean()) return "a boolean";
    if (j.is_number()) return "a number";
    if (j.is_string()) return "a string";
    if (j.is_array()) return "an array";
    return "an object";
}

std::string escape_pointer_token(const std::string& token) {
    std::string out;
    for (char c : token) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out.push_back(c);
    }
    return out;
}

bool is_name(const std::string& s, bool upper) {
    if (s.empty() || s.size() > kMaxNameLength) return false;
    for (char c : s) {
        bool ok = (c >= '0' && c <= '9') || c == '_' || (upper ? (c >= 'A' && c <= 'Z') : (c >= 'a' && c <= 'z'));
        if (!ok) return false;
    }
    return !(s[0] >= '0' && s[0] <= '9');
}

std::string normalize_term(const std::string& term) {
    Normalizer normalizer;
    NormalizedText normalized;
    if (!normalizer.normalize(term, normalized)) return term;
    return std::string(normalized.text());
}

/// Typed access to one JSON object's fields, remembering which were read so
/// unknown (misspelt) keys are reported rather than ignored.
class Fields {
public:
    Fields(const json& object, std::string pointer, std::string detector = {})
        : object_(object), pointer_(std::move(pointer)), detector_(std::move(detector)) {}

    std::string at(const std::string& key) const { return pointer_ + "/" + escape_pointer_token(key); }
    const std::string& pointer() const { return pointer_; }
    const std::string& detector() const { return detector_; }
    void set_detector(std::string d) { detector_ = std::move(d); }

    const json* find(const std::string& key) {
        seen_.insert(key);
        auto it = object_.find(key);
        return it == object_.end() ? nullptr : &*it;
    }

    Status string(const std::string& key, std::string& out, bool required) {
        const json* j = find(key);
        if (j == nullptr) return required ? error(key, "is required") : Status{};
        if (!j->is_string()) return error(key, "must be a string, not " + json_kind(*j));
        out = j->get<std::string>();
        return {};
    }

    Status boolean(const std::string& key, bool& out) {
        const json* j = find(key);
        if (j == nullptr) return {};
        if (!j->is_boolean()) return error(key, "must be true or false, not " + json_kind(*j));
        out = j->get<bool>();
        return {};
    }

    Status number(const std::string& key, double& out, double lo, double hi) {
        const json* j = find(key);
        if (j == nullptr) return {};
        return number_value(*j, at(key), out, lo, hi);
    }

    Status number_value(const json& j, const std::string& pointer, double& out, double lo, double hi) const {
        if (!j.is_number()) return policy_error("must be a number, not " + json_kind(j), pointer, detector_);
        double v = j.get<double>();
        if (!std::isfinite(v) || v < lo || v > hi) {
            return policy_error("must be between " + fmt(lo) + " and " + fmt(hi), pointer, detector_);
        }
        out = v;
        return {};
    }

    template <class Int>
    Status integer(const std::string& key, Int& out, long long lo, long long hi) {
        const json* j = find(key);
        if (j == nullptr) return {};
        if (!j->is_number_integer()) return error(key, "must be an integer, not " + json_kind(*j));
        long long v = j->get<long long>();
        if (v < lo || v > hi) return error(key, "must be between " + std::to_string(lo) + " and " + std::to_string(hi));
        out = static_cast<Int>(v);
        return {};
    }

    Status strings(const std::string& key, std::vector<std::string>& out) {
        const json* j = find(key);
        if (j == nullptr) return {};
        return string_array(*j, at(key), out);
    }

    Status string_array(const json& j, const std::string& pointer, std::vector<std::string>& out) const {
        if (!j.is_array()) return policy_error("must be an array of strings, not " + json_kind(j), pointer, detector_);
        for (std::size_t i = 0; i < j.size(); ++i) {
            if (!j[i].is_string() || j[i].get<std::string>().empty()) {
                return policy_error("must be a non-empty string", pointer + "/" + std::to_string(i), detector_);
            }
            out.push_back(j[i].get<std::string>());
        }
        return {};
    }

    /// Fails on the first key that no accessor asked for.
    Status no_unknown_keys() const {
        for (auto it = object_.begin(); it != object_.end(); ++it) {
            if (seen_.count(it.key()) == 0) return policy_error("unknown field", at(it.key()), detector_);
        }
        return {};
    }

    Status error(const std::string& key, const std::string& what) const {
        return policy_error(what, at(key), detector_);
    }

private:
    static std::string fmt(double v) {
        std::ostringstream s;
        s << v;
        return s.str();
    }
    const json& object_;
    std::string pointer_;
    std::string detector_;
    std::set<std::string> seen_;
};

#define PHIMASK_TRY(expr)                \
    do {                                 \
        Status _s = (expr);              \
        if (!_s.ok()) return _s;         \
    } while (false)

/// Generalize has a Safe Harbor form for a few types only; `type` is empty for the
/// default action, which would reach every other type.
Status check_generalize(const ActionSpec& action, const std::string& type, const std::string& pointer,
                        const std::string& detector) {
    if (action.kind != Action::kGeneralize || (!type.empty() && generalize_supports(type))) return {};
    const std::string supported = std::string("generalize is defined only for ") + generalize_supported_types();
    if (type.empty()) return policy_error(supported + ": set it for those types, not as the default", pointer);
    return policy_error(supported + ", not for " + type, pointer, detector);
}

Status parse_action(const json& j, const std::string& pointer, const std::string& detector, ActionSpec& out) {
    auto kind_of = [&](const std::string& name, Action& kind) -> Status {
        static const std::pair<const char*, Action> kKinds[] = {
            {"placeholder", Action::kPlaceholder}, {"mask", Action::kMask}, {"remove", Action::kRemove},
            {"hash", Action::kHash}, {"block", Action::kBlock}, {"generalize", Action::kGeneralize},
            {"token", Action::kToken}, {"surrogate", Action::kSurrogate}};
        for (const auto& [n, k] : kKinds) {
            if (name == n) {
                kind = k;
                return {};
            }
        }
        return policy_error("unknown action '" + name +
                                "' (expected placeholder, mask, remove, hash, block, generalize, token or surrogate)",
                            pointer, detector);
    };
    if (j.is_string()) return kind_of(j.get<std::string>(), out.kind);
    if (!j.is_object()) return policy_error("must be an action name or object, not " + json_kind(j), pointer, detector);
    Fields f(j, pointer, detector);
    std::string name;
    PHIMASK_TRY(f.string("action", name, true));
    PHIMASK_TRY(kind_of(name, out.kind));
    if (out.kind == Action::kMask) {
        PHIMASK_TRY(f.string("char", out.mask_char, false));
        Normalizer n;
        NormalizedText t;
        // Exactly one code point: count UTF-8 lead bytes.
        std::size_t cps = 0;
        for (unsigned char c : out.mask_char) cps += (c & 0xC0) != 0x80;
        if (cps != 1 || !n.normalize(out.mask_char, t) || t.text().empty()) {
            return f.error("char", "must be exactly one character");
        }
        PHIMASK_TRY(f.integer("keep_last", out.keep_last, 0, 64));
    }
    return f.no_unknown_keys();
}

/// Lowercase, NFKC, single spaces: the form context words are matched in.
std::vector<std::string> context_words(const std::vector<std::string>& words) {
    std::vector<std::string> out;
    for (const auto& w : words) {
        std::string norm = ascii_lower(normalize_term(w)), collapsed;
        std::istringstream in(norm);
        for (std::string tok; in >> tok;) collapsed += (collapsed.empty() ? "" : " ") + tok;
        if (!collapsed.empty()) out.push_back(collapsed);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

/// A word list with a window: an array of words, or an object {"words": [...],
/// "window": N} whose further fields `read_more` reads. Leaves `words` in matching form.
template <class ReadMore>
Status parse_word_list(Fields& f, const std::string& key, const json& j, std::vector<std::string>& words,
                       std::size_t& window, ReadMore read_more) {
    std::vector<std::string> raw;
    if (j.is_array()) {
        PHIMASK_TRY(f.string_array(j, f.at(key), raw));
    } else if (j.is_object()) {
        Fields c(j, f.at(key), f.detector());
        PHIMASK_TRY(c.strings("words", raw));
        PHIMASK_TRY(c.integer("window", window, 0, 1000));
        PHIMASK_TRY(read_more(c));
        PHIMASK_TRY(c.no_unknown_keys());
    } else {
        return f.error(key, "must be an array of words or an object, not " + json_kind(j));
    }
    // Lowercase and collapse spaces, so matching can compare token by token.
    words = context_words(raw);
    return {};
}

Status parse_context(Fields& f, ContextSpec& out) {
    if (const json* j = f.find("context")) {
        auto boost_and_required = [&](Fields& c) -> Status {
            Status s = c.number("boost", out.boost, 0.0, 1.0);
            return s.ok() ? c.boolean("required", out.required) : s;
        };
        PHIMASK_TRY(parse_word_list(f, "context", *j, out.words, out.window, boost_and_required));
    }
    PHIMASK_TRY(f.integer("context_window", out.window, 0, 1000));
    if (out.required && out.words.empty()) {
        return f.error("context", "requires context but lists no words");
    }
    return {};
}

Status parse_negative_context(Fields& f, NegativeContextSpec& out) {
    const json* j = f.find("negative_context");
    if (j == nullptr) return {};
    PHIMASK_TRY(parse_word_list(f, "negative_context", *j, out.words, out.window,
                                [&](Fields& c) { return c.number("penalty", out.penalty, 0.0, 1.0); }));
    if (out.words.empty()) return f.error("negative_context", "lists no words");
    return {};
}

/// "lexicons" and "terms" of a recognizer detector: objects from role to names / words.
Status parse_roles(Fields& f, const std::string& key, const RecognizerInfo& info,
                   std::map<std::string, std::vector<std::string>>& out) {
    const json* j = f.find(key);
    if (j == nullptr) return {};
    if (!j->is_object()) return f.error(key, "must be an object from role to an array of strings, not " + json_kind(*j));
    for (auto it = j->begin(); it != j->end(); ++it) {
        const std::string pointer = f.at(key) + "/" + escape_pointer_token(it.key());
        if (role_index(info, it.key()) < 0) {
            std::string known;
            for (const char* r : info.roles) known += (known.empty() ? "" : ", ") + std::string(r);
            return policy_error("recognizer '" + std::string(info.name) + "' has no role '" + it.key() +
                                    "' (roles: " + known + ")",
                                pointer, f.detector());
        }
        std::vector<std::string> values;
        if (it->is_string()) values.push_back(it->get<std::string>());
        else PHIMASK_TRY(f.string_array(*it, pointer, values));
        auto& target = out[it.key()];
        target.insert(target.end(), values.begin(), values.end());
    }
    return {};
}

Status parse_recognizer(Fields& f, DetectorSpec& d) {
    const RecognizerInfo* info = find_recognizer(d.recognizer);
    if (info == nullptr) {
        std::string known;
        for (const auto& r : recognizers()) known += (known.empty() ? "" : ", ") + std::string(r.name);
        return f.error("recognizer", "unknown recognizer '" + d.recognizer + "' (known: " + known + ")");
    }
    PHIMASK_TRY(parse_roles(f, "lexicons", *info, d.lexicons));
    for (const auto& [role, names] : d.lexicons) {
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (!is_name(names[i], false)) {
                return policy_error("a lexicon name must match [a-z_][a-z0-9_]{0,63}",
                                    f.at("lexicons") + "/" + escape_pointer_token(role) + "/" + std::to_string(i),
                                    d.name);
            }
        }
    }
    PHIMASK_TRY(parse_roles(f, "terms", *info, d.terms));
    for (auto& [role, words] : d.terms) {
        for (auto& w : words) w = normalize_term(w);
        std::sort(words.begin(), words.end());
        words.erase(std::unique(words.begin(), words.end()), words.end());
    }
    return {};
}

Status parse_pattern_entry(const json& j, const std::string& pointer, DetectorSpec& d, bool check_regexes) {
    PatternSpec p;
    p.pointer = pointer;
    if (j.is_string()) {
        p.pattern = j.get<std::string>();
    } else if (j.is_object()) {
        Fields f(j, pointer, d.name);
        PHIMASK_TRY(f.string("pattern", p.pattern, true));
        PHIMASK_TRY(f.string("label", p.label, false));
        PHIMASK_TRY(f.string("trailer", p.trailer, false));
        if (f.find("score") != nullptr) {
            double s = 0;
            PHIMASK_TRY(f.number("score", s, 0.0, 1.0));
            p.score = s;
        }
        PHIMASK_TRY(f.no_unknown_keys());
        p.pointer = pointer + "/pattern";
    } else {
        return policy_error("must be a pattern string or object, not " + json_kind(j), pointer, d.name);
    }
    if (p.pattern.empty()) return policy_error("must not be empty", p.pointer, d.name);
    if (check_regexes) PHIMASK_TRY(check_pattern(d, p));
    d.patterns.push_back(std::move(p));
    return {};
}

Status parse_detector(const json& j, const std::string& pointer, DetectorSpec& d, bool check_regexes) {
    if (!j.is_object()) return policy_error("a detector must be an object, not " + json_kind(j), pointer);
    Fields f(j, pointer);
    PHIMASK_TRY(f.string("name", d.name, true));
    if (!is_name(d.name, false)) return f.error("name", "must match [a-z_][a-z0-9_]{0,63}");
    f.set_detector(d.name);
    d.pointer = pointer;
    PHIMASK_TRY(f.string("type", d.type, true));
    if (!is_name(d.type, true)) return f.error("type", "must match [A-Z_][A-Z0-9_]{0,63}");
    PHIMASK_TRY(f.number("score", d.score, 0.0, 1.0));
    PHIMASK_TRY(f.boolean("caseless", d.caseless));
    PHIMASK_TRY(f.string("validator", d.validator, false));
    if (!d.validator.empty() && find_validator(d.validator) == nullptr) {
        std::string known;
        for (auto n : validator_names()) known += (known.empty() ? "" : ", ") + std::string(n);
        return f.error("validator", "unknown validator '" + d.validator + "' (known: " + known + ")");
    }
    PHIMASK_TRY(parse_context(f, d.context));
    PHIMASK_TRY(parse_negative_context(f, d.negative_context));
    PHIMASK_TRY(f.integer("priority", d.priority, -1000, 1000));
    PHIMASK_TRY(f.boolean("merge_adjacent", d.merge_adjacent));
    if (const json* a = f.find("action")) {
        ActionSpec action;
        PHIMASK_TRY(parse_action(*a, f.at("action"), d.name, action));
        PHIMASK_TRY(check_generalize(action, d.type, f.at("action"), d.name));
        d.action = action;
    }
    f.find("examples");  // data for the pack's own tests; no effect on behaviour
    f.find("description");
    const json* one = f.find("pattern");
    const json* many = f.find("patterns");
    PHIMASK_TRY(f.string("recognizer", d.recognizer, false));
    const int kinds = (one != nullptr) + (many != nullptr) + !d.recognizer.empty();
    if (kinds != 1) {
        return policy_error("needs exactly one of \"pattern\", \"patterns\" and \"recognizer\"", pointer, d.name);
    }
    if (!d.recognizer.empty()) {
        PHIMASK_TRY(parse_recognizer(f, d));
    } else if (one != nullptr) {
        if (!one->is_string()) return f.error("pattern", "must be a string, not " + json_kind(*one));
        PHIMASK_TRY(parse_pattern_entry(*one, f.at("pattern"), d, check_regexes));
    } else {
        if (!many->is_array() || many->empty()) return f.error("patterns", "must be a non-empty array");
        for (std::size_t i = 0; i < many->size(); ++i) {
            PHIMASK_TRY(parse_pattern_entry((*many)[i], f.at("patterns") + "/" + std::to_string(i), d, check_regexes));
        }
    }
    return f.no_unknown_keys();
}

Status read_text_file(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status(ErrorCode::kIo, "cannot open " + path);
    std::ostringstream s;
    s << in.rdbuf();
    if (in.bad()) return Status(ErrorCode::kIo, "cannot read " + path);
    out = s.str();
    return {};
}

Status load_pack(const std::string& name, const std::string& pointer, const std::vector<std::string>& dirs,
                 std::vector<DetectorSpec>& out) {
    if (!is_name(name, false)) return policy_error("a pack name must match [a-z_][a-z0-9_]{0,63}", pointer);
    std::string text, path;
    for (const auto& dir : dirs) {
        std::string candidate = dir + "/" + name + ".json";
        if (std::ifstream(candidate).good()) {
            path = candidate;
            break;
        }
    }
    if (path.empty()) {
        std::string searched;
        for (const auto& d : dirs) searched += (searched.empty() ? "" : ":") + d;
        return policy_error("detector pack '" + name + "' not found (searched " + searched + ")", pointer);
    }
    PHIMASK_TRY(read_text_file(path, text));
    const std::string file = name + ".json#";
    json pack = json::parse(text, nullptr, false);
    if (pack.is_discarded()) return policy_error("the pack file is not valid JSON", file);
    if (!pack.is_object()) return policy_error("a pack must be a JSON object", file);
    Fields f(pack, file);
    f.find("pack");
    f.find("version");
    f.find("description");
    f.find("sources");
    const json* detectors = f.find("detectors");
    if (detectors == nullptr || !detectors->is_array()) return f.error("detectors", "must be an array");
    PHIMASK_TRY(f.no_unknown_keys());
    for (std::size_t i = 0; i < detectors->size(); ++i) {
        DetectorSpec d;
                // Packs are read only for policies written by people: always checked.
        PHIMASK_TRY(parse_detector((*detectors)[i], file + "/detectors/" + std::to_string(i), d, /*check_regexes=*/true));
        out.push_back(std::move(d));
    }
    return {};
}

std::shared_ptr<const LexiconData> make_lexicon(const std::vector<std::string>& raw, bool normalize) {
    std::vector<std::string> entries;
    entries.reserve(raw.size());
    for (const auto& entry : raw) {
        std::string collapsed;
        std::istringstream in(normalize ? normalize_term(entry) : entry);
        for (std::string word; in >> word;) collapsed += (collapsed.empty() ? "" : " ") + word;
        if (!collapsed.empty()) entries.push_back(std::move(collapsed));
    }
    std::sort(entries.begin(), entries.end());
    entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
    auto lexicon = std::make_shared<LexiconData>();
    for (const auto& e : entries) lexicon->text.append(e).push_back('\n');
    lexicon->entries = entries.size();
    lexicon->sha256 = to_hex(sha256(lexicon->text), 64);
    return lexicon;
}

Status load_lexicon_file(const std::string& name, const std::vector<std::string>& dirs, const std::string& pointer,
                         const std::string& detector, std::shared_ptr<const LexiconData>& out) {
    for (const auto& dir : dirs) {
        const std::string path = dir + "/lexicons/" + name + ".txt";
        if (!std::ifstream(path).good()) continue;
        std::string text;
        PHIMASK_TRY(read_text_file(path, text));
        std::vector<std::string> lines;
        std::istringstream in(text);
        for (std::string line; std::getline(in, line);) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            lines.push_back(std::move(line));
        }
        out = make_lexicon(lines, /*normalize=*/true);
        return {};
    }
    std::string searched;
    for (const auto& d : dirs) searched += (searched.empty() ? "" : ":") + d + "/lexicons";
    return policy_error("lexicon '" + name + "' not found (searched " + searched + ")", pointer, detector);
}

/// The policy's own "lexicons": name -> array of entries, or (in canonical
/// JSON) {"sha256", "entries"} naming a lexicon whose entries come from
/// `preloaded` (an engine file) or from a lexicon file with that digest.
Status parse_policy_lexicons(Fields& f, const LexiconMap* preloaded, const std::vector<std::string>& dirs,
                             LexiconMap& out) {
    const json* j = f.find("lexicons");
    if (j == nullptr) return {};
    if (!j->is_object()) return f.error("lexicons", "must be an object from lexicon name to an array of entries");
    for (auto it = j->begin(); it != j->end(); ++it) {
        const std::string pointer = f.at("lexicons") + "/" + escape_pointer_token(it.key());
        if (!is_name(it.key(), false)) return policy_error("a lexicon name must match [a-z_][a-z0-9_]{0,63}", pointer);
        if (it->is_object()) {
            Fields d(*it, pointer);
            std::string digest;
            std::size_t entries = 0;
            PHIMASK_TRY(d.string("sha256", digest, true));
            PHIMASK_TRY(d.integer("entries", entries, 0, 100000000));
            PHIMASK_TRY(d.no_unknown_keys());
            std::shared_ptr<const LexiconData> lexicon;
            if (preloaded != nullptr) {
                if (auto found = preloaded->find(it.key()); found != preloaded->end()) lexicon = found->second;
            } else if (!load_lexicon_file(it.key(), dirs, pointer, "", lexicon).ok()) {
                lexicon.reset();
            }
            if (!lexicon || lexicon->sha256 != digest || lexicon->entries != entries) {
                return policy_error("lexicon '" + it.key() + "' is named by digest, but no lexicon with that digest "
                                    "is available (give the entries as an array of strings)",
                                    pointer);
            }
            out[it.key()] = std::move(lexicon);
            continue;
        }
        std::vector<std::string> entries;
        PHIMASK_TRY(f.string_array(*it, pointer, entries));
        out[it.key()] = make_lexicon(entries, /*normalize=*/true);
    }
    return {};
}

/// Gives out.lexicons every lexicon a detector names: the policy's own first, then files.
Status resolve_lexicons(PolicyData& out, const LexiconMap& own, const std::vector<std::string>& dirs) {
    for (const auto& d : out.detectors) {
        for (const auto& [role, names] : d.lexicons) {
            for (std::size_t i = 0; i < names.size(); ++i) {
                const std::string& name = names[i];
                if (out.lexicons.count(name) != 0) continue;
                if (auto it = own.find(name); it != own.end()) {
                    out.lexicons[name] = it->second;
                    continue;
                }
                const std::string pointer = d.pointer + "/lexicons/" + escape_pointer_token(role) + "/" + std::to_string(i);
                PHIMASK_TRY(load_lexicon_file(name, dirs, pointer, d.name, out.lexicons[name]));
            }
        }
    }
    return {};
}

/// When any action is surrogate: the name lexicons surrogates draw from
/// (surrogates.h), the policy's own first, then files. One that cannot be found
/// is left out, and names then get tokens instead.
void add_surrogate_lexicons(PolicyData& out, const LexiconMap& own, const std::vector<std::string>& dirs) {
    if (!out.uses(Action::kSurrogate)) return;
    for (const char* name : {"first_names", "surnames"}) {
        if (out.lexicons.count(name) != 0) continue;
        if (auto it = own.find(name); it != own.end()) {
            out.lexicons[name] = it->second;
            continue;
        }
        std::shared_ptr<const LexiconData> lexicon;
        if (load_lexicon_file(name, dirs, "/actions", "", lexicon).ok() && lexicon) out.lexicons[name] = lexicon;
    }
}

Status expand_deny_lists(PolicyData& out, bool check_regexes) {
    for (const auto& deny : out.deny_lists) {
        DetectorSpec d;
        d.name = "deny_list_" + ascii_lower(deny.type);
        d.type = deny.type;
        d.score = 1.0;
        d.caseless = true;
        d.priority = 1000;
        d.pointer = "/deny_list";
        for (const auto& term : deny.terms) {
            std::string norm = normalize_term(term);
            // \b only where the term itself starts or ends with a word character.
            auto is_word = [](char c) {  // Hyperscan's \b: ASCII letters, digits, '_'
                const auto u = static_cast<unsigned char>(c);
                return c == '_' || (u < 0x80 && is_word_byte(u));
            };
            PatternSpec p;
            p.pattern = (is_word(norm.front()) ? "\\b" : "") + escape_literal(norm) + (is_word(norm.back()) ? "\\b" : "");
            p.pointer = "/deny_list";
            if (check_regexes) PHIMASK_TRY(check_pattern(d, p));
            d.patterns.push_back(std::move(p));
        }
        out.detectors.push_back(std::move(d));
    }
    return {};
}

}  // namespace

Status parse_policy(const std::string& json_text, const std::vector<std::string>& model_dirs, PolicyData& out,
                    bool check_regexes, const LexiconMap* preloaded) {
    json doc = json::parse(json_text, nullptr, false);
    if (doc.is_discarded()) return policy_error("the policy is not valid JSON", "");
    if (!doc.is_object()) return policy_error("a policy must be a JSON object, not " + json_kind(doc), "");
    Fields f(doc, "");

    int format = 1;
    PHIMASK_TRY(f.integer("phimask_policy", format, 1, 1));

    std::vector<std::string> packs{"us_core", "us_names", "us_places"};
    if (f.find("packs") != nullptr) {
        packs.clear();
        PHIMASK_TRY(f.strings("packs", packs));
    }
    for (std::size_t i = 0; i < packs.size(); ++i) {
        PHIMASK_TRY(load_pack(packs[i], f.at("packs") + "/" + std::to_string(i), model_dirs, out.detectors));
    }
    if (const json* custom = f.find("detectors")) {
        if (!custom->is_array()) return f.error("detectors", "must be an array, not " + json_kind(*custom));
        for (std::size_t i = 0; i < custom->size(); ++i) {
            DetectorSpec d;
            PHIMASK_TRY(parse_detector((*custom)[i], f.at("detectors") + "/" + std::to_string(i), d, check_regexes));
            out.detectors.push_back(std::move(d));
        }
    }

    std::set<std::string> names;
    for (const auto& d : out.detectors) {
        if (!names.insert(d.name).second) {
            return policy_error("detector name '" + d.name + "' is used twice", d.pointer + "/name", d.name);
        }
    }

    std::vector<std::string> disabled;
    PHIMASK_TRY(f.strings("disable_detectors", disabled));
    for (std::size_t i = 0; i < disabled.size(); ++i) {
        if (names.count(disabled[i]) == 0) {
            return policy_error("no detector is named '" + disabled[i] + "'",
                                f.at("disable_detectors") + "/" + std::to_string(i));
        }
    }
    std::vector<std::string> types;
    const bool filter_types = f.find("entity_types") != nullptr;
    PHIMASK_TRY(f.strings("entity_types", types));
    for (std::size_t i = 0; i < types.size(); ++i) {
        bool known = std::any_of(out.detectors.begin(), out.detectors.end(),
                                 [&](const DetectorSpec& d) { return d.type == types[i]; });
        if (!known) {
            return policy_error("no detector reports type '" + types[i] + "'",
                                f.at("entity_types") + "/" + std::to_string(i));
        }
    }
    out.detectors.erase(std::remove_if(out.detectors.begin(), out.detectors.end(),
                                       [&](const DetectorSpec& d) {
                                           bool off = std::find(disabled.begin(), disabled.end(), d.name) != disabled.end();
                                           bool type_off = filter_types &&
                                                           std::find(types.begin(), types.end(), d.type) == types.end();
                                           return off || type_off;
                                       }),
                        out.detectors.end());

    LexiconMap own_lexicons;
    PHIMASK_TRY(parse_policy_lexicons(f, preloaded, model_dirs, own_lexicons));
    PHIMASK_TRY(resolve_lexicons(out, own_lexicons, model_dirs));

    if (const json* actions = f.find("actions")) {
        if (!actions->is_object()) return f.error("actions", "must be an object, not " + json_kind(*actions));
        for (auto it = actions->begin(); it != actions->end(); ++it) {
            const std::string pointer = f.at("actions") + "/" + escape_pointer_token(it.key());
            if (it.key() == "default") {
                PHIMASK_TRY(parse_action(*it, pointer, "", out.default_action));
                PHIMASK_TRY(check_generalize(out.default_action, "", pointer, ""));
                continue;
            }
            if (!is_name(it.key(), true)) return policy_error("an entity type must match [A-Z_][A-Z0-9_]*", pointer);
            PHIMASK_TRY(parse_action(*it, pointer, "", out.type_actions[it.key()]));
            PHIMASK_TRY(check_generalize(out.type_actions[it.key()], it.key(), pointer, ""));
        }
    }

    add_surrogate_lexicons(out, own_lexicons, model_dirs);

    PHIMASK_TRY(f.string("placeholder_format", out.placeholder_format, false));
    {
        const auto& p = out.placeholder_format;
        auto first = p.find("TYPE");
        if (first == std::string::npos || p.find("TYPE", first + 1) != std::string::npos || p.size() > 64) {
            return f.error("placeholder_format", "must contain the word TYPE exactly once (e.g. \"{TYPE}\", \"[TYPE]\") "
                                                 "and be at most 64 bytes");
        }
    }
    PHIMASK_TRY(f.number("min_score", out.min_score, 0.0, 1.0));
    if (const json* thresholds = f.find("thresholds")) {
        if (!thresholds->is_object()) return f.error("thresholds", "must be an object, not " + json_kind(*thresholds));
        for (auto it = thresholds->begin(); it != thresholds->end(); ++it) {
            const std::string pointer = f.at("thresholds") + "/" + escape_pointer_token(it.key());
            if (!is_name(it.key(), true)) return policy_error("an entity type must match [A-Z_][A-Z0-9_]*", pointer);
            double v = 0;
            PHIMASK_TRY(f.number_value(*it, pointer, v, 0.0, 1.0));
            out.thresholds[it.key()] = v;
        }
    }

    std::vector<std::string> allow;
    PHIMASK_TRY(f.strings("allow_list", allow));
    for (const auto& a : allow) out.allow_list.insert(ascii_lower(normalize_term(a)));

    if (const json* deny = f.find("deny_list")) {
        if (!deny->is_array()) return f.error("deny_list", "must be an array, not " + json_kind(*deny));
        for (std::size_t i = 0; i < deny->size(); ++i) {
            const std::string pointer = f.at("deny_list") + "/" + std::to_string(i);
            if (!(*deny)[i].is_object()) return policy_error("must be an object {\"type\", \"terms\"}", pointer);
            Fields d((*deny)[i], pointer);
            DenyListSpec spec;
            PHIMASK_TRY(d.string("type", spec.type, true));
            if (!is_name(spec.type, true)) return d.error("type", "must match [A-Z_][A-Z0-9_]{0,63}");
            if (d.find("terms") == nullptr) return d.error("terms", "is required");
            PHIMASK_TRY(d.strings("terms", spec.terms));
            if (spec.terms.empty()) return d.error("terms", "must list at least one term");
            PHIMASK_TRY(d.no_unknown_keys());
            out.deny_lists.push_back(std::move(spec));
        }
    }

    if (const json* hash = f.find("hash")) {
        if (!hash->is_object()) return f.error("hash", "must be an object, not " + json_kind(*hash));
        Fields h(*hash, f.at("hash"));
        PHIMASK_TRY(h.integer("length", out.hash_length, 8, 64));
        PHIMASK_TRY(h.no_unknown_keys());
    }
    PHIMASK_TRY(f.no_unknown_keys());

    out.canonical_json = canonical_policy_json(out);
    return expand_deny_lists(out, check_regexes);
}

namespace {

json action_json(const ActionSpec& a) {
    json j{{"action", action_name(a.kind)}};
    if (a.kind == Action::kMask) {
        j["char"] = a.mask_char;
        j["keep_last"] = a.keep_last;
    }
    return j;
}

}  // namespace

std::string canonical_policy_json(const PolicyData& data) {
    json detectors = json::array();
    for (const auto& d : data.detectors) {
        json patterns = json::array();
        for (const auto& p : d.patterns) {
            json pj{{"pattern", p.pattern}};
            if (!p.label.empty()) pj["label"] = p.label;
            if (!p.trailer.empty()) pj["trailer"] = p.trailer;
            if (p.score) pj["score"] = *p.score;
            patterns.push_back(pj);
        }
        json dj{{"name", d.name},
                {"type", d.type},
                {"score", d.score},
                {"caseless", d.caseless},
                {"context", {{"words", d.context.words}, {"window", d.context.window},
                             {"boost", d.context.boost}, {"required", d.context.required}}},
                {"priority", d.priority},
                {"merge_adjacent", d.merge_adjacent}};
        if (d.recognizer.empty()) {
            dj["patterns"] = patterns;
        } else {
            dj["recognizer"] = d.recognizer;
            dj["lexicons"] = d.lexicons;
            dj["terms"] = d.terms;
        }
        if (!d.negative_context.words.empty()) {
            dj["negative_context"] = {{"words", d.negative_context.words},
                                      {"window", d.negative_context.window},
                                      {"penalty", d.negative_context.penalty}};
        }
        if (!d.validator.empty()) dj["validator"] = d.validator;
        if (d.action) dj["action"] = action_json(*d.action);
        detectors.push_back(dj);
    }
    json actions{{"default", action_json(data.default_action)}};
    for (const auto& [type, a] : data.type_actions) actions[type] = action_json(a);
    std::vector<std::string> allow(data.allow_list.begin(), data.allow_list.end());
    std::sort(allow.begin(), allow.end());
    json deny = json::array();
    for (const auto& d : data.deny_lists) deny.push_back({{"type", d.type}, {"terms", d.terms}});
    json doc{{"phimask_policy", 1},
             {"packs", json::array()},
             {"detectors", detectors},
             {"actions", actions},
             {"placeholder_format", data.placeholder_format},
             {"min_score", data.min_score},
             {"thresholds", data.thresholds},
             {"allow_list", allow},
             {"deny_list", deny},
             {"hash", {{"length", data.hash_length}}}};
    if (!data.lexicons.empty()) {
        json lexicons = json::object();
        for (const auto& [name, lexicon] : data.lexicons) {
            lexicons[name] = {{"sha256", lexicon->sha256}, {"entries", lexicon->entries}};
        }
        doc["lexicons"] = lexicons;
    }
    return doc.dump();
}

}  // namespace phimask::detail
