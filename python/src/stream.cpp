#include "stream.h"

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "engine.h"
#include "errors.h"
#include "phimask/stream.h"
#include "text.h"
#include "vault.h"

namespace py = pybind11;

namespace phimask::python {
namespace {

/// Runs `fn` without the GIL, holding the vault's lock when there is a vault.
template <class Fn>
auto unlocked(PyVault* vault, Fn&& fn) {
    py::gil_scoped_release released;
    std::unique_lock<std::mutex> lock;
    if (vault != nullptr) lock = std::unique_lock<std::mutex>(vault->mutex);
    return fn();
}

struct PyStreamRedactor {
    PyStreamRedactor(const PyEngine& engine, PyVault* v)
        : vault(v), stream(v != nullptr ? StreamRedactor(engine.engine, v->vault) : StreamRedactor(engine.engine)) {}

    py::str step(py::handle chunk, bool last) {
        const TextView view = borrow_text(chunk, last ? "StreamRedactor.finish()" : "StreamRedactor.push()", {});
        if (view.kind != TextKind::kStr) throw py::type_error("StreamRedactor.push() expects str");
        Status status = unlocked(vault, [&] { return last ? stream.finish(out) : stream.push(view.utf8, out); });
        if (!status.ok()) throw_status(status);
        return py::str(out.text.data(), out.text.size());
    }

    py::tuple blocking_types() const {
        const std::vector<std::string>& types = stream.summary().blocking_types;
        py::tuple t(types.size());
        for (std::size_t i = 0; i < types.size(); ++i) t[i] = py::str(types[i]);
        return t;
    }

    py::dict counts() const {
        py::dict d;
        for (const auto& [type, n] : stream.summary().counts) d[py::str(type)] = n;
        return d;
    }

    PyVault* vault;
    StreamRedactor stream;
    StreamOutput out;
};

struct PyStreamRestorer {
    explicit PyStreamRestorer(PyVault& v) : vault(v), restorer(v.vault) {}

    py::str step(py::handle chunk, bool last) {
        const TextView view = borrow_text(chunk, last ? "StreamRestorer.finish()" : "StreamRestorer.push()", {});
        if (view.kind != TextKind::kStr) throw py::type_error("StreamRestorer.push() expects str");
        out.clear();
        unlocked(&vault, [&] {
            if (last) {
                restorer.finish(out);
            } else {
                restorer.push(view.utf8, out);
            }
            return 0;
        });
        return py::str(out.data(), out.size());
    }

    PyVault& vault;
    StreamRestorer restorer;
    std::string out;
};

}  // namespace

void register_streams(py::module_& m) {
    // Private: phimask.StreamRedactor / StreamRestorer (python/phimask/_stream.py) are documented.
    py::class_<PyStreamRedactor>(m, "StreamRedactor", "Use phimask.StreamRedactor.")
        .def(py::init([](const PyEngine& engine, PyVault* vault) {
                 return std::make_unique<PyStreamRedactor>(engine, vault);
             }),
             py::arg("engine"), py::arg("vault").none(true), py::keep_alive<1, 2>(), py::keep_alive<1, 3>())
        .def("push", [](PyStreamRedactor& self, py::handle chunk) { return self.step(chunk, false); }, py::arg("chunk"))
        .def("finish", [](PyStreamRedactor& self) { return self.step(py::str(""), true); })
        .def_property_readonly("blocked", [](const PyStreamRedactor& self) { return self.stream.blocked(); })
        .def_property_readonly("blocking_types", [](const PyStreamRedactor& self) { return self.blocking_types(); })
        .def_property_readonly("counts", &PyStreamRedactor::counts)
        .def_property_readonly("held_bytes", [](const PyStreamRedactor& self) { return self.stream.held_bytes(); })
        .def_static("max_hold_back",
                    [](const PyEngine& engine) { return StreamRedactor::max_hold_back(engine.engine); });
    py::class_<PyStreamRestorer>(m, "StreamRestorer", "Use phimask.StreamRestorer.")
        .def(py::init([](PyVault& vault) { return std::make_unique<PyStreamRestorer>(vault); }), py::arg("vault"),
             py::keep_alive<1, 2>())
        .def("push", [](PyStreamRestorer& self, py::handle chunk) { return self.step(chunk, false); }, py::arg("chunk"))
        .def("finish", [](PyStreamRestorer& self) { return self.step(py::str(""), true); })
        .def_property_readonly("restored", [](const PyStreamRestorer& self) { return self.restorer.restored(); })
        .def_property_readonly("unknown", [](const PyStreamRestorer& self) {
            py::tuple t(self.restorer.unknown().size());
            for (std::size_t i = 0; i < self.restorer.unknown().size(); ++i) t[i] = py::str(self.restorer.unknown()[i]);
            return t;
        });
}

}  // namespace phimask::python
