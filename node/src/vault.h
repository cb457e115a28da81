// The native Vault behind node/lib/vault.js: a conversation's vault, shared by
// the main thread (restore, seal, sync redact) and AsyncWorkers (redactAsync).
#pragma once

#include <memory>
#include <mutex>
#include <string_view>

#include <napi.h>

#include "phimask/engine.h"
#include "phimask/vault.h"

namespace phimask::js {

/// A Vault with the lock every user takes: a redactAsync on libuv's pool may
/// use it while the main thread restores.
struct SharedVault {
    std::mutex mutex;
    Vault vault;
};

/// Engine::redact with `vault` locked for the call, or without a vault when it is null.
inline Result<RedactResult> redact_with(const Engine& engine, std::string_view text, SharedVault* vault) {
    if (vault == nullptr) return engine.redact(text);
    std::lock_guard<std::mutex> lock(vault->mutex);
    return engine.redact(text, vault->vault);
}

class NativeVault : public Napi::ObjectWrap<NativeVault> {
public:
    static Napi::Function define(Napi::Env env);
    explicit NativeVault(const Napi::CallbackInfo& info);

    /// The vault of a NativeVault object, or nullptr when `value` is not one.
    static std::shared_ptr<SharedVault> of(const Napi::Value& value);

private:
    static Napi::Value unseal(const Napi::CallbackInfo& info);
    Napi::Value restore(const Napi::CallbackInfo& info);
    Napi::Value seal(const Napi::CallbackInfo& info);
    Napi::Value size(const Napi::CallbackInfo& info);

    std::shared_ptr<SharedVault> shared_ = std::make_shared<SharedVault>();
};

}  // namespace phimask::js
