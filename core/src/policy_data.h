// The resolved policy: what Policy::from_json produces and the engine compiles.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "phimask/span.h"

namespace phimask::detail {

struct ActionSpec {
    Action kind = Action::kPlaceholder;
    std::string mask_char = "*";  ///< one UTF-8 character
    std::size_t keep_last = 0;    ///< mask: trailing characters left visible
};

struct ContextSpec {
    std::vector<std::string> words;  ///< lowercase, single spaces
    std::size_t window = 40;         ///< characters before the start and after the end
    double boost = 0.35;
    bool required = false;
};

/// Words that, found near a candidate, lower its score by `penalty` (1 drops it).
struct NegativeContextSpec {
    std::vector<std::string> words;  ///< lowercase, single spaces
    std::size_t window = 40;
    double penalty = 1.0;
};

/// A word list: from models/lexicons/<name>.txt, from the policy's own
/// "lexicons", or from an engine file. Entries are NFKC, trimmed, unique,
/// sorted, and kept as one text (each entry followed by '\n'), the form the
/// engine file stores and the lexicon index reads: loading an engine copies one
/// block of bytes instead of building a string per entry.
struct LexiconData {
    std::string text;        ///< the entries, each followed by '\n'
    std::size_t entries = 0;
    std::string sha256;      ///< hex digest of text
};

struct PatternSpec {
    std::string pattern;      ///< the value
    std::string label;        ///< optional; matched right before the value, not part of the span
    std::string trailer;      ///< optional; matched right after the value, not part of the span
    std::optional<double> score;
    std::string pointer;      ///< JSON pointer of this pattern, for errors
};

struct DetectorSpec {
    std::string name;
    std::string type;
    std::vector<PatternSpec> patterns;
    double score = 0.5;
    bool caseless = false;
    std::string validator;
    ContextSpec context;
    NegativeContextSpec negative_context;
    std::string recognizer;  ///< a C++ recognizer by name; set instead of patterns
    std::map<std::string, std::vector<std::string>> lexicons;  ///< recognizer role -> lexicon names
    std::map<std::string, std::vector<std::string>> terms;     ///< recognizer role -> inline words
    int priority = 0;
    bool merge_adjacent = false;
    std::optional<ActionSpec> action;
    std::string pointer;  ///< JSON pointer of this detector, for errors
};

struct DenyListSpec {
    std::string type;
    std::vector<std::string> terms;
};

struct PolicyData {
    std::vector<DetectorSpec> detectors;  ///< packs expanded, deny-lists included
    std::map<std::string, ActionSpec> type_actions;
    ActionSpec default_action;
    std::string placeholder_format = "{TYPE}";
    double min_score = 0.5;
    std::map<std::string, double> thresholds;
    std::unordered_set<std::string> allow_list;  ///< normalized, lowercase
    std::vector<DenyListSpec> deny_lists;
    std::map<std::string, std::shared_ptr<const LexiconData>> lexicons;  ///< by name, those detectors use
    std::size_t hash_length = 16;  ///< hex digits of the HMAC kept

    std::string canonical_json;
    std::string version;

    const ActionSpec& action_for(const DetectorSpec& detector) const {
        if (detector.action) return *detector.action;
        auto it = type_actions.find(detector.type);
        return it == type_actions.end() ? default_action : it->second;
    }
    /// Whether any action (default, per type, per detector) is `kind`.
    bool uses(Action kind) const {
        bool used = default_action.kind == kind;
        for (const auto& [type, action] : type_actions) used |= action.kind == kind;
        for (const auto& d : detectors) used |= d.action && d.action->kind == kind;
        return used;
    }
    double threshold_for(const std::string& type) const {
        auto it = thresholds.find(type);
        return it == thresholds.end() ? min_score : it->second;
    }
};

}  // namespace phimask::detail

#include <memory>

#include "phimask/policy.h"

namespace phimask::detail {

/// Builds Policy objects from resolved data (the engine file loader needs this).
struct PolicyAccess {
    static Policy make(std::shared_ptr<const PolicyData> data) { return Policy(std::move(data)); }
};

}  // namespace phimask::detail
