#include "vault_file.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ascii.h"
#include "crypto.h"
#include "io.h"

namespace phimask::cli {
namespace {

using detail::hex_value;

constexpr std::size_t kKeyBytes = 32;

/// 64 hex digits (a line end dropped) as 32 bytes; `raw_ok`: 32 bytes as they are.
Status parse_key(std::string text, bool raw_ok, std::string& key) {
    if (raw_ok && text.size() == kKeyBytes) {
        key = std::move(text);
        return {};
    }
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    const auto refuse = [] {
        return Status(ErrorCode::kVault, "the vault key must be 64 hexadecimal digits (or a file of 32 bytes)");
    };
    if (text.size() != 2 * kKeyBytes) return refuse();
    key.assign(kKeyBytes, '\0');
    for (std::size_t i = 0; i < kKeyBytes; ++i) {
        const int hi = hex_value(text[2 * i]), lo = hex_value(text[2 * i + 1]);
        if (hi < 0 || lo < 0) return refuse();
        key[i] = static_cast<char>(hi * 16 + lo);
    }
    return {};
}

Status read_key(const Args& args, std::string& key) {
    if (const std::string* var = args.value("vault-key-env")) {
        const char* value = std::getenv(var->c_str());
        if (value == nullptr) return Status(ErrorCode::kVault, "environment variable " + *var + " is not set");
        return parse_key(value, false, key);
    }
    std::string text;
    Status status = read_whole(*args.value("vault-key-file"), text);
    return status.ok() ? parse_key(std::move(text), true, key) : status;
}

Status io_error(const std::string& what, const std::string& path, int err) {
    return Status(ErrorCode::kIo, what + " vault file " + path + ": " + std::strerror(err != 0 ? err : EIO));
}

}  // namespace

const std::vector<OptionSpec>& vault_option_specs() {
    static const std::vector<OptionSpec> specs = {
        {"vault", 0, true}, {"vault-key-env", 0, true}, {"vault-key-file", 0, true}};
    return specs;
}

std::string check_vault_options(const Args& args, bool required) {
    const bool env = args.has("vault-key-env"), file = args.has("vault-key-file");
    if (!args.has("vault")) {
        if (required) return "--vault FILE is required";
        return env || file ? "--vault-key-env and --vault-key-file need --vault" : "";
    }
    if (env && file) return "--vault-key-env and --vault-key-file cannot be used together";
    if (!env && !file) return "--vault needs its key: --vault-key-env VAR or --vault-key-file FILE";
    return {};
}

VaultFile::~VaultFile() { detail::wipe(key); }

Status open_vault(const Args& args, bool create, VaultFile& out, std::string& context) {
    out.path = *args.value("vault");
    context = "vault file " + out.path;
    Status status = read_key(args, out.key);
    if (!status.ok()) return status;
    std::error_code ec;
    if (!std::filesystem::exists(out.path, ec) && !ec) {
        return create ? Status() : io_error("no", out.path, ENOENT);
    }
    std::string sealed;
    status = read_whole(out.path, sealed);
    if (!status.ok()) return status;
    Result<Vault> opened = Vault::unseal(sealed, out.key);
    if (!opened.ok()) return opened.status();
    out.vault = std::move(*opened);
    return {};
}

Status save_vault(const VaultFile& file) {
    const std::string& path = file.path;
    Result<std::string> sealed = file.vault.seal(file.key);
    if (!sealed.ok()) return sealed.status();
    const std::string temp = path + ".tmp";
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd < 0) return io_error("cannot write", temp, errno);
    std::size_t done = 0;
    while (done < sealed->size()) {
        const ssize_t n = ::write(fd, sealed->data() + done, sealed->size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int err = errno;
            ::close(fd);
            ::unlink(temp.c_str());
            return io_error("cannot write", temp, err);
        }
        done += static_cast<std::size_t>(n);
    }
    const bool synced = ::fsync(fd) == 0;
    const bool closed = ::close(fd) == 0;
    if (!synced || !closed || std::rename(temp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        return io_error("cannot replace", path, err);
    }
    return {};
}

}  // namespace phimask::cli
