#include <algorithm>

#include "actions.h"
#include "guarded.h"
#include "phimask/stream.h"
#include "pipeline.h"
#include "resolve.h"
#include "stream_reach.h"
#include "utf8.h"
#include "vault_state.h"

namespace phimask {
namespace {

/// The normalized offset of original byte `orig` (the first normalized byte
/// at or after it).
std::size_t to_normalized(const detail::NormalizedText& n, std::size_t orig) {
    if (n.identity()) return orig;
    const auto& pieces = n.pieces();
    auto it = std::partition_point(pieces.begin(), pieces.end(),
                                   [&](const detail::OffsetPiece& p) { return p.orig_end <= orig; });
    if (it == pieces.end()) return n.text().size();
    if (orig <= it->orig_begin || !it->linear) return it->norm_begin;
    return it->norm_begin + (orig - it->orig_begin);
}

/// The original offset where the character of normalized byte `norm` starts.
std::size_t to_original_start(const detail::NormalizedText& n, std::size_t norm) {
    if (norm >= n.text().size()) return std::string_view::npos;
    return n.to_original(norm, norm + 1).first;
}

}  // namespace

struct StreamRedactor::State {
    State(const Engine& e, Vault* v) : engine(e), reach(detail::stream_reach(e.core())), vault(v) {}

    Engine engine;
    detail::StreamReach reach;
    Vault* vault;            ///< the caller's, or null for own_vault
    Vault own_vault;
    std::unique_ptr<detail::ScanContext> ctx;
    std::string buffer;      ///< input from offset `base` of the stream on
    std::size_t base = 0;
    std::size_t released = 0;  ///< input offset up to which output was released
    Summary summary;
    Status failure;
    bool finished = false;
    /// held() at which the engine runs next: past the hold-back, or further
    /// when the last run could release nothing (a value still incomplete).
    std::size_t run_at = 0;
    std::vector<detail::Hit> taken;

    ~State() {
        if (ctx) engine.core().context_pool().release(std::move(ctx));
    }

    detail::VaultState& vault_state() { return detail::VaultAccess::state(vault != nullptr ? *vault : own_vault); }
    std::size_t held() const { return base + buffer.size() - released; }

    /// Where the released part may end: `ahead` normalized bytes before the
    /// window's end, moved back out of every hit (and the byte after it, where
    /// another hit would merge with it) and onto a character boundary.
    std::size_t cut_point(std::string_view window, std::size_t from) const {
        const detail::NormalizedText& norm = ctx->normalized;
        if (norm.text().size() <= reach.ahead) return from;
        std::size_t cut = to_original_start(norm, norm.text().size() - reach.ahead);
        for (bool moved = true; moved && cut > from;) {
            moved = false;
            while (cut > from && detail::is_continuation_byte(window[cut])) --cut;
            for (const detail::Hit& h : ctx->hits) {
                if (h.start >= from && h.start < cut && cut <= h.end + 1) {
                    cut = h.start;
                    moved = true;
                }
            }
        }
        return std::max(cut, from);
    }

    /// Runs the engine over the window and releases what is decided (all of
    /// it at the end of the stream).
    Status run(bool last, StreamOutput& out) {
        const detail::EngineCore& core = engine.core();
        if (!ctx) {
            ctx = core.context_pool().acquire();
            if (!ctx) return Status(ErrorCode::kInternal, "Hyperscan could not allocate scratch space");
        }
        const std::string_view window = buffer;
        const std::size_t from = released - base;
        Status s = detail::find_unresolved_hits(core, *ctx, window);
        if (!s.ok()) return s;
        const std::size_t cut = last ? window.size() : cut_point(window, from);
        if (cut > from) {
            s = release(window, from, cut, out);
            if (!s.ok()) return s;
        }
        if (!last) forget_before(cut);
        if (held() > kMaxStreamHold) {
            return Status(ErrorCode::kInput, "more than " + std::to_string(kMaxStreamHold) +
                                                 " bytes of the stream are undecided (characters that "
                                                 "normalization drops inside one value)");
        }
        return {};
    }

    /// Applies the actions to window[from, cut) and appends it to `out`.
    Status release(std::string_view window, std::size_t from, std::size_t cut, StreamOutput& out) {
        const detail::EngineCore& core = engine.core();
        // Hits that start before `from` belong to text already released (or are
        // artefacts of the window's cut start): block mode has none crossing it.
        std::vector<detail::Hit>& hits = ctx->hits;
        hits.erase(std::remove_if(hits.begin(), hits.end(), [&](const detail::Hit& h) { return h.start < from; }),
                   hits.end());
        detail::resolve_overlaps(core.data(), window, hits);
        taken.clear();
        for (const detail::Hit& h : hits) {
            if (h.start >= cut) break;
            if (h.end > cut) return Status(ErrorCode::kInternal, "a stream cut inside a span");
            detail::Hit shifted = h;
            shifted.start -= from;
            shifted.end -= from;
            taken.push_back(shifted);
        }
        detail::VaultState& state = vault_state();
        const detail::VaultState::Mark before = state.mark();
        RedactResult piece;
        bool applied = false;
        try {
            applied = detail::apply_actions(core, window.substr(from, cut - from), ctx->normalized.text(), taken,
                                            state, piece);
        } catch (...) {
            state.rollback(before);
            throw;
        }
        if (!applied || piece.blocked()) state.rollback(before);
        if (!applied) return Status(ErrorCode::kInternal, "an action failed (the hash or the random source)");
        if (piece.blocked()) {
            summary.blocked = true;
            summary.blocking_types = piece.summary.blocking_types;
            return {};
        }
        out.text += piece.text;
        const std::size_t offset = released;
        for (Span& span : piece.spans) {
            ++summary.counts[span.type];
            span.start += offset;
            span.end += offset;
            out.spans.push_back(std::move(span));
        }
        released = base + cut;
        return {};
    }

    /// Drops the input before the look-behind the next window needs.
    void forget_before(std::size_t cut) {
        const detail::NormalizedText& norm = ctx->normalized;
        const std::size_t at = to_normalized(norm, cut);
        if (at <= reach.behind) return;
        std::size_t keep = to_original_start(norm, at - reach.behind);
        if (keep == std::string_view::npos || keep > cut) return;
        while (keep > 0 && detail::is_continuation_byte(buffer[keep])) --keep;
        buffer.erase(0, keep);
        base += keep;
    }

    Status step(std::string_view chunk, bool last, StreamOutput& out) {
        out.text.clear();
        out.spans.clear();
        if (!failure.ok()) return failure;
        if (finished) return Status(ErrorCode::kInput, "the stream is finished");
        if (summary.blocked) {
            finished = last;
            return {};
        }
        Status s = detail::guarded([&]() -> Status {
            buffer.append(chunk);
            if (!last && held() <= std::max(run_at, reach.hold_back())) return {};
            const std::size_t before = released;
            Status ran = run(last, out);
            run_at = released == before ? held() + reach.widest : 0;
            return ran;
        });
        finished = last;
        if (!s.ok()) {
            failure = s;
            out.text.clear();
            out.spans.clear();
            buffer.clear();
        }
        if (summary.blocked) {
            out.text.clear();
            out.spans.clear();
        }
        return s;
    }
};

StreamRedactor::StreamRedactor(const Engine& engine) : state_(std::make_unique<State>(engine, nullptr)) {
    state_->summary.policy_version = engine.policy_version();
}
StreamRedactor::StreamRedactor(const Engine& engine, Vault& vault) : state_(std::make_unique<State>(engine, &vault)) {
    state_->summary.policy_version = engine.policy_version();
}
StreamRedactor::~StreamRedactor() = default;
StreamRedactor::StreamRedactor(StreamRedactor&&) noexcept = default;
StreamRedactor& StreamRedactor::operator=(StreamRedactor&&) noexcept = default;

Status StreamRedactor::push(std::string_view chunk, StreamOutput& out) { return state_->step(chunk, false, out); }
Status StreamRedactor::finish(StreamOutput& out) { return state_->step({}, true, out); }
bool StreamRedactor::blocked() const { return state_->summary.blocked; }
const Summary& StreamRedactor::summary() const { return state_->summary; }
std::size_t StreamRedactor::held_bytes() const { return state_->held(); }

std::size_t StreamRedactor::max_hold_back(const Engine& engine) {
    return detail::stream_reach(engine.core()).hold_back();
}

}  // namespace phimask
