// phimask._phimask: the private native module behind the phimask package.
#include <pybind11/pybind11.h>

#include "engine.h"
#include "errors.h"
#include "phimask/version.h"
#include "stream.h"
#include "values.h"
#include "vault.h"

namespace py = pybind11;

PYBIND11_MODULE(_phimask, m) {
    m.doc() = "Private native core of phimask; import phimask instead.";
    phimask::python::register_errors(m);
    phimask::python::register_values(m);
    phimask::python::register_vault(m);
    phimask::python::register_engine(m);
    phimask::python::register_streams(m);
    m.def("version", &phimask::version, "The phimask library version.");
    m.def("hyperscan_version", &phimask::hyperscan_version, "The Hyperscan-API library's version string.");
}
