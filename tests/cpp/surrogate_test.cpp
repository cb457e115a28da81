// The surrogate action: realistic values consistent within a vault, independent
// across vaults, restored by the vault. Every value is synthetic.
#include <set>
#include <string>

#include "byte_io.h"
#include "crypto.h"
#include "date_parts.h"
#include "phimask/vault.h"
#include "test_util.h"
#include "validators/validators.h"

namespace phimask::test {
namespace {

const Engine& surrogate_engine() {
    static const Engine engine = engine_from(R"({"packs": ["us_core", "us_names", "us_places"],
        "actions": {"default": "surrogate"},
        "deny_list": [{"type": "NAME", "terms": ["Maria Gonzalez", "Dr. Maria Gonzalez", "J. Smith"]}]})");
    return engine;
}

std::string redacted(const std::string& text, Vault& vault) {
    auto r = surrogate_engine().redact(text, vault);
    EXPECT_TRUE(r.ok()) << r.status().to_string();
    return r.ok() ? r->text : "";
}

/// The surrogate of one value written after `prefix` (the whole output after it).
std::string surrogate_of(const std::string& prefix, const std::string& value, Vault& vault) {
    const std::string out = redacted(prefix + value, vault);
    EXPECT_EQ(out.compare(0, prefix.size(), prefix), 0) << out;
    return out.substr(prefix.size());
}

/// Same length, and every character that is not a digit or letter where it was.
void expect_same_format(const std::string& original, const std::string& surrogate) {
    ASSERT_EQ(original.size(), surrogate.size()) << surrogate;
    for (std::size_t i = 0; i < original.size(); ++i) {
        const bool digit = std::isdigit(static_cast<unsigned char>(original[i])) != 0;
        EXPECT_EQ(digit, std::isdigit(static_cast<unsigned char>(surrogate[i])) != 0) << surrogate;
        if (!std::isalnum(static_cast<unsigned char>(original[i]))) {
            EXPECT_EQ(original[i], surrogate[i]) << surrogate;
        }
    }
    EXPECT_NE(original, surrogate);
}

long day_number(const std::string& date) {
    auto d = detail::parse_date(date);
    EXPECT_TRUE(d.has_value()) << date;
    if (!d) return 0;
    // Days since 0000-03-01 are enough to compare intervals.
    int y = d->year, m = d->month;
    if (m <= 2) --y, m += 12;
    return 365L * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + d->day;
}

const std::string kKey(32, 'k');

TEST(Surrogate, TheSameValueGetsTheSameSurrogateWithinAVault) {
    Vault vault;
    const std::string text = "Dr. Maria Gonzalez, SSN 219-45-8832, phone (617) 555-0142, seen 01/15/2023.";
    const std::string first = redacted(text, vault);
    EXPECT_EQ(redacted(text, vault), first);
    EXPECT_EQ(first.find("Gonzalez"), std::string::npos);
    EXPECT_EQ(first.find("8832"), std::string::npos);
    EXPECT_EQ(first.find("555-0142"), std::string::npos);
    EXPECT_EQ(first.compare(0, 4, "Dr. "), 0) << first;  // the title as written
    // The same phone written another way keeps its own format, with the same digits.
    const std::string a = surrogate_of("phone ", "(617) 555-0142", vault);
    const std::string b = surrogate_of("phone ", "617.555.0142", vault);
    EXPECT_EQ(a.substr(1, 3) + a.substr(6, 3) + a.substr(10), b.substr(0, 3) + b.substr(4, 3) + b.substr(8));
    expect_same_format("617.555.0142", b);
}

TEST(Surrogate, VaultsAreIndependentAndCallsWithoutAVaultDrawAfresh) {
    const std::string text = "Maria Gonzalez, SSN 219-45-8832, 617-555-0142, MRN: AB12345, on 01/15/2023.";
    Vault first, second;
    EXPECT_NE(redacted(text, first), redacted(text, second));
    auto one = surrogate_engine().redact(text), two = surrogate_engine().redact(text);
    ASSERT_TRUE(one.ok() && two.ok());
    EXPECT_NE(one->text, two->text);
    EXPECT_EQ(one->spans[0].action, Action::kSurrogate);
    EXPECT_STREQ(action_name(Action::kSurrogate), "surrogate");
}

TEST(Surrogate, DatesShiftByOneOffsetSoIntervalsArePreservedInTheirOwnFormats) {
    Vault vault;
    const std::string a = surrogate_of("on ", "01/15/2023", vault);
    const std::string b = surrogate_of("on ", "March 1st, 2023", vault);
    const std::string c = surrogate_of("on ", "2024-02-29", vault);
    const std::string d = surrogate_of("on ", "15-JAN-23", vault);
    const long shift = day_number(a) - day_number("01/15/2023");
    EXPECT_NE(shift, 0);
    EXPECT_LE(std::abs(shift), 365);
    EXPECT_EQ(day_number(b) - day_number("March 1st, 2023"), shift) << b;
    EXPECT_EQ(day_number(c) - day_number("2024-02-29"), shift) << c;
    EXPECT_EQ(day_number(d) - day_number("15-JAN-23"), shift) << d;
    EXPECT_EQ(a.size(), 10u);  // MM/DD/YYYY
    EXPECT_TRUE(a[2] == '/' && a[5] == '/') << a;
    EXPECT_TRUE(c[4] == '-' && c[7] == '-' && c.size() == 10) << c;
    // A month name in its case and length, an ordinal that fits the new day, a two-digit year.
    auto bp = detail::parse_date(b);
    ASSERT_TRUE(bp.has_value());
    EXPECT_TRUE(bp->month_is_name && !bp->two_digit_year);
    EXPECT_TRUE(std::isupper(static_cast<unsigned char>(b[0])) && std::islower(static_cast<unsigned char>(b[1]))) << b;
    const std::string day = std::to_string(bp->day);
    const char* suffix = (bp->day % 10 == 1 && bp->day != 11) ? "st" : (bp->day % 10 == 2 && bp->day != 12) ? "nd"
                         : (bp->day % 10 == 3 && bp->day != 13) ? "rd" : "th";
    EXPECT_NE(b.find(day + suffix + ","), std::string::npos) << b;
    auto dp = detail::parse_date(d);
    ASSERT_TRUE(dp.has_value());
    EXPECT_TRUE(dp->two_digit_year && dp->month_is_name);
    ASSERT_EQ(dp->month_at.size, 3u);
    for (char ch : d.substr(dp->month_at.start, 3)) EXPECT_TRUE(std::isupper(static_cast<unsigned char>(ch))) << d;
    // The same calendar date in another format gets the same shifted date.
    EXPECT_EQ(day_number(surrogate_of("on ", "Jan 15, 2023", vault)), day_number(a));
}

TEST(Surrogate, IdentifiersKeepTheirFormatAndValidCheckDigits) {
    struct Case {
        const char* prefix;
        const char* value;
        const char* validator;
    };
    for (const Case& c : {Case{"Card ", "4111 1111 1111 1111", "luhn"}, Case{"NPI ", "1234567893", "npi"},
                          Case{"SSN ", "219-45-8832", "us_ssn"}, Case{"DEA ", "AB1234563", "dea"},
                          Case{"IP ", "192.168.10.1", "ipv4"}, Case{"routing ", "011000015", "aba_routing"}}) {
        for (int round = 0; round < 5; ++round) {  // five vaults, five draws
            Vault vault;
            const std::string s = surrogate_of(c.prefix, c.value, vault);
            expect_same_format(c.value, s);
            EXPECT_TRUE(detail::find_validator(c.validator)(s)) << c.validator << " rejects " << s;
        }
    }
    Vault vault;
    const std::string mrn = surrogate_of("MRN: ", "AB12345", vault);
    expect_same_format("AB12345", mrn);
    EXPECT_TRUE(std::isupper(static_cast<unsigned char>(mrn[0])) && std::isupper(static_cast<unsigned char>(mrn[1])));
}

TEST(Surrogate, NamesKeepTheirShape) {
    Vault vault;
    const std::string full = surrogate_of("Seen by ", "Dr. Maria Gonzalez", vault);
    ASSERT_EQ(full.compare(0, 4, "Dr. "), 0) << full;
    const std::string name = full.substr(4);
    const std::size_t space = name.find(' ');
    ASSERT_NE(space, std::string::npos);
    EXPECT_TRUE(std::isupper(static_cast<unsigned char>(name[0])) && std::islower(static_cast<unsigned char>(name[1])));
    EXPECT_EQ(name.find(' ', space + 1), std::string::npos);
    // Upper case stays upper case, with the same surrogate words.
    std::string upper = name;
    for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    EXPECT_EQ(surrogate_of("Seen by ", "MARIA GONZALEZ", vault), upper);
    // An initial stays an initial; the surname of another value is its own.
    const std::string initial = surrogate_of("Seen by ", "J. Smith", vault);
    EXPECT_TRUE(initial.size() > 3 && std::isupper(static_cast<unsigned char>(initial[0])) && initial[1] == '.' &&
                initial[2] == ' ' && initial[0] != 'J')
        << initial;
    EXPECT_NE(initial.substr(3), name.substr(space + 1));
}

TEST(Surrogate, AnEngineFileKeepsTheNameLists) {
    auto bytes = surrogate_engine().serialize();
    ASSERT_TRUE(bytes.ok()) << bytes.status().to_string();
    auto loaded = Engine::deserialize(*bytes);
    ASSERT_TRUE(loaded.ok()) << loaded.status().to_string();
    Vault vault;
    auto r = loaded->redact("Seen by Maria Gonzalez.", vault);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->text.find('{'), std::string::npos) << r->text;
    EXPECT_EQ(r->text.find("Gonzalez"), std::string::npos) << r->text;
    EXPECT_EQ(vault.restore(r->text).text, "Seen by Maria Gonzalez.");
}

TEST(Surrogate, EmailsAndUrlsUseReservedDomains) {
    Vault vault;
    const std::string email = surrogate_of("mail ", "maria.g@mail.test", vault);
    const std::string url = surrogate_of("see ", "https://www.clinic-portal.test/patients/x", vault);
    const auto reserved = [](const std::string& s) {
        return s.find("example.com") != std::string::npos || s.find("example.org") != std::string::npos ||
               s.find("example.net") != std::string::npos;
    };
    EXPECT_TRUE(reserved(email) && email.find('@') != std::string::npos) << email;
    EXPECT_EQ(url.compare(0, 12, "https://www."), 0) << url;
    EXPECT_TRUE(reserved(url) && url.find("portal") == std::string::npos) << url;
    EXPECT_EQ(vault.restore(email + " / " + url).text, "maria.g@mail.test / https://www.clinic-portal.test/patients/x");
}

TEST(Surrogate, TypesWithoutAGeneratorGetTheirToken) {
    Vault vault;
    const std::string out = redacted("Lives at 12 Main St, Boston MA 02138.", vault);
    EXPECT_NE(out.find("{ADDRESS_1}"), std::string::npos) << out;
    EXPECT_EQ(vault.restore(out).text, "Lives at 12 Main St, Boston MA 02138.");
}

TEST(Surrogate, TwoValuesNeverShareASurrogate) {
    // Ten ages over 89 have ten possible two-digit surrogates: each drawn once at most.
    Vault vault;
    std::set<std::string> seen;
    for (int age = 90; age < 100; ++age) {
        const std::string s = surrogate_of("age ", std::to_string(age), vault);
        if (s.front() == '{') continue;  // the token, when no unused surrogate is left
        EXPECT_NE(s, std::to_string(age));
        EXPECT_TRUE(seen.insert(s).second) << s;
    }
    EXPECT_GE(seen.size(), 5u);
}

TEST(Surrogate, RestorePutsTheOriginalsBack) {
    Vault vault;
    const std::string prompt = "Dr. Maria Gonzalez (SSN 219-45-8832) called 617-555-0142 on 01/15/2023.";
    const std::string redacted_prompt = redacted(prompt, vault);
    EXPECT_EQ(vault.restore(redacted_prompt).text, prompt);
    const std::string name = surrogate_of("x ", "Maria Gonzalez", vault);
    std::string lower = name;
    for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    const RestoreResult r = vault.restore("Answer: " + lower + " and " + name + "s and X" + name + ".");
    EXPECT_EQ(r.text, "Answer: Maria Gonzalez and " + name + "s and X" + name + ".");
    EXPECT_EQ(r.restored, 1u);
    // Tokens still restore beside surrogates.
    const std::string mixed = vault.restore("{NAME_1} / {ZIP_CODE_9}").text;
    EXPECT_EQ(mixed.find("{NAME_1}"), std::string::npos);
    EXPECT_EQ(vault.restore("{ZIP_CODE_9}").unknown, std::vector<std::string>{"{ZIP_CODE_9}"});
}

TEST(Surrogate, SealedVaultsKeepTheirSurrogates) {
    Vault vault;
    const std::string text = "Maria Gonzalez, SSN 219-45-8832, seen 01/15/2023, mail maria.g@mail.test.";
    const std::string first = redacted(text, vault);
    auto sealed = vault.seal(kKey);
    ASSERT_TRUE(sealed.ok());
    for (const char* value : {"Maria", "Gonzalez", "8832", "01/15/2023"}) {
        EXPECT_EQ(sealed->find(value), std::string::npos) << value;
    }
    auto opened = Vault::unseal(*sealed, kKey);
    ASSERT_TRUE(opened.ok()) << opened.status().to_string();
    EXPECT_EQ(redacted(text, *opened), first);
    EXPECT_EQ(opened->restore(first).text, text);
}

/// A sealed vault as format 1 wrote it: the entries, no surrogate state.
std::string format1_vault(const std::string& key) {
    std::string plain;
    detail::put_u64(plain, 1);
    detail::put_bytes(plain, "US_SOCIAL_SECURITY_NUMBER");
    detail::put_u64(plain, 1);
    detail::put_bytes(plain, "219458832");
    detail::put_bytes(plain, "219-45-8832");
    std::string header("PHIMASK-VAULT\n\0\0", 16);
    detail::put_u64(header, 1);
    const std::string nonce(12, 'n');
    std::string out = header + nonce;
    EXPECT_TRUE(detail::aes256gcm_seal(key, nonce, header, plain, out));
    return out;
}

TEST(Surrogate, AFormatOneVaultOpensAndDrawsAFreshSecret) {
    auto opened = Vault::unseal(format1_vault(kKey), kKey);
    ASSERT_TRUE(opened.ok()) << opened.status().to_string();
    EXPECT_EQ(opened->restore("SSN {US_SOCIAL_SECURITY_NUMBER_1}").text, "SSN 219-45-8832");
    const std::string s = surrogate_of("SSN ", "219-45-8832", *opened);
    expect_same_format("219-45-8832", s);
    EXPECT_EQ(opened->restore(s).text, "219-45-8832");
    EXPECT_EQ(opened->size(), 1u);
}

TEST(Surrogate, ErrorsNameNoValue) {
    Vault vault;
    const std::string first = redacted("Maria Gonzalez, SSN 219-45-8832", vault);
    std::string altered = *vault.seal(kKey);
    altered[altered.size() - 1] ^= 1;
    const Status s = Vault::unseal(altered, kKey).status();
    EXPECT_EQ(s.code(), ErrorCode::kVault);
    for (const std::string& value : {std::string("Maria"), std::string("8832"), first.substr(0, 6)}) {
        EXPECT_EQ(s.to_string().find(value), std::string::npos);
    }
    auto bad = Policy::from_json(R"({"packs": [], "actions": {"default": "surrogates"}})", models());
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.status().message().find("token or surrogate"), std::string::npos);
}

}  // namespace
}  // namespace phimask::test
