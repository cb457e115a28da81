#include "usage.h"

#include <cstdio>
#include <cstring>

#include "exit_codes.h"

namespace phimask::cli {
namespace {

constexpr const char* kMainHelp = R"(Usage: phimask <command> [options] [FILE...]

Finds protected health information (PHI) in text and redacts it, in-process.

Commands:
  redact         redact text files, or the string values of JSON lines, to stdout
  detect         write the spans that would be redacted, as JSON lines
  compile        compile a policy into an engine file that loads without compiling
  check-policy   validate a policy and summarize it
  restore        put a conversation's values back into a model's answer (tokens, surrogates)

Options:
  -h, --help     show this help; 'phimask <command> --help' shows a command's
  --version      show the phimask and Hyperscan API versions

With no FILE, or for "-", standard input is read. Without --policy the default
policy applies: every detector of the us_core, us_names and us_places packs,
{TYPE} placeholders. A hash key is read from an environment variable or a file,
never from the command line.
Messages never contain input text.

Exit status:
  0    success
  1    at least one input was blocked by the policy (the others were written)
  2    usage error
  3    policy, key or vault error
  4    input error (a line that is not valid JSON, a missing "text", input too large)
  5    engine file error (corrupt, other phimask/Hyperscan version or CPU, other policy)
  6    I/O error (a file that cannot be read or written)
  70   internal error
)";

constexpr const char* kRedactHelp = R"(Usage: phimask redact [--policy FILE | --engine FILE]
                      [--hash-key-env VAR | --hash-key-file FILE] [--jsonl [--threads N] | --stream]
                      [--vault FILE (--vault-key-env VAR | --vault-key-file FILE)] [FILE...]

Redacts each FILE (standard input when none, or for "-") to standard output.

  --policy FILE          the policy (default: the default policy)
  --engine FILE          a compiled engine (see 'phimask compile'); with --policy as well,
                         it is refused unless it was built from that policy
  --hash-key-env VAR     take the hash action's key from environment variable VAR
  --hash-key-file FILE   take the hash action's key from FILE (one trailing newline dropped)
  --jsonl                the input is JSON Lines: every string value (not keys) is redacted,
                         everything else is kept as written; blank lines are kept
  --threads N            threads for --jsonl (default 1, 0 = one per CPU); output order is kept
  --stream               redact each input as it arrives (a pipe from a slow producer), writing
                         text as soon as it is final: the output equals the whole-file output,
                         and at most a few hundred bytes wait for what follows them
  --vault FILE           number the token and surrogate actions' values in a conversation's
                         vault kept in FILE (created when missing, sealed with AES-256-GCM,
                         saved after the run); 'phimask restore' puts the values back
  --vault-key-env VAR    the vault's key from environment variable VAR (64 hex digits)
  --vault-key-file FILE  the vault's key from FILE (64 hex digits, or 32 bytes)
  -h, --help             show this help

Without --jsonl each file is redacted as one text. An input (a file, or a JSON
line) that the policy blocks is left out of the output (with --stream, the
output stops at the blocking value) and named on stderr; the
run goes on and exits with 1. Any error stops the run: what was written before
it is complete and redacted, nothing after it is written. A line that is not
valid JSON is an input error (exit 4), reported by file and line number.
)";

constexpr const char* kDetectHelp = R"(Usage: phimask detect [--jsonl [--threads N]] [--policy FILE | --engine FILE]
                      [--hash-key-env VAR | --hash-key-file FILE] [FILE...]

Writes the spans the policy finds, one JSON object per line.

  --jsonl                the input is JSON Lines of objects with "id" (any JSON value) and
                         "text" (a string); other fields are ignored, blank lines skipped.
                         Writes {"id": <id as given>, "spans": [{"start": S, "end": E,
                         "type": T, "score": X, "detector": D}, ...]} per line, with offsets
                         in Unicode code points of "text", end exclusive
  --threads N            threads for --jsonl (default 1, 0 = one per CPU); output order is kept
  --policy, --engine, --hash-key-env, --hash-key-file    as for 'phimask redact'
  -h, --help             show this help

Without --jsonl each FILE is one text and gives one line {"spans": [...]} with
offsets in UTF-8 bytes.
)";

constexpr const char* kCompileHelp =
    R"(Usage: phimask compile [--policy FILE] [--hash-key-env VAR | --hash-key-file FILE] -o ENGINE

Compiles a policy (default: the default policy) and saves the engine to ENGINE,
for 'redact --engine' and 'detect --engine', which then start without compiling.
The engine file holds no key; a policy with a hash action needs one to compile.

  --policy FILE          the policy
  --hash-key-env VAR     the hash action's key, from environment variable VAR
  --hash-key-file FILE   the hash action's key, from FILE
  -o, --output ENGINE    where to write the engine
  -h, --help             show this help
)";

constexpr const char* kRestoreHelp =
    R"(Usage: phimask restore --vault FILE (--vault-key-env VAR | --vault-key-file FILE) [--stream] [FILE...]

Puts the values of a conversation's vault (kept by 'phimask redact --vault') back into
each FILE (standard input when none, or for "-"), a model's answer, to stdout: every
{TYPE_N} token the vault holds, with what models do to tokens (case and spacing inside
the braces, a line break inside them), and every surrogate as it was sent.

  --vault FILE           the vault file (it must exist)
  --vault-key-env VAR    its key from environment variable VAR (64 hex digits)
  --vault-key-file FILE  its key from FILE (64 hex digits, or 32 bytes)
  --stream               restore each input as it arrives, writing text as soon as it is
                         final (a token split across reads is restored)
  -h, --help             show this help

Tokens the vault does not hold are left as written and named on stderr (a token
carries no PHI). A wrong key or an altered vault file is a vault error (exit 3).
)";

constexpr const char* kCheckPolicyHelp = R"(Usage: phimask check-policy [--hash-key-env VAR | --hash-key-file FILE]
                            POLICY

Loads and compiles POLICY ("-" for standard input) and prints
  ok <version> (<n> detectors, types: <type>, ...)
or the error, which names the faulty field by JSON pointer (exit 3). Without a
key, a policy with a hash action is compiled with a stand-in key.

  --hash-key-env VAR     check with the key from environment variable VAR
  --hash-key-file FILE   check with the key from FILE
  -h, --help             show this help
)";

}  // namespace

const char* main_help() { return kMainHelp; }

const char* command_help(std::string_view command) {
    if (command == "redact") return kRedactHelp;
    if (command == "detect") return kDetectHelp;
    if (command == "compile") return kCompileHelp;
    if (command == "check-policy") return kCheckPolicyHelp;
    if (command == "restore") return kRestoreHelp;
    return nullptr;
}

int print_help(const char* text) {
    std::fwrite(text, 1, std::strlen(text), stdout);
    return std::fflush(stdout) == 0 ? kExitOk : kExitIo;
}

}  // namespace phimask::cli
