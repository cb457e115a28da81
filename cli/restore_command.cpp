// phimask restore: a model's answer with a conversation's values put back
// (tokens and surrogates), from the vault that `redact --vault` keeps.
#include <string>
#include <vector>

#include "command_args.h"
#include "commands.h"
#include "diag.h"
#include "exit_codes.h"
#include "input_loop.h"
#include "io.h"
#include "phimask/stream.h"
#include "vault_file.h"

namespace phimask::cli {
namespace {

/// Restores one input as it arrives, writing text as soon as it is final.
Status restore_stream(const std::string& name, const Vault& vault, Output& out, std::vector<std::string>& unknown) {
    ChunkReader reader;
    Status status = reader.open(name);
    StreamRestorer restorer(vault);
    std::string piece;
    std::string_view chunk;
    while (status.ok()) {
        status = reader.next(chunk);
        if (!status.ok()) break;
        piece.clear();
        if (chunk.empty()) {
            restorer.finish(piece);
        } else {
            restorer.push(chunk, piece);
        }
        status = out.write(piece);
        if (status.ok() && !piece.empty()) status = out.flush();
        if (chunk.empty()) break;
    }
    unknown = restorer.unknown();
    return status;
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

}  // namespace

int restore_main(int argc, char** argv, int first) {
    Args args;
    std::vector<OptionSpec> specs = vault_option_specs();
    specs.push_back({"stream", 0, false});
    if (int code = parse_command_args("restore", argc, argv, first, specs, args); code >= 0) return code;
    if (const std::string problem = check_vault_options(args, true); !problem.empty()) {
        report_usage(problem, "restore");
        return kExitUsage;
    }
    VaultFile file;
    std::string context;
    if (Status status = open_vault(args, false, file, context); !status.ok()) {
        report_error(status, context);
        return exit_code_for(status.code());
    }
    std::vector<std::string> inputs = args.positional();
    if (inputs.empty()) inputs.push_back("-");
    const bool stream = args.has("stream");
    std::string text;
    return run_inputs(inputs, [&](const std::string& name, Output& out, bool&, std::string& where) {
        where = describe_input(name);
        std::vector<std::string> unknown;
        Status status;
        if (stream) {
            status = restore_stream(name, file.vault, out, unknown);
        } else {
            status = read_whole(name, text);
            if (!status.ok()) return status;
            RestoreResult restored = file.vault.restore(text);
            status = out.write(restored.text);
            unknown = std::move(restored.unknown);
        }
        // Token names carry no PHI: a model invented or altered them.
        if (!unknown.empty()) report_note(where + ": tokens the vault does not hold, left as written: " + joined(unknown));
        return status;
    });
}

}  // namespace phimask::cli
