// Detection text: ASCII runs are copied as they are; everything else goes through ICU NFKC one normalization
// segment at a time, so that each segment's output maps back to exactly the original bytes it came from.
#include "normalize.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>

namespace phimask::detail {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// A run of combining marks is one NFKC segment however long it is, and ICU reorders it by insertion sort. Cutting
// segments after this many code points (as UAX #15's stream-safe format does after 30 non-starters) keeps
// adversarial "zalgo" input linear; no real text has such runs.
constexpr std::size_t kMaxSegmentCodePoints = 64;

std::size_t ascii_prefix_length(const char* p, std::size_t n) {
    constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
    std::size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        std::uint64_t w[4];
        std::memcpy(w, p + i, sizeof w);
        if (((w[0] | w[1] | w[2] | w[3]) & kHighBits) != 0) break;
    }
    for (; i + 8 <= n; i += 8) {
        std::uint64_t w;
        std::memcpy(&w, p + i, sizeof w);
        if ((w & kHighBits) != 0) break;
    }
    for (; i < n; ++i) {
        if (static_cast<unsigned char>(p[i]) >= 0x80) return i;
    }
    return n;
}

struct Decoded {
    UChar32 cp;       // < 0: the byte at this position does not start a well-formed sequence
    std::size_t len;  // bytes consumed: the whole sequence, or 1 for an ill-formed byte
};

bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// Well-formed UTF-8 per Unicode Table 3-7: no overlongs, no surrogates, nothing above U+10FFFF. An ill-formed
// sequence is consumed one byte at a time; every such byte is dropped anyway.
Decoded decode(const unsigned char* p, std::size_t avail) {
    const unsigned b0 = p[0];
    if (b0 < 0x80) return {static_cast<UChar32>(b0), 1};
    if (b0 < 0xC2) return {-1, 1};
    if (b0 < 0xE0) {
        if (avail < 2 || !is_continuation(p[1])) return {-1, 1};
        return {static_cast<UChar32>(((b0 & 0x1Fu) << 6) | (p[1] & 0x3Fu)), 2};
    }
    if (b0 < 0xF0) {
        if (avail < 3) return {-1, 1};
        const unsigned lo = b0 == 0xE0 ? 0xA0 : 0x80;
        const unsigned hi = b0 == 0xED ? 0x9F : 0xBF;
        if (p[1] < lo || p[1] > hi || !is_continuation(p[2])) return {-1, 1};
        return {static_cast<UChar32>(((b0 & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu)), 3};
    }
    if (b0 < 0xF5) {
        if (avail < 4) return {-1, 1};
        const unsigned lo = b0 == 0xF0 ? 0x90 : 0x80;
        const unsigned hi = b0 == 0xF4 ? 0x8F : 0xBF;
        if (p[1] < lo || p[1] > hi || !is_continuation(p[2]) || !is_continuation(p[3])) return {-1, 1};
        return {static_cast<UChar32>(((b0 & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) |
                                     (p[3] & 0x3Fu)),
                4};
    }
    return {-1, 1};
}

bool is_format(UChar32 c) { return u_charType(c) == U_FORMAT_CHAR; }

constexpr int kKeep = 0;
constexpr int kDrop = -1;

// kKeep, kDrop, or the ASCII byte that replaces c (of general category `type`). Only Pd, Po and Sm hold Dash
// characters (U+2212 is Sm, U+2053 is Po), so letters never pay for the property lookup.
int fold_code_point(UChar32 c, int8_t type) {
    switch (type) {
    case U_DECIMAL_DIGIT_NUMBER:
        return '0' + u_charDigitValue(c);
    case U_SPACE_SEPARATOR:
        return ' ';
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
        return '\n';
    case U_FORMAT_CHAR:
        return kDrop;
    case U_DASH_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
    case U_MATH_SYMBOL:
        return u_hasBinaryProperty(c, UCHAR_DASH) ? '-' : kKeep;
    default:
        return kKeep;
    }
}

const icu::Normalizer2* nfkc_instance() {
    static const icu::Normalizer2* const instance = [] {
        UErrorCode err = U_ZERO_ERROR;
        const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(err);
        return U_SUCCESS(err) ? n : nullptr;
    }();
    return instance;
}

class Builder {
public:
    Builder(const icu::Normalizer2& nfkc, std::string_view input, std::string& out, std::vector<OffsetPiece>& pieces)
        : nfkc_(nfkc), in_(reinterpret_cast<const unsigned char*>(input.data())), n_(input.size()), out_(out),
          pieces_(pieces) {}

    // `first` is the position of the first non-ASCII byte.
    bool run(std::size_t first) {
        out_.reserve(n_ + n_ / 8);
        std::size_t i = 0;
        std::size_t j = first;
        for (;;) {
            if (j > i) copy_ascii(i, j);
            if (j == n_) return true;
            const Decoded d = decode(in_ + j, n_ - j);
            const int8_t type = d.cp < 0 ? int8_t{U_FORMAT_CHAR} : u_charType(d.cp);
            if (type == U_FORMAT_CHAR) {
                i = j + d.len;
            } else if (nfkc_.isInert(d.cp)) {
                copy_inert(j, d, type);
                i = j + d.len;
            } else if (!segment(j, d, i)) {
                return false;
            }
            j = i + ascii_prefix_length(reinterpret_cast<const char*>(in_ + i), n_ - i);
        }
    }

private:
    void add_piece(std::size_t norm_begin, std::size_t orig_begin, std::size_t orig_end, bool linear) {
        const std::size_t norm_end = out_.size();
        if (linear && !pieces_.empty()) {
            OffsetPiece& last = pieces_.back();
            if (last.linear && last.norm_end == norm_begin && last.orig_end == orig_begin) {
                last.norm_end = norm_end;
                last.orig_end = orig_end;
                return;
            }
        }
        pieces_.push_back({norm_begin, norm_end, orig_begin, orig_end, linear});
    }

    void copy_ascii(std::size_t begin, std::size_t end) {
        const std::size_t norm_begin = out_.size();
        out_.append(reinterpret_cast<const char*>(in_ + begin), end - begin);
        add_piece(norm_begin, begin, end, true);
        last_ascii_ = end - 1;
    }

    // Most non-ASCII text (CJK, most letters of other scripts, digits, dashes, spaces) is NFKC-inert: it is its
    // own normalization and interacts with neither neighbour, so it only needs folding and no ICU call.
    void copy_inert(std::size_t pos, Decoded d, int8_t type) {
        const std::size_t norm_begin = out_.size();
        const int folded = fold_code_point(d.cp, type);
        if (folded == kDrop) return;
        if (folded == kKeep) {
            out_.append(reinterpret_cast<const char*>(in_ + pos), d.len);
        } else {
            out_.push_back(static_cast<char>(folded));
        }
        add_piece(norm_begin, pos, pos + d.len, folded == kKeep);
        last_ascii_ = kNone;
    }

    // A base letter copied on the ASCII path and a combining mark after it (e + U+0301) belong to one segment:
    // take the letter back out of its linear piece so that NFKC sees both.
    void retract_last_ascii() {
        out_.pop_back();
        OffsetPiece& last = pieces_.back();
        --last.norm_end;
        --last.orig_end;
        if (last.norm_end == last.norm_begin) pieces_.pop_back();
    }

    // Normalizes the segment that starts with `first` at `pos`, together with a preceding ASCII letter it
    // attaches to. Sets `next` to where the caller resumes.
    bool segment(std::size_t pos, Decoded first, std::size_t& next) {
        std::size_t seg_begin = pos;
        std::size_t seg_end = pos + first.len;
        std::size_t count = 1;
        bool gathered = false;  // dropped bytes lie inside the segment, so its kept bytes are copied to scratch_
        if (last_ascii_ != kNone && !nfkc_.hasBoundaryBefore(first.cp)) {
            retract_last_ascii();
            seg_begin = last_ascii_;
            count = 2;
            if (last_ascii_ + 1 != pos) {
                gathered = true;
                scratch_.assign(1, static_cast<char>(in_[last_ascii_]));
                scratch_.append(reinterpret_cast<const char*>(in_ + pos), first.len);
            }
        }
        last_ascii_ = kNone;

        std::size_t p = seg_end;
        while (p < n_ && in_[p] >= 0x80 && count < kMaxSegmentCodePoints) {
            const Decoded d = decode(in_ + p, n_ - p);
            if (d.cp >= 0 && !is_format(d.cp)) {
                if (nfkc_.hasBoundaryBefore(d.cp)) break;
                if (!gathered && p != seg_end) {
                    scratch_.assign(reinterpret_cast<const char*>(in_ + seg_begin), seg_end - seg_begin);
                    gathered = true;
                }
                if (gathered) scratch_.append(reinterpret_cast<const char*>(in_ + p), d.len);
                seg_end = p + d.len;
                ++count;
            }
            p += d.len;
        }
        next = p;

        const std::string_view src =
            gathered ? std::string_view(scratch_)
                     : std::string_view(reinterpret_cast<const char*>(in_ + seg_begin), seg_end - seg_begin);
        const std::size_t norm_begin = out_.size();
        // At most kMaxSegmentCodePoints * 4 bytes, so the int32_t length cannot overflow.
        const icu::StringPiece piece(src.data(), static_cast<int32_t>(src.size()));
        UErrorCode err = U_ZERO_ERROR;
        if (nfkc_.isNormalizedUTF8(piece, err)) {
            out_.append(src);
        } else {
            icu::StringByteSink<std::string> sink(&out_);
            nfkc_.normalizeUTF8(0, piece, sink, nullptr, err);
        }
        if (U_FAILURE(err)) return false;
        fold_from(norm_begin);
        if (out_.size() == norm_begin) return true;
        const bool unchanged = !gathered && out_.size() - norm_begin == src.size() &&
                               std::memcmp(out_.data() + norm_begin, src.data(), src.size()) == 0;
        add_piece(norm_begin, seg_begin, seg_end, unchanged);
        return true;
    }

    // Every fold writes one ASCII byte for a code point of at least one byte, so it can be done in place.
    void fold_from(std::size_t from) {
        std::size_t w = from;
        std::size_t r = from;
        const std::size_t size = out_.size();
        while (r < size) {
            const auto b = static_cast<unsigned char>(out_[r]);
            if (b < 0x80) {
                out_[w++] = out_[r++];
                continue;
            }
            const Decoded d = decode(reinterpret_cast<const unsigned char*>(out_.data()) + r, size - r);
            if (d.cp < 0) {
                ++r;
                continue;
            }
            const int folded = fold_code_point(d.cp, u_charType(d.cp));
            if (folded == kKeep) {
                if (w != r) std::memmove(&out_[w], &out_[r], d.len);
                w += d.len;
            } else if (folded != kDrop) {
                out_[w++] = static_cast<char>(folded);
            }
            r += d.len;
        }
        out_.resize(w);
    }

    const icu::Normalizer2& nfkc_;
    const unsigned char* in_;
    std::size_t n_;
    std::string& out_;
    std::vector<OffsetPiece>& pieces_;
    std::string scratch_;
    std::size_t last_ascii_ = kNone;  // original position of the last kept character, if it was ASCII
};

}  // namespace

bool Normalizer::normalize(std::string_view input, NormalizedText& out) const {
    out.buffer_.clear();
    out.pieces_.clear();
    const std::size_t first = ascii_prefix_length(input.data(), input.size());
    if (first == input.size()) {
        out.view_ = input;
        out.identity_ = true;
        return true;
    }
    out.identity_ = false;
    const icu::Normalizer2* nfkc = nfkc_instance();
    if (nfkc != nullptr && Builder(*nfkc, input, out.buffer_, out.pieces_).run(first)) {
        out.view_ = out.buffer_;
        return true;
    }
    out.buffer_.clear();
    out.pieces_.clear();
    out.view_ = {};
    return false;
}

std::pair<std::size_t, std::size_t> NormalizedText::to_original(std::size_t norm_start, std::size_t norm_end) const {
    if (identity_) {
        norm_end = std::min(norm_end, view_.size());
        norm_start = std::min(norm_start, norm_end);
        return {norm_start, norm_end};
    }
    if (pieces_.empty()) return {0, 0};

    const auto piece_at = [this](std::size_t pos) -> const OffsetPiece& {
        const auto it = std::upper_bound(pieces_.begin(), pieces_.end(), pos,
                                         [](std::size_t v, const OffsetPiece& p) { return v < p.norm_begin; });
        return *(it - 1);
    };
    const auto start_of = [&](std::size_t pos) {
        const OffsetPiece& p = piece_at(pos);
        return p.linear ? p.orig_begin + (pos - p.norm_begin) : p.orig_begin;
    };

    // Out-of-contract arguments are clamped rather than trusted, so a caller's bug cannot index past the input.
    const std::size_t size = pieces_.back().norm_end;
    norm_end = std::min(norm_end, size);
    if (norm_start >= norm_end) {
        const std::size_t at = norm_start >= size ? pieces_.back().orig_end : start_of(norm_start);
        return {at, at};
    }
    const OffsetPiece& last = piece_at(norm_end - 1);
    const std::size_t end = last.linear ? last.orig_begin + (norm_end - last.norm_begin) : last.orig_end;
    return {start_of(norm_start), end};
}

}  // namespace phimask::detail
