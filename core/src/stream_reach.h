// How far the engine reads around a stretch of text to decide it: what a
// stream must keep after and before the part it releases (phimask/stream.h).
#pragma once

#include <cstddef>

#include "engine_core.h"

namespace phimask::detail {

/// Bytes of normalized text.
struct StreamReach {
    /// From any position, the most text after it that decides a hit starting
    /// there: the widest match, its context window and the byte that closes
    /// a word boundary, or a recognizer's longest proposal and its look-ahead.
    std::size_t ahead = 0;
    /// The most text before a hit that decides it (context, titles, cues, a
    /// name listed earlier).
    std::size_t behind = 0;
    /// The widest hit.
    std::size_t widest = 0;

    /// The hold-back bound: a hit as wide as `widest` that straddles the
    /// point `ahead` bytes before the end is held whole.
    std::size_t hold_back() const { return ahead + widest + 1; }
};

StreamReach stream_reach(const EngineCore& core);

}  // namespace phimask::detail
