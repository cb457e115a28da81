// The native Vault behind node/lib/vault.js: a conversation's vault, shared by
// the main thread (restore, seal, sync redact) and AsyncWorkers (redactAsync).
#pragma once

#include <memory>
#include <mutex>

#include <napi.h>

#include "phimask/vault.h"

namespace phimask::js {

/// A Vault with the lock every user takes: a redactAsync on libuv's pool may
/// use it while the main thread restores.
struct SharedVault {
    std::mutex mutex;
    Vault vault;
};

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
