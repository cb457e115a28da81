#include "engine.h"

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "addon.h"
#include "errors.h"
#include "phimask/batch.h"
#include "phimask/policy.h"
#include "text.h"
#include "values.h"
#include "vault.h"
#include "workers.h"

namespace phimask::js {
namespace {

std::string string_arg(const Napi::CallbackInfo& info, std::size_t i, const char* call) {
    if (info.Length() <= i || !info[i].IsString()) {
        throw Napi::TypeError::New(info.Env(), std::string(call) + ": argument " + std::to_string(i) + " must be a string");
    }
    return info[i].As<Napi::String>().Utf8Value();
}

std::size_t count_arg(const Napi::Value& value, const char* call, const char* name) {
    const double d = value.IsNumber() ? value.As<Napi::Number>().DoubleValue() : -1.0;
    if (!(d >= 0.0) || std::floor(d) != d || d > 9007199254740991.0) {
        throw Napi::TypeError::New(value.Env(), std::string(call) + ": " + name + " must be a non-negative integer");
    }
    return static_cast<std::size_t>(d);
}

struct LoadArgs {
    EngineOptions options;
    PolicyLoadOptions load;
};

/// The factories' options object: { modelDirs?: string[], hashKey?: Buffer, maxInputBytes?: number }.
LoadArgs load_args(const Napi::CallbackInfo& info, std::size_t i, const char* call) {
    LoadArgs args;
    if (info.Length() <= i || !info[i].IsObject()) return args;
    const Napi::Object options = info[i].As<Napi::Object>();
    const Napi::Value dirs = options.Get("modelDirs");
    if (dirs.IsArray()) {
        const auto array = dirs.As<Napi::Array>();
        for (uint32_t k = 0; k < array.Length(); ++k) {
            const Napi::Value dir = array.Get(k);
            if (!dir.IsString()) throw Napi::TypeError::New(info.Env(), std::string(call) + ": modelDirs must be strings");
            args.load.model_dirs.push_back(dir.As<Napi::String>().Utf8Value());
        }
    }
    const Napi::Value key = options.Get("hashKey");
    if (key.IsBuffer()) {
        const auto buffer = key.As<Napi::Buffer<char>>();
        args.options.hash_key.assign(buffer.Data(), buffer.Length());
    } else if (!key.IsUndefined() && !key.IsNull()) {
        throw Napi::TypeError::New(info.Env(), std::string(call) + ": hashKey must be a Buffer");
    }
    const Napi::Value max = options.Get("maxInputBytes");
    if (!max.IsUndefined() && !max.IsNull()) args.options.max_input_bytes = count_arg(max, call, "maxInputBytes");
    return args;
}

Napi::Array string_array(Napi::Env env, const std::vector<std::string>& items) {
    Napi::Array out = Napi::Array::New(env, items.size());
    for (std::size_t i = 0; i < items.size(); ++i) out.Set(static_cast<uint32_t>(i), Napi::String::New(env, items[i]));
    return out;
}

std::vector<InputText> read_texts(const Napi::CallbackInfo& info, const char* call, bool copy_buffers) {
    if (info.Length() < 1 || !info[0].IsArray()) {
        throw Napi::TypeError::New(info.Env(), std::string(call) + ": texts must be an array");
    }
    const auto array = info[0].As<Napi::Array>();
    std::vector<InputText> inputs;
    inputs.reserve(array.Length());
    for (uint32_t i = 0; i < array.Length(); ++i) {
        inputs.push_back(InputText::read(array.Get(i), call, "texts[" + std::to_string(i) + "]", copy_buffers));
    }
    return inputs;
}

std::size_t threads_arg(const Napi::CallbackInfo& info, const char* call) {
    return info.Length() > 1 && !info[1].IsUndefined() ? count_arg(info[1], call, "threads") : 0;
}

}  // namespace

Napi::Function NativeEngine::define(Napi::Env env) {
    Napi::Function cls = DefineClass(
        env, "NativeEngine",
        {
            StaticMethod<&NativeEngine::from_policy_json>("fromPolicyJson"),
            StaticMethod<&NativeEngine::from_policy_file>("fromPolicyFile"),
            StaticMethod<&NativeEngine::load>("load"),
            StaticMethod<&NativeEngine::from_buffer>("fromBuffer"),
            InstanceMethod<&NativeEngine::save>("save"),
            InstanceMethod<&NativeEngine::to_buffer>("toBuffer"),
            InstanceMethod<&NativeEngine::policy_version>("policyVersion"),
            InstanceMethod<&NativeEngine::entity_types>("entityTypes"),
            InstanceMethod<&NativeEngine::detector_names>("detectorNames"),
            InstanceMethod<&NativeEngine::detectors>("detectors"),
            InstanceMethod<&NativeEngine::redact>("redact"),
            InstanceMethod<&NativeEngine::detect>("detect"),
            InstanceMethod<&NativeEngine::redact_many>("redactMany"),
            InstanceMethod<&NativeEngine::redact_async>("redactAsync"),
            InstanceMethod<&NativeEngine::detect_async>("detectAsync"),
            InstanceMethod<&NativeEngine::redact_many_async>("redactManyAsync"),
            InstanceMethod<&NativeEngine::redact_lines_async>("redactLinesAsync"),
        });
    addon_data(env).engine_class = Napi::Persistent(cls);
    return cls;
}

NativeEngine::NativeEngine(const Napi::CallbackInfo& info) : Napi::ObjectWrap<NativeEngine>(info) {}

Napi::Value NativeEngine::wrap(Napi::Env env, Result<Engine> engine) {
    if (!engine.ok()) throw_status(env, engine.status());
    Napi::Object object = addon_data(env).engine_class.New({});
    Unwrap(object)->engine_ = std::move(*engine);
    return object;
}

const Engine* NativeEngine::of(const Napi::Value& value) {
    if (!value.IsObject()) return nullptr;
    const Napi::Object object = value.As<Napi::Object>();
    if (!object.InstanceOf(addon_data(value.Env()).engine_class.Value())) return nullptr;
    const NativeEngine* native = Unwrap(object);
    return native->engine_ ? &*native->engine_ : nullptr;
}

const Engine& NativeEngine::engine(Napi::Env env) const {
    if (!engine_) throw Napi::TypeError::New(env, "not a compiled phimask engine");
    return *engine_;
}

Napi::Value NativeEngine::from_policy_json(const Napi::CallbackInfo& info) {
    const Napi::Env env = info.Env();
    return guarded(env, [&] {
        const std::string json = string_arg(info, 0, "fromPolicyJson");
        const LoadArgs args = load_args(info, 1, "fromPolicyJson");
        Result<Policy> policy = Policy::from_json(json, args.load);
        if (!policy.ok()) throw_status(env, policy.status());
        return wrap(env, Engine::compile(*policy, args.options));
    });
}

Napi::Value NativeEngine::from_policy_file(const Napi::CallbackInfo& info) {
    const Napi::Env env = info.Env();
    return guarded(env, [&] {
        const std::string path = string_arg(info, 0, "fromPolicyFile");
        const LoadArgs args = load_args(info, 1, "fromPolicyFile");
        Result<Policy> policy = Policy::from_file(path, args.load);
        if (!policy.ok()) throw_status(env, policy.status());
        return wrap(env, Engine::compile(*policy, args.options));
    });
}

Napi::Value NativeEngine::load(const Napi::CallbackInfo& info) {
    const Napi::Env env = info.Env();
    return guarded(env, [&] {
        const std::string path = string_arg(info, 0, "load");
        return wrap(env, Engine::load(path, load_args(info, 1, "load").options));
    });
}

Napi::Value NativeEngine::from_buffer(const Napi::CallbackInfo& info) {
    const Napi::Env env = info.Env();
    return guarded(env, [&] {
        if (info.Length() < 1 || !info[0].IsBuffer()) throw Napi::TypeError::New(env, "fromBuffer: expects a Buffer");
        const auto data = info[0].As<Napi::Buffer<char>>();
        const std::string_view bytes(data.Length() == 0 ? "" : data.Data(), data.Length());
        return wrap(env, Engine::deserialize(bytes, load_args(info, 1, "fromBuffer").options));
    });
}

Napi::Value NativeEngine::save(const Napi::CallbackInfo& info) {
    const Napi::Env env = info.Env();
    return guarded(env, [&] {
        const Status status = engine(env).save(string_arg(info, 0, "save"));
        if (!status.ok()) throw_status(env, status);
        return env.Undefined();
    });
}

Napi::Value NativeEngine::to_buffer(const Napi::CallbackInfo& info) {
    const Napi::Env env = info.Env();
    return guarded(env, [&]() -> Napi::Value {
        Result<std::string> bytes = engine(env).serialize();
        if (!bytes.ok()) throw_status(env, bytes.status());
        return Napi::Buffer<char>::Copy(env, bytes->data(), bytes->size());
    });
}

Napi::Value NativeEngine::policy_version(const Napi::CallbackInfo& info) {
    return Napi::String::New(info.Env(), engine(info.Env()).policy_version());
}

Napi::Value NativeEngine::entity_types(const Napi::CallbackInfo& info) {
    return string_array(info.Env(), engine(info.Env()).policy().entity_types());
}

Napi::Value NativeEngine::detector_names(const Napi::CallbackInfo& info) {
    return string_array(info.Env(), engine(info.Env()).policy().detector_names());
}

Napi::Value NativeEngine::detectors(const Napi::CallbackInfo& info) {
    return detector_table(info.Env(), engine(info.Env()).policy().detectors());
}

Napi::Value NativeEngine::redact(const Napi::CallbackInfo& info) {
    const Napi::Env env = info.Env();
    return guarded(env, [&]() -> Napi::Value {
        const InputText input = InputText::read(info[0], "engine.redact(text: string | Buffer)", {}, false);
        const std::shared_ptr<SharedVault> vault = info.Length() > 1 ? NativeVault::of(info[1]) : nullptr;
        Result<RedactResult> result = redact_with(engine(env), input.utf8(), vault.get());
        if (!result.ok()) throw_status(env, result.status());
        to_caller_offsets(input, result->spans);
        return raw_result(env, *result, input);
    });
}

Napi::Value NativeEngine::detect(const Napi::CallbackInfo& info) {
    const Napi::Env env = info.Env();
    return guarded(env, [&]() -> Napi::Value {
        const InputText input = InputText::read(info[0], "engine.detect(text: string | Buffer)", {}, false);
        Result<std::vector<Span>> spans = engine(env).detect(input.utf8());
        if (!spans.ok()) throw_status(env, spans.status());
        to_caller_offsets(input, *spans);
        return raw_spans(env, *spans);
    });
}

Napi::Value NativeEngine::redact_many(const Napi::CallbackInfo& info) {
    const Napi::Env env = info.Env();
    return guarded(env, [&]() -> Napi::Value {
        const char* call = "engine.redactMany(texts: Array<string | Buffer>, options?: { threads?: number })";
        const std::vector<InputText> inputs = read_texts(info, call, false);
        // Each result becomes a JavaScript object as soon as it is done, while the workers go on.
        BatchRedactor batch(engine(env), utf8_views(inputs), threads_arg(info, call));
        Napi::Array out = Napi::Array::New(env, inputs.size());
        for (std::size_t i = 0; i < inputs.size(); ++i) {
            batch.wait_for(i);
            if (!batch.status(i).ok()) throw_status(env, batch.status(i), "texts[" + std::to_string(i) + "]");
            to_caller_offsets(inputs[i], batch.result(i).spans);
            out.Set(static_cast<uint32_t>(i), raw_result(env, batch.result(i), inputs[i]));
            batch.release(i);
        }
        return out;
    });
}

Napi::Value NativeEngine::redact_async(const Napi::CallbackInfo& info) {
    const Napi::Env env = info.Env();
    return guarded(env, [&]() -> Napi::Value {
        InputText input = InputText::read(info[0], "engine.redactAsync(text: string | Buffer)", {}, true);
        std::shared_ptr<SharedVault> vault = info.Length() > 1 ? NativeVault::of(info[1]) : nullptr;
        return queue_scan(env, engine(env), std::move(input), ScanKind::kRedact, std::move(vault));
    });
}

Napi::Value NativeEngine::detect_async(const Napi::CallbackInfo& info) {
    const Napi::Env env = info.Env();
    return guarded(env, [&]() -> Napi::Value {
        InputText input = InputText::read(info[0], "engine.detectAsync(text: string | Buffer)", {}, true);
        return queue_scan(env, engine(env), std::move(input), ScanKind::kDetect);
    });
}

Napi::Value NativeEngine::redact_many_async(const Napi::CallbackInfo& info) {
    const Napi::Env env = info.Env();
    return guarded(env, [&]() -> Napi::Value {
        const char* call = "engine.redactManyAsync(texts: Array<string | Buffer>, options?: { threads?: number })";
        std::vector<InputText> inputs = read_texts(info, call, true);
        return queue_batch(env, engine(env), std::move(inputs), threads_arg(info, call));
    });
}

Napi::Value NativeEngine::redact_lines_async(const Napi::CallbackInfo& info) {
    const Napi::Env env = info.Env();
    return guarded(env, [&]() -> Napi::Value {
        // (block: Buffer, json: boolean, blockedLine: Buffer | null, firstLine: number)
        const char* call = "redactLinesAsync";
        if (info.Length() < 4 || !info[0].IsBuffer() || !info[1].IsBoolean()) {
            throw Napi::TypeError::New(env, std::string(call) + ": bad arguments");
        }
        LinesJob job;
        const auto block = info[0].As<Napi::Buffer<char>>();
        job.block.assign(block.Length() == 0 ? "" : block.Data(), block.Length());
        job.options.format = info[1].As<Napi::Boolean>().Value() ? LineFormat::kJson : LineFormat::kText;
        job.options.invalid_json_as_text = true;
        if (info[2].IsBuffer()) {
            const auto line = info[2].As<Napi::Buffer<char>>();
            job.blocked_line.emplace(line.Length() == 0 ? "" : line.Data(), line.Length());
        }
        job.first_line = count_arg(info[3], call, "firstLine");
        return queue_lines(env, engine(env), std::move(job));
    });
}

}  // namespace phimask::js
