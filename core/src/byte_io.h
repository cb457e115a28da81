// Little-endian fields of phimask's binary formats (engine files, sealed vaults):
// u64 numbers and u64-length-prefixed byte strings.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace phimask::detail {

inline void put_u64(std::string& out, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

inline void put_bytes(std::string& out, std::string_view bytes) {
    put_u64(out, bytes.size());
    out.append(bytes);
}

/// Reads what put_u64 and put_bytes wrote, in order; a read past the end fails
/// (and the caller reports the data as corrupt).
class ByteReader {
public:
    explicit ByteReader(std::string_view data) : data_(data) {}
    bool u64(std::uint64_t& v) {
        if (data_.size() - pos_ < 8) return false;
        v = 0;
        for (int i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(data_[pos_ + i])) << (8 * i);
        pos_ += 8;
        return true;
    }
    bool bytes(std::string_view& out) {
        std::uint64_t n = 0;
        if (!u64(n) || data_.size() - pos_ < n) return false;
        out = data_.substr(pos_, static_cast<std::size_t>(n));
        pos_ += static_cast<std::size_t>(n);
        return true;
    }
    bool done() const { return pos_ == data_.size(); }

private:
    std::string_view data_;
    std::size_t pos_ = 0;
};

}  // namespace phimask::detail
