#include "phimask/policy.h"

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "crypto.h"
#include "policy_data.h"
#include "policy_parse.h"

namespace phimask {
namespace {

std::vector<std::string> default_model_dirs() {
    std::vector<std::string> dirs;
    if (const char* env = std::getenv("PHIMASK_MODELS_PATH"); env != nullptr && *env != '\0') {
        std::stringstream s(env);
        for (std::string dir; std::getline(s, dir, ':');) {
            if (!dir.empty()) dirs.push_back(dir);
        }
    }
    dirs.emplace_back(PHIMASK_MODELS_INSTALL_DIR);
    dirs.emplace_back(PHIMASK_MODELS_SOURCE_DIR);
    return dirs;
}

}  // namespace

Result<Policy> Policy::from_json(std::string_view json_text, const PolicyLoadOptions& options) {
    try {
        auto data = std::make_shared<detail::PolicyData>();
        const auto dirs = options.model_dirs.empty() ? default_model_dirs() : options.model_dirs;
        Status s = detail::parse_policy(std::string(json_text), dirs, *data);
        if (!s.ok()) return s;
        data->version = detail::to_hex(detail::sha256(data->canonical_json), 16);
        return Policy(std::move(data));
    } catch (const std::bad_alloc&) {
        return Status(ErrorCode::kInternal, "out of memory while loading the policy");
    } catch (const std::exception&) {
        return Status(ErrorCode::kPolicy, "the policy could not be processed");
    }
}

Result<Policy> Policy::from_file(const std::string& path, const PolicyLoadOptions& options) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status(ErrorCode::kIo, "cannot open policy file " + path);
    std::ostringstream s;
    s << in.rdbuf();
    if (in.bad()) return Status(ErrorCode::kIo, "cannot read policy file " + path);
    return from_json(s.str(), options);
}

Result<Policy> Policy::default_policy(const PolicyLoadOptions& options) {
    return from_json("{}", options);
}

const std::string& Policy::version() const { return data_->version; }

const std::string& Policy::canonical_json() const { return data_->canonical_json; }

std::vector<std::string> Policy::entity_types() const {
    std::set<std::string> types;
    for (const auto& d : data_->detectors) types.insert(d.type);
    return {types.begin(), types.end()};
}

std::vector<DetectorInfo> Policy::detectors() const {
    std::vector<DetectorInfo> out;
    out.reserve(data_->detectors.size());
    for (const auto& d : data_->detectors) out.push_back({d.name, d.type, data_->action_for(d).kind});
    return out;
}

std::vector<std::string> Policy::detector_names() const {
    std::vector<std::string> names;
    for (const auto& d : data_->detectors) names.push_back(d.name);
    return names;
}

}  // namespace phimask
