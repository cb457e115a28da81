// Rewriting the original text: each span replaced by its action's output.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "confirm.h"
#include "phimask/span.h"

namespace phimask::detail {

struct VaultState;

/// Builds `out` from the original text and the resolved hits: spans, summary
/// and (unless a block action fired) the redacted text. Token and surrogate
/// actions number values in `vault`. Returns false if a hash or a surrogate
/// could not be computed (the caller fails closed).
bool apply_actions(const EngineCore& core, std::string_view original, std::string_view normalized,
                   const std::vector<Hit>& hits, VaultState& vault, RedactResult& out);

/// The spans for `hits`, without rewriting (detect()).
void hits_to_spans(const EngineCore& core, const std::vector<Hit>& hits, std::vector<Span>& out);

}  // namespace phimask::detail
