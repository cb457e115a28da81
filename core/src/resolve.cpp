#include "resolve.h"

#include <algorithm>
#include <iterator>
#include <map>

namespace phimask::detail {

void resolve_overlaps(const PolicyData& data, std::string_view original, std::vector<Hit>& hits) {
    if (hits.size() > 1) {
        auto better = [&](const Hit& a, const Hit& b) {
            const int pa = data.detectors[a.detector].priority, pb = data.detectors[b.detector].priority;
            if (pa != pb) return pa > pb;
            const std::size_t la = a.end - a.start, lb = b.end - b.start;
            if (la != lb) return la > lb;
            if (a.score != b.score) return a.score > b.score;
            if (a.start != b.start) return a.start < b.start;
            return a.detector < b.detector;
        };
        std::sort(hits.begin(), hits.end(), better);
        std::map<std::size_t, std::size_t> taken;  // start -> end of accepted spans
        std::vector<Hit> kept;
        for (const Hit& h : hits) {
            auto next = taken.lower_bound(h.start);
            if (next != taken.end() && next->first < h.end) continue;
            if (next != taken.begin() && std::prev(next)->second > h.start) continue;
            taken.emplace(h.start, h.end);
            kept.push_back(h);
        }
        hits.swap(kept);
        std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.start < b.start; });
    }
    std::vector<Hit> merged;
    for (const Hit& h : hits) {
        if (!merged.empty()) {
            Hit& last = merged.back();
            const DetectorSpec& a = data.detectors[last.detector];
            const DetectorSpec& b = data.detectors[h.detector];
            const std::string_view gap = original.substr(last.end, h.start - last.end);
            if (a.type == b.type && a.merge_adjacent && b.merge_adjacent && (gap.empty() || gap == " ")) {
                last.end = h.end;
                last.norm_end = h.norm_end;
                last.score = std::max(last.score, h.score);
                continue;
            }
        }
        merged.push_back(h);
    }
    hits.swap(merged);
}

}  // namespace phimask::detail
