#include "values.h"

#include <string_view>

namespace phimask::js {
namespace {

template <class T>
T frozen(T object) {
    object.Freeze();
    return object;
}

Napi::Object make_span(Napi::Env env, const Span& s) {
    Napi::Object span = Napi::Object::New(env);
    span.Set("start", Napi::Number::New(env, static_cast<double>(s.start)));
    span.Set("end", Napi::Number::New(env, static_cast<double>(s.end)));
    span.Set("type", Napi::String::New(env, s.type));
    span.Set("score", Napi::Number::New(env, s.score));
    span.Set("detector", Napi::String::New(env, s.detector));
    span.Set("action", Napi::String::New(env, action_name(s.action)));
    return frozen(span);
}

Napi::Object make_summary(Napi::Env env, const Summary& summary) {
    Napi::Object counts = Napi::Object::New(env);
    for (const auto& [type, count] : summary.counts) counts.Set(type, Napi::Number::New(env, static_cast<double>(count)));
    Napi::Array blocking = Napi::Array::New(env, summary.blocking_types.size());
    for (std::size_t i = 0; i < summary.blocking_types.size(); ++i) {
        blocking.Set(static_cast<uint32_t>(i), Napi::String::New(env, summary.blocking_types[i]));
    }
    Napi::Object out = Napi::Object::New(env);
    out.Set("counts", frozen(counts));
    out.Set("policyVersion", Napi::String::New(env, summary.policy_version));
    out.Set("blocked", Napi::Boolean::New(env, summary.blocked));
    out.Set("blockingTypes", frozen(blocking));
    return frozen(out);
}

}  // namespace

Napi::Array make_spans(Napi::Env env, const std::vector<Span>& spans) {
    Napi::Array out = Napi::Array::New(env, spans.size());
    for (std::size_t i = 0; i < spans.size(); ++i) out.Set(static_cast<uint32_t>(i), make_span(env, spans[i]));
    return frozen(out);
}

Napi::Object make_result(Napi::Env env, const RedactResult& result, const InputText& input) {
    const bool blocked = result.summary.blocked;
    Napi::Object out = Napi::Object::New(env);
    // A blocked result's text is empty whatever the core left in it.
    out.Set("text", make_text(env, blocked ? std::string_view() : std::string_view(result.text), input.kind()));
    out.Set("spans", make_spans(env, result.spans));
    out.Set("summary", make_summary(env, result.summary));
    out.Set("blocked", Napi::Boolean::New(env, blocked));
    return frozen(out);
}

}  // namespace phimask::js
