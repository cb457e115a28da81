// phimask.node: the private native module behind node/lib (require('phimask')).
#include <napi.h>

#include "addon.h"
#include "engine.h"
#include "errors.h"
#include "phimask/version.h"
#include "stream.h"
#include "vault.h"

namespace phimask::js {

AddonData& addon_data(Napi::Env env) {
    AddonData* data = env.GetInstanceData<AddonData>();
    if (data == nullptr) throw Napi::Error::New(env, "phimask: the addon was not initialized");
    return *data;
}

}  // namespace phimask::js

namespace {

Napi::Object init_phimask(Napi::Env env, Napi::Object exports) {
    using namespace phimask::js;
    env.SetInstanceData(new AddonData());  // deleted by Node when the environment is torn down
    register_errors(env, exports);
    exports.Set("NativeEngine", NativeEngine::define(env));
    exports.Set("NativeVault", NativeVault::define(env));
    exports.Set("NativeStreamRedactor", NativeStreamRedactor::define(env));
    exports.Set("NativeStreamRestorer", NativeStreamRestorer::define(env));
    exports.Set("version", Napi::String::New(env, phimask::version()));
    exports.Set("hyperscanVersion", Napi::String::New(env, phimask::hyperscan_version()));
    return exports;
}

}  // namespace

NODE_API_MODULE(phimask, init_phimask)
