#include "scan.h"

#include <algorithm>
#include <limits>

namespace phimask::detail {
namespace {

constexpr std::size_t kNoStart = std::numeric_limits<std::size_t>::max();
constexpr std::size_t kWindowMergeGap = 256;

/// One call of hs_scan over text[begin, end), keeping only matches that cannot
/// have been distorted by the cut: the byte before and after a kept match is
/// inside the piece, unless the piece touches the text's own edge.
struct PieceScan {
    const EngineCore* core;
    std::size_t begin;
    std::size_t end;
    std::size_t text_size;
    void* sink;
    void (*emit)(void* sink, unsigned id, std::size_t from, std::size_t to);

    bool keep(unsigned id, std::size_t to) const {
        const std::size_t width = core->patterns()[id].max_width;
        if (begin != 0 && to < begin + width + 1) return false;
        if (end != text_size && to + 1 > end) return false;
        return true;
    }
};

int on_piece_match(unsigned id, unsigned long long from, unsigned long long to, unsigned, void* ctx) {
    auto* piece = static_cast<PieceScan*>(ctx);
    const std::size_t abs_to = piece->begin + static_cast<std::size_t>(to);
    if (piece->keep(id, abs_to)) piece->emit(piece->sink, id, piece->begin + static_cast<std::size_t>(from), abs_to);
    return 0;
}

/// Scans the whole text with `db` in pieces of at most chunk_bytes that overlap
/// by the longest match plus two bytes, so every match is whole in some piece.
bool scan_pieces(const EngineCore& core, const hs_database_t* db, hs_scratch_t* scratch, std::string_view text,
                 void* sink, void (*emit)(void*, unsigned, std::size_t, std::size_t)) {
    const std::size_t n = text.size();
    const std::size_t overlap = core.max_width() + 2;
    const std::size_t chunk = core.options().chunk_bytes;
    std::size_t begin = 0;
    while (true) {
        const std::size_t end = std::min(n, begin + chunk);
        PieceScan piece{&core, begin, end, n, sink, emit};
        if (hs_scan(db, text.data() + begin, static_cast<unsigned>(end - begin), 0, scratch, on_piece_match,
                    &piece) != HS_SUCCESS) {
            return false;
        }
        if (end == n) return true;
        begin = end - overlap;
    }
}

struct WindowScan {
    const EngineCore* core;
    std::size_t begin;
    const std::vector<std::pair<std::size_t, std::uint32_t>>* ends;
    std::vector<std::size_t>* starts;
};

int on_window_match(unsigned id, unsigned long long from, unsigned long long to, unsigned, void* ctx) {
    auto* w = static_cast<WindowScan*>(ctx);
    const std::size_t abs_to = w->begin + static_cast<std::size_t>(to);
    const std::size_t abs_from = w->begin + static_cast<std::size_t>(from);
    // Only a window holding one byte of context before the longest possible
    // match gives a trustworthy leftmost start (\b and ^ see that byte).
    const std::size_t width = w->core->patterns()[id].max_width;
    if (w->begin != 0 && abs_to < w->begin + width + 1) return 0;
    auto it = std::lower_bound(w->ends->begin(), w->ends->end(), std::make_pair(abs_to, static_cast<std::uint32_t>(id)));
    if (it == w->ends->end() || it->first != abs_to || it->second != id) return 0;
    std::size_t& start = (*w->starts)[static_cast<std::size_t>(it - w->ends->begin())];
    start = std::min(start, abs_from);
    return 0;
}

/// Finds the start of each (end, id) by scanning the SOM database over the
/// union of the windows [end - width - 1, end + 1).
bool locate_starts(const EngineCore& core, hs_scratch_t* scratch, std::string_view text, ScanBuffers& b) {
    const std::size_t n = text.size();
    b.windows.clear();
    for (const auto& [end, id] : b.ends) {
        const std::size_t width = core.patterns()[id].max_width + 1;
        b.windows.emplace_back(end > width ? end - width : 0, std::min(n, end + 1));
    }
    std::sort(b.windows.begin(), b.windows.end());
    b.starts.assign(b.ends.size(), kNoStart);
    const std::size_t limit = core.options().chunk_bytes;
    for (std::size_t i = 0; i < b.windows.size();) {
        std::size_t begin = b.windows[i].first, end = b.windows[i].second;
        std::size_t j = i + 1;
        // Windows a few hundred bytes apart share one call: rescanning the gap
        // costs less than Hyperscan's per-call overhead.
        while (j < b.windows.size() && b.windows[j].first <= end + kWindowMergeGap &&
               b.windows[j].second - begin <= limit) {
            end = std::max(end, b.windows[j].second);
            ++j;
        }
        WindowScan w{&core, begin, &b.ends, &b.starts};
        if (hs_scan(core.dbs().som.get(), text.data() + begin, static_cast<unsigned>(end - begin), 0, scratch,
                    on_window_match, &w) != HS_SUCCESS) {
            return false;
        }
        i = j;
    }
    return true;
}

/// The candidate's own matches in the labels or trailers database, run over
/// text[from, to): `edge` becomes the largest match end (labels) or the
/// smallest match start (trailers), relative to `from`.
struct EdgeScan {
    unsigned id;
    std::size_t edge;
};

int on_label_end(unsigned id, unsigned long long, unsigned long long to, unsigned, void* ctx) {
    auto* scan = static_cast<EdgeScan*>(ctx);
    if (id == scan->id) scan->edge = std::max(scan->edge, static_cast<std::size_t>(to));
    return 0;
}

int on_trailer_start(unsigned id, unsigned long long from, unsigned long long, unsigned, void* ctx) {
    auto* scan = static_cast<EdgeScan*>(ctx);
    if (id == scan->id) scan->edge = std::min(scan->edge, static_cast<std::size_t>(from));
    return 0;
}

bool scan_edge(const hs_database_t* db, hs_scratch_t* scratch, std::string_view text, std::size_t from,
               std::size_t to, match_event_handler on_match, EdgeScan& scan) {
    return hs_scan(db, text.data() + from, static_cast<unsigned>(to - from), 0, scratch, on_match, &scan) ==
           HS_SUCCESS;
}

/// Sets c.value_start and c.value_end as documented on Candidate.
bool find_value(const EngineCore& core, hs_scratch_t* scratch, std::string_view text, Candidate& c) {
    const CompiledPattern& pattern = core.patterns()[c.id];
    if (pattern.has_label) {
        EdgeScan label{c.id, 0};
        if (!scan_edge(core.dbs().labels.get(), scratch, text, c.start, c.end - 1, on_label_end, label)) return false;
        c.value_start = c.start + label.edge;
    }
    if (pattern.has_trailer && c.value_start + 1 < c.end) {
        const std::size_t from = c.value_start + 1;
        EdgeScan trailer{c.id, c.end - from};
        if (!scan_edge(core.dbs().trailers.get(), scratch, text, from, c.end, on_trailer_start, trailer)) return false;
        c.value_end = from + trailer.edge;
    }
    return true;
}

}  // namespace

bool scan_candidates(const EngineCore& core, hs_scratch_t* scratch, std::string_view text, ScanBuffers& b,
                     std::vector<Candidate>& out) {
    if (!core.dbs().scan) {  // recognizers only
        out.clear();
        return true;
    }
    out.clear();
    if (text.empty()) return true;
    if (core.options().start_of_match == StartOfMatch::kLeftmost) {
        auto emit = [](void* sink, unsigned id, std::size_t from, std::size_t to) {
            static_cast<std::vector<Candidate>*>(sink)->push_back({id, from, from, to, to});
        };
        if (!scan_pieces(core, core.dbs().som.get(), scratch, text, &out, emit)) return false;
    } else {
        b.ends.clear();
        auto emit = [](void* sink, unsigned id, std::size_t, std::size_t to) {
            static_cast<ScanBuffers*>(sink)->ends.emplace_back(to, static_cast<std::uint32_t>(id));
        };
        if (!scan_pieces(core, core.dbs().scan.get(), scratch, text, &b, emit)) return false;
        std::sort(b.ends.begin(), b.ends.end());
        b.ends.erase(std::unique(b.ends.begin(), b.ends.end()), b.ends.end());
        if (b.ends.empty()) return true;
        if (!locate_starts(core, scratch, text, b)) return false;
        for (std::size_t i = 0; i < b.ends.size(); ++i) {
            // Every end the scan reported has a start within its window; a
            // missing one would be a Hyperscan inconsistency: fail closed.
            if (b.starts[i] == kNoStart) return false;
            out.push_back({b.ends[i].second, b.starts[i], b.starts[i], b.ends[i].first, b.ends[i].first});
        }
    }
    for (auto& c : out) {
        if (!find_value(core, scratch, text, c)) return false;
    }
    std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b2) {
        if (a.start != b2.start) return a.start < b2.start;
        if (a.id != b2.id) return a.id < b2.id;
        return a.end > b2.end;
    });
    out.erase(std::unique(out.begin(), out.end(),
                          [](const Candidate& a, const Candidate& b2) {
                              return a.start == b2.start && a.end == b2.end && a.id == b2.id;
                          }),
              out.end());
    return true;
}

}  // namespace phimask::detail
