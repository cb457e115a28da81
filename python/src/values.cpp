#include "values.h"

#include <structmember.h>

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>

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

/// A new reference, or the pending Python error as a C++ exception.
PyObject* checked(PyObject* object) {
    if (object == nullptr) throw py::error_already_set();
    return object;
}

struct SpanObject {
    PyObject_HEAD
    Py_ssize_t start;
    Py_ssize_t end;
    PyObject* type;
    double score;
    PyObject* action;
    PyObject* detector;
};

struct SummaryObject {
    PyObject_HEAD
    PyObject* counts;  ///< read-only mapping (types.MappingProxyType) of type -> count
    PyObject* policy_version;
    PyObject* blocked;  ///< Py_True or Py_False
    PyObject* blocking_types;
};

struct ResultObject {
    PyObject_HEAD
    PyObject* text;  ///< str or bytes, as the input; empty when blocked
    PyObject* spans;
    PyObject* summary;
};

// The three types, created once by register_values() and never freed.
PyTypeObject* span_type = nullptr;
PyTypeObject* summary_type = nullptr;
PyTypeObject* result_type = nullptr;

/// A new zero-filled instance (holding a reference to its type), or nullptr with MemoryError set.
template <class T>
T* allocate(PyTypeObject* type) {
    return reinterpret_cast<T*>(type->tp_alloc(type, 0));
}

/// The same, owned, or the error as a C++ exception.
template <class T>
py::object allocate_owned(PyTypeObject* type, T*& object) {
    object = allocate<T>(type);
    return py::reinterpret_steal<py::object>(checked(reinterpret_cast<PyObject*>(object)));
}

void free_object(PyObject* self) {
    PyTypeObject* type = Py_TYPE(self);
    type->tp_free(self);
    Py_DECREF(type);
}

PyObject* compare_result(bool equal, int op) {
    if (op == Py_EQ) return PyBool_FromLong(equal);
    if (op == Py_NE) return PyBool_FromLong(!equal);
    Py_RETURN_NOTIMPLEMENTED;
}

/// All pairs equal (PyObject_RichCompareBool), or -1 on error.
int all_equal(std::initializer_list<std::pair<PyObject*, PyObject*>> pairs) {
    for (const auto& [a, b] : pairs) {
        const int eq = PyObject_RichCompareBool(a, b, Py_EQ);
        if (eq != 1) return eq;
    }
    return 1;
}

// Span ----------------------------------------------------------------------

PyObject* span_new(PyTypeObject* type, PyObject* args, PyObject* kwargs) {
    static const char* keywords[] = {"start", "end", "type", "score", "action", "detector", nullptr};
    Py_ssize_t start = 0, end = 0;
    double score = 0;
    PyObject *entity = nullptr, *action = nullptr, *detector = nullptr;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "nnUdUU:Span", const_cast<char**>(keywords), &start, &end, &entity,
                                     &score, &action, &detector)) {
        return nullptr;
    }
    if (start < 0 || start > end) {
        PyErr_SetString(PyExc_ValueError, "Span: start must not exceed end, and neither may be negative");
        return nullptr;
    }
    auto* s = allocate<SpanObject>(type);
    if (s == nullptr) return nullptr;
    s->start = start;
    s->end = end;
    s->score = score;
    Py_INCREF(entity);
    Py_INCREF(action);
    Py_INCREF(detector);
    s->type = entity;
    s->action = action;
    s->detector = detector;
    return reinterpret_cast<PyObject*>(s);
}

void span_dealloc(PyObject* self) {
    auto* s = reinterpret_cast<SpanObject*>(self);
    Py_XDECREF(s->type);
    Py_XDECREF(s->action);
    Py_XDECREF(s->detector);
    free_object(self);
}

PyObject* span_state(PyObject* self) {
    auto* s = reinterpret_cast<SpanObject*>(self);
    return Py_BuildValue("(nnOdOO)", s->start, s->end, s->type, s->score, s->action, s->detector);
}

PyObject* span_richcompare(PyObject* self, PyObject* other, int op) {
    if (!PyObject_TypeCheck(other, span_type) || (op != Py_EQ && op != Py_NE)) Py_RETURN_NOTIMPLEMENTED;
    auto* a = reinterpret_cast<SpanObject*>(self);
    auto* b = reinterpret_cast<SpanObject*>(other);
    int eq = a->start == b->start && a->end == b->end && a->score == b->score;
    if (eq == 1) eq = all_equal({{a->type, b->type}, {a->action, b->action}, {a->detector, b->detector}});
    return eq < 0 ? nullptr : compare_result(eq == 1, op);
}

Py_hash_t span_hash(PyObject* self) {
    PyObject* state = span_state(self);
    if (state == nullptr) return -1;
    const Py_hash_t h = PyObject_Hash(state);
    Py_DECREF(state);
    return h;
}

PyObject* span_repr(PyObject* self) {
    auto* s = reinterpret_cast<SpanObject*>(self);
    PyObject* score = PyFloat_FromDouble(s->score);
    if (score == nullptr) return nullptr;
    PyObject* repr = PyUnicode_FromFormat("Span(start=%zd, end=%zd, type=%R, score=%R, action=%R, detector=%R)",
                                          s->start, s->end, s->type, score, s->action, s->detector);
    Py_DECREF(score);
    return repr;
}

PyObject* span_reduce(PyObject* self, PyObject*) {
    PyObject* state = span_state(self);
    if (state == nullptr) return nullptr;
    PyObject* out = Py_BuildValue("(ON)", reinterpret_cast<PyObject*>(Py_TYPE(self)), state);
    return out;
}

PyMemberDef span_members[] = {
    {"start", T_PYSSIZET, offsetof(SpanObject, start), READONLY, "Start of the match in the input (caller's unit)."},
    {"end", T_PYSSIZET, offsetof(SpanObject, end), READONLY, "End of the match, exclusive (caller's unit)."},
    {"type", T_OBJECT_EX, offsetof(SpanObject, type), READONLY, "Entity type, e.g. 'US_SOCIAL_SECURITY_NUMBER'."},
    {"score", T_DOUBLE, offsetof(SpanObject, score), READONLY, "Confidence in [0, 1]."},
    {"action", T_OBJECT_EX, offsetof(SpanObject, action), READONLY, "What the policy did: 'placeholder', 'mask', ..."},
    {"detector", T_OBJECT_EX, offsetof(SpanObject, detector), READONLY, "Name of the detector that found it."},
    {nullptr, 0, 0, 0, nullptr},
};

PyMethodDef span_methods[] = {
    {"__reduce__", span_reduce, METH_NOARGS, "Pickle support."},
    {nullptr, nullptr, 0, nullptr},
};

// Summary -------------------------------------------------------------------

/// A read-only copy of `counts` (str -> int), or nullptr with TypeError.
/// A new dict with the items of the mapping `counts`, or nullptr with the error set.
PyObject* dict_copy(PyObject* counts) {
    PyObject* copy = PyDict_New();
    if (copy != nullptr && PyDict_Merge(copy, counts, 1) < 0) Py_CLEAR(copy);
    return copy;
}

PyObject* counts_proxy(PyObject* counts) {
    PyObject* copy = dict_copy(counts);
    if (copy == nullptr) return nullptr;
    Py_ssize_t pos = 0;
    PyObject *key = nullptr, *value = nullptr;
    while (PyDict_Next(copy, &pos, &key, &value)) {
        if (!PyUnicode_Check(key) || !PyLong_Check(value)) {
            Py_DECREF(copy);
            PyErr_SetString(PyExc_TypeError, "Summary: counts must map str to int");
            return nullptr;
        }
    }
    PyObject* proxy = PyDictProxy_New(copy);
    Py_DECREF(copy);
    return proxy;
}

PyObject* summary_new(PyTypeObject* type, PyObject* args, PyObject* kwargs) {
    static const char* keywords[] = {"counts", "policy_version", "blocked", "blocking_types", nullptr};
    PyObject *counts = nullptr, *version = nullptr, *blocking = nullptr;
    int blocked = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "OUpO:Summary", const_cast<char**>(keywords), &counts, &version,
                                     &blocked, &blocking)) {
        return nullptr;
    }
    PyObject* proxy = counts_proxy(counts);
    if (proxy == nullptr) return nullptr;
    PyObject* types = PySequence_Tuple(blocking);
    for (Py_ssize_t i = 0; types != nullptr && i < PyTuple_GET_SIZE(types); ++i) {
        if (!PyUnicode_Check(PyTuple_GET_ITEM(types, i))) {
            Py_CLEAR(types);
            PyErr_SetString(PyExc_TypeError, "Summary: blocking_types must be str");
        }
    }
    if (types == nullptr) {
        Py_DECREF(proxy);
        return nullptr;
    }
    auto* s = allocate<SummaryObject>(type);
    if (s == nullptr) {
        Py_DECREF(proxy);
        Py_DECREF(types);
        return nullptr;
    }
    s->counts = proxy;
    Py_INCREF(version);
    s->policy_version = version;
    s->blocked = PyBool_FromLong(blocked);
    s->blocking_types = types;
    return reinterpret_cast<PyObject*>(s);
}

void summary_dealloc(PyObject* self) {
    auto* s = reinterpret_cast<SummaryObject*>(self);
    Py_XDECREF(s->counts);
    Py_XDECREF(s->policy_version);
    Py_XDECREF(s->blocked);
    Py_XDECREF(s->blocking_types);
    free_object(self);
}

PyObject* summary_richcompare(PyObject* self, PyObject* other, int op) {
    if (!PyObject_TypeCheck(other, summary_type) || (op != Py_EQ && op != Py_NE)) Py_RETURN_NOTIMPLEMENTED;
    auto* a = reinterpret_cast<SummaryObject*>(self);
    auto* b = reinterpret_cast<SummaryObject*>(other);
    const int eq = all_equal({{a->counts, b->counts},
                              {a->policy_version, b->policy_version},
                              {a->blocked, b->blocked},
                              {a->blocking_types, b->blocking_types}});
    return eq < 0 ? nullptr : compare_result(eq == 1, op);
}

Py_hash_t summary_hash(PyObject* self) {
    // The counts hashed as sorted items: the mapping itself is not hashable.
    auto* s = reinterpret_cast<SummaryObject*>(self);
    PyObject* items = PyMapping_Items(s->counts);
    if (items == nullptr || PyList_Sort(items) < 0) {
        Py_XDECREF(items);
        return -1;
    }
    PyObject* state = Py_BuildValue("(NOOO)", PyList_AsTuple(items), s->policy_version, s->blocked, s->blocking_types);
    Py_DECREF(items);
    if (state == nullptr) return -1;
    const Py_hash_t h = PyObject_Hash(state);
    Py_DECREF(state);
    return h;
}

PyObject* summary_repr(PyObject* self) {
    auto* s = reinterpret_cast<SummaryObject*>(self);
    PyObject* counts = dict_copy(s->counts);
    if (counts == nullptr) return nullptr;
    PyObject* repr = PyUnicode_FromFormat("Summary(counts=%R, policy_version=%R, blocked=%R, blocking_types=%R)",
                                          counts, s->policy_version, s->blocked, s->blocking_types);
    Py_DECREF(counts);
    return repr;
}

PyObject* summary_reduce(PyObject* self, PyObject*) {
    auto* s = reinterpret_cast<SummaryObject*>(self);
    PyObject* counts = dict_copy(s->counts);
    if (counts == nullptr) return nullptr;
    return Py_BuildValue("(O(NOOO))", reinterpret_cast<PyObject*>(Py_TYPE(self)), counts, s->policy_version,
                         s->blocked, s->blocking_types);
}

PyMemberDef summary_members[] = {
    {"counts", T_OBJECT_EX, offsetof(SummaryObject, counts), READONLY,
     "Read-only mapping of entity type to the number of spans found."},
    {"policy_version", T_OBJECT_EX, offsetof(SummaryObject, policy_version), READONLY,
     "The policy's content hash (16 hex digits)."},
    {"blocked", T_OBJECT_EX, offsetof(SummaryObject, blocked), READONLY,
     "True when a block action withheld the whole text."},
    {"blocking_types", T_OBJECT_EX, offsetof(SummaryObject, blocking_types), READONLY,
     "Sorted types whose block action fired (empty unless blocked)."},
    {nullptr, 0, 0, 0, nullptr},
};

PyMethodDef summary_methods[] = {
    {"__reduce__", summary_reduce, METH_NOARGS, "Pickle support."},
    {nullptr, nullptr, 0, nullptr},
};

// Result --------------------------------------------------------------------

PyObject* result_new(PyTypeObject* type, PyObject* args, PyObject* kwargs) {
    static const char* keywords[] = {"text", "spans", "summary", nullptr};
    PyObject *text = nullptr, *spans = nullptr, *summary = nullptr;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "OOO!:Result", const_cast<char**>(keywords), &text, &spans,
                                     summary_type, &summary)) {
        return nullptr;
    }
    if (!PyUnicode_Check(text) && !PyBytes_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "Result: text must be str or bytes");
        return nullptr;
    }
    PyObject* tuple = PySequence_Tuple(spans);
    if (tuple == nullptr) return nullptr;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(tuple); ++i) {
        if (!PyObject_TypeCheck(PyTuple_GET_ITEM(tuple, i), span_type)) {
            Py_DECREF(tuple);
            PyErr_SetString(PyExc_TypeError, "Result: spans must be Span objects");
            return nullptr;
        }
    }
    auto* r = allocate<ResultObject>(type);
    if (r == nullptr) {
        Py_DECREF(tuple);
        return nullptr;
    }
    Py_INCREF(text);
    Py_INCREF(summary);
    r->text = text;
    r->spans = tuple;
    r->summary = summary;
    return reinterpret_cast<PyObject*>(r);
}

void result_dealloc(PyObject* self) {
    auto* r = reinterpret_cast<ResultObject*>(self);
    Py_XDECREF(r->text);
    Py_XDECREF(r->spans);
    Py_XDECREF(r->summary);
    free_object(self);
}

PyObject* result_blocked(PyObject* self, void*) {
    PyObject* blocked = reinterpret_cast<SummaryObject*>(reinterpret_cast<ResultObject*>(self)->summary)->blocked;
    Py_INCREF(blocked);
    return blocked;
}

PyObject* result_richcompare(PyObject* self, PyObject* other, int op) {
    if (!PyObject_TypeCheck(other, result_type) || (op != Py_EQ && op != Py_NE)) Py_RETURN_NOTIMPLEMENTED;
    auto* a = reinterpret_cast<ResultObject*>(self);
    auto* b = reinterpret_cast<ResultObject*>(other);
    const int eq = all_equal({{a->text, b->text}, {a->spans, b->spans}, {a->summary, b->summary}});
    return eq < 0 ? nullptr : compare_result(eq == 1, op);
}

PyObject* result_repr(PyObject* self) {
    auto* r = reinterpret_cast<ResultObject*>(self);
    PyObject* blocked = reinterpret_cast<SummaryObject*>(r->summary)->blocked;
    return PyUnicode_FromFormat("Result(spans=%R, blocked=%R)", r->spans, blocked);
}

PyObject* result_reduce(PyObject* self, PyObject*) {
    auto* r = reinterpret_cast<ResultObject*>(self);
    return Py_BuildValue("(O(OOO))", reinterpret_cast<PyObject*>(Py_TYPE(self)), r->text, r->spans, r->summary);
}

PyObject* result_class_getitem(PyObject* cls, PyObject* item) { return Py_GenericAlias(cls, item); }

PyMemberDef result_members[] = {
    {"text", T_OBJECT_EX, offsetof(ResultObject, text), READONLY,
     "The redacted text, the same type as the input; empty when blocked."},
    {"spans", T_OBJECT_EX, offsetof(ResultObject, spans), READONLY,
     "Tuple of Span, sorted by start, non-overlapping, in the input's unit."},
    {"summary", T_OBJECT_EX, offsetof(ResultObject, summary), READONLY, "The PHI-free Summary."},
    {nullptr, 0, 0, 0, nullptr},
};

PyGetSetDef result_getset[] = {
    {"blocked", result_blocked, nullptr, "True when a block action withheld the text (text is empty).", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

PyMethodDef result_methods[] = {
    {"__reduce__", result_reduce, METH_NOARGS, "Pickle support."},
    {"__class_getitem__", result_class_getitem, METH_O | METH_CLASS,
     "Result[str] and Result[bytes] in annotations evaluated at run time."},
    {nullptr, nullptr, 0, nullptr},
};

// Docs and types --------------------------------------------------------------

constexpr const char* kSpanDoc = R"(One detected entity: an immutable, hashable value.

Offsets are in the caller's unit: str indices for str input, byte offsets for
bytes input, so ``text[span.start:span.end]`` is exactly the matched text.
The repr shows offsets, type and detector, never the matched text.

Attributes:
    start, end: half-open range of the match in the input.
    type: entity type, e.g. ``"US_SOCIAL_SECURITY_NUMBER"``.
    score: confidence in [0, 1] after validators and context words.
    action: what the policy did to it: ``"placeholder"``, ``"mask"``,
        ``"remove"``, ``"hash"``, ``"block"``, ``"generalize"``, ``"token"``
        or ``"surrogate"``.
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

template <class F>
void* slot(F* function) {
    return reinterpret_cast<void*>(function);
}

/// Creates a type from its slots and adds it to the module as `name`. The type
/// is never freed (the returned reference is kept); `qualified` must be a
/// literal (CPython before 3.12 keeps pointing at it).
PyTypeObject* make_type(py::module_& m, const char* name, const char* qualified, std::size_t basic_size,
                        std::vector<PyType_Slot> slots) {
    slots.push_back({0, nullptr});
    PyType_Spec spec{qualified, static_cast<int>(basic_size), 0, Py_TPFLAGS_DEFAULT, slots.data()};
    PyObject* type = checked(PyType_FromSpec(&spec));
    m.add_object(name, py::reinterpret_borrow<py::object>(type));
    return reinterpret_cast<PyTypeObject*>(type);
}

/// A Python Span for a core span whose offsets are already in the caller's unit.
py::object make_span(const Span& s, const DetectorStrings& strings) {
    const DetectorStrings::Row& row = strings[s.detector_index];
    SpanObject* span = nullptr;
    py::object owner = allocate_owned(span_type, span);
    span->start = static_cast<Py_ssize_t>(s.start);
    span->end = static_cast<Py_ssize_t>(s.end);
    span->score = s.score;
    span->type = row.type.inc_ref().ptr();
    span->action = row.action.inc_ref().ptr();
    span->detector = row.name.inc_ref().ptr();
    return owner;
}

}  // namespace

DetectorStrings::DetectorStrings(const Policy& policy) {
    for (const DetectorInfo& d : policy.detectors()) {
        rows_.push_back({name_str(d.name), name_str(d.type), name_str(action_name(d.action))});
    }
}

py::list make_spans(const std::vector<Span>& spans, const DetectorStrings& strings) {
    py::list out(spans.size());
    for (std::size_t i = 0; i < spans.size(); ++i) {
        PyList_SET_ITEM(out.ptr(), static_cast<Py_ssize_t>(i), make_span(spans[i], strings).release().ptr());
    }
    return out;
}

py::object make_result(RedactResult& result, const TextView& text, const DetectorStrings& strings) {
    to_caller_offsets(text, result.spans);
    const Summary& summary = result.summary;
    py::dict counts;
    for (const auto& [type, count] : summary.counts) counts[name_str(type)] = count;
    py::tuple blocking(summary.blocking_types.size());
    for (std::size_t i = 0; i < summary.blocking_types.size(); ++i) {
        PyTuple_SET_ITEM(blocking.ptr(), static_cast<Py_ssize_t>(i), name_str(summary.blocking_types[i]).release().ptr());
    }
    py::tuple spans(result.spans.size());
    for (std::size_t i = 0; i < result.spans.size(); ++i) {
        PyTuple_SET_ITEM(spans.ptr(), static_cast<Py_ssize_t>(i), make_span(result.spans[i], strings).release().ptr());
    }
    py::object proxy = py::reinterpret_steal<py::object>(checked(PyDictProxy_New(counts.ptr())));
    py::str version = name_str(summary.policy_version);
    // A blocked result's text is empty whatever the core left in it.
    py::object out_text = make_text(summary.blocked ? std::string_view() : std::string_view(result.text), text.kind);

    SummaryObject* s = nullptr;
    py::object summary_owner = allocate_owned(summary_type, s);
    s->counts = proxy.release().ptr();
    s->policy_version = version.release().ptr();
    s->blocked = PyBool_FromLong(summary.blocked);
    s->blocking_types = blocking.release().ptr();
    ResultObject* r = nullptr;
    py::object owner = allocate_owned(result_type, r);
    r->text = out_text.release().ptr();
    r->spans = spans.release().ptr();
    r->summary = summary_owner.release().ptr();
    return owner;
}

void register_values(py::module_& m) {
    span_type = make_type(m, "Span", "phimask._phimask.Span", sizeof(SpanObject),
                          {{Py_tp_doc, const_cast<char*>(kSpanDoc)},
                           {Py_tp_new, slot(span_new)},
                           {Py_tp_dealloc, slot(span_dealloc)},
                           {Py_tp_richcompare, slot(span_richcompare)},
                           {Py_tp_hash, slot(span_hash)},
                           {Py_tp_repr, slot(span_repr)},
                           {Py_tp_members, span_members},
                           {Py_tp_methods, span_methods}});
    summary_type = make_type(m, "Summary", "phimask._phimask.Summary", sizeof(SummaryObject),
                             {{Py_tp_doc, const_cast<char*>(kSummaryDoc)},
                              {Py_tp_new, slot(summary_new)},
                              {Py_tp_dealloc, slot(summary_dealloc)},
                              {Py_tp_richcompare, slot(summary_richcompare)},
                              {Py_tp_hash, slot(summary_hash)},
                              {Py_tp_repr, slot(summary_repr)},
                              {Py_tp_members, summary_members},
                              {Py_tp_methods, summary_methods}});
    result_type = make_type(m, "Result", "phimask._phimask.Result", sizeof(ResultObject),
                            {{Py_tp_doc, const_cast<char*>(kResultDoc)},
                             {Py_tp_new, slot(result_new)},
                             {Py_tp_dealloc, slot(result_dealloc)},
                             {Py_tp_richcompare, slot(result_richcompare)},
                             {Py_tp_hash, slot(PyObject_HashNotImplemented)},
                             {Py_tp_repr, slot(result_repr)},
                             {Py_tp_members, result_members},
                             {Py_tp_getset, result_getset},
                             {Py_tp_methods, result_methods}});
}

}  // namespace phimask::python
