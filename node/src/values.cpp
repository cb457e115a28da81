#include "values.h"

#include <string_view>

namespace phimask::js {

Napi::Value raw_spans(Napi::Env env, const std::vector<Span>& spans) {
    constexpr std::size_t kFields = 4;
    Napi::ArrayBuffer buffer = Napi::ArrayBuffer::New(env, spans.size() * kFields * sizeof(double));
    auto* out = static_cast<double*>(buffer.Data());
    for (std::size_t i = 0; i < spans.size(); ++i) {
        const Span& s = spans[i];
        out[kFields * i] = static_cast<double>(s.start);
        out[kFields * i + 1] = static_cast<double>(s.end);
        out[kFields * i + 2] = s.score;
        out[kFields * i + 3] = static_cast<double>(s.detector_index);
    }
    return Napi::Float64Array::New(env, spans.size() * kFields, buffer, 0);
}

Napi::Value raw_result(Napi::Env env, const RedactResult& result, const InputText& input) {
    const bool blocked = result.summary.blocked;
    Napi::Array out = Napi::Array::New(env, 3);
    out.Set(0u, make_text(env, blocked ? std::string_view() : std::string_view(result.text), input.kind()));
    out.Set(1u, raw_spans(env, result.spans));
    out.Set(2u, Napi::Boolean::New(env, blocked));
    return out;
}

Napi::Value detector_table(Napi::Env env, const std::vector<DetectorInfo>& detectors) {
    Napi::Array out = Napi::Array::New(env, detectors.size());
    for (std::size_t i = 0; i < detectors.size(); ++i) {
        Napi::Array row = Napi::Array::New(env, 3);
        row.Set(0u, Napi::String::New(env, detectors[i].name));
        row.Set(1u, Napi::String::New(env, detectors[i].type));
        row.Set(2u, Napi::String::New(env, action_name(detectors[i].action)));
        out.Set(static_cast<uint32_t>(i), row);
    }
    return out;
}

}  // namespace phimask::js
