// Spans, actions and results: plain values that never point into caller memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace phimask {

/// What is done to a detected span.
enum class Action : int {
    kPlaceholder = 0,  ///< replaced by the policy's placeholder, "{TYPE}" by default (Bedrock style)
    kMask = 1,         ///< every character replaced by a mask character, optionally keeping the last N
    kRemove = 2,       ///< deleted
    kHash = 3,         ///< replaced by "{TYPE:<hex>}", a truncated HMAC-SHA-256 under the caller's key
    kBlock = 4,        ///< the whole result is blocked; nothing of the text is returned
    /// HIPAA Safe Harbor generalization, for DATE, AGE and ZIP_CODE only (other types
    /// are a policy error): a date becomes its year, an age over 89 "90+", a ZIP code
    /// its first three digits ("000" for the restricted areas). A value with no such
    /// form (a date without a year, an age of 89 or less) gets the placeholder.
    kGeneralize = 5,
    /// Replaced by a numbered token, "{TYPE_N}" ("{NAME_1}", "{DATE_2}"): the
    /// same value (after normalization suited to its type) gets the same number
    /// within a conversation, and the conversation's Vault restores it. Always
    /// written "{TYPE_N}" (the placeholder format does not apply), so that
    /// Vault::restore can read it back.
    kToken = 6,
    /// Replaced by a realistic value of the same kind (a surrogate), consistent
    /// within a conversation like a token and restored by its Vault:
    ///  - NAME: given names and surnames from the policy's first_names and
    ///    surnames lexicons, one surrogate per word for the whole conversation;
    ///    the number of words, initials (as initials), titles, suffixes and
    ///    particles ("Dr.", "Jr", "van") and each word's case style are kept;
    ///  - DATE: shifted by one offset per conversation (1 to 365 days, earlier
    ///    or later, never 0), written in the original's own format (widths,
    ///    two-digit years, month names in their language, case and length,
    ///    ordinal suffixes); a date without a year is shifted within a leap year;
    ///  - identifiers (PHONE, FAX, US_SOCIAL_SECURITY_NUMBER, NPI, ZIP_CODE,
    ///    IP_ADDRESS, AGE, MAC_ADDRESS, VIN, CREDIT_DEBIT_CARD_NUMBER, DEVICE_ID,
    ///    every type ending in _NUMBER or _ID or holding LICENSE): each digit
    ///    replaced, letters by letters of the same case (hex digits by hex digits
    ///    in IPv6 and MAC addresses; IPv4 parts stay 0-255; the letters of PHONE,
    ///    FAX, AGE and ZIP_CODE are kept), other characters kept; re-drawn until
    ///    the detector's validator accepts it (check digits stay valid) and it
    ///    differs from the original;
    ///  - EMAIL: "given.surname@" at example.com, example.org or example.net
    ///    (RFC 2606); URL: the scheme and "www." as written, then a surname at
    ///    one of those domains, with "/" and a given name when it had a path;
    ///  - every other type (ADDRESS, CITY, LOCATION, ...), a value a generator
    ///    cannot read (a date parse_date does not), and a draw that fails its
    ///    validator 1024 times: the token "{TYPE_N}".
    /// Two different values never get the same surrogate in one vault.
    kSurrogate = 7,
};

/// "placeholder", "mask", "remove", "hash", "block", "generalize", "token", "surrogate".
const char* action_name(Action action) noexcept;

/// One detected entity.
///
/// Offsets: [start, end) in UTF-8 bytes of the original input as passed to the
/// engine, so text.substr(start, end - start) is the matched original text,
/// including any zero-width or invalid bytes inside it. Bindings convert these to
/// their own unit (see offsets.h).
struct Span {
    std::size_t start = 0;
    std::size_t end = 0;
    std::string type;      ///< entity type, e.g. "US_SOCIAL_SECURITY_NUMBER"
    double score = 0.0;    ///< confidence in [0, 1] after validators and context, rounded to 4 decimals
    std::string detector;  ///< name of the detector that produced it
    Action action = Action::kPlaceholder;
    /// Position of that detector in Policy::detector_names(): bindings use it
    /// to share one string per detector instead of making one per span.
    std::uint32_t detector_index = 0;

    bool operator==(const Span& o) const {
        return start == o.start && end == o.end && type == o.type && score == o.score &&
               detector == o.detector && action == o.action && detector_index == o.detector_index;
    }
};

/// A PHI-free account of one redaction: safe to log.
struct Summary {
    std::map<std::string, std::size_t> counts;  ///< spans per entity type
    std::string policy_version;                 ///< the policy's content hash
    bool blocked = false;
    std::vector<std::string> blocking_types;    ///< sorted types whose action is block, when blocked
};

/// The outcome of Engine::redact.
///
/// When summary.blocked is true, text is empty: a blocked input is never
/// returned, in whole or in part. Otherwise text equals the input with each
/// span's bytes replaced by its action's output and every other byte unchanged.
struct RedactResult {
    std::string text;
    std::vector<Span> spans;  ///< sorted by start, non-overlapping
    Summary summary;
    bool blocked() const { return summary.blocked; }
};

}  // namespace phimask
