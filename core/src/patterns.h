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

/// "(?:label)(?:pattern)" or "(?:pattern)", repeats bounded.
std::string full_expression(const PatternSpec& pattern);

/// Hyperscan flags for a detector's expressions (without SOM / prefilter choices).
unsigned expression_flags(const DetectorSpec& detector);

/// Asks Hyperscan whether the pattern (and its label) compile, and enforces the
/// phimask rules: no empty match, bounded width. Errors are kPolicy naming the
/// pattern's pointer and detector, with Hyperscan's message.
Status check_pattern(const DetectorSpec& detector, const PatternSpec& pattern);

/// Hyperscan-escaped literal (every non-alphanumeric byte as \xHH).
std::string escape_literal(const std::string& text);

}  // namespace phimask::detail
