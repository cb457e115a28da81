// The compiled form of a policy, shared by every thread that scans with it.
#pragma once

#include <hs.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "context.h"
#include "normalize.h"
#include "phimask/engine.h"
#include "policy_data.h"
#include "recognizers/recognizer.h"
#include "surrogates.h"
#include "validators/validators.h"

namespace phimask::detail {

struct HsDatabaseDeleter {
    void operator()(hs_database_t* db) const noexcept { hs_free_database(db); }
};
struct HsScratchDeleter {
    void operator()(hs_scratch_t* s) const noexcept { hs_free_scratch(s); }
};
using HsDatabase = std::unique_ptr<hs_database_t, HsDatabaseDeleter>;
using HsScratch = std::unique_ptr<hs_scratch_t, HsScratchDeleter>;

/// One Hyperscan expression: pattern `pattern` of detector `detector`. Its
/// index in EngineCore::patterns is its Hyperscan id in every database.
struct CompiledPattern {
    std::uint32_t detector;
    std::uint32_t pattern;
    unsigned max_width;  ///< longest match, normalized bytes
    double score;        ///< base score
    bool has_label;
    bool has_trailer;
};

/// The databases compiled from one pattern table:
///  - scan: every expression, end offsets only (fast);
///  - som: every expression with HS_FLAG_SOM_LEFTMOST, run on short windows
///    before each end to find exact starts (or on the whole text in kLeftmost mode);
///  - labels: "^(?:label)" for labelled expressions, run on a match to find
///    where its value starts;
///  - trailers: "(?:trailer)\z" with HS_FLAG_SOM_LEFTMOST for expressions with
///    a trailer, run on a match to find where its value ends.
struct Databases {
    HsDatabase scan;
    HsDatabase som;
    HsDatabase labels;    ///< null when no pattern has a label
    HsDatabase trailers;  ///< null when no pattern has a trailer
};

class ScanContext;  // pipeline.h

/// Scan contexts (a Hyperscan scratch and the buffers of one pipeline pass)
/// kept between calls, so that Engine::redact and Engine::detect, like a
/// Scanner, reuse warm buffers instead of allocating them for every text.
/// Thread-safe. A context that scanned a large text gives its buffers back to
/// the allocator when released, so the pool never holds more than a few
/// hundred kilobytes per context.
class ContextPool {
public:
    /// `prototype`: the scratch every context's is cloned from; null when the
    /// engine has no patterns (a recognizers-only policy needs none).
    explicit ContextPool(HsScratch prototype);
    ~ContextPool();
    ContextPool(const ContextPool&) = delete;
    ContextPool& operator=(const ContextPool&) = delete;

    /// A context for one call; nullptr when Hyperscan cannot allocate scratch.
    /// Throws std::bad_alloc when memory runs out.
    std::unique_ptr<ScanContext> acquire();
    void release(std::unique_ptr<ScanContext> ctx) noexcept;

private:
    HsScratch prototype_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<ScanContext>> free_;
};

class EngineCore {
public:
    /// Takes ownership of the databases; builds the pattern table from the policy
    /// (same order as compile_databases) and the scratch prototype. `widths`, when
    /// not empty, are the patterns' known max widths (from an engine file).
    static Result<std::shared_ptr<EngineCore>> create(Policy policy, EngineOptions options, Databases dbs,
                                                      const std::vector<unsigned>& widths = {});

    const Policy& policy() const { return policy_; }
    const PolicyData& data() const { return policy_.data(); }
    const EngineOptions& options() const { return options_; }
    const Databases& dbs() const { return dbs_; }
    const std::vector<CompiledPattern>& patterns() const { return patterns_; }
    const std::vector<Validator>& validators() const { return validators_; }
    const std::vector<ContextMatcher>& context_matchers() const { return context_matchers_; }
    const std::vector<ContextMatcher>& negative_matchers() const { return negative_matchers_; }
    /// Per detector: its recognizer, or nullptr for a pattern detector.
    const std::vector<std::unique_ptr<Recognizer>>& recognizers() const { return recognizers_; }
    bool has_recognizers() const { return has_recognizers_; }
    const LexiconIndex& lexicon_index() const { return lexicon_index_; }
    /// The recognizers' terms, probed once per token for all of them.
    const TermIndex& term_index() const { return term_index_; }
    const EverydayWords& everyday_words() const { return everyday_words_; }
    /// The lists name surrogates are drawn from (empty unless the policy uses surrogates).
    const SurrogateNames& surrogate_names() const { return surrogate_names_; }
    unsigned max_width() const { return max_width_; }
    const Normalizer& normalizer() const { return normalizer_; }
    ContextPool& context_pool() const { return *pool_; }

private:
    EngineCore(Policy policy, EngineOptions options, Databases dbs)
        : policy_(std::move(policy)), options_(std::move(options)), dbs_(std::move(dbs)) {}

    Policy policy_;
    EngineOptions options_;
    Databases dbs_;
    std::vector<CompiledPattern> patterns_;
    std::vector<Validator> validators_;  ///< per detector; nullptr when none
    std::vector<ContextMatcher> context_matchers_;  ///< per detector
    std::vector<ContextMatcher> negative_matchers_;  ///< per detector
    std::vector<std::unique_ptr<Recognizer>> recognizers_;
    bool has_recognizers_ = false;
    LexiconIndex lexicon_index_;
    TermIndex term_index_;
    EverydayWords everyday_words_;
    SurrogateNames surrogate_names_;
    unsigned max_width_ = 0;
    Normalizer normalizer_;
    std::unique_ptr<ContextPool> pool_;
};

/// The pattern table for a policy: one entry per (detector, pattern) in order.
/// Widths come from `widths` when it has one per pattern, else from Hyperscan.
std::vector<CompiledPattern> build_pattern_table(const PolicyData& data, const std::vector<unsigned>& widths);

/// Compiles the databases. Errors name the pattern Hyperscan rejects.
Result<Databases> compile_databases(const PolicyData& data);

/// Checks options and the policy's needs (hash key, chunk size).
Status check_options(const PolicyData& data, const EngineOptions& options, unsigned max_width);

}  // namespace phimask::detail
