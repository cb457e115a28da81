// Overlap resolution: one winner per stretch of text.
#pragma once

#include <vector>

#include "confirm.h"

namespace phimask::detail {

/// Keeps a non-overlapping subset of `hits`, preferring higher detector
/// priority, then the longer span, then the higher score, then the earlier
/// start, then the earlier detector in the policy. Then merges neighbours of
/// the same type whose detectors allow it (merge_adjacent) when nothing or a
/// single space lies between them. Result sorted by start. Deterministic.
void resolve_overlaps(const PolicyData& data, std::string_view original, std::vector<Hit>& hits);

}  // namespace phimask::detail
