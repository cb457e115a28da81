// Policy JSON -> PolicyData, with every field checked.
#pragma once

#include <string>
#include <vector>

#include "phimask/status.h"
#include "policy_data.h"

namespace phimask::detail {

/// Parses a policy document, expanding packs found in `model_dirs`. On success
/// `out` holds everything but the version (see policy.cpp). `check_regexes`
/// false skips asking Hyperscan about each pattern: only for policies taken from
/// an engine file, whose patterns were checked when it was compiled.
Status parse_policy(const std::string& json_text, const std::vector<std::string>& model_dirs, PolicyData& out,
                    bool check_regexes = true);

/// The policy's canonical JSON (packs resolved; examples dropped; defaults explicit).
std::string canonical_policy_json(const PolicyData& data);

}  // namespace phimask::detail
