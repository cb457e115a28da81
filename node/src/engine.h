// The native Engine class behind node/lib/engine.js: compile, load, save and
// scan, synchronously on the main thread or on an AsyncWorker.
//
// Scans return results in the compact form of values.h; redactLinesAsync (for
// RedactStream) returns a block's redacted lines (see workers.h).
//
// JavaScript never calls its constructor: the static factories (fromPolicyJson,
// fromPolicyFile, load, fromBuffer) build one around a compiled phimask::Engine.
// Arguments are validated in node/lib/engine.js, with messages that name the
// public call; the checks here only keep the addon safe against misuse.
#pragma once

#include <optional>

#include <napi.h>

#include "phimask/engine.h"

namespace phimask::js {

class NativeEngine : public Napi::ObjectWrap<NativeEngine> {
public:
    /// Defines the class and keeps its constructor in the environment's data.
    static Napi::Function define(Napi::Env env);

    explicit NativeEngine(const Napi::CallbackInfo& info);

    /// The engine of a NativeEngine object, or nullptr when `value` is not a compiled one.
    static const Engine* of(const Napi::Value& value);

private:
    static Napi::Value wrap(Napi::Env env, Result<Engine> engine);
    static Napi::Value from_policy_json(const Napi::CallbackInfo& info);
    static Napi::Value from_policy_file(const Napi::CallbackInfo& info);
    static Napi::Value load(const Napi::CallbackInfo& info);
    static Napi::Value from_buffer(const Napi::CallbackInfo& info);

    const Engine& engine(Napi::Env env) const;

    Napi::Value save(const Napi::CallbackInfo& info);
    Napi::Value to_buffer(const Napi::CallbackInfo& info);
    Napi::Value policy_version(const Napi::CallbackInfo& info);
    Napi::Value entity_types(const Napi::CallbackInfo& info);
    Napi::Value detector_names(const Napi::CallbackInfo& info);
    /// [name, type, action] per detector: what node/lib/results.js reads spans' detector indexes with.
    Napi::Value detectors(const Napi::CallbackInfo& info);
    Napi::Value redact(const Napi::CallbackInfo& info);
    Napi::Value detect(const Napi::CallbackInfo& info);
    Napi::Value redact_many(const Napi::CallbackInfo& info);
    Napi::Value redact_async(const Napi::CallbackInfo& info);
    Napi::Value detect_async(const Napi::CallbackInfo& info);
    Napi::Value redact_many_async(const Napi::CallbackInfo& info);
    /// For RedactStream (node/lib/stream.js): phimask::redact_lines on a block of lines, as a promise.
    Napi::Value redact_lines_async(const Napi::CallbackInfo& info);

    std::optional<Engine> engine_;
};

}  // namespace phimask::js
