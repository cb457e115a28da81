#include "stream.h"

#include <mutex>
#include <string>

#include "engine.h"
#include "errors.h"
#include "text.h"

namespace phimask::js {
namespace {

/// The vault's lock for one call, or none without a vault.
std::unique_lock<std::mutex> lock_of(const std::shared_ptr<SharedVault>& vault) {
    return vault ? std::unique_lock<std::mutex>(vault->mutex) : std::unique_lock<std::mutex>();
}

/// finish(asBuffer: boolean): the type of the rest.
TextKind finish_kind(const Napi::CallbackInfo& info) {
    return info.Length() > 0 && info[0].IsBoolean() && info[0].As<Napi::Boolean>() ? TextKind::kBuffer
                                                                                    : TextKind::kString;
}

}  // namespace

Napi::Function NativeStreamRedactor::define(Napi::Env env) {
    return DefineClass(env, "NativeStreamRedactor",
                       {
                           StaticMethod<&NativeStreamRedactor::max_hold_back>("maxHoldBack"),
                           InstanceMethod<&NativeStreamRedactor::push>("push"),
                           InstanceMethod<&NativeStreamRedactor::finish>("finish"),
                           InstanceMethod<&NativeStreamRedactor::state>("state"),
                       });
}

NativeStreamRedactor::NativeStreamRedactor(const Napi::CallbackInfo& info)
    : Napi::ObjectWrap<NativeStreamRedactor>(info) {
    const Napi::Env env = info.Env();
    const Engine* engine = NativeEngine::of(info[0]);
    if (engine == nullptr) throw Napi::TypeError::New(env, "StreamRedactor: not a compiled phimask engine");
    engine_ref_ = Napi::Persistent(info[0].As<Napi::Object>());
    vault_ = info.Length() > 1 ? NativeVault::of(info[1]) : nullptr;
    if (vault_) {
        stream_.emplace(*engine, vault_->vault);
    } else {
        stream_.emplace(*engine);
    }
}

Napi::Value NativeStreamRedactor::max_hold_back(const Napi::CallbackInfo& info) {
    const Engine* engine = NativeEngine::of(info[0]);
    if (engine == nullptr) throw Napi::TypeError::New(info.Env(), "maxHoldBack: not a compiled phimask engine");
    return Napi::Number::New(info.Env(), static_cast<double>(StreamRedactor::max_hold_back(*engine)));
}

Napi::Value NativeStreamRedactor::step(const Napi::CallbackInfo& info, bool last) {
    const Napi::Env env = info.Env();
    return guarded(env, [&]() -> Napi::Value {
        const InputText input = last ? InputText() : InputText::read(info[0], "streamRedactor.push(text: string | Buffer)", {}, false);
        Status status;
        {
            auto lock = lock_of(vault_);
            status = last ? stream_->finish(out_) : stream_->push(input.utf8(), out_);
        }
        if (!status.ok()) throw_status(env, status);
        return make_text(env, out_.text, last ? finish_kind(info) : input.kind());
    });
}

Napi::Value NativeStreamRedactor::push(const Napi::CallbackInfo& info) { return step(info, false); }
/// finish(asBuffer: boolean)
Napi::Value NativeStreamRedactor::finish(const Napi::CallbackInfo& info) { return step(info, true); }

/// [blocked, blockingTypes, counts (object), heldBytes]
Napi::Value NativeStreamRedactor::state(const Napi::CallbackInfo& info) {
    const Napi::Env env = info.Env();
    const Summary& summary = stream_->summary();
    Napi::Array types = Napi::Array::New(env, summary.blocking_types.size());
    for (std::size_t i = 0; i < summary.blocking_types.size(); ++i) {
        types.Set(static_cast<uint32_t>(i), Napi::String::New(env, summary.blocking_types[i]));
    }
    Napi::Object counts = Napi::Object::New(env);
    for (const auto& [type, n] : summary.counts) counts.Set(type, Napi::Number::New(env, static_cast<double>(n)));
    Napi::Array out = Napi::Array::New(env, 4);
    out.Set(0u, Napi::Boolean::New(env, summary.blocked));
    out.Set(1u, types);
    out.Set(2u, counts);
    out.Set(3u, Napi::Number::New(env, static_cast<double>(stream_->held_bytes())));
    return out;
}

Napi::Function NativeStreamRestorer::define(Napi::Env env) {
    return DefineClass(env, "NativeStreamRestorer",
                       {
                           InstanceMethod<&NativeStreamRestorer::push>("push"),
                           InstanceMethod<&NativeStreamRestorer::finish>("finish"),
                           InstanceMethod<&NativeStreamRestorer::state>("state"),
                       });
}

NativeStreamRestorer::NativeStreamRestorer(const Napi::CallbackInfo& info)
    : Napi::ObjectWrap<NativeStreamRestorer>(info) {
    vault_ = NativeVault::of(info[0]);
    if (!vault_) throw Napi::TypeError::New(info.Env(), "StreamRestorer: not a phimask vault");
    restorer_.emplace(vault_->vault);
}

Napi::Value NativeStreamRestorer::push(const Napi::CallbackInfo& info) {
    const Napi::Env env = info.Env();
    return guarded(env, [&]() -> Napi::Value {
        const InputText input = InputText::read(info[0], "streamRestorer.push(text: string | Buffer)", {}, false);
        out_.clear();
        {
            std::lock_guard<std::mutex> lock(vault_->mutex);
            restorer_->push(input.utf8(), out_);
        }
        return make_text(env, out_, input.kind());
    });
}

/// finish(asBuffer: boolean)
Napi::Value NativeStreamRestorer::finish(const Napi::CallbackInfo& info) {
    const Napi::Env env = info.Env();
    return guarded(env, [&]() -> Napi::Value {
        out_.clear();
        {
            std::lock_guard<std::mutex> lock(vault_->mutex);
            restorer_->finish(out_);
        }
        return make_text(env, out_, finish_kind(info));
    });
}

/// [restored, unknown]
Napi::Value NativeStreamRestorer::state(const Napi::CallbackInfo& info) {
    const Napi::Env env = info.Env();
    Napi::Array unknown = Napi::Array::New(env, restorer_->unknown().size());
    for (std::size_t i = 0; i < restorer_->unknown().size(); ++i) {
        unknown.Set(static_cast<uint32_t>(i), Napi::String::New(env, restorer_->unknown()[i]));
    }
    Napi::Array out = Napi::Array::New(env, 2);
    out.Set(0u, Napi::Number::New(env, static_cast<double>(restorer_->restored())));
    out.Set(1u, unknown);
    return out;
}

}  // namespace phimask::js
