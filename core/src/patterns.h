// How a detector's pattern becomes a Hyperscan expression, and checking one.
#pragma once

#include <string>

#include "phimask/status.h"
#include "policy_data.h"

namespace phimask::detail {

/// Longest match a pattern may have, in normalized bytes. Keeps the scan's
/// look-back windows and chunk overlaps small.
inline constexpr unsigned kMaxPatternWidth = 1024;

/// Open-ended repeats are capped at this many repetitions: `*` -> `{0,64}`,
/// `+` -> `{1,64}`, `{n,}` -> `{n,max(n,64)}`. A bounded longest match is what
/// lets the scan locate starts in short windows and overlap chunks safely.
inline constexpr unsigned kRepeatBound = 64;

/// `regex` with every open-ended repeat bounded (escapes, character classes
/// and \Q...\E quoting are left alone).
std::string bound_repeats(const std::string& regex);

/// "(?:label)(?:pattern)(?:trailer)", absent parts left out, repeats bounded:
/// what the scan databases match.
std::string full_expression(const PatternSpec& pattern);

/// "^(?:label)": run over a candidate from its start, the end of the longest
/// match is where the value starts. Empty when the pattern has no label.
std::string label_expression(const PatternSpec& pattern);

/// "(?:trailer)\z": run with leftmost start of match over a candidate from its
/// value's second byte, the match's start is where the value ends. Empty when
/// the pattern has no trailer.
std::string trailer_expression(const PatternSpec& pattern);

/// JSON pointer of `field` ("label", "trailer") of `pattern`'s entry.
std::string field_pointer(const PatternSpec& pattern, const std::string& field);

/// Hyperscan flags for a detector's expressions (without SOM / prefilter choices).
unsigned expression_flags(const DetectorSpec& detector);

/// Asks Hyperscan whether the pattern, its label and its trailer compile, and
/// enforces the phimask rules: no part matches empty text, bounded width.
/// Errors are kPolicy naming the pointer of the part at fault and the detector,
/// with Hyperscan's message.
Status check_pattern(const DetectorSpec& detector, const PatternSpec& pattern);

/// Hyperscan-escaped literal (every non-alphanumeric byte as \xHH).
std::string escape_literal(const std::string& text);

}  // namespace phimask::detail
