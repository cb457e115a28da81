#include "line_pieces.h"

#include <algorithm>
#include <system_error>
#include <thread>

namespace phimask::detail {
namespace {

// Blocks smaller than this per thread are not worth another thread.
constexpr std::size_t kMinPieceBytes = std::size_t{64} << 10;

}  // namespace

std::vector<std::string_view> cut_at_lines(std::string_view text, std::size_t threads) {
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t count = std::max<std::size_t>(1, std::min(threads, text.size() / kMinPieceBytes));
    std::vector<std::string_view> pieces;
    std::size_t start = 0;
    for (std::size_t k = 0; k < count && start < text.size(); ++k) {
        std::size_t end = text.size();
        if (k + 1 < count) {
            const std::size_t share = std::max<std::size_t>(1, (text.size() - start) / (count - k));
            const std::size_t nl = text.find('\n', start + share - 1);
            if (nl != std::string_view::npos) end = nl + 1;
        }
        pieces.push_back(text.substr(start, end - start));
        start = end;
    }
    return pieces;
}

void run_in_parallel(std::size_t count, const std::function<void(std::size_t)>& work) {
    std::vector<std::thread> pool;
    pool.reserve(count);  // no reallocation while threads run (its failure would end the process)
    std::size_t started = 1;
    try {
        for (; started < count; ++started) pool.emplace_back([&work, started] { work(started); });
    } catch (const std::system_error&) {
        // No more threads to be had: this thread does the remaining pieces.
    }
    for (std::size_t k = started; k < count; ++k) work(k);
    if (count > 0) work(0);
    for (std::thread& t : pool) t.join();
}

}  // namespace phimask::detail
