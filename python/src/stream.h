// phimask._phimask.StreamRedactor and StreamRestorer, wrapped by
// phimask.StreamRedactor and phimask.StreamRestorer (python/phimask/_stream.py).
#pragma once

#include <pybind11/pybind11.h>

namespace phimask::python {

void register_streams(pybind11::module_& m);

}  // namespace phimask::python
