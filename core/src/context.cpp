#include "context.h"

#include "ascii.h"

#include <algorithm>

namespace phimask::detail {
namespace {

std::vector<std::string> tokens_of(std::string_view phrase) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < phrase.size();) {
        while (i < phrase.size() && !is_word_byte(static_cast<unsigned char>(phrase[i]))) ++i;
        std::size_t j = i;
        while (j < phrase.size() && is_word_byte(static_cast<unsigned char>(phrase[j]))) ++j;
        if (j > i) {
            std::string token(phrase.substr(i, j - i));
            token = ascii_lower(std::move(token));
            out.push_back(std::move(token));
        }
        i = j;
    }
    return out;
}

}  // namespace

ContextMatcher::ContextMatcher(const ContextSpec& spec) : window_(spec.window) {
    for (const auto& word : spec.words) {
        std::vector<std::string> tokens = tokens_of(word);
        if (tokens.empty()) continue;
        std::string first = std::move(tokens.front());
        tokens.erase(tokens.begin());
        first_tokens_[first].push_back(std::move(tokens));
    }
}

bool ContextMatcher::found_in(std::string_view text, std::size_t begin, std::size_t end) const {
    // Skip a word cut by either edge of the window: only whole words count.
    auto word_at = [&](std::size_t i) { return is_word_byte(static_cast<unsigned char>(text[i])); };
    if (begin > 0 && begin < end && word_at(begin - 1)) {
        while (begin < end && word_at(begin)) ++begin;
    }
    if (end < text.size() && end > begin && word_at(end)) {
        while (end > begin && word_at(end - 1)) --end;
    }
    std::string key;
    for (std::size_t i = begin; i < end;) {
        while (i < end && !word_at(i)) ++i;
        std::size_t j = i;
        while (j < end && word_at(j)) ++j;
        if (j == i) break;
        key.assign(text.data() + i, j - i);
        for (char& c : key) c = ascii_lower(c);
        auto it = first_tokens_.find(key);
        if (it != first_tokens_.end()) {
            for (const auto& rest : it->second) {
                std::size_t k = j;
                bool all = true;
                for (const auto& token : rest) {
                    while (k < end && !word_at(k)) ++k;
                    std::size_t m = k;
                    while (m < end && word_at(m)) ++m;
                    if (!equals_ascii_lower(text.substr(k, m - k), token)) {
                        all = false;
                        break;
                    }
                    k = m;
                }
                if (all) return true;
            }
        }
        i = j;
    }
    return false;
}

bool ContextMatcher::found_near(std::string_view text, std::size_t start, std::size_t end) const {
    if (empty()) return false;
    const std::size_t before = start > window_ ? start - window_ : 0;
    const std::size_t after = std::min(text.size(), end + window_);
    return found_in(text, before, start) || found_in(text, end, after);
}

}  // namespace phimask::detail
