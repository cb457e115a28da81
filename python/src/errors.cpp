#include "errors.h"

namespace py = pybind11;

namespace phimask::python {
namespace {

const char* exception_class_name(ErrorCode code) {
    switch (code) {
    case ErrorCode::kPolicy: return "PolicyError";
    case ErrorCode::kInput: return "InputError";
    case ErrorCode::kEngineFile: return "EngineFileError";
    case ErrorCode::kKey: return "HashKeyError";
    case ErrorCode::kIo: return "FileError";
    case ErrorCode::kVault: return "VaultError";
    case ErrorCode::kOk:
    case ErrorCode::kInternal: break;
    }
    return "InternalError";
}

void raise_python(const StatusError& e) {
    // The classes live in Python (phimask/errors.py) so users see ordinary,
    // documented exception types; imported here, once per error.
    py::object errors = py::module_::import("phimask.errors");
    py::object cls = errors.attr(exception_class_name(e.status().code()));
    py::object exc = cls(py::str(e.what()), py::arg("pointer") = e.status().json_pointer(),
                         py::arg("detector") = e.status().detector());
    PyErr_SetObject(cls.ptr(), exc.ptr());
}

}  // namespace

StatusError::StatusError(Status status, std::string where) : status_(std::move(status)) {
    text_ = where.empty() ? status_.to_string() : where + ": " + status_.to_string();
}

void throw_status(const Status& status, const std::string& where) { throw StatusError(status, where); }

void register_errors(py::module_& /*m*/) {
    py::register_exception_translator([](std::exception_ptr p) {
        if (!p) return;
        try {
            std::rethrow_exception(p);
        } catch (const StatusError& e) {
            try {
                raise_python(e);
            } catch (py::error_already_set& failure) {
                failure.restore();  // phimask.errors could not be imported: raise that instead
            }
        }
    });
}

}  // namespace phimask::python
