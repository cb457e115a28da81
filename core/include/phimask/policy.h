// Policies: which detectors run and what is done to what they find.
//
// A policy is JSON (format in README.md, "Policy format"). Loading resolves
// every detector pack it names into one self-contained description, validates
// every field and every regular expression, and computes the policy's version:
// a hash of its canonical JSON, reported in every result. Two policies with the
// same meaning but different key order or whitespace have the same version.
//
// Thread-safety: a Policy is immutable after loading; copies share state and
// may be used from any thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "phimask/span.h"
#include "phimask/status.h"

namespace phimask {

namespace detail {
struct PolicyData;
struct PolicyAccess;
}

struct PolicyLoadOptions {
    /// Folders searched, in order, for detector packs ("<name>.json"). When
    /// empty: $PHIMASK_MODELS_PATH (colon-separated), then the installed models
    /// folder, then the source tree's models/ (for builds run in place).
    std::vector<std::string> model_dirs;
};

/// One detector of a policy, as results report it.
struct DetectorInfo {
    std::string name;  ///< Span::detector
    std::string type;  ///< Span::type of its spans
    Action action;     ///< Span::action of its spans: what the policy does to them
};

class Policy {
public:
    /// Parses and validates a policy document. Errors are ErrorCode::kPolicy with
    /// the JSON pointer of the faulty field and the detector concerned.
    static Result<Policy> from_json(std::string_view json_text, const PolicyLoadOptions& options = {});

    /// Reads a policy file (kIo if unreadable) and parses it as from_json.
    static Result<Policy> from_file(const std::string& path, const PolicyLoadOptions& options = {});

    /// The default policy: every detector of the shipped "us_core" pack, every
    /// entity type on, the "{TYPE}" placeholder action.
    static Result<Policy> default_policy(const PolicyLoadOptions& options = {});

    /// 16 lowercase hex digits: the first 64 bits of SHA-256 over canonical_json().
    const std::string& version() const;

    /// The resolved policy (packs expanded, defaults filled in) with sorted keys
    /// and no whitespace. from_json(canonical_json()) yields the same version.
    const std::string& canonical_json() const;

    /// Entity types the policy can report, sorted.
    std::vector<std::string> entity_types() const;

    /// Names of the detectors the policy runs, in policy order.
    std::vector<std::string> detector_names() const;

    /// The detectors the policy runs, in policy order: Span::detector_index
    /// indexes this list.
    std::vector<DetectorInfo> detectors() const;

    /// For the engine and tools; not a stable interface.
    const detail::PolicyData& data() const { return *data_; }

private:
    friend struct detail::PolicyAccess;
    explicit Policy(std::shared_ptr<const detail::PolicyData> data) : data_(std::move(data)) {}
    std::shared_ptr<const detail::PolicyData> data_;
};

}  // namespace phimask
