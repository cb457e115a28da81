// Registers the private phimask._phimask.Engine, wrapped by phimask.Engine.
#pragma once

#include <memory>

#include <pybind11/pybind11.h>

#include "phimask/engine.h"
#include "values.h"

namespace phimask::python {

/// What phimask._phimask.Engine wraps.
struct PyEngine {
    Engine engine;
    std::shared_ptr<const DetectorStrings> strings;  ///< made with the GIL held, as the engine is wrapped
};

void register_engine(pybind11::module_& m);

}  // namespace phimask::python
