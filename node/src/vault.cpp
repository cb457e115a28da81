#include "vault.h"

#include <string>

#include "addon.h"
#include "errors.h"
#include "text.h"

namespace phimask::js {
namespace {

std::string_view buffer_arg(const Napi::CallbackInfo& info, std::size_t i, const char* call) {
    if (info.Length() <= i || !info[i].IsBuffer()) {
        throw Napi::TypeError::New(info.Env(), std::string(call) + ": argument " + std::to_string(i) + " must be a Buffer");
    }
    const auto buffer = info[i].As<Napi::Buffer<char>>();
    return {buffer.Length() == 0 ? "" : buffer.Data(), buffer.Length()};
}

}  // namespace

Napi::Function NativeVault::define(Napi::Env env) {
    Napi::Function cls = DefineClass(env, "NativeVault",
                                     {
                                         StaticMethod<&NativeVault::unseal>("unseal"),
                                         InstanceMethod<&NativeVault::restore>("restore"),
                                         InstanceMethod<&NativeVault::seal>("seal"),
                                         InstanceMethod<&NativeVault::size>("size"),
                                     });
    addon_data(env).vault_class = Napi::Persistent(cls);
    return cls;
}

NativeVault::NativeVault(const Napi::CallbackInfo& info) : Napi::ObjectWrap<NativeVault>(info) {}

std::shared_ptr<SharedVault> NativeVault::of(const Napi::Value& value) {
    if (!value.IsObject()) return nullptr;
    const Napi::Object object = value.As<Napi::Object>();
    if (!object.InstanceOf(addon_data(value.Env()).vault_class.Value())) return nullptr;
    return Unwrap(object)->shared_;
}

Napi::Value NativeVault::unseal(const Napi::CallbackInfo& info) {
    const Napi::Env env = info.Env();
    return guarded(env, [&]() -> Napi::Value {
        Result<Vault> vault = Vault::unseal(buffer_arg(info, 0, "unseal"), buffer_arg(info, 1, "unseal"));
        if (!vault.ok()) throw_status(env, vault.status());
        Napi::Object object = addon_data(env).vault_class.New({});
        Unwrap(object)->shared_->vault = std::move(*vault);
        return object;
    });
}

Napi::Value NativeVault::restore(const Napi::CallbackInfo& info) {
    const Napi::Env env = info.Env();
    return guarded(env, [&]() -> Napi::Value {
        const InputText input = InputText::read(info[0], "vault.restore(text: string | Buffer)", {}, false);
        RestoreResult result;
        {
            std::lock_guard<std::mutex> lock(shared_->mutex);
            result = shared_->vault.restore(input.utf8());
        }
        Napi::Array unknown = Napi::Array::New(env, result.unknown.size());
        for (std::size_t i = 0; i < result.unknown.size(); ++i) {
            unknown.Set(static_cast<uint32_t>(i), Napi::String::New(env, result.unknown[i]));
        }
        Napi::Array out = Napi::Array::New(env, 3);
        out.Set(0u, make_text(env, result.text, input.kind()));
        out.Set(1u, Napi::Number::New(env, static_cast<double>(result.restored)));
        out.Set(2u, unknown);
        return out;
    });
}

Napi::Value NativeVault::seal(const Napi::CallbackInfo& info) {
    const Napi::Env env = info.Env();
    return guarded(env, [&]() -> Napi::Value {
        const std::string_view key = buffer_arg(info, 0, "seal");
        Result<std::string> sealed = [&] {
            std::lock_guard<std::mutex> lock(shared_->mutex);
            return shared_->vault.seal(key);
        }();
        if (!sealed.ok()) throw_status(env, sealed.status());
        return Napi::Buffer<char>::Copy(env, sealed->data(), sealed->size());
    });
}

Napi::Value NativeVault::size(const Napi::CallbackInfo& info) {
    std::lock_guard<std::mutex> lock(shared_->mutex);
    return Napi::Number::New(info.Env(), static_cast<double>(shared_->vault.size()));
}

}  // namespace phimask::js
