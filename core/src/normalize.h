// Normalization for detection only, with an exact map back to the original bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace phimask::detail {

/// A run of normalized bytes and the original bytes it came from. A linear piece
/// maps byte for byte (norm_begin + k <-> orig_begin + k); any other piece maps
/// as a whole (every normalized byte in it stands for all of [orig_begin, orig_end)).
struct OffsetPiece {
    std::size_t norm_begin;
    std::size_t norm_end;
    std::size_t orig_begin;
    std::size_t orig_end;
    bool linear;
};

/// The text the scanner sees, and how to get back to the caller's bytes.
///
/// Always valid UTF-8. For pure-ASCII input it is the input itself (no copy, no
/// map); otherwise it owns a normalized copy and a sorted list of pieces that
/// covers every normalized byte.
class NormalizedText {
public:
    // A normalized copy is read from buffer_ itself, so copies and moves of a NormalizedText stay valid.
    std::string_view text() const { return identity_ ? view_ : std::string_view(buffer_); }
    bool identity() const { return identity_; }

    /// Maps normalized [norm_start, norm_end) (norm_start < norm_end) to the
    /// smallest original byte range containing every original character that
    /// produced those bytes, including characters dropped in between (zero-width
    /// characters, invalid bytes). original.substr(first, second - first) is the
    /// original text of the match.
    std::pair<std::size_t, std::size_t> to_original(std::size_t norm_start, std::size_t norm_end) const;

    const std::vector<OffsetPiece>& pieces() const { return pieces_; }
    /// Heap bytes held for reuse by the next normalization.
    std::size_t capacity_bytes() const { return buffer_.capacity() + pieces_.capacity() * sizeof(OffsetPiece); }

private:
    friend class Normalizer;
    std::string buffer_;
    std::string_view view_;
    std::vector<OffsetPiece> pieces_;
    bool identity_ = true;
};

/// Stateless apart from ICU singletons; one instance may be shared by threads.
///
/// Rules, applied per character of the input:
///  - ASCII passes through unchanged (fast path: an all-ASCII input is not copied);
///  - invalid UTF-8 bytes and format characters (general category Cf: zero-width
///    space/joiners, soft hyphen, BOM, bidi controls) are dropped;
///  - everything else goes through ICU NFKC (full-width forms, ligatures,
///    compatibility digits), then: every decimal digit (any script) becomes its
///    ASCII digit, every dash (Unicode Dash property, minus sign) becomes '-',
///    every space separator becomes ' ', line/paragraph separators become '\n'.
class Normalizer {
public:
    /// Fills `out` (reusing its buffers). Returns false only if ICU fails, in
    /// which case `out` is left empty and the caller must fail closed.
    bool normalize(std::string_view input, NormalizedText& out) const;
};

}  // namespace phimask::detail
