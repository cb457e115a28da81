#include "text.h"

#include "errors.h"
#include "phimask/offsets.h"

namespace py = pybind11;

namespace phimask::python {
namespace {

Py_ssize_t first_surrogate(PyObject* str) {
    const int kind = PyUnicode_KIND(str);
    const void* data = PyUnicode_DATA(str);
    const Py_ssize_t n = PyUnicode_GET_LENGTH(str);
    for (Py_ssize_t i = 0; i < n; ++i) {
        const Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c >= 0xD800 && c <= 0xDFFF) return i;
    }
    return -1;
}

}  // namespace

TextView borrow_text(py::handle obj, const char* call, const std::string& where) {
    PyObject* p = obj.ptr();
    if (PyUnicode_Check(p)) {
        Py_ssize_t size = 0;
        const char* data = PyUnicode_AsUTF8AndSize(p, &size);
        if (data == nullptr) {
            // The UnicodeEncodeError holds the whole string: drop it, report the index only.
            PyErr_Clear();
            const Py_ssize_t at = first_surrogate(p);
            throw_status(Status(ErrorCode::kInput, at >= 0 ? "the text has a lone surrogate at index " +
                                                                 std::to_string(at) + ", which UTF-8 cannot encode"
                                                           : "the text cannot be encoded as UTF-8"),
                         where);
        }
        return {std::string_view(data, static_cast<std::size_t>(size)), TextKind::kStr, PyUnicode_IS_ASCII(p) != 0};
    }
    if (PyBytes_Check(p)) {
        return {bytes_view(p), TextKind::kBytes, false};
    }
    std::string message = std::string(call) + " expects str or bytes";
    if (!where.empty()) message += " in " + where;
    throw py::type_error(message + ", not " + Py_TYPE(p)->tp_name);
}

void to_caller_offsets(const TextView& text, std::vector<Span>& spans) {
    if (text.kind == TextKind::kBytes || text.ascii || spans.empty()) return;
    std::vector<std::size_t> offsets;
    offsets.reserve(spans.size() * 2);
    for (const Span& s : spans) {
        offsets.push_back(s.start);
        offsets.push_back(s.end);
    }
    convert_offsets(text.utf8, offsets, OffsetUnit::kCodePoint);
    for (std::size_t i = 0; i < spans.size(); ++i) {
        spans[i].start = offsets[2 * i];
        spans[i].end = offsets[2 * i + 1];
    }
}

py::object make_text(std::string_view utf8, TextKind kind) {
    const auto size = static_cast<Py_ssize_t>(utf8.size());
    if (kind == TextKind::kBytes) {
        PyObject* bytes = PyBytes_FromStringAndSize(utf8.data(), size);
        if (bytes == nullptr) throw py::error_already_set();
        return py::reinterpret_steal<py::object>(bytes);
    }
    PyObject* str = PyUnicode_DecodeUTF8(utf8.data(), size, "strict");
    if (str == nullptr) {
        // Cannot happen for valid input and the core's actions; never return a lossy text.
        PyErr_Clear();
        throw_status(Status(ErrorCode::kInternal, "the redacted text is not valid UTF-8"));
    }
    return py::reinterpret_steal<py::object>(str);
}

}  // namespace phimask::python
