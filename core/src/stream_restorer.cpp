#include <algorithm>

#include "phimask/stream.h"
#include "vault_state.h"

namespace phimask {

struct StreamRestorer::State {
    explicit State(const Vault& v) : vault(&v), hold(detail::restore_hold(v)) {}
    const Vault* vault;
    std::size_t hold;  ///< the vault gains no values while it restores
    std::string pending;  ///< an unfinished token's bytes
    std::size_t restored = 0;
    std::vector<std::string> unknown;

    void restore(std::size_t upto, std::string& out) {
        if (upto == 0) return;
        RestoreResult r = vault->restore(std::string_view(pending).substr(0, upto));
        out += r.text;
        restored += r.restored;
        for (std::string& token : r.unknown) {
            if (std::find(unknown.begin(), unknown.end(), token) == unknown.end()) unknown.push_back(std::move(token));
        }
        pending.erase(0, upto);
    }
};

StreamRestorer::StreamRestorer(const Vault& vault) : state_(std::make_unique<State>(vault)) {}
StreamRestorer::~StreamRestorer() = default;
StreamRestorer::StreamRestorer(StreamRestorer&&) noexcept = default;
StreamRestorer& StreamRestorer::operator=(StreamRestorer&&) noexcept = default;

void StreamRestorer::push(std::string_view chunk, std::string& out) {
    state_->pending.append(chunk);
    // Cut only once twice the hold-back has gathered: one pass per cut, not per chunk.
    if (state_->pending.size() < state_->hold) return;
    state_->restore(detail::restore_cut(*state_->vault, state_->pending), out);
}

void StreamRestorer::finish(std::string& out) { state_->restore(state_->pending.size(), out); }

std::size_t StreamRestorer::restored() const { return state_->restored; }
const std::vector<std::string>& StreamRestorer::unknown() const { return state_->unknown; }
std::size_t StreamRestorer::held_bytes() const { return state_->pending.size(); }

}  // namespace phimask
