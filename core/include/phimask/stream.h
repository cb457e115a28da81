// Redacting and restoring text that arrives in pieces: an LLM's streamed
// answer, a log read from a pipe, stdin that arrives slowly.
//
//     phimask::StreamRedactor stream(engine);             // or (engine, vault)
//     phimask::StreamOutput out;
//     for (std::string_view chunk : chunks) {             // any sizes, even 1 byte
//         if (auto s = stream.push(chunk, out); !s.ok()) return s;
//         send(out.text);                                 // final: never changes
//     }
//     if (auto s = stream.finish(out); !s.ok()) return s;
//     send(out.text);
//
// Equality with block mode: the concatenated output of every push() and
// finish() equals Engine::redact() of the concatenated input, whatever the
// chunk sizes, and so do the spans (offsets in bytes of the whole stream) and
// the token numbers. The engine decides every stretch of text from a bounded
// window around it (patterns have a maximum width, context words a window,
// recognizers the limits in recognizers/recognizer.h); the stream keeps that
// much text after and before the part it releases.
//
// Hold-back: after push() returns, at most max_hold_back() bytes of input are
// held (for text that Unicode normalization does not shorten: ASCII and
// ordinary UTF-8; a value stuffed with ignorable characters such as zero-width
// spaces is held until it is whole, up to kMaxStreamHold bytes). Text is
// released in pieces, each time the held part exceeds the bound, so that the
// engine runs once per piece and not once per chunk.
//
// Blocking: a stream cannot take back what it released. When a value whose
// action is block reaches the released part, the stream releases nothing more
// (not even the text before the value in that piece), blocked() turns true and
// summary() names the types; the caller must drop what it already sent (as
// with any guardrail that intervenes mid-stream). Block mode returns no text
// at all for such an input.
//
// Failure: an error (ErrorCode::kInternal, or kInput for kMaxStreamHold) ends
// the stream: every later call returns it again and releases nothing.
//
// Thread-safety: one stream is used by one thread at a time. The vault, when
// given, must outlive the stream and not be used elsewhere meanwhile.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "phimask/engine.h"
#include "phimask/vault.h"

namespace phimask {

/// What one push() or finish() released.
struct StreamOutput {
    std::string text;         ///< redacted text, final
    std::vector<Span> spans;  ///< its spans; offsets in bytes of the whole stream's input
};

/// Input held while a value stuffed with characters that normalization drops
/// (zero-width spaces, invalid bytes) is still incomplete; beyond it the stream
/// fails closed with kInput instead of releasing part of the value.
inline constexpr std::size_t kMaxStreamHold = std::size_t{1} << 16;

class StreamRedactor {
public:
    /// A stream whose `token` action numbers values within this stream only.
    explicit StreamRedactor(const Engine& engine);
    /// A stream that numbers values in `vault` (a conversation's), as
    /// Engine::redact(text, vault) does.
    StreamRedactor(const Engine& engine, Vault& vault);
    ~StreamRedactor();
    StreamRedactor(StreamRedactor&&) noexcept;
    StreamRedactor& operator=(StreamRedactor&&) noexcept;

    /// Adds `chunk` and sets `out` to the text that became final (often none).
    /// kInput after finish().
    Status push(std::string_view chunk, StreamOutput& out);
    /// Ends the stream: sets `out` to the rest of the text.
    Status finish(StreamOutput& out);

    /// True once a block action fired (see above).
    bool blocked() const;
    /// Counts per type of the spans released so far; blocked and blocking types.
    const Summary& summary() const;
    /// Input bytes received but not yet released.
    std::size_t held_bytes() const;
    /// The most held_bytes() can be after push() returns, for this engine.
    static std::size_t max_hold_back(const Engine& engine);

private:
    struct State;
    std::unique_ptr<State> state_;
};

/// Re-identifies a streamed answer with a conversation's vault: the
/// concatenated output equals Vault::restore() of the concatenated input,
/// whatever the chunk sizes; a token or surrogate split across chunks
/// ("{NA" + "ME_1}") is restored. Holds at most twice the longest token (96
/// bytes) or surrogate the vault can restore (or one word longer than that),
/// and releases text in pieces. The vault must outlive the restorer and not
/// gain values while it is used.
class StreamRestorer {
public:
    explicit StreamRestorer(const Vault& vault);
    ~StreamRestorer();
    StreamRestorer(StreamRestorer&&) noexcept;
    StreamRestorer& operator=(StreamRestorer&&) noexcept;

    /// Adds `chunk` and appends the text that became final to `out`.
    void push(std::string_view chunk, std::string& out);
    /// Appends the rest to `out`.
    void finish(std::string& out);

    /// Tokens restored so far.
    std::size_t restored() const;
    /// Unknown tokens so far, once each in order of appearance (see RestoreResult).
    const std::vector<std::string>& unknown() const;
    std::size_t held_bytes() const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace phimask
