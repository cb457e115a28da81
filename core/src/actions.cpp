#include "actions.h"

#include <algorithm>
#include <charconv>

#include "crypto.h"
#include "generalize.h"
#include "surrogates.h"
#include "token_keys.h"
#include "utf8.h"
#include "vault_state.h"

namespace phimask::detail {
namespace {

/// Characters (code points; an invalid byte counts as one) in a UTF-8 run.
std::size_t count_chars(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += !is_continuation_byte(c);
    return n;
}

/// Byte offset where the last `keep` characters of `s` begin.
std::size_t tail_offset(std::string_view s, std::size_t keep) {
    std::size_t i = s.size();
    while (keep > 0 && i > 0) {
        --i;
        if (!is_continuation_byte(s[i])) --keep;
    }
    return i;
}

void append_placeholder(const PolicyData& data, const std::string& type, std::string& out) {
    const std::string& fmt = data.placeholder_format;
    const std::size_t at = fmt.find("TYPE");
    out.append(fmt, 0, at);
    out += type;
    out.append(fmt, at + 4, std::string::npos);
}

/// "{TYPE_N}", what restore() reads back.
void append_token(const std::string& type, std::uint32_t number, std::string& out) {
    char digits[12];
    const auto written = std::to_chars(digits, digits + sizeof digits, number);
    out += '{';
    out += type;
    out += '_';
    out.append(digits, written.ptr);
    out += '}';
}

bool append_replacement(const EngineCore& core, std::uint32_t detector, const ActionSpec& action,
                        const std::string& type, std::string_view original, std::string_view normalized,
                        VaultState& vault, std::string& out) {
    switch (action.kind) {
    case Action::kPlaceholder:
    case Action::kBlock:
        append_placeholder(core.data(), type, out);
        return true;
    case Action::kRemove:
        return true;
    case Action::kMask: {
        const std::size_t keep_from = tail_offset(original, action.keep_last);
        const std::size_t masked = count_chars(original.substr(0, keep_from));
        for (std::size_t i = 0; i < masked; ++i) out += action.mask_char;
        out.append(original.substr(keep_from));
        return true;
    }
    case Action::kHash: {
        // Type and normalized value: the same identifier written with full-width
        // digits or a zero-width space hashes like its plain form.
        std::string message = type;
        message.push_back('\x1f');
        message.append(normalized);
        auto digest = hmac_sha256(core.options().hash_key, message);
        if (!digest) return false;
        out += '{';
        out += type;
        out += ':';
        out += to_hex(*digest, core.data().hash_length);
        out += '}';
        return true;
    }
    case Action::kToken: {
        // Numbered by the normalized value: "１２３-４５-６７８９" is the same SSN as
        // "123-45-6789"; the original is what restore() puts back.
        const std::uint32_t number = vault.number_for(type, token_key(type, normalized), original);
        append_token(type, number, out);
        return number != 0;
    }
    case Action::kSurrogate: {
        std::uint32_t number = 0;
        switch (append_surrogate(core, detector, original, normalized, vault, number, out)) {
        case SurrogateOutcome::kWritten: return true;
        case SurrogateOutcome::kFailed: return false;
        case SurrogateOutcome::kToken: append_token(type, number, out); return true;
        }
        return false;
    }
    case Action::kGeneralize:
        // From the normalized value: full-width digits and Unicode dashes read
        // like ASCII ones. A value with no Safe Harbor form gets the placeholder.
        if (!append_generalized(type, normalized, out)) append_placeholder(core.data(), type, out);
        return true;
    }
    return false;
}

}  // namespace

void hits_to_spans(const EngineCore& core, const std::vector<Hit>& hits, std::vector<Span>& out) {
    const PolicyData& data = core.data();
    out.clear();
    out.reserve(hits.size());
    for (const Hit& h : hits) {
        const DetectorSpec& d = data.detectors[h.detector];
        out.push_back({h.start, h.end, d.type, h.score, d.name, data.action_for(d).kind, h.detector});
    }
}

bool apply_actions(const EngineCore& core, std::string_view original, std::string_view normalized,
                   const std::vector<Hit>& hits, VaultState& vault, RedactResult& out) {
    const PolicyData& data = core.data();
    hits_to_spans(core, hits, out.spans);
    out.summary = Summary{};
    out.summary.policy_version = data.version;
    out.text.clear();
    for (const Span& s : out.spans) {
        ++out.summary.counts[s.type];
        if (s.action == Action::kBlock) {
            out.summary.blocked = true;
            out.summary.blocking_types.push_back(s.type);
        }
    }
    if (out.summary.blocked) {
        auto& types = out.summary.blocking_types;
        std::sort(types.begin(), types.end());
        types.erase(std::unique(types.begin(), types.end()), types.end());
        return true;
    }
    out.text.reserve(original.size());
    std::size_t pos = 0;
    for (std::size_t i = 0; i < hits.size(); ++i) {
        const Hit& h = hits[i];
        out.text.append(original.substr(pos, h.start - pos));
        const DetectorSpec& d = data.detectors[h.detector];
        if (!append_replacement(core, h.detector, data.action_for(d), d.type, original.substr(h.start, h.end - h.start),
                                normalized.substr(h.norm_start, h.norm_end - h.norm_start), vault, out.text)) {
            out.text.clear();
            return false;
        }
        pos = h.end;
    }
    out.text.append(original.substr(pos));
    return true;
}

}  // namespace phimask::detail
