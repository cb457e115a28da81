#include "values.h"

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>

namespace py = pybind11;

namespace phimask::python {
namespace {

/// The few names results repeat (entity types, detectors, actions, policy
/// versions) as Python strings made once and shared by every result: a batch
/// of a hundred thousand spans makes no new strings for them. Only used with
/// the GIL held. Bounded: names past the limit are made each time.
py::str name_str(std::string_view name) {
    // Never destroyed: the strings must not be released after the interpreter is gone.
    static auto* cache = new std::map<std::string, py::str, std::less<>>();
    constexpr std::size_t kMaxNames = 4096;
    if (auto it = cache->find(name); it != cache->end()) return it->second;
    py::str str(name.data(), name.size());
    if (cache->size() < kMaxNames) cache->emplace(std::string(name), str);
    return str;
}

py::object read_only(py::dict d) { return py::reinterpret_steal<py::object>(PyDictProxy_New(d.ptr())); }

py::tuple span_state(const PySpan& s) { return py::make_tuple(s.start, s.end, s.type, s.score, s.action, s.detector); }

PySpan span_from_state(std::size_t start, std::size_t end, py::str type, double score, py::str action,
                       py::str detector) {
    if (start > end) throw py::value_error("Span: start must not exceed end");
    return PySpan{start, end, std::move(type), score, std::move(action), std::move(detector)};
}

py::tuple summary_state(const PySummary& s) {
    return py::make_tuple(py::dict(s.counts), s.policy_version, s.blocked, s.blocking_types);
}

PySummary summary_from_state(const py::dict& counts, py::str version, bool blocked, const py::iterable& blocking) {
    return PySummary{read_only(py::dict(counts)), std::move(version), blocked, py::tuple(blocking)};
}

constexpr const char* kSpanDoc = R"(One detected entity: an immutable, hashable value.

Offsets are in the caller's unit: str indices for str input, byte offsets for
bytes input, so ``text[span.start:span.end]`` is exactly the matched text.
The repr shows offsets, type and detector, never the matched text.

Attributes:
    start, end: half-open range of the match in the input.
    type: entity type, e.g. ``"US_SOCIAL_SECURITY_NUMBER"``.
    score: confidence in [0, 1] after validators and context words.
    action: what the policy did to it: ``"placeholder"``, ``"mask"``,
        ``"remove"``, ``"hash"``, ``"block"`` or ``"generalize"``.
    detector: name of the detector that found it.

Example:
    >>> import phimask
    >>> text = "SSN 123-45-6789"
    >>> [s] = phimask.detect(text)
    >>> (s.type, text[s.start:s.end])
    ('US_SOCIAL_SECURITY_NUMBER', '123-45-6789')
)";

constexpr const char* kSummaryDoc = R"(A PHI-free account of one redaction, safe to log. Immutable.

Attributes:
    counts: read-only mapping of entity type to the number of spans found.
    policy_version: the policy's content hash (16 hex digits).
    blocked: True when a ``block`` action withheld the whole text.
    blocking_types: sorted types whose ``block`` action fired (empty unless blocked).

Example:
    >>> import phimask
    >>> s = phimask.redact("call 617-555-0123 or 617-555-0188").summary
    >>> dict(s.counts)
    {'PHONE': 2}
)";

constexpr const char* kResultDoc = R"(The outcome of one redaction. Immutable.

Attributes:
    text: the redacted text, the same type as the input (str or bytes). Every
        character outside ``spans`` is the input's own; empty when blocked.
    spans: tuple of Span, sorted by start, non-overlapping, in the input's unit.
    summary: the PHI-free Summary (counts per type, policy version, blocked).
    blocked: True when a ``block`` action withheld the text (``text`` is empty).

Its repr omits the text.

Example:
    >>> import phimask
    >>> r = phimask.redact("Pt SSN 123-45-6789")
    >>> r.text
    'Pt SSN {US_SOCIAL_SECURITY_NUMBER}'
    >>> r.blocked
    False
)";

}  // namespace

bool PyResult::blocked() const { return summary.cast<const PySummary&>().blocked; }

namespace {

py::object make_span(const Span& s) {
    return py::cast(PySpan{s.start, s.end, name_str(s.type), s.score, name_str(action_name(s.action)),
                           name_str(s.detector)});
}

}  // namespace

py::list make_spans(const std::vector<Span>& spans) {
    py::list out(spans.size());
    for (std::size_t i = 0; i < spans.size(); ++i) out[i] = make_span(spans[i]);
    return out;
}

py::object make_result(RedactResult& result, const TextView& text) {
    to_caller_offsets(text, result.spans);
    const Summary& summary = result.summary;
    py::dict counts;
    for (const auto& [type, count] : summary.counts) counts[name_str(type)] = count;
    py::tuple blocking(summary.blocking_types.size());
    for (std::size_t i = 0; i < summary.blocking_types.size(); ++i) blocking[i] = name_str(summary.blocking_types[i]);
    py::object py_summary =
        py::cast(PySummary{read_only(std::move(counts)), name_str(summary.policy_version), summary.blocked, blocking});
    // A blocked result's text is empty whatever the core left in it.
    py::object out_text = make_text(summary.blocked ? std::string_view() : std::string_view(result.text), text.kind);
    py::tuple spans(result.spans.size());
    for (std::size_t i = 0; i < result.spans.size(); ++i) spans[i] = make_span(result.spans[i]);
    return py::cast(PyResult{std::move(out_text), std::move(spans), std::move(py_summary)});
}

void register_values(py::module_& m) {
    py::class_<PySpan>(m, "Span", kSpanDoc)
        .def(py::init(&span_from_state), py::arg("start"), py::arg("end"), py::arg("type"), py::arg("score"),
             py::arg("action"), py::arg("detector"))
        .def_readonly("start", &PySpan::start)
        .def_readonly("end", &PySpan::end)
        .def_readonly("type", &PySpan::type)
        .def_readonly("score", &PySpan::score)
        .def_readonly("action", &PySpan::action)
        .def_readonly("detector", &PySpan::detector)
        .def(
            "__eq__", [](const PySpan& a, const PySpan& b) { return span_state(a).equal(span_state(b)); },
            py::is_operator())
        .def("__hash__", [](const PySpan& s) { return py::hash(span_state(s)); })
        .def("__repr__",
             [](const PySpan& s) {
                 return py::str("Span(start={}, end={}, type={!r}, score={!r}, action={!r}, detector={!r})")
                     .format(s.start, s.end, s.type, s.score, s.action, s.detector);
             })
        .def(py::pickle(&span_state, [](const py::tuple& t) {
            if (t.size() != 6) throw py::value_error("Span: bad pickle state");
            return span_from_state(t[0].cast<std::size_t>(), t[1].cast<std::size_t>(), t[2].cast<py::str>(),
                                   t[3].cast<double>(), t[4].cast<py::str>(), t[5].cast<py::str>());
        }));

    py::class_<PySummary>(m, "Summary", kSummaryDoc)
        .def_readonly("counts", &PySummary::counts)
        .def_readonly("policy_version", &PySummary::policy_version)
        .def_readonly("blocked", &PySummary::blocked)
        .def_readonly("blocking_types", &PySummary::blocking_types)
        .def(
            "__eq__", [](const PySummary& a, const PySummary& b) { return summary_state(a).equal(summary_state(b)); },
            py::is_operator())
        .def("__hash__", [](const PySummary& s) {
            // Counts hashed as sorted items: the mapping itself is not hashable.
            py::list items(py::module_::import("builtins").attr("sorted")(s.counts.attr("items")()));
            return py::hash(py::make_tuple(py::tuple(items), s.policy_version, s.blocked, s.blocking_types));
        })
        .def("__repr__",
             [](const PySummary& s) {
                 return py::str("Summary(counts={!r}, policy_version={!r}, blocked={!r}, blocking_types={!r})")
                     .format(py::dict(s.counts), s.policy_version, s.blocked, s.blocking_types);
             })
        .def(py::pickle(&summary_state, [](const py::tuple& t) {
            if (t.size() != 4) throw py::value_error("Summary: bad pickle state");
            return summary_from_state(t[0].cast<py::dict>(), t[1].cast<py::str>(), t[2].cast<bool>(),
                                      t[3].cast<py::iterable>());
        }));

    py::class_<PyResult>(m, "Result", kResultDoc)
        .def_readonly("text", &PyResult::text)
        .def_readonly("spans", &PyResult::spans)
        .def_readonly("summary", &PyResult::summary)
        .def_property_readonly("blocked", &PyResult::blocked)
        .def(
            "__eq__",
            [](const PyResult& a, const PyResult& b) {
                return py::make_tuple(a.text, a.spans, a.summary).equal(py::make_tuple(b.text, b.spans, b.summary));
            },
            py::is_operator())
        .def("__repr__",
             [](const PyResult& r) {
                 return py::str("Result(spans={!r}, blocked={!r})").format(r.spans, r.blocked());
             })
        .def(py::pickle([](const PyResult& r) { return py::make_tuple(r.text, r.spans, r.summary); },
                        [](const py::tuple& t) {
                            if (t.size() != 3 || !py::isinstance<PySummary>(t[2])) {
                                throw py::value_error("Result: bad pickle state");
                            }
                            return PyResult{t[0], t[1].cast<py::tuple>(), t[2]};
                        }));
}

}  // namespace phimask::python
