#include "phimask/engine.h"

#include "actions.h"
#include "guarded.h"
#include "pipeline.h"
#include "resolve.h"
#include "vault_state.h"

namespace phimask {
namespace detail {

Status find_hits(const EngineCore& core, ScanContext& ctx, std::string_view text) {
    Status s = find_unresolved_hits(core, ctx, text);
    if (s.ok()) resolve_overlaps(core.data(), text, ctx.hits);
    return s;
}

Status find_unresolved_hits(const EngineCore& core, ScanContext& ctx, std::string_view text) {
    ctx.hits.clear();
    if (text.size() > core.options().max_input_bytes) {
        return Status(ErrorCode::kInput, "the input is " + std::to_string(text.size()) + " bytes; the limit is " +
                                             std::to_string(core.options().max_input_bytes));
    }
    if (!core.normalizer().normalize(text, ctx.normalized)) {
        return Status(ErrorCode::kInternal, "Unicode normalization failed");
    }
    const std::string_view norm = ctx.normalized.text();
    if (!scan_candidates(core, ctx.scratch.get(), norm, ctx.buffers, ctx.candidates)) {
        return Status(ErrorCode::kInternal, "Hyperscan failed while scanning");
    }
    confirm_candidates(core, ctx.normalized, ctx.candidates, ctx.hits);
    if (core.has_recognizers()) {
        tokenize(norm, ctx.tokens);
        const LexiconIndex& lexicons = core.lexicon_index();
        look_up_tokens(norm, ctx.tokens, lexicons, core.term_index(), core.everyday_words());
        const Words words{norm, ctx.tokens, lexicons};
        for (std::uint32_t d = 0; d < core.recognizers().size(); ++d) {
            const Recognizer* recognizer = core.recognizers()[d].get();
            if (recognizer == nullptr) continue;
            ctx.proposals.clear();
            recognizer->find(words, ctx.proposals);
            confirm_proposals(core, ctx.normalized, d, ctx.proposals, ctx.hits);
        }
    }
    return {};
}

namespace {

constexpr const char* kNoScratch = "Hyperscan could not allocate scratch space";

/// Runs `body` with a scan context from the engine's pool.
template <class Body>
Status with_pooled_context(const EngineCore& core, Body&& body) {
    std::unique_ptr<ScanContext> ctx = core.context_pool().acquire();
    if (!ctx) return Status(ErrorCode::kInternal, kNoScratch);
    Status s = body(*ctx);
    core.context_pool().release(std::move(ctx));
    return s;
}

/// Redacts with the conversation's vault, or a fresh one for this call. The
/// vault gains values only when the whole result succeeds (a blocked result
/// writes no token or surrogate: apply_actions returns before any replacement).
Status redact_with(const EngineCore& core, ScanContext& ctx, std::string_view text, Vault* vault, RedactResult& out) {
    Status s = find_hits(core, ctx, text);
    if (!s.ok()) return s;
    VaultState scratch;
    VaultState& state = vault != nullptr ? VaultAccess::state(*vault) : scratch;
    const VaultState::Mark before = state.mark();
    bool applied = false;
    try {
        applied = apply_actions(core, text, ctx.normalized.text(), ctx.hits, state, out);
    } catch (...) {
        state.rollback(before);
        throw;
    }
    if (!applied) state.rollback(before);
    return applied ? s : Status(ErrorCode::kInternal, "an action failed (the hash or the random source)");
}

/// Fail closed: an error leaves a result that is blocked and holds no text.
void clear_to_blocked(RedactResult& out, const std::string& version) {
    out.text.clear();
    out.spans.clear();
    out.summary = Summary{};
    out.summary.policy_version = version;
    out.summary.blocked = true;
}

}  // namespace
}  // namespace detail

Result<Engine> Engine::compile(const Policy& policy, const EngineOptions& options) {
    return detail::guarded([&]() -> Result<Engine> {
        auto dbs = detail::compile_databases(policy.data());
        if (!dbs.ok()) return dbs.status();
        auto core = detail::EngineCore::create(policy, options, std::move(dbs).value());
        if (!core.ok()) return core.status();
        return Engine(std::move(core).value());
    });
}

namespace detail {
namespace {

Result<RedactResult> pooled_redact(const EngineCore& core, std::string_view text, Vault* vault) {
    RedactResult out;
    Status s = guarded([&] {
        return with_pooled_context(core, [&](ScanContext& ctx) { return redact_with(core, ctx, text, vault, out); });
    });
    if (!s.ok()) return s;
    return out;
}

}  // namespace
}  // namespace detail

Result<RedactResult> Engine::redact(std::string_view text) const { return detail::pooled_redact(*core_, text, nullptr); }

Result<RedactResult> Engine::redact(std::string_view text, Vault& vault) const {
    return detail::pooled_redact(*core_, text, &vault);
}

Result<std::vector<Span>> Engine::detect(std::string_view text) const {
    std::vector<Span> spans;
    Status s = detail::guarded([&] {
        return detail::with_pooled_context(*core_, [&](detail::ScanContext& ctx) {
            Status found = detail::find_hits(*core_, ctx, text);
            if (found.ok()) detail::hits_to_spans(*core_, ctx.hits, spans);
            return found;
        });
    });
    if (!s.ok()) return s;
    return spans;
}

const Policy& Engine::policy() const { return core_->policy(); }

const EngineOptions& Engine::options() const { return core_->options(); }

Scanner::Scanner(const Engine& engine) : engine_(engine) {}
Scanner::~Scanner() {
    if (ctx_) engine_.core().context_pool().release(std::move(ctx_));
}
Scanner::Scanner(Scanner&&) noexcept = default;
Scanner& Scanner::operator=(Scanner&&) noexcept = default;

namespace detail {
namespace {

/// The Scanner's context, taken from the pool on first use.
Status ensure_context(const EngineCore& core, std::unique_ptr<ScanContext>& ctx) {
    if (ctx) return {};
    ctx = core.context_pool().acquire();
    return ctx ? Status() : Status(ErrorCode::kInternal, kNoScratch);
}

}  // namespace
}  // namespace detail

Status Scanner::redact(std::string_view text, RedactResult& out) { return redact_into(text, out, nullptr); }

Status Scanner::redact(std::string_view text, RedactResult& out, Vault& vault) { return redact_into(text, out, &vault); }

Status Scanner::redact_into(std::string_view text, RedactResult& out, Vault* vault) {
    const detail::EngineCore& core = engine_.core();
    Status s = detail::guarded([&]() -> Status {
        Status ready = detail::ensure_context(core, ctx_);
        if (!ready.ok()) return ready;
        return detail::redact_with(core, *ctx_, text, vault, out);
    });
    if (!s.ok()) detail::clear_to_blocked(out, core.data().version);
    return s;
}

Status Scanner::detect(std::string_view text, std::vector<Span>& out) {
    const detail::EngineCore& core = engine_.core();
    Status s = detail::guarded([&]() -> Status {
        Status ready = detail::ensure_context(core, ctx_);
        if (!ready.ok()) return ready;
        Status found = detail::find_hits(core, *ctx_, text);
        if (found.ok()) detail::hits_to_spans(core, ctx_->hits, out);
        return found;
    });
    if (!s.ok()) out.clear();
    return s;
}

}  // namespace phimask
