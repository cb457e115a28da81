// Policy JSON -> PolicyData, with every field checked.
#pragma once

#include <string>
#include <vector>

#include "phimask/status.h"
#include "policy_data.h"

namespace phimask::detail {

using LexiconMap = std::map<std::string, std::shared_ptr<const LexiconData>>;

/// Parses a policy document, expanding packs and lexicons found in `model_dirs`.
/// On success `out` holds everything but the version (see policy.cpp).
/// `check_regexes` false skips asking Hyperscan about each pattern, and
/// `preloaded` supplies lexicons the JSON names by digest: both only for
/// policies taken from an engine file, which was checked when it was compiled.
Status parse_policy(const std::string& json_text, const std::vector<std::string>& model_dirs, PolicyData& out,
                    bool check_regexes = true, const LexiconMap* preloaded = nullptr);

/// The policy's canonical JSON (packs resolved; examples dropped; defaults explicit).
std::string canonical_policy_json(const PolicyData& data);

}  // namespace phimask::detail
