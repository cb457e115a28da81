// Core errors on their way to JavaScript.
//
// The error classes are JavaScript classes (node/lib/errors.js) handed to the
// addon once by setErrorClasses(); a core Status becomes an instance of the
// class for its ErrorCode, with `pointer` and `detector` set. Messages come
// from the core, which never puts input text in them; the binding only prefixes
// a location such as "texts[3]".
#pragma once

#include <exception>
#include <string>
#include <utility>

#include <napi.h>

#include "phimask/status.h"

namespace phimask::js {

/// A new error object of the class registered for status.code(); its message is
/// "<where>: <code> error [at <pointer>] [(detector '<name>')]: <message>".
Napi::Value make_error(Napi::Env env, const Status& status, const std::string& where = {});

/// Throws make_error(...) as a JavaScript exception (a Napi::Error).
[[noreturn]] void throw_status(Napi::Env env, const Status& status, const std::string& where = {});

/// An InternalError Status for a C++ exception that escaped the core (out of
/// memory, no thread to start). Never uses what(): it is not ours to vouch for.
Status status_from_exception(const std::exception& e);

/// Runs `body`; a C++ exception other than a JavaScript one becomes an
/// InternalError, so nothing escapes into node-addon-api's generic handler.
template <class Body>
auto guarded(Napi::Env env, Body&& body) -> decltype(body()) {
    try {
        return std::forward<Body>(body)();
    } catch (const Napi::Error&) {
        throw;
    } catch (const std::exception& e) {
        throw_status(env, status_from_exception(e));
    }
}

/// Adds setErrorClasses({policy, input, engine_file, key, io, internal, vault}) to the exports.
void register_errors(Napi::Env env, Napi::Object exports);

}  // namespace phimask::js
