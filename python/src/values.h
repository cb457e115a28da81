// The values Python callers get back: Span, Summary and Result.
//
// Each is immutable (read-only properties), compares by value, pickles, and
// holds Python objects built once when the result is made, so reading a field
// allocates nothing. Their repr never shows input or matched text.
#pragma once

#include <cstddef>
#include <vector>

#include <pybind11/pybind11.h>

#include "phimask/span.h"
#include "text.h"

namespace phimask::python {

struct PySpan {
    std::size_t start = 0;
    std::size_t end = 0;
    pybind11::str type;
    double score = 0.0;
    pybind11::str action;
    pybind11::str detector;
};

struct PySummary {
    pybind11::object counts;  ///< read-only mapping (types.MappingProxyType) of type -> count
    pybind11::str policy_version;
    bool blocked = false;
    pybind11::tuple blocking_types;
};

struct PyResult {
    pybind11::object text;  ///< str or bytes, as the input; empty when blocked
    pybind11::tuple spans;
    pybind11::object summary;  ///< a PySummary
    bool blocked() const;
};

/// Spans already in the caller's unit (see to_caller_offsets) as Python Spans.
pybind11::list make_spans(const std::vector<Span>& spans);

/// Converts a core result for the input `text` into a Python Result: offsets to
/// the caller's unit, text to the caller's type.
pybind11::object make_result(RedactResult& result, const TextView& text);

/// Registers Span, Summary and Result on the module.
void register_values(pybind11::module_& m);

}  // namespace phimask::python
