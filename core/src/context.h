// Context words: does one of a detector's words or phrases stand near a match?
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "policy_data.h"

namespace phimask::detail {

/// Built once per detector. Words and phrases are lowercase tokens (runs of
/// letters, digits and non-ASCII bytes); a phrase matches its tokens in order
/// with any non-word bytes between them. Thread-safe after construction.
class ContextMatcher {
public:
    ContextMatcher() = default;
    explicit ContextMatcher(const ContextSpec& spec);

    bool empty() const { return first_tokens_.empty(); }

    /// True when a word or phrase lies wholly within `window` bytes before
    /// `start` or after `end` of `text` (a word cut by the window's edge does
    /// not count).
    bool found_near(std::string_view text, std::size_t start, std::size_t end) const;

private:
    bool found_in(std::string_view text, std::size_t begin, std::size_t end) const;

    std::size_t window_ = 0;
    /// First token -> the remaining tokens of each phrase starting with it.
    std::unordered_map<std::string, std::vector<std::vector<std::string>>> first_tokens_;
};

}  // namespace phimask::detail
