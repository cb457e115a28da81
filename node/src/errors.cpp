#include "errors.h"

#include <new>
#include <system_error>

#include "addon.h"

namespace phimask::js {
namespace {

constexpr ErrorCode kCodes[] = {ErrorCode::kPolicy, ErrorCode::kInput,    ErrorCode::kEngineFile, ErrorCode::kKey,
                                ErrorCode::kIo,     ErrorCode::kInternal, ErrorCode::kVault};

Napi::Value set_error_classes(const Napi::CallbackInfo& info) {
    const Napi::Env env = info.Env();
    if (info.Length() != 1 || !info[0].IsObject()) {
        throw Napi::TypeError::New(env, "setErrorClasses(classes: object): expects one object");
    }
    const Napi::Object classes = info[0].As<Napi::Object>();
    AddonData& data = addon_data(env);
    for (ErrorCode code : kCodes) {
        const Napi::Value cls = classes.Get(error_code_name(code));
        if (!cls.IsFunction()) {
            throw Napi::TypeError::New(env, std::string("setErrorClasses(): no class for ") + error_code_name(code));
        }
        data.error_classes[static_cast<std::size_t>(code)] = Napi::Persistent(cls.As<Napi::Function>());
    }
    return env.Undefined();
}

std::string error_message(const Status& status, const std::string& where) {
    return where.empty() ? status.to_string() : where + ": " + status.to_string();
}

}  // namespace

Napi::Value make_error(Napi::Env env, const Status& status, const std::string& where) {
    const std::string message = error_message(status, where);
    const auto index = static_cast<std::size_t>(status.ok() ? ErrorCode::kInternal : status.code());
    const Napi::FunctionReference& cls = addon_data(env).error_classes.at(index);
    if (cls.IsEmpty()) {
        // Only before node/lib/native.js registered the classes: still an error with its code.
        Napi::Error error = Napi::Error::New(env, message);
        std::string code = std::string("PHIMASK_") + error_code_name(status.code());
        for (char& c : code) c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        error.Set("code", code);
        return error.Value();
    }
    Napi::Object options = Napi::Object::New(env);
    options.Set("pointer", status.json_pointer());
    options.Set("detector", status.detector());
    return cls.New({Napi::String::New(env, message), options});
}

void throw_status(Napi::Env env, const Status& status, const std::string& where) {
    throw Napi::Error(env, make_error(env, status, where));
}

Status status_from_exception(const std::exception& e) {
    if (dynamic_cast<const std::bad_alloc*>(&e) != nullptr) return {ErrorCode::kInternal, "out of memory"};
    if (dynamic_cast<const std::system_error*>(&e) != nullptr) return {ErrorCode::kInternal, "a system call failed"};
    return {ErrorCode::kInternal, "unexpected failure in the native addon"};
}

void register_errors(Napi::Env env, Napi::Object exports) {
    exports.Set("setErrorClasses", Napi::Function::New(env, set_error_classes, "setErrorClasses"));
}

}  // namespace phimask::js
