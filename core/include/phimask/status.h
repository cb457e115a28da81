// Errors as values at the public boundary.
//
// Every fallible phimask call returns a Status or a Result<T>. A Status carries
// a stable code, a message and, for policy errors, where in the policy the fault
// is (a JSON pointer) and which detector it concerns.
//
// Guarantee: no message produced by phimask ever contains input text or a matched
// value. Policy errors may quote the policy (patterns, field names), which is
// configuration, not PHI.
#pragma once

#include <new>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>

namespace phimask {

/// Stable error codes. Bindings map each to one exception class; the CLI maps
/// each to one exit code (see README). Values never change once released.
enum class ErrorCode : int {
    kOk = 0,
    kPolicy = 1,      ///< the policy is invalid (field, detector, regex...)
    kInput = 2,       ///< the input cannot be processed (too large, bad JSON line...)
    kEngineFile = 3,  ///< a serialized engine is corrupt, or was built for another policy or library
    kKey = 4,         ///< a required key is missing or unusable (hash action without key)
    kIo = 5,          ///< a file could not be read or written
    kInternal = 6,    ///< a library failure (Hyperscan, ICU, OpenSSL, out of memory)
    kVault = 7,       ///< a sealed vault does not open: wrong key or key size, altered, not a vault, newer format
};

/// "ok", "policy", "input", "engine_file", "key", "io", "internal", "vault".
const char* error_code_name(ErrorCode code) noexcept;

class Status {
public:
    Status() = default;
    Status(ErrorCode code, std::string message, std::string json_pointer = {}, std::string detector = {})
        : code_(code), message_(std::move(message)), json_pointer_(std::move(json_pointer)),
          detector_(std::move(detector)) {}

    static Status ok_status() { return {}; }

    bool ok() const noexcept { return code_ == ErrorCode::kOk; }
    ErrorCode code() const noexcept { return code_; }
    /// What is wrong, without location. Never contains input text.
    const std::string& message() const noexcept { return message_; }
    /// For policy errors: RFC 6901 pointer to the faulty field, prefixed with the
    /// pack file name for faults inside a detector pack ("us_core.json#/detectors/2/pattern").
    const std::string& json_pointer() const noexcept { return json_pointer_; }
    /// For policy errors: the name of the detector at fault, if any.
    const std::string& detector() const noexcept { return detector_; }

    /// One line: "<code>: [<pointer>] [(detector '<name>')] <message>".
    std::string to_string() const;

private:
    ErrorCode code_ = ErrorCode::kOk;
    std::string message_;
    std::string json_pointer_;
    std::string detector_;
};

/// Thrown only by Result<T>::value() when called on an error: a programming
/// error in the caller. Its what() is the Status's to_string(), so carries no PHI.
class BadResultAccess : public std::logic_error {
public:
    explicit BadResultAccess(const Status& status) : std::logic_error(status.to_string()) {}
};

/// A T or an error Status.
template <class T>
class Result {
public:
    Result(T value) : v_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
    Result(Status status) : v_(std::move(status)) {  // NOLINT(google-explicit-constructor)
        if (std::get<Status>(v_).ok()) v_ = Status(ErrorCode::kInternal, "Result built from an ok Status");
    }

    bool ok() const noexcept { return std::holds_alternative<T>(v_); }
    explicit operator bool() const noexcept { return ok(); }

    /// The error; an ok Status when this holds a value.
    Status status() const { return ok() ? Status{} : std::get<Status>(v_); }

    T& value() & { check(); return std::get<T>(v_); }
    const T& value() const& { check(); return std::get<T>(v_); }
    T&& value() && { check(); return std::get<T>(std::move(v_)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

private:
    void check() const {
        if (!ok()) throw BadResultAccess(std::get<Status>(v_));
    }
    std::variant<T, Status> v_;
};

}  // namespace phimask
