// phimask._phimask.Vault: a conversation's vault, wrapped by phimask.Vault.
#pragma once

#include <mutex>

#include <pybind11/pybind11.h>

#include "phimask/vault.h"

namespace phimask::python {

/// A Vault with a lock: Python threads may share one, and the GIL is released
/// while it is used, so every use holds `mutex`, taken after releasing the GIL.
struct PyVault {
    Vault vault;
    std::mutex mutex;
};

void register_vault(pybind11::module_& m);

}  // namespace phimask::python
