// The ...Async calls: one Napi::AsyncWorker per call, run on libuv's thread pool.
//
// The rule every worker keeps: its inputs are plain C++ values copied out of
// V8 on the main thread before it is queued (strings converted to UTF-8,
// Buffers copied); Execute() touches nothing of Napi; results and errors become
// JavaScript values in OnOK(), on the main thread, which settles the promise.
#pragma once

#include <cstddef>
#include <vector>

#include <napi.h>

#include "phimask/engine.h"
#include "text.h"

namespace phimask::js {

enum class ScanKind { kRedact, kDetect };

/// Queues a redact or detect of `input` and returns its promise.
Napi::Promise queue_scan(Napi::Env env, const Engine& engine, InputText input, ScanKind kind);

/// Queues a batch redaction (see redact_batch) and returns its promise.
Napi::Promise queue_batch(Napi::Env env, const Engine& engine, std::vector<InputText> inputs, std::size_t threads);

}  // namespace phimask::js
