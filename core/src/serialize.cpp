// The engine file: everything needed to scan without recompiling.
//
//   "PHIMASK-ENGINE\n" NUL, u64 format, then length-prefixed (u64 LE) fields:
//   phimask version, Hyperscan version, policy version, canonical policy JSON,
//   pattern widths (u64 LE each), scan db, som db, labels db, trailers db (each
//   may be empty: a policy of recognizers only has no patterns), lexicons (per
//   lexicon: its name, its SHA-256 in hex, its entry count as a u64, then its
//   entries each ended by '\n'); then SHA-256 of everything before it. Format 3
//   added the trailers db; format 4 the lexicon digests and counts.
#include <cstring>
#include <fstream>
#include <memory>

#include "byte_io.h"
#include "crypto.h"
#include "engine_core.h"
#include "file_bytes.h"
#include "phimask/engine.h"
#include "phimask/version.h"
#include "policy_parse.h"

namespace phimask {
namespace {

using detail::ByteReader;
using detail::put_bytes;
using detail::put_u64;

constexpr char kMagic[16] = {'P', 'H', 'I', 'M', 'A', 'S', 'K', '-', 'E', 'N', 'G', 'I', 'N', 'E', '\n', '\0'};
constexpr std::uint32_t kFormat = 4;

Result<std::string> serialize_db(const hs_database_t* db) {
    if (db == nullptr) return std::string();
    char* bytes = nullptr;
    std::size_t length = 0;
    if (hs_serialize_database(db, &bytes, &length) != HS_SUCCESS) {
        return Status(ErrorCode::kInternal, "Hyperscan could not serialize the database");
    }
    std::string out(bytes, length);
    std::free(bytes);
    return out;
}

Status corrupt(const std::string& what) { return Status(ErrorCode::kEngineFile, "the engine file is corrupt: " + what); }

Result<detail::HsDatabase> deserialize_db(std::string_view bytes) {
    if (bytes.empty()) return detail::HsDatabase();
    hs_database_t* db = nullptr;
    hs_error_t rc = hs_deserialize_database(bytes.data(), bytes.size(), &db);
    if (rc == HS_DB_VERSION_ERROR) {
        return Status(ErrorCode::kEngineFile, "the engine file was built with another Hyperscan version; recompile it");
    }
    if (rc == HS_DB_PLATFORM_ERROR) {
        return Status(ErrorCode::kEngineFile, "the engine file was built for another CPU platform; recompile it");
    }
    if (rc != HS_SUCCESS) return corrupt("Hyperscan rejects its database");
    return detail::HsDatabase(db);
}

}  // namespace

Result<std::string> Engine::serialize() const {
    const detail::EngineCore& core = *core_;
    std::string out(kMagic, sizeof kMagic);
    put_u64(out, kFormat);
    put_bytes(out, phimask::version());
    put_bytes(out, hyperscan_version());
    put_bytes(out, core.data().version);
    put_bytes(out, core.data().canonical_json);
    std::string widths;
    for (const auto& p : core.patterns()) put_u64(widths, p.max_width);
    put_bytes(out, widths);
    for (const hs_database_t* db :
         {core.dbs().scan.get(), core.dbs().som.get(), core.dbs().labels.get(), core.dbs().trailers.get()}) {
        auto bytes = serialize_db(db);
        if (!bytes.ok()) return bytes.status();
        put_bytes(out, *bytes);
    }
    std::string lexicons;
    for (const auto& [name, lexicon] : core.data().lexicons) {
        put_bytes(lexicons, name);
        put_bytes(lexicons, lexicon->sha256);
        put_u64(lexicons, lexicon->entries);
        put_bytes(lexicons, lexicon->text);
    }
    put_bytes(out, lexicons);
    const auto digest = detail::sha256(out);
    out.append(reinterpret_cast<const char*>(digest.data()), digest.size());
    return out;
}

Status Engine::save(const std::string& path) const {
    auto bytes = serialize();
    if (!bytes.ok()) return bytes.status();
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    if (!file) return Status(ErrorCode::kIo, "cannot create " + path);
    file.write(bytes->data(), static_cast<std::streamsize>(bytes->size()));
    file.close();
    if (!file) return Status(ErrorCode::kIo, "cannot write " + path);
    return {};
}

Result<Engine> Engine::deserialize(std::string_view bytes, const EngineOptions& options, const Policy* expected) {
    try {
        const std::size_t digest_size = 32;
        if (bytes.size() < sizeof kMagic + digest_size || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
            return Status(ErrorCode::kEngineFile, "not a phimask engine file");
        }
        const std::string_view body = bytes.substr(0, bytes.size() - digest_size);
        const auto digest = detail::sha256(body);
        if (std::memcmp(digest.data(), bytes.data() + body.size(), digest_size) != 0) return corrupt("checksum mismatch");
        ByteReader r(body.substr(sizeof kMagic));
        std::uint64_t format = 0;
        std::string_view lib, hs, version, canonical, widths_bytes, scan_bytes, som_bytes, label_bytes, trailer_bytes,
            lexicon_bytes;
        if (!r.u64(format)) return corrupt("truncated header");
        if (format != kFormat) {
            return Status(ErrorCode::kEngineFile, "the engine file has format " + std::to_string(format) +
                                                      "; this phimask reads format " + std::to_string(kFormat) +
                                                      " only; recompile it from its policy");
        }
        if (!r.bytes(lib) || !r.bytes(hs) || !r.bytes(version) || !r.bytes(canonical) || !r.bytes(widths_bytes) ||
            !r.bytes(scan_bytes) || !r.bytes(som_bytes) || !r.bytes(label_bytes) || !r.bytes(trailer_bytes) ||
            !r.bytes(lexicon_bytes) || !r.done()) {
            return corrupt("truncated or malformed fields");
        }
        if (lib != phimask::version()) {
            return Status(ErrorCode::kEngineFile, "the engine file was built by phimask " + std::string(lib) +
                                                      ", this is " + phimask::version() + "; recompile it");
        }
        if (hs != hyperscan_version()) {
            return Status(ErrorCode::kEngineFile, "the engine file was built with another Hyperscan version; recompile it");
        }
        if (expected != nullptr && expected->version() != version) {
            return Status(ErrorCode::kEngineFile, "the engine file was built for another policy (version " +
                                                      std::string(version) + ", not " + expected->version() + ")");
        }
        detail::LexiconMap lexicons;
        ByteReader lex(lexicon_bytes);
        while (!lex.done()) {
            // The file's digest covers the lexicons; each one's own digest is
            // stored, not recomputed (the policy names lexicons by digest).
            std::string_view name, lexicon_digest, text;
            std::uint64_t entries = 0;
            if (!lex.bytes(name) || !lex.bytes(lexicon_digest) || !lex.u64(entries) || !lex.bytes(text)) {
                return corrupt("bad lexicon table");
            }
            if (!text.empty() && text.back() != '\n') return corrupt("bad lexicon table");
            auto lexicon = std::make_shared<detail::LexiconData>();
            lexicon->text = text;
            lexicon->entries = static_cast<std::size_t>(entries);
            lexicon->sha256 = lexicon_digest;
            lexicons[std::string(name)] = std::move(lexicon);
        }
        auto data = std::make_shared<detail::PolicyData>();
        Status s = detail::parse_policy(std::string(canonical), {}, *data, /*check_regexes=*/false, &lexicons);
        if (!s.ok()) return corrupt("its policy does not load (" + s.message() + ")");
        data->version = detail::to_hex(detail::sha256(data->canonical_json), 16);
        if (data->version != version) return corrupt("its policy does not match its recorded version");
        std::vector<unsigned> widths;
        ByteReader w(widths_bytes);
        for (std::uint64_t v = 0; !w.done();) {
            if (!w.u64(v)) return corrupt("bad pattern table");
            widths.push_back(static_cast<unsigned>(v));
        }
        detail::Databases dbs;
        auto scan = deserialize_db(scan_bytes);
        if (!scan.ok()) return scan.status();
        auto som = deserialize_db(som_bytes);
        if (!som.ok()) return som.status();
        auto labels = deserialize_db(label_bytes);
        if (!labels.ok()) return labels.status();
        auto trailers = deserialize_db(trailer_bytes);
        if (!trailers.ok()) return trailers.status();
        if (!*scan != !*som) return corrupt("a database is missing");
        dbs.scan = std::move(scan).value();
        dbs.som = std::move(som).value();
        dbs.labels = std::move(labels).value();
        dbs.trailers = std::move(trailers).value();
        auto core = detail::EngineCore::create(detail::PolicyAccess::make(std::move(data)), options, std::move(dbs),
                                               widths);
        if (!core.ok()) return core.status();
        if (core.value()->patterns().size() != widths.size()) return corrupt("pattern table size mismatch");
        for (const auto& p : core.value()->patterns()) {
            if ((p.has_label && !core.value()->dbs().labels) || (p.has_trailer && !core.value()->dbs().trailers)) {
                return corrupt("a database is missing");
            }
        }
        return Engine(std::move(core).value());
    } catch (const std::bad_alloc&) {
        return Status(ErrorCode::kInternal, "out of memory while loading the engine");
    } catch (const std::exception&) {
        return corrupt("unreadable");
    }
}

Result<Engine> Engine::load(const std::string& path, const EngineOptions& options, const Policy* expected) {
    auto bytes = detail::FileBytes::open(path, "engine file");
    if (!bytes.ok()) return bytes.status();
    return deserialize(bytes->view(), options, expected);
}

}  // namespace phimask
