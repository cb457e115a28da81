// phimask._phimask.Engine: compile, load, save and scan, with the GIL released
// around everything that does not touch Python objects.
#include "engine.h"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <pybind11/stl.h>

#include "errors.h"
#include "phimask/batch.h"
#include "phimask/engine.h"
#include "phimask/policy.h"
#include "text.h"
#include "values.h"
#include "vault.h"

namespace py = pybind11;

namespace phimask::python {
namespace {

EngineOptions make_options(std::optional<std::string> hash_key, std::optional<std::size_t> max_input_bytes) {
    EngineOptions options;
    if (hash_key) options.hash_key = std::move(*hash_key);
    if (max_input_bytes) options.max_input_bytes = *max_input_bytes;
    return options;
}

PyEngine checked(Result<Engine> engine) {
    if (!engine.ok()) throw_status(engine.status());
    auto strings = std::make_shared<const DetectorStrings>(engine->policy());
    return PyEngine{std::move(*engine), std::move(strings)};
}

enum class PolicySource { kJson, kFile };

PyEngine compile(PolicySource source, const std::string& policy, std::vector<std::string> model_dirs,
                 std::optional<std::string> hash_key, std::optional<std::size_t> max_input_bytes) {
    const EngineOptions options = make_options(std::move(hash_key), max_input_bytes);
    PolicyLoadOptions load_options;
    load_options.model_dirs = std::move(model_dirs);
    Result<Engine> engine = [&]() -> Result<Engine> {
        py::gil_scoped_release unlocked;
        Result<Policy> loaded = source == PolicySource::kJson ? Policy::from_json(policy, load_options)
                                                              : Policy::from_file(policy, load_options);
        if (!loaded.ok()) return loaded.status();
        return Engine::compile(*loaded, options);
    }();
    return checked(std::move(engine));
}

PyEngine load(const std::string& path, std::optional<std::string> hash_key, std::optional<std::size_t> max_input_bytes) {
    const EngineOptions options = make_options(std::move(hash_key), max_input_bytes);
    Result<Engine> engine = [&] {
        py::gil_scoped_release unlocked;
        return Engine::load(path, options);
    }();
    return checked(std::move(engine));
}

PyEngine from_bytes(const py::bytes& data, std::optional<std::string> hash_key,
                    std::optional<std::size_t> max_input_bytes) {
    const EngineOptions options = make_options(std::move(hash_key), max_input_bytes);
    const std::string_view bytes = bytes_view(data);
    Result<Engine> engine = [&] {
        py::gil_scoped_release unlocked;
        return Engine::deserialize(bytes, options);
    }();
    return checked(std::move(engine));
}

py::object redact(const PyEngine& self, py::handle text, PyVault* vault) {
    const TextView view = borrow_text(text, "Engine.redact()", {});
    Result<RedactResult> result = [&] {
        py::gil_scoped_release unlocked;
        if (vault == nullptr) return self.engine.redact(view.utf8);
        std::lock_guard<std::mutex> lock(vault->mutex);
        return self.engine.redact(view.utf8, vault->vault);
    }();
    if (!result.ok()) throw_status(result.status());
    return make_result(*result, view, *self.strings);
}

py::list detect(const PyEngine& self, py::handle text) {
    const TextView view = borrow_text(text, "Engine.detect()", {});
    Result<std::vector<Span>> spans = [&] {
        py::gil_scoped_release unlocked;
        return self.engine.detect(view.utf8);
    }();
    if (!spans.ok()) throw_status(spans.status());
    to_caller_offsets(view, *spans);
    return make_spans(*spans, *self.strings);
}

py::list redact_many(const PyEngine& self, const py::iterable& texts, std::size_t threads) {
    // Own a reference to every item: the caller's container may change while the GIL is released.
    std::vector<py::object> owned;
    std::vector<TextView> views;
    std::vector<std::string_view> utf8;
    for (py::handle item : texts) {
        const std::string where = "texts[" + std::to_string(owned.size()) + "]";
        owned.push_back(py::reinterpret_borrow<py::object>(item));
        views.push_back(borrow_text(item, "Engine.redact_many()", where));
        utf8.push_back(views.back().utf8);
    }
    // Results become Python objects in input order as soon as they are done,
    // while the workers go on with the GIL released.
    BatchRedactor batch(self.engine, std::move(utf8), threads);
    py::list out(views.size());
    for (std::size_t i = 0; i < views.size(); ++i) {
        {
            py::gil_scoped_release unlocked;
            batch.wait_for(i);
        }
        if (!batch.status(i).ok()) throw_status(batch.status(i), "texts[" + std::to_string(i) + "]");
        out[i] = make_result(batch.result(i), views[i], *self.strings);
        batch.release(i);
    }
    return out;
}

py::bytes to_bytes(const PyEngine& self) {
    Result<std::string> bytes = [&] {
        py::gil_scoped_release unlocked;
        return self.engine.serialize();
    }();
    if (!bytes.ok()) throw_status(bytes.status());
    return py::bytes(*bytes);
}

void save(const PyEngine& self, const std::string& path) {
    Status status = [&] {
        py::gil_scoped_release unlocked;
        return self.engine.save(path);
    }();
    if (!status.ok()) throw_status(status);
}

}  // namespace

void register_engine(py::module_& m) {
    // Private: phimask.Engine (python/phimask/_engine.py) is the documented class.
    py::class_<PyEngine>(m, "Engine", "Compiled engine; use phimask.Engine.")
        .def_static(
            "from_policy_json",
            [](const std::string& json, std::vector<std::string> dirs, std::optional<std::string> key,
               std::optional<std::size_t> max) { return compile(PolicySource::kJson, json, std::move(dirs), key, max); },
            py::arg("policy_json"), py::arg("model_dirs"), py::arg("hash_key"), py::arg("max_input_bytes"))
        .def_static(
            "from_policy_file",
            [](const std::string& path, std::vector<std::string> dirs, std::optional<std::string> key,
               std::optional<std::size_t> max) { return compile(PolicySource::kFile, path, std::move(dirs), key, max); },
            py::arg("path"), py::arg("model_dirs"), py::arg("hash_key"), py::arg("max_input_bytes"))
        .def_static("load", &load, py::arg("path"), py::arg("hash_key"), py::arg("max_input_bytes"))
        .def_static("from_bytes", &from_bytes, py::arg("data"), py::arg("hash_key"), py::arg("max_input_bytes"))
        .def("save", &save, py::arg("path"))
        .def("to_bytes", &to_bytes)
        .def_property_readonly("policy_version", [](const PyEngine& self) { return self.engine.policy_version(); })
        .def_property_readonly("entity_types", [](const PyEngine& self) { return self.engine.policy().entity_types(); })
        // Two methods rather than one with `vault=None`: pybind11 takes about 0.7 us
        // per call to fill in a defaulted pointer argument.
        .def("redact", [](const PyEngine& self, py::handle text) { return redact(self, text, nullptr); }, py::arg("text"))
        .def("redact_in", [](const PyEngine& self, py::handle text, PyVault& vault) { return redact(self, text, &vault); },
             py::arg("text"), py::arg("vault"))
        .def("detect", &detect, py::arg("text"))
        .def("redact_many", &redact_many, py::arg("texts"), py::arg("threads"));
}

}  // namespace phimask::python
