// Turning exceptions into statuses at the library's edge.
#pragma once

#include <new>

#include "phimask/status.h"

namespace phimask::detail {

/// Runs `fn`, turning any exception into an internal error (never its what():
/// a standard library message could in principle quote data).
template <class Fn>
auto guarded(Fn&& fn) -> decltype(fn()) {
    try {
        return fn();
    } catch (const std::bad_alloc&) {
        return Status(ErrorCode::kInternal, "out of memory");
    } catch (...) {
        return Status(ErrorCode::kInternal, "unexpected internal failure");
    }
}

}  // namespace phimask::detail
