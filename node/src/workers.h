// The ...Async calls: one Napi::AsyncWorker per call, run on libuv's thread pool.
//
// The rule every worker keeps: its inputs are plain C++ values copied out of
// V8 on the main thread before it is queued (strings converted to UTF-8,
// Buffers copied); Execute() touches nothing of Napi; results and errors become
// JavaScript values in OnOK(), on the main thread, which settles the promise.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <napi.h>

#include "phimask/engine.h"
#include "phimask/lines.h"
#include "text.h"
#include "vault.h"

namespace phimask::js {

enum class ScanKind { kRedact, kDetect };

/// Queues a redact or detect of `input` and returns its promise. A redact with
/// `vault` numbers tokens in it (locked while the work runs).
Napi::Promise queue_scan(Napi::Env env, const Engine& engine, InputText input, ScanKind kind,
                         std::shared_ptr<SharedVault> vault = nullptr);

/// Queues a batch redaction (phimask::BatchRedactor) and returns its promise.
Napi::Promise queue_batch(Napi::Env env, const Engine& engine, std::vector<InputText> inputs, std::size_t threads);

/// What a lines job needs, all plain C++ (see queue_lines).
struct LinesJob {
    std::string block;  ///< complete lines, copied out of the caller's Buffer
    LineOptions options;
    std::optional<std::string> blocked_line;
    std::size_t first_line = 1;  ///< the stream's number of the block's first line, for error messages
};

/// Queues phimask::redact_lines over `job` on one thread and returns a promise of
/// [text: Buffer, blocked: Array<[index, types[]]>, error: Error | null]: the
/// redacted lines (those before a failed line, when one failed), the blocked
/// lines by 0-based index in the block, and the failed line's error, whose
/// message names it as "line <first_line + index>".
Napi::Promise queue_lines(Napi::Env env, const Engine& engine, LinesJob job);

}  // namespace phimask::js
