// Build-time tool: compiles the default policy, reading detector packs from one
// models folder only, and saves it as a language package's default.engine.
//
//   phimask_compile_default MODELS_DIR OUTPUT
#include <iostream>

#include "phimask/phimask.h"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: phimask_compile_default MODELS_DIR OUTPUT\n";
        return 2;
    }
    phimask::PolicyLoadOptions load_options;
    load_options.model_dirs = {argv[1]};
    auto policy = phimask::Policy::default_policy(load_options);
    if (!policy.ok()) {
        std::cerr << "phimask_compile_default: " << policy.status().to_string() << "\n";
        return 1;
    }
    auto engine = phimask::Engine::compile(*policy);
    if (!engine.ok()) {
        std::cerr << "phimask_compile_default: " << engine.status().to_string() << "\n";
        return 1;
    }
    if (phimask::Status status = engine->save(argv[2]); !status.ok()) {
        std::cerr << "phimask_compile_default: " << status.to_string() << "\n";
        return 1;
    }
    return 0;
}
