// Per-environment state of the addon. Every Node environment (the main thread
// and each worker_thread) loads its own instance of the module, so the
// references it keeps live here, in the environment's instance data, never in
// globals.
#pragma once

#include <array>

#include <napi.h>

namespace phimask::js {

struct AddonData {
    Napi::FunctionReference engine_class;                  ///< the native Engine constructor
    Napi::FunctionReference vault_class;                   ///< the native Vault constructor
    std::array<Napi::FunctionReference, 8> error_classes;  ///< JS error classes, indexed by ErrorCode
};

/// This environment's data, created by the module's Init.
AddonData& addon_data(Napi::Env env);

}  // namespace phimask::js
