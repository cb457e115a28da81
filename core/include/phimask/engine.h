// The engine: a policy compiled into one Hyperscan database, ready to scan.
//
//   auto policy = phimask::Policy::default_policy();
//   auto engine = phimask::Engine::compile(*policy);
//   auto result = engine->redact("Pt SSN 123-45-6789, call 617-555-0123");
//   // result->text == "Pt SSN {US_SOCIAL_SECURITY_NUMBER}, call {PHONE}"
//
// Pipeline for each input: normalize (for detection only; ICU NFKC, format
// characters dropped, Unicode digits/dashes/spaces folded; ASCII skips ICU) ->
// scan (one Hyperscan database) -> confirm (validators, context words,
// allow-list, thresholds) -> resolve overlaps -> act (placeholder, mask,
// remove, hash, block, generalize) on the original bytes.
//
// Thread-safety: an Engine is immutable once built; copies share it, and any
// number of threads may call redact()/detect() on one Engine at once. Each call
// borrows Hyperscan scratch space from an internal pool. A Scanner owns its
// scratch and reuses its buffers: one per thread, for steady-state scanning
// without locking.
//
// Input: any bytes. Valid UTF-8 is expected but not required: invalid bytes are
// ignored for detection (a match around or across them is still found) and
// copied unchanged to the output outside spans. Inputs longer than
// EngineOptions::max_input_bytes are refused with ErrorCode::kInput; longer
// than Hyperscan's 32-bit limit are scanned in overlapping chunks.
//
// Failure: every call either succeeds completely or returns an error; a partly
// redacted text is never returned.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "phimask/policy.h"
#include "phimask/span.h"
#include "phimask/status.h"
#include "phimask/vault.h"

namespace phimask {

namespace detail {
class EngineCore;
class ScanContext;
}

/// How exact match starts are found (a performance choice; results are identical).
/// bench/RESULTS.md measures both on the shipped pack.
enum class StartOfMatch {
    /// Scan once with HS_FLAG_SOM_LEFTMOST on every pattern. The default: with
    /// the shipped pack on clinical text and logs (one candidate every ~100
    /// bytes) it is the faster of the two.
    kLeftmost,
    /// Scan without start-of-match tracking, then find each match's start by
    /// rescanning only a bounded window before its end. Pays off when
    /// candidates are rare and start tracking is expensive.
    kWindowed,
};

struct EngineOptions {
    /// Secret for the hash action (HMAC-SHA-256). Required, non-empty, when any
    /// type's action is hash; compile/load fail with ErrorCode::kKey otherwise.
    std::string hash_key;
    /// Inputs longer than this are refused with ErrorCode::kInput.
    std::size_t max_input_bytes = std::size_t{1} << 34;
    /// Largest piece of normalized text handed to Hyperscan in one call. Larger
    /// inputs are scanned in pieces that overlap by the longest possible match,
    /// so nothing is missed at a boundary. Must stay below 4 GiB; small values
    /// are for tests.
    std::size_t chunk_bytes = std::size_t{1} << 30;
    StartOfMatch start_of_match = StartOfMatch::kLeftmost;
};

class Engine {
public:
    /// Compiles the policy's patterns into one database. Errors: kPolicy (a
    /// pattern Hyperscan rejects: which detector and pattern, Hyperscan's
    /// message), kKey, kInternal.
    static Result<Engine> compile(const Policy& policy, const EngineOptions& options = {});

    /// Serializes the compiled engine (policy + database, no key) to bytes that
    /// deserialize() loads without recompiling.
    Result<std::string> serialize() const;
    Status save(const std::string& path) const;

    /// Loads serialized bytes. Fails with kEngineFile when the bytes are corrupt,
    /// were written by another phimask or Hyperscan version or another CPU
    /// platform, or (when `expected` is given) were built for another policy.
    static Result<Engine> deserialize(std::string_view bytes, const EngineOptions& options = {},
                                      const Policy* expected = nullptr);
    static Result<Engine> load(const std::string& path, const EngineOptions& options = {},
                               const Policy* expected = nullptr);

    /// Detects and redacts. Spans are in UTF-8 bytes of `text`. A `token` or
    /// `surrogate` action works within this one call (a fresh vault each time).
    Result<RedactResult> redact(std::string_view text) const;

    /// As redact(text), numbering the `token` action's values in `vault`: the
    /// same value gets the same {TYPE_N} in every text redacted with the same
    /// vault (one per conversation), and vault.restore() puts it back; likewise
    /// the same surrogate for a `surrogate` action. Nothing is added to the
    /// vault when the result is blocked or fails.
    Result<RedactResult> redact(std::string_view text, Vault& vault) const;

    /// Detects only: the spans redact() would act on, sorted, non-overlapping.
    Result<std::vector<Span>> detect(std::string_view text) const;

    const Policy& policy() const;
    const std::string& policy_version() const { return policy().version(); }
    const EngineOptions& options() const;

    /// For Scanner and tools; not a stable interface.
    const detail::EngineCore& core() const { return *core_; }

private:
    explicit Engine(std::shared_ptr<const detail::EngineCore> core) : core_(std::move(core)) {}
    std::shared_ptr<const detail::EngineCore> core_;
};

/// A per-thread handle on an Engine that owns its Hyperscan scratch and buffers.
/// Not thread-safe: use one Scanner per thread. Keeps the Engine alive.
class Scanner {
public:
    explicit Scanner(const Engine& engine);
    ~Scanner();
    Scanner(Scanner&&) noexcept;
    Scanner& operator=(Scanner&&) noexcept;
    Scanner(const Scanner&) = delete;
    Scanner& operator=(const Scanner&) = delete;

    /// As Engine::redact, writing into `out` (its buffers are reused). On error
    /// `out` is cleared and marked blocked, so it never holds unredacted text.
    Status redact(std::string_view text, RedactResult& out);
    /// As Engine::redact(text, vault), writing into `out`.
    Status redact(std::string_view text, RedactResult& out, Vault& vault);
    Status detect(std::string_view text, std::vector<Span>& out);

private:
    Status redact_into(std::string_view text, RedactResult& out, Vault* vault);
    Engine engine_;
    std::unique_ptr<detail::ScanContext> ctx_;
};

}  // namespace phimask
