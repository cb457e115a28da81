// Building the Engine a command runs from its options:
//   --policy FILE     a policy (default: Policy::default_policy())
//   --engine FILE     a compiled engine (with --policy too: loaded only if built from that policy)
//   --hash-key-env VAR / --hash-key-file FILE   the key for the hash action
#pragma once

#include <optional>

#include <string>
#include <vector>

#include "args.h"
#include "phimask/engine.h"
#include "phimask/policy.h"
#include "phimask/status.h"

namespace phimask::cli {

/// The options above, for a command's option table.
const std::vector<OptionSpec>& policy_option_specs();  // --policy
const std::vector<OptionSpec>& key_option_specs();     // --hash-key-env, --hash-key-file
const std::vector<OptionSpec>& engine_option_specs();  // all of the above and --engine

/// A usage problem with these options (both key sources given), or empty.
std::string check_engine_options(const Args& args);

/// Loads the policy file at `path` (standard input for "-"), or the default policy when
/// `path` is null. Sets `context` to what is being loaded, for messages.
Result<Policy> load_policy(const std::string* path, std::string& context);

/// Reads the hash key named by the options into `key` (left empty when none is
/// named). A key file loses one trailing newline. kKey for an unset or empty key.
Status read_hash_key(const Args& args, std::string& key, std::string& context);

/// Compiles --policy, or loads --engine (checked against --policy when both are given).
Result<Engine> open_engine(const Args& args, std::string& context);

/// What redact and detect run with, once their arguments are parsed and the engine is open.
struct ScanCommand {
    std::optional<Engine> engine;
    std::vector<std::string> inputs;  ///< files; "-" for standard input (the default)
    bool jsonl = false;
    bool stream = false;  ///< redact --stream
    Args args;            ///< as parsed (redact reads its vault options from them)
    std::size_t threads = 1;
};

/// Parses a scanning command's arguments and opens its engine. Returns -1 when the
/// command should run, else the exit code to return at once (help, usage error,
/// policy/key/engine error, already reported on stderr).
int prepare_scan_command(std::string_view command, int argc, char** argv, int first, ScanCommand& out);

}  // namespace phimask::cli
