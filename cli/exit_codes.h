// Exit codes of the phimask command. They are a contract: scripts test them.
//
//   0   success
//   1   at least one input (file, or JSONL line) was blocked by the policy; the others were written
//   2   usage error (unknown command or option, missing or conflicting argument)
//   3   policy or key error (ErrorCode::kPolicy, ErrorCode::kKey, ErrorCode::kVault)
//   4   input error (a line that is not valid JSON, a missing "text", ErrorCode::kInput)
//   5   engine file error (corrupt, other version/platform, built for another policy: ErrorCode::kEngineFile)
//   6   I/O error (a file that cannot be read or written, ErrorCode::kIo)
//   70  internal error (ErrorCode::kInternal, out of memory, anything unexpected)
//
// When several apply, the first error stops the run and gives the code; 1 is only
// returned when no error occurred.
#pragma once

#include "phimask/status.h"

namespace phimask::cli {

enum ExitCode : int {
    kExitOk = 0,
    kExitBlocked = 1,
    kExitUsage = 2,
    kExitPolicy = 3,
    kExitInput = 4,
    kExitEngineFile = 5,
    kExitIo = 6,
    kExitInternal = 70,
};

inline int exit_code_for(ErrorCode code) noexcept {
    switch (code) {
    case ErrorCode::kOk:
        return kExitOk;
    case ErrorCode::kPolicy:
    case ErrorCode::kKey:
    case ErrorCode::kVault:
        return kExitPolicy;
    case ErrorCode::kInput:
        return kExitInput;
    case ErrorCode::kEngineFile:
        return kExitEngineFile;
    case ErrorCode::kIo:
        return kExitIo;
    case ErrorCode::kInternal:
        break;
    }
    return kExitInternal;
}

}  // namespace phimask::cli
