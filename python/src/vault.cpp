#include "vault.h"

#include <string>

#include "errors.h"
#include "text.h"

namespace py = pybind11;

namespace phimask::python {
namespace {

/// (text, restored, unknown): phimask.Vault.restore builds its result from these.
py::tuple restore(PyVault& self, py::handle text) {
    const TextView view = borrow_text(text, "Vault.restore()", {});
    RestoreResult result;
    {
        py::gil_scoped_release unlocked;
        std::lock_guard<std::mutex> lock(self.mutex);
        result = self.vault.restore(view.utf8);
    }
    py::tuple unknown(result.unknown.size());
    for (std::size_t i = 0; i < result.unknown.size(); ++i) unknown[i] = py::str(result.unknown[i]);
    return py::make_tuple(make_text(result.text, view.kind), result.restored, unknown);
}

py::bytes seal(PyVault& self, const py::bytes& key) {
    Result<std::string> sealed = [&] {
        py::gil_scoped_release unlocked;
        std::lock_guard<std::mutex> lock(self.mutex);
        return self.vault.seal(bytes_view(key));
    }();
    if (!sealed.ok()) throw_status(sealed.status());
    return py::bytes(*sealed);
}

std::unique_ptr<PyVault> unseal(const py::bytes& data, const py::bytes& key) {
    Result<Vault> vault = [&] {
        py::gil_scoped_release unlocked;
        return Vault::unseal(bytes_view(data), bytes_view(key));
    }();
    if (!vault.ok()) throw_status(vault.status());
    auto out = std::make_unique<PyVault>();
    out->vault = std::move(*vault);
    return out;
}

std::size_t size(PyVault& self) {
    py::gil_scoped_release unlocked;
    std::lock_guard<std::mutex> lock(self.mutex);
    return self.vault.size();
}

}  // namespace

void register_vault(py::module_& m) {
    // Private: phimask.Vault (python/phimask/_vault.py) is the documented class.
    py::class_<PyVault>(m, "Vault", "A conversation's vault; use phimask.Vault.")
        .def(py::init<>())
        .def("restore", &restore, py::arg("text"))
        .def("seal", &seal, py::arg("key"))
        .def_static("unseal", &unseal, py::arg("data"), py::arg("key"))
        .def("__len__", &size);
}

}  // namespace phimask::python
