// Shared helpers for the C++ tests.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "phimask/phimask.h"

namespace phimask::test {

inline PolicyLoadOptions models() { return PolicyLoadOptions{{PHIMASK_TEST_MODELS_DIR}}; }

inline Policy policy_from(const std::string& json) {
    auto p = Policy::from_json(json, models());
    if (!p.ok()) ADD_FAILURE() << p.status().to_string();
    return std::move(p).value();
}

inline Engine engine_from(const std::string& policy_json, const EngineOptions& options = {}) {
    auto e = Engine::compile(policy_from(policy_json), options);
    if (!e.ok()) ADD_FAILURE() << e.status().to_string();
    return std::move(e).value();
}

inline const Engine& default_engine() {
    static const Engine engine = engine_from(R"({"packs": ["us_core"]})");
    return engine;
}

inline std::string slice(const std::string& text, const Span& s) { return text.substr(s.start, s.end - s.start); }

/// "TYPE:text" for every span, for compact assertions.
inline std::vector<std::string> described(const std::string& text, const std::vector<Span>& spans) {
    std::vector<std::string> out;
    for (const auto& s : spans) out.push_back(s.type + ":" + slice(text, s));
    return out;
}

/// The two policy plugins from the README: a hospital MRN and an encounter id.
inline const char* kPluginPolicy = R"({
  "packs": [],
  "detectors": [
    {"name": "hospital_mrn", "type": "MEDICAL_RECORD_NUMBER", "pattern": "MRN[:# ]*\\d{7,10}", "score": 0.9},
    {"name": "encounter_id", "type": "ENCOUNTER_ID", "pattern": "ENC-\\d{8}", "score": 0.9}
  ]
})";

}  // namespace phimask::test
