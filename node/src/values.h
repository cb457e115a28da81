// Results as they cross into JavaScript: numbers and shared strings, which
// node/lib/results.js turns into the frozen objects users get.
//
// Building an object from C++ costs a Node-API call per property and a freeze
// (about two microseconds per span, measured), against tens of nanoseconds for
// the same object literal in JavaScript; so the addon makes no object per span.
#pragma once

#include <vector>

#include <napi.h>

#include "phimask/policy.h"
#include "phimask/span.h"
#include "text.h"

namespace phimask::js {

/// A Float64Array of four numbers per span: start, end (already in the
/// caller's unit), score, and the index of its detector in Policy::detectors().
Napi::Value raw_spans(Napi::Env env, const std::vector<Span>& spans);

/// [text, raw_spans(result.spans), blocked]: `text` of the input's kind, empty
/// when blocked whatever the core left in it.
Napi::Value raw_result(Napi::Env env, const RedactResult& result, const InputText& input);

/// [name, type, action] for each detector, in Policy::detectors() order.
Napi::Value detector_table(Napi::Env env, const std::vector<DetectorInfo>& detectors);

}  // namespace phimask::js
