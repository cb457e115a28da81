// Recognizers: detectors written in C++ over word tokens and lexicons, for
// entities no regular expression describes well (names, places, addresses).
// A pack configures one with a "recognizer" name, "lexicons" and "terms" per role.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "../lexicon.h"
#include "../tokens.h"

namespace phimask::detail {

/// A span a recognizer proposes over normalized text, with its score.
struct Proposal {
    std::size_t start;
    std::size_t end;
    double score;
};

/// What recognizers read: normalized text, its tokens (from tokenize(), with
/// Token::lexicons filled in), and the engine's lexicons for phrase lookups.
struct Words {
    std::string_view text;
    const std::vector<Token>& tokens;
    const LexiconIndex& lexicons;
};

/// Locality of every recognizer, so that a stream (phimask/stream.h) can decide
/// a stretch of text from a bounded window around it (bytes of normalized text):
///  - a proposal never spans more than kMaxProposalBytes (confirm_proposals
///    cuts a longer one at its last space or comma within the limit);
///  - no rule reads more than kProposalLookAhead bytes past a proposal's end
///    to decide it (a phrase such as "lives at", the end of its line, a name
///    listed after it) or more than kProposalLookBehind bytes before its start
///    (a title, a cue, a name listed before it).
/// Words longer than the look-ahead, and runs of punctuation longer than the
/// look-behind before a word (read for sentence starts), are the exceptions.
inline constexpr std::size_t kMaxProposalBytes = 96;
inline constexpr std::size_t kProposalLookAhead = 32;
inline constexpr std::size_t kProposalLookBehind = 96;

/// A proposal's score: rules rate their `certainty` with 0.9 for the most
/// certain, and the detector's `score` sets what that most certain rule scores.
inline double proposal_score(double certainty, double detector_score) {
    const double s = certainty * detector_score / 0.9;
    return s < 1.0 ? s : 1.0;
}

/// Thread-safe after construction: find() may run concurrently.
class Recognizer {
public:
    virtual ~Recognizer() = default;
    /// Appends proposals for the text of `words`.
    virtual void find(const Words& words, std::vector<Proposal>& out) const = 0;
};

/// One registered recognizer: its name, the roles its lexicons and terms may
/// fill (bit i of a RoleTable entry = roles[i]), and how to build it.
struct RecognizerInfo {
    const char* name;
    std::vector<const char*> roles;
    std::unique_ptr<Recognizer> (*make)(RoleTable table, double score);
};

/// The registered recognizers, in a stable order.
const std::vector<RecognizerInfo>& recognizers();
/// nullptr when no recognizer has that name.
const RecognizerInfo* find_recognizer(std::string_view name);
/// Index of `role` in info.roles, or -1.
int role_index(const RecognizerInfo& info, std::string_view role);

}  // namespace phimask::detail
