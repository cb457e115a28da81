// The values JavaScript callers get back, built on the main thread only.
//
// Span: frozen { start, end, type, score, detector, action }.
// RedactResult: frozen { text, spans, summary, blocked } where summary is frozen
// { counts, policyVersion, blocked, blockingTypes } and the arrays and counts
// are frozen too: a result is a value, like Python's.
#pragma once

#include <vector>

#include <napi.h>

#include "phimask/span.h"
#include "text.h"

namespace phimask::js {

/// Spans already in the caller's unit (see to_caller_offsets) as a frozen array of frozen Spans.
Napi::Array make_spans(Napi::Env env, const std::vector<Span>& spans);

/// A core result for `input` whose spans are already in the caller's unit: the
/// text in the caller's type ('' or an empty Buffer when blocked).
Napi::Object make_result(Napi::Env env, const RedactResult& result, const InputText& input);

}  // namespace phimask::js
