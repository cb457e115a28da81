// The native stream classes behind node/lib/text_stream.js: StreamRedactor and
// StreamRestorer (phimask/stream.h) on the main thread. Each push is bounded
// work (the engine runs over a window of a few hundred bytes, or over the chunk
// itself); node/lib/text_stream.js hands large chunks over in slices.
#pragma once

#include <memory>
#include <optional>

#include <napi.h>

#include "phimask/stream.h"
#include "vault.h"

namespace phimask::js {

class NativeStreamRedactor : public Napi::ObjectWrap<NativeStreamRedactor> {
public:
    static Napi::Function define(Napi::Env env);
    /// new NativeStreamRedactor(nativeEngine, nativeVault | undefined)
    explicit NativeStreamRedactor(const Napi::CallbackInfo& info);

private:
    static Napi::Value max_hold_back(const Napi::CallbackInfo& info);
    Napi::Value push(const Napi::CallbackInfo& info);
    Napi::Value finish(const Napi::CallbackInfo& info);
    Napi::Value state(const Napi::CallbackInfo& info);

    Napi::Value step(const Napi::CallbackInfo& info, bool last);

    Napi::ObjectReference engine_ref_;         ///< keeps the engine's JS object alive
    std::shared_ptr<SharedVault> vault_;       ///< null without a vault
    std::optional<StreamRedactor> stream_;
    StreamOutput out_;
};

class NativeStreamRestorer : public Napi::ObjectWrap<NativeStreamRestorer> {
public:
    static Napi::Function define(Napi::Env env);
    /// new NativeStreamRestorer(nativeVault)
    explicit NativeStreamRestorer(const Napi::CallbackInfo& info);

private:
    Napi::Value push(const Napi::CallbackInfo& info);
    Napi::Value finish(const Napi::CallbackInfo& info);
    Napi::Value state(const Napi::CallbackInfo& info);

    std::shared_ptr<SharedVault> vault_;
    std::optional<StreamRestorer> restorer_;
    std::string out_;
};

}  // namespace phimask::js
