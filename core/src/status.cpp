#include "phimask/status.h"

#include "phimask/span.h"

namespace phimask {

const char* error_code_name(ErrorCode code) noexcept {
    switch (code) {
    case ErrorCode::kOk: return "ok";
    case ErrorCode::kPolicy: return "policy";
    case ErrorCode::kInput: return "input";
    case ErrorCode::kEngineFile: return "engine_file";
    case ErrorCode::kKey: return "key";
    case ErrorCode::kVault: return "vault";
    case ErrorCode::kIo: return "io";
    case ErrorCode::kInternal: return "internal";
    }
    return "internal";
}

std::string Status::to_string() const {
    std::string out = std::string(error_code_name(code_)) + " error";
    if (!json_pointer_.empty()) out += " at " + json_pointer_;
    if (!detector_.empty()) out += " (detector '" + detector_ + "')";
    out += ": " + message_;
    return out;
}

const char* action_name(Action action) noexcept {
    switch (action) {
    case Action::kPlaceholder: return "placeholder";
    case Action::kMask: return "mask";
    case Action::kRemove: return "remove";
    case Action::kHash: return "hash";
    case Action::kBlock: return "block";
    case Action::kGeneralize: return "generalize";
    case Action::kToken: return "token";
    case Action::kSurrogate: return "surrogate";
    }
    return "placeholder";
}

}  // namespace phimask
