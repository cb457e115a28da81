// A conversation's vault kept in a file between runs of the command: sealed
// (AES-256-GCM, phimask/vault.h) under a 32-byte key that is never an argument
// (it would show in `ps`): --vault-key-env VAR or --vault-key-file FILE.
#pragma once

#include <string>
#include <vector>

#include "args.h"
#include "phimask/status.h"
#include "phimask/vault.h"

namespace phimask::cli {

/// --vault FILE, --vault-key-env VAR, --vault-key-file FILE.
const std::vector<OptionSpec>& vault_option_specs();

/// A usage problem with the vault options, or "" when there is none. With
/// `required`, --vault must be given.
std::string check_vault_options(const Args& args, bool required);

/// An open vault file: where it is, its key and the vault.
struct VaultFile {
    VaultFile() = default;
    VaultFile(const VaultFile&) = delete;
    VaultFile& operator=(const VaultFile&) = delete;
    ~VaultFile();  ///< wipes the key

    std::string path;
    std::string key;  ///< 32 bytes
    Vault vault;
};

/// Opens the vault named by --vault with its key: unsealed when the file
/// exists; a new vault when it does not and `create` is set (redact), an I/O
/// error when it does not and `create` is not set (restore). The key is 64
/// hexadecimal digits (in the variable, or in the file with an optional line
/// end), or a file of exactly 32 bytes. Errors: kVault (key, authentication,
/// format), kIo. `context` names the file for messages.
Status open_vault(const Args& args, bool create, VaultFile& out, std::string& context);

/// Seals the vault into its file: written beside it, readable by the owner
/// only, then renamed over it, so the file always holds a whole vault.
Status save_vault(const VaultFile& file);

}  // namespace phimask::cli
