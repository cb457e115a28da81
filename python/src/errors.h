// Core errors on their way to Python.
//
// Binding code throws StatusError; the translator registered by register_errors()
// turns it into the phimask.errors class for its ErrorCode (PolicyError,
// InputError, ...). Messages come from the core, which never puts input text in
// them; the binding only prefixes a location such as "texts[3]".
#pragma once

#include <exception>
#include <string>

#include <pybind11/pybind11.h>

#include "phimask/status.h"

namespace phimask::python {

class StatusError : public std::exception {
public:
    StatusError(Status status, std::string where);
    const Status& status() const noexcept { return status_; }
    /// "<where>: <code> error [at <pointer>] [(detector '<name>')]: <message>".
    const char* what() const noexcept override { return text_.c_str(); }

private:
    Status status_;
    std::string text_;
};

/// Throws StatusError; `where` (may be empty) says which argument or item failed.
[[noreturn]] void throw_status(const Status& status, const std::string& where = {});

/// Registers the StatusError translator on the module.
void register_errors(pybind11::module_& m);

}  // namespace phimask::python
