#include <fstream>
#include <thread>

#include "crypto.h"
#include "test_util.h"

#if defined(__unix__) || defined(__APPLE__)
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace phimask::test {
namespace {

const std::string kText = "SSN 123-45-6789, MRN: 12345678, ENC-20230115, call 617-555-0123.";

TEST(Serialize, RoundTripGivesIdenticalResults) {
    Engine engine = engine_from(R"({"packs": ["us_core"], "detectors": [
        {"name": "encounter_id", "type": "ENCOUNTER_ID", "pattern": "ENC-\\d{8}"}]})");
    auto bytes = engine.serialize();
    ASSERT_TRUE(bytes.ok()) << bytes.status().to_string();
    auto loaded = Engine::deserialize(*bytes);
    ASSERT_TRUE(loaded.ok()) << loaded.status().to_string();
    EXPECT_EQ(loaded->policy_version(), engine.policy_version());
    EXPECT_EQ(loaded->policy().canonical_json(), engine.policy().canonical_json());
    auto a = engine.redact(kText);
    auto b = loaded->redact(kText);
    EXPECT_EQ(a->text, b->text);
    EXPECT_EQ(a->spans, b->spans);
    EXPECT_EQ(*loaded->serialize(), *bytes);
}

TEST(Serialize, LabelAndTrailerDatabasesRoundTrip) {
    Engine engine = engine_from(R"json({"packs": [], "detectors": [{"name": "phone", "type": "PHONE", "patterns": [
        {"label": "\\bTel ", "pattern": "[\\d-]{7,12}", "trailer": " \\(cell\\)"},
        {"pattern": "[\\d-]{7,12}", "trailer": " office"}]}]})json");
    auto loaded = Engine::deserialize(*engine.serialize());
    ASSERT_TRUE(loaded.ok()) << loaded.status().to_string();
    const std::string text = "Tel 555-0147 (cell) and 555-0148 office";
    EXPECT_EQ(described(text, *loaded->detect(text)), (std::vector<std::string>{"PHONE:555-0147", "PHONE:555-0148"}));
    EXPECT_EQ(*loaded->detect(text), *engine.detect(text));
}

TEST(Serialize, OlderFormatsAskToRecompile) {
    // A well-formed file of format 2 (before the trailers database): checksum intact, format field changed.
    std::string bytes = *default_engine().serialize();
    bytes[16] = 2;
    const std::size_t body = bytes.size() - 32;
    const auto digest = detail::sha256(std::string_view(bytes).substr(0, body));
    bytes.replace(body, 32, reinterpret_cast<const char*>(digest.data()), digest.size());
    auto loaded = Engine::deserialize(bytes);
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.status().code(), ErrorCode::kEngineFile);
    EXPECT_NE(loaded.status().message().find("format 2"), std::string::npos) << loaded.status().to_string();
    EXPECT_NE(loaded.status().message().find("recompile"), std::string::npos) << loaded.status().to_string();
}

TEST(Serialize, SaveAndLoadAFile) {
    const std::string path = ::testing::TempDir() + "/phimask_engine.bin";
    ASSERT_TRUE(default_engine().save(path).ok());
    auto loaded = Engine::load(path, {}, &default_engine().policy());
    ASSERT_TRUE(loaded.ok()) << loaded.status().to_string();
    EXPECT_EQ(loaded->redact(kText)->text, default_engine().redact(kText)->text);
}

TEST(Serialize, LexiconsRoundTripWithTheirDigests) {
    // Names and places come from lexicons, which the file carries as text with
    // their digests and from which the lexicon index is rebuilt.
    const Engine engine = engine_from(R"({"packs": ["us_names", "us_places"]})");
    const std::string text = "Seen by Maria Gonzalez, who lives in Springfield.";
    const std::string bytes = *engine.serialize();
    auto loaded = Engine::deserialize(bytes);
    ASSERT_TRUE(loaded.ok()) << loaded.status().to_string();
    EXPECT_EQ(*loaded->detect(text), *engine.detect(text));
    EXPECT_EQ(described(text, *loaded->detect(text)),
              (std::vector<std::string>{"NAME:Maria Gonzalez", "CITY:Springfield"}));
    EXPECT_EQ(loaded->policy().canonical_json(), engine.policy().canonical_json());
    EXPECT_EQ(*loaded->serialize(), bytes);
}

#if defined(__unix__) || defined(__APPLE__)
TEST(Serialize, LoadsFromAPipe) {
    // Not a regular file: read, not mapped.
    const std::string path = ::testing::TempDir() + "/phimask_engine_fifo";
    ::unlink(path.c_str());
    ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
    const std::string bytes = *default_engine().serialize();
    std::thread writer([&] { std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size())); });
    auto loaded = Engine::load(path);
    writer.join();
    ::unlink(path.c_str());
    ASSERT_TRUE(loaded.ok()) << loaded.status().to_string();
    EXPECT_EQ(loaded->redact(kText)->text, default_engine().redact(kText)->text);
}
#endif

TEST(Serialize, RefusesAnEngineBuiltForAnotherPolicy) {
    auto bytes = default_engine().serialize();
    Policy other = policy_from(R"({"packs": [], "detectors": [{"name": "x", "type": "X", "pattern": "xyz"}]})");
    auto loaded = Engine::deserialize(*bytes, {}, &other);
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.status().code(), ErrorCode::kEngineFile);
    EXPECT_NE(loaded.status().message().find("another policy"), std::string::npos) << loaded.status().to_string();
}

TEST(Serialize, RefusesCorruptTruncatedAndForeignFiles) {
    const std::string bytes = *default_engine().serialize();
    for (std::size_t at : {std::size_t{0}, std::size_t{20}, bytes.size() / 2, bytes.size() - 1}) {
        std::string broken = bytes;
        broken[at] = static_cast<char>(broken[at] ^ 0x5a);
        auto loaded = Engine::deserialize(broken);
        ASSERT_FALSE(loaded.ok()) << at;
        EXPECT_EQ(loaded.status().code(), ErrorCode::kEngineFile);
    }
    EXPECT_FALSE(Engine::deserialize(bytes.substr(0, bytes.size() - 10)).ok());
    EXPECT_FALSE(Engine::deserialize("").ok());
    EXPECT_FALSE(Engine::deserialize("{\"packs\": []}").ok());
    auto missing = Engine::load("/nonexistent/engine.bin");
    EXPECT_EQ(missing.status().code(), ErrorCode::kIo);
}

TEST(Serialize, TheKeyIsNotStoredAndMustBeGivenAgain) {
    EngineOptions options;
    options.hash_key = "super-secret-key-material";
    Engine engine = engine_from(R"({"packs": ["us_core"], "actions": {"default": "hash"}})", options);
    const std::string bytes = *engine.serialize();
    EXPECT_EQ(bytes.find(options.hash_key), std::string::npos);
    auto without = Engine::deserialize(bytes);
    ASSERT_FALSE(without.ok());
    EXPECT_EQ(without.status().code(), ErrorCode::kKey);
    auto with = Engine::deserialize(bytes, options);
    ASSERT_TRUE(with.ok());
    EXPECT_EQ(with->redact(kText)->text, engine.redact(kText)->text);
}

}  // namespace
}  // namespace phimask::test
