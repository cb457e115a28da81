// Registers the private phimask._phimask.Engine, wrapped by phimask.Engine.
#pragma once

#include <pybind11/pybind11.h>

namespace phimask::python {

void register_engine(pybind11::module_& m);

}  // namespace phimask::python
