#include "json_line.h"

#include "ascii.h"
#include "utf8.h"

#include <array>
#include <cstdint>

namespace phimask::detail {
namespace {

// Bytes that may appear unescaped in a JSON string and need no further checks.
constexpr std::array<bool, 256> make_plain_table() {
    std::array<bool, 256> table{};
    for (int c = 0x20; c < 0x80; ++c) table[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
    return table;
}
constexpr std::array<bool, 256> kPlain = make_plain_table();

unsigned char byte_at(std::string_view s, std::size_t i) { return static_cast<unsigned char>(s[i]); }

// Reads the four hex digits of a \u escape at s[i]; -1 when malformed.
long read_hex4(std::string_view s, std::size_t i) {
    if (s.size() - i < 4) return -1;
    long value = 0;
    for (std::size_t k = 0; k < 4; ++k) {
        const int digit = hex_value(s[i + k]);
        if (digit < 0) return -1;
        value = value * 16 + digit;
    }
    return value;
}

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

}  // namespace

bool is_blank(std::string_view line) {
    for (char c : line) {
        if (!is_ascii_space(c)) return false;
    }
    return true;
}

bool append_json_string(std::string& out, std::string_view value) {
    static constexpr char kHex[] = "0123456789abcdef";
    const std::size_t mark = out.size();
    out.reserve(out.size() + value.size() + 2);
    out += '"';
    std::size_t run = 0;  // start of the pending run of bytes copied as they are
    std::size_t i = 0;
    while (i < value.size()) {
        const unsigned char c = byte_at(value, i);
        if (kPlain[c]) {
            ++i;
            continue;
        }
        if (c >= 0x80) {
            const std::size_t len = utf8_length(value, i);
            if (len == 0) {
                out.resize(mark);
                return false;
            }
            i += len;
            continue;
        }
        out.append(value.data() + run, i - run);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        }
        run = ++i;
    }
    out.append(value.data() + run, value.size() - run);
    out += '"';
    return true;
}

std::size_t JsonLineParser::fail(std::size_t at, const char* what) {
    if (outcome_ == JsonOutcome::kOk) {
        outcome_ = JsonOutcome::kInvalid;
        error_ = JsonError{what, at == kFail ? 0 : at + 1};
    }
    return kFail;
}

std::size_t JsonLineParser::skip_ws(std::size_t i) const {
    while (i < s_.size() && is_ascii_space(s_[i])) ++i;
    return i;
}

// s_[i] is the opening quote. Sets `value` to the decoded string: a view into s_
// when there is no escape, else into `scratch`. Returns the index after the closing quote.
std::size_t JsonLineParser::scan_string(std::size_t i, std::string& scratch, std::string_view& value) {
    const std::size_t begin = ++i;
    bool escaped = false;
    std::size_t run = begin;  // start of the bytes not yet appended to scratch (escaped strings only)
    const std::size_t n = s_.size();
    for (;;) {
        while (i < n && kPlain[byte_at(s_, i)]) ++i;
        if (i >= n) return fail(i, "not valid JSON: unterminated string");
        const unsigned char c = byte_at(s_, i);
        if (c == '"') break;
        if (c >= 0x80) {
            const std::size_t len = utf8_length(s_, i);
            if (len == 0) return fail(i, "not valid JSON: invalid UTF-8 in a string");
            i += len;
            continue;
        }
        if (c < 0x20) return fail(i, "not valid JSON: unescaped control character in a string");
        // A backslash.
        if (!escaped) {
            escaped = true;
            scratch.clear();
        }
        scratch.append(s_.data() + run, i - run);
        if (i + 1 >= n) return fail(i, "not valid JSON: unterminated string");
        const char e = s_[i + 1];
        i += 2;
        switch (e) {
        case '"': scratch += '"'; break;
        case '\\': scratch += '\\'; break;
        case '/': scratch += '/'; break;
        case 'b': scratch += '\b'; break;
        case 'f': scratch += '\f'; break;
        case 'n': scratch += '\n'; break;
        case 'r': scratch += '\r'; break;
        case 't': scratch += '\t'; break;
        case 'u': {
            const long unit = read_hex4(s_, i);
            if (unit < 0) return fail(i - 2, "not valid JSON: malformed \\u escape");
            i += 4;
            auto cp = static_cast<std::uint32_t>(unit);
            if (cp >= 0xDC00 && cp <= 0xDFFF) return fail(i - 6, "not valid JSON: unpaired surrogate escape");
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                const long low = (n - i >= 6 && s_[i] == '\\' && s_[i + 1] == 'u') ? read_hex4(s_, i + 2) : -1;
                if (low < 0xDC00 || low > 0xDFFF) return fail(i - 6, "not valid JSON: unpaired surrogate escape");
                i += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<std::uint32_t>(low) - 0xDC00);
            }
            append_utf8(scratch, cp);
            break;
        }
        default:
            return fail(i - 2, "not valid JSON: invalid escape in a string");
        }
        run = i;
    }
    if (escaped) {
        scratch.append(s_.data() + run, i - run);
        value = scratch;
    } else {
        value = s_.substr(begin, i - begin);
    }
    return i + 1;
}

std::size_t JsonLineParser::scan_number(std::size_t i) {
    const std::size_t n = s_.size();
    const std::size_t start = i;
    if (s_[i] == '-') ++i;
    if (i >= n || !is_digit(s_[i])) return fail(start, "not valid JSON: invalid number");
    if (s_[i] == '0') {
        ++i;
    } else {
        while (i < n && is_digit(s_[i])) ++i;
    }
    if (i < n && s_[i] == '.') {
        ++i;
        if (i >= n || !is_digit(s_[i])) return fail(start, "not valid JSON: invalid number");
        while (i < n && is_digit(s_[i])) ++i;
    }
    if (i < n && (s_[i] == 'e' || s_[i] == 'E')) {
        ++i;
        if (i < n && (s_[i] == '+' || s_[i] == '-')) ++i;
        if (i >= n || !is_digit(s_[i])) return fail(start, "not valid JSON: invalid number");
        while (i < n && is_digit(s_[i])) ++i;
    }
    return i;
}

std::size_t JsonLineParser::scan_literal(std::size_t i, std::string_view literal) {
    if (s_.substr(i, literal.size()) != literal) return fail(i, "not valid JSON: unexpected character");
    return i + literal.size();
}

// Reads `"key" :` starting at or after i (whitespace allowed), returns the index after the colon.
std::size_t JsonLineParser::scan_key(std::size_t i, std::string_view& key) {
    i = skip_ws(i);
    if (i >= s_.size() || s_[i] != '"') return fail(i, "not valid JSON: expected a string key");
    i = scan_string(i, key_scratch_, key);
    if (i == kFail) return kFail;
    i = skip_ws(i);
    if (i >= s_.size() || s_[i] != ':') return fail(i, "not valid JSON: expected ':'");
    return i + 1;
}

// Reads one value starting at or after i; returns the index after it. Iterative, so
// nesting depth is bounded only by the line's length.
std::size_t JsonLineParser::scan_value(std::size_t i, JsonStringVisitor* visitor, std::string* out) {
    const std::size_t n = s_.size();
    stack_.clear();
    std::string_view key;
    for (;;) {
        // A value starts here.
        i = skip_ws(i);
        if (i >= n) return fail(i, "not valid JSON: unexpected end of line");
        bool complete = true;
        switch (s_[i]) {
        case '{':
            i = skip_ws(i + 1);
            if (i < n && s_[i] == '}') {
                ++i;
            } else {
                stack_.push_back('{');
                i = scan_key(i, key);
                if (i == kFail) return kFail;
                complete = false;
            }
            break;
        case '[':
            i = skip_ws(i + 1);
            if (i < n && s_[i] == ']') {
                ++i;
            } else {
                stack_.push_back('[');
                complete = false;
            }
            break;
        case '"': {
            const std::size_t token = i;
            std::string_view value;
            i = scan_string(i, scratch_, value);
            if (i == kFail) return kFail;
            if (visitor != nullptr) {
                replacement_.clear();
                const auto decision = visitor->on_string(value, replacement_);
                if (decision == JsonStringVisitor::Decision::kStop) {
                    outcome_ = JsonOutcome::kStopped;
                    return kFail;
                }
                if (decision == JsonStringVisitor::Decision::kReplace && out != nullptr) {
                    out->append(s_.data() + copied_, token - copied_);
                    if (!append_json_string(*out, replacement_)) {
                        outcome_ = JsonOutcome::kBadReplacement;
                        return kFail;
                    }
                    copied_ = i;
                }
            }
            break;
        }
        case 't':
            i = scan_literal(i, "true");
            break;
        case 'f':
            i = scan_literal(i, "false");
            break;
        case 'n':
            i = scan_literal(i, "null");
            break;
        default:
            if (s_[i] != '-' && !is_digit(s_[i])) return fail(i, "not valid JSON: unexpected character");
            i = scan_number(i);
        }
        if (i == kFail) return kFail;
        // After a complete value: close containers until one needs another value.
        while (complete) {
            i = skip_ws(i);
            if (stack_.empty()) return i;
            const bool in_object = stack_.back() == '{';
            if (i >= n) return fail(i, "not valid JSON: unexpected end of line");
            if (s_[i] == ',') {
                ++i;
                if (in_object) {
                    i = scan_key(i, key);
                    if (i == kFail) return kFail;
                }
                complete = false;
            } else if (s_[i] == (in_object ? '}' : ']')) {
                ++i;
                stack_.pop_back();
            } else {
                return fail(i, in_object ? "not valid JSON: expected ',' or '}'"
                                         : "not valid JSON: expected ',' or ']'");
            }
        }
    }
}

JsonOutcome JsonLineParser::rewrite(std::string_view line, std::string& out, JsonStringVisitor& visitor) {
    s_ = line;
    copied_ = 0;
    outcome_ = JsonOutcome::kOk;
    const std::size_t mark = out.size();
    std::size_t i = scan_value(0, &visitor, &out);
    if (i != kFail && skip_ws(i) != line.size()) i = fail(skip_ws(i), "not valid JSON: data after the value");
    if (i == kFail) {
        out.resize(mark);
        return outcome_;
    }
    out.append(line.data() + copied_, line.size() - copied_);
    return JsonOutcome::kOk;
}

JsonOutcome JsonLineParser::read_record(std::string_view line, JsonRecord& record) {
    s_ = line;
    outcome_ = JsonOutcome::kOk;
    record.id = {};
    record.text = {};
    bool has_id = false;
    bool has_text = false;
    const std::size_t n = line.size();
    std::size_t i = skip_ws(0);
    if (i >= n || s_[i] != '{') {
        // Tell a syntax error apart from valid JSON that is not an object.
        if (scan_value(i, nullptr, nullptr) != kFail) fail(i, "a JSON object with \"id\" and \"text\" was expected");
        return outcome_;
    }
    i = skip_ws(i + 1);
    if (i < n && s_[i] == '}') {
        ++i;
    } else {
        for (;;) {
            std::string_view key;
            i = scan_key(i, key);
            if (i == kFail) return outcome_;
            i = skip_ws(i);
            const std::size_t start = i;
            const bool is_id = key == "id";  // `key` may point into a buffer the value's scan reuses
            if (key == "text") {
                if (i >= n || s_[i] != '"') {
                    if (scan_value(i, nullptr, nullptr) == kFail) return outcome_;
                    fail(start, "\"text\" is not a string");
                    return outcome_;
                }
                i = scan_string(i, record.text_storage, record.text);
                has_text = true;
            } else {
                i = scan_value(i, nullptr, nullptr);
                if (is_id && i != kFail) {
                    record.id = line.substr(start, i - start);
                    has_id = true;
                }
            }
            if (i == kFail) return outcome_;
            i = skip_ws(i);
            if (i < n && s_[i] == ',') {
                ++i;
                continue;
            }
            if (i < n && s_[i] == '}') {
                ++i;
                break;
            }
            fail(i, "not valid JSON: expected ',' or '}'");
            return outcome_;
        }
    }
    i = skip_ws(i);
    if (i != n) {
        fail(i, "not valid JSON: data after the value");
    } else if (!has_text) {
        fail(kFail, "\"text\" is missing");
    } else if (!has_id) {
        fail(kFail, "\"id\" is missing");
    }
    return outcome_;
}

}  // namespace phimask::detail
