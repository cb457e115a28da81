#include "patterns.h"

#include <hs.h>

#include <climits>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <utility>

namespace phimask::detail {

std::string bound_repeats(const std::string& regex) {
    const std::string bound = std::to_string(kRepeatBound);
    std::string out;
    out.reserve(regex.size() + 16);
    const std::size_t n = regex.size();
    bool in_class = false;
    for (std::size_t i = 0; i < n; ++i) {
        const char c = regex[i];
        if (c == '\\' && i + 1 < n) {
            if (regex[i + 1] == 'Q') {
                const std::size_t end = regex.find("\\E", i + 2);
                const std::size_t stop = end == std::string::npos ? n : end + 2;
                out.append(regex, i, stop - i);
                i = stop - 1;
                continue;
            }
            out.append(regex, i, 2);
            ++i;
            continue;
        }
        if (in_class) {
            if (c == '[' && i + 1 < n && regex[i + 1] == ':') {
                const std::size_t end = regex.find(":]", i + 2);
                const std::size_t stop = end == std::string::npos ? n : end + 2;
                out.append(regex, i, stop - i);
                i = stop - 1;
                continue;
            }
            if (c == ']') in_class = false;
            out.push_back(c);
            continue;
        }
        if (c == '[') {
            in_class = true;
            out.push_back(c);
            // A ']' right after '[' or '[^' is a literal member.
            if (i + 1 < n && regex[i + 1] == '^') out.push_back(regex[++i]);
            if (i + 1 < n && regex[i + 1] == ']') out.push_back(regex[++i]);
            continue;
        }
        if (c == '*') {
            out += "{0," + bound + "}";
        } else if (c == '+' && !out.empty() && out.back() != '}' && out.back() != '*') {
            out += "{1," + bound + "}";
        } else if (c == '{') {
            // {n,} -> {n,max(n,bound)}; anything else is copied as is.
            std::size_t j = i + 1;
            while (j < n && regex[j] >= '0' && regex[j] <= '9') ++j;
            if (j > i + 1 && j + 1 < n && regex[j] == ',' && regex[j + 1] == '}') {
                const unsigned long low = std::stoul(regex.substr(i + 1, j - i - 1));
                out += "{" + std::to_string(low) + "," + std::to_string(std::max<unsigned long>(low, kRepeatBound)) + "}";
                i = j + 1;
            } else {
                out.push_back(c);
            }
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::string full_expression(const PatternSpec& pattern) {
    std::string out;
    if (!pattern.label.empty()) out += "(?:" + bound_repeats(pattern.label) + ")";
    out += "(?:" + bound_repeats(pattern.pattern) + ")";
    if (!pattern.trailer.empty()) out += "(?:" + bound_repeats(pattern.trailer) + ")";
    return out;
}

std::string label_expression(const PatternSpec& pattern) {
    return pattern.label.empty() ? std::string() : "^(?:" + bound_repeats(pattern.label) + ")";
}

std::string trailer_expression(const PatternSpec& pattern) {
    return pattern.trailer.empty() ? std::string() : "(?:" + bound_repeats(pattern.trailer) + ")\\z";
}

std::string field_pointer(const PatternSpec& pattern, const std::string& field) {
    // An entry with a label or trailer is an object: its pointer names its "pattern" field.
    const std::string suffix = "/pattern";
    const std::string& p = pattern.pointer;
    const bool named = p.size() >= suffix.size() && p.compare(p.size() - suffix.size(), suffix.size(), suffix) == 0;
    return (named ? p.substr(0, p.size() - suffix.size()) : p) + "/" + field;
}

unsigned expression_flags(const DetectorSpec& detector) {
    unsigned flags = 0;
    if (detector.caseless) flags |= HS_FLAG_CASELESS;
    return flags;
}

static Status info_for(const std::string& expression, unsigned flags, const DetectorSpec& detector,
                       const std::string& pointer, hs_expr_info_t** info) {
    hs_compile_error_t* error = nullptr;
    if (hs_expression_info(expression.c_str(), flags, info, &error) != HS_SUCCESS) {
        std::string message = error != nullptr ? error->message : "rejected by Hyperscan";
        hs_free_compile_error(error);
        return Status(ErrorCode::kPolicy, "Hyperscan rejects the pattern: " + message, pointer, detector.name);
    }
    return {};
}

/// A label or trailer must compile on its own and match something.
static Status check_part(const std::string& part, const std::string& expression, unsigned flags,
                         const DetectorSpec& detector, const std::string& pointer) {
    hs_expr_info_t* info = nullptr;
    Status s = info_for(expression, flags, detector, pointer, &info);
    if (!s.ok()) return s;
    const bool empty = info->min_width == 0;
    std::free(info);
    if (empty) return Status(ErrorCode::kPolicy, "the " + part + " can match empty text", pointer, detector.name);
    return {};
}

Status check_pattern(const DetectorSpec& detector, const PatternSpec& pattern) {
    const unsigned flags = expression_flags(detector);
    const std::pair<const char*, std::string> parts[] = {{"label", label_expression(pattern)},
                                                         {"trailer", trailer_expression(pattern)}};
    for (const auto& [part, expression] : parts) {
        if (expression.empty()) continue;
        Status s = check_part(part, expression, flags, detector, field_pointer(pattern, part));
        if (!s.ok()) return s;
    }
    // With a label or trailer the value alone must match something too; without
    // them the value is the whole expression, checked once below (policy load
    // asks Hyperscan about every pattern, so each extra question shows).
    const bool framed = !pattern.label.empty() || !pattern.trailer.empty();
    if (framed) {
        Status s = check_part("pattern", "(?:" + bound_repeats(pattern.pattern) + ")", flags, detector, pattern.pointer);
        if (!s.ok()) return s;
    }
    hs_expr_info_t* info = nullptr;
    Status s = info_for(full_expression(pattern), flags, detector, pattern.pointer, &info);
    if (!s.ok()) return s;
    const unsigned min_width = info->min_width;
    const unsigned max_width = info->max_width;
    std::free(info);
    if (min_width == 0) return Status(ErrorCode::kPolicy, "the pattern can match empty text", pattern.pointer, detector.name);
    if (max_width == UINT_MAX) {
        return Status(ErrorCode::kPolicy,
                      "the pattern can match unboundedly long text; bound every repeat (e.g. {1,64} instead of + or *)",
                      pattern.pointer, detector.name);
    }
    if (max_width > kMaxPatternWidth) {
        return Status(ErrorCode::kPolicy,
                      "the pattern can match up to " + std::to_string(max_width) + " bytes; the limit is " +
                          std::to_string(kMaxPatternWidth),
                      pattern.pointer, detector.name);
    }
    return {};
}

std::string escape_literal(const std::string& text) {
    std::string out;
    out.reserve(text.size() * 2);
    for (unsigned char c : text) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            out.push_back(static_cast<char>(c));
        } else {
            char buf[5];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        }
    }
    return out;
}

}  // namespace phimask::detail
