// The values Python callers get back: Span, Summary and Result.
//
// Each is immutable (read-only members), compares by value, pickles, and holds
// Python objects built once when the result is made, so reading a field
// allocates nothing. Their repr never shows input or matched text.
//
// They are plain CPython types rather than pybind11 classes: a redaction makes
// one object per span, and a pybind11 instance costs several hundred
// nanoseconds to create and destroy (holder allocation, instance registry),
// which on a 2 KB prompt with a handful of spans is a tenth of the whole call.
#pragma once

#include <cstdint>
#include <vector>

#include <pybind11/pybind11.h>

#include "phimask/policy.h"
#include "phimask/span.h"
#include "text.h"

namespace phimask::python {

/// An engine's detector strings (name, type, action), made once per engine and
/// shared by every span it reports, by Span::detector_index. Made and
/// destroyed with the GIL held.
class DetectorStrings {
public:
    explicit DetectorStrings(const Policy& policy);

    struct Row {
        pybind11::str name, type, action;
    };
    const Row& operator[](std::uint32_t detector_index) const { return rows_[detector_index]; }

private:
    std::vector<Row> rows_;
};

/// Spans already in the caller's unit (see to_caller_offsets) as Python Spans.
pybind11::list make_spans(const std::vector<Span>& spans, const DetectorStrings& strings);

/// Converts a core result for the input `text` into a Python Result: offsets to
/// the caller's unit, text to the caller's type.
pybind11::object make_result(RedactResult& result, const TextView& text, const DetectorStrings& strings);

/// Registers Span, Summary and Result on the module.
void register_values(pybind11::module_& m);

}  // namespace phimask::python
