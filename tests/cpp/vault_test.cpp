// The token action and the Vault: numbered tokens consistent within a
// conversation, restore() of a model's answer, sealed export. Every value is synthetic.
#include <string>

#include "date_parts.h"
#include "phimask/vault.h"
#include "test_util.h"
#include "token_keys.h"

namespace phimask::test {
namespace {

const Engine& token_engine() {
    static const Engine engine =
        engine_from(R"({"packs": ["us_core", "us_names"], "actions": {"default": "token"}})");
    return engine;
}

std::string redacted(const std::string& text, Vault& vault) {
    auto r = token_engine().redact(text, vault);
    EXPECT_TRUE(r.ok()) << r.status().to_string();
    return r.ok() ? r->text : "";
}

const std::string kKey(32, 'k');

TEST(Vault, TheSameValueGetsTheSameTokenWithinAConversation) {
    Vault vault;
    EXPECT_EQ(redacted("Call 617-555-0142 or (617) 555-0199, SSN 219-45-8832.", vault),
              "Call {PHONE_1} or {PHONE_2}, SSN {US_SOCIAL_SECURITY_NUMBER_1}.");
    // Digits only for numbers: another way of writing the first phone is the same phone.
    EXPECT_EQ(redacted("Again: +1 617.555.0142; the SSN was 219 45 8832.", vault),
              "Again: {PHONE_1}; the SSN was {US_SOCIAL_SECURITY_NUMBER_1}.");
    EXPECT_EQ(vault.size(), 3u);
}

TEST(Vault, NamesMatchIgnoringCaseAndSpacingAndDatesByTheirCalendarDate) {
    Vault vault;
    EXPECT_EQ(redacted("Seen by Dr. Maria Gonzalez on 01/15/2023.", vault), "Seen by {NAME_1} on {DATE_1}.");
    EXPECT_EQ(redacted("Dr. Maria  Gonzalez reviewed it January 15th, 2023 and again 2023-01-16.", vault),
              "{NAME_1} reviewed it {DATE_1} and again {DATE_2}.");
}

TEST(Vault, TokenKeysSuitTheType) {
    using detail::token_key;
    EXPECT_EQ(token_key("NAME", "Dr. MARIA  Gonzalez"), token_key("NAME", "dr maria gonzalez"));
    EXPECT_NE(token_key("NAME", "Maria Gonzalez"), token_key("NAME", "Maria Gonzales"));
    EXPECT_EQ(token_key("PHONE", "+1 (617) 555-0142"), token_key("PHONE", "617.555.0142"));
    EXPECT_EQ(token_key("MEDICAL_RECORD_NUMBER", "mrn-00123"), token_key("MEDICAL_RECORD_NUMBER", "MRN 00123"));
    EXPECT_NE(token_key("MEDICAL_RECORD_NUMBER", "00123"), token_key("MEDICAL_RECORD_NUMBER", "0123"));
    EXPECT_EQ(token_key("EMAIL", "Jo@Example.org"), token_key("EMAIL", "jo@example.org"));
    for (const char* same : {"01/15/2023", "1-15-23", "Jan 15, 2023", "January 15th 2023", "15 January 2023",
                             "15-JAN-2023", "2023-01-15", "2023-01-15T10:30:00Z", "15 de enero de 2023",
                             "the 15th of January, 2023"}) {
        EXPECT_EQ(token_key("DATE", same), "2023-01-15") << same;
    }
    EXPECT_EQ(token_key("DATE", "15.01.2023"), "2023-01-15");  // dots: day first
    EXPECT_EQ(token_key("DATE", "25/12/2022"), "2022-12-25");  // 25 cannot be a month
    EXPECT_EQ(token_key("DATE", "Jan 15"), "01-15");
    EXPECT_EQ(token_key("DATE", "March 2021"), "2021-03");
    EXPECT_EQ(token_key("DATE", "03/2021"), "2021-03");
}

TEST(Vault, DatePartsSayWhereEachPartIsWritten) {
    auto d = detail::parse_date("Jan. 15th, '23");
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->year, 2023);
    EXPECT_TRUE(d->two_digit_year && d->month_is_name);
    EXPECT_EQ(d->month_at.start, 0u);
    EXPECT_EQ(d->month_at.size, 3u);
    EXPECT_EQ(d->day_at.start, 5u);
    EXPECT_EQ(d->day_at.size, 2u);
    EXPECT_FALSE(detail::parse_date("13/45/2023").has_value());
    EXPECT_FALSE(detail::parse_date("20230115").has_value());
}

TEST(Vault, ConversationsAreIndependentAndCallsWithoutAVaultNumberFromOne) {
    Vault first, second;
    redacted("SSN 219-45-8832", first);
    EXPECT_EQ(redacted("SSN 219-45-8833 and 219-45-8832", second),
              "SSN {US_SOCIAL_SECURITY_NUMBER_1} and {US_SOCIAL_SECURITY_NUMBER_2}");
    auto alone = token_engine().redact("SSN 219-45-8833 and 219-45-8833");
    ASSERT_TRUE(alone.ok());
    EXPECT_EQ(alone->text, "SSN {US_SOCIAL_SECURITY_NUMBER_1} and {US_SOCIAL_SECURITY_NUMBER_1}");
}

TEST(Vault, RestorePutsTheOriginalsBackWhateverTheModelDidToTheTokens) {
    Vault vault;
    const std::string prompt = redacted("Maria Gonzalez (SSN 219-45-8832) called 617-555-0142.", vault);
    ASSERT_EQ(prompt, "{NAME_1} (SSN {US_SOCIAL_SECURITY_NUMBER_1}) called {PHONE_1}.");
    const RestoreResult r = vault.restore(
        "'{NAME_1}'s SSN is { us_social_security_number_1 }; call {PHONE_\n1} back. {NAME_2} and {DATE_9} are "
        "unknown, {NAME_2} twice; {not a token}, {NAME_}, {_1}, {NAME_0}.");
    EXPECT_EQ(r.text,
              "'Maria Gonzalez's SSN is 219-45-8832; call 617-555-0142 back. {NAME_2} and {DATE_9} are unknown, "
              "{NAME_2} twice; {not a token}, {NAME_}, {_1}, {NAME_0}.");
    EXPECT_EQ(r.restored, 3u);
    EXPECT_EQ(r.unknown, (std::vector<std::string>{"{NAME_2}", "{DATE_9}"}));
}

TEST(Vault, RestoreWritesTheValueAsItWasFirstWritten) {
    Vault vault;
    redacted("Phone (617) 555-0142.", vault);
    redacted("Phone 617.555.0142.", vault);
    EXPECT_EQ(vault.restore("{PHONE_1}").text, "(617) 555-0142");
}

TEST(Vault, BlockedOrFailedRedactionsAddNothing) {
    const Engine engine = engine_from(
        R"({"packs": ["us_core"], "actions": {"default": "token", "US_SOCIAL_SECURITY_NUMBER": "block"}})");
    Vault vault;
    auto r = engine.redact("call 617-555-0142, SSN 219-45-8832", vault);
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r->blocked());
    EXPECT_EQ(vault.size(), 0u);
    EXPECT_EQ(engine.redact("call 617-555-0199", vault)->text, "call {PHONE_1}");
}

TEST(Vault, SealedVaultsOpenOnlyWithTheirKey) {
    Vault vault;
    redacted("Maria Gonzalez, SSN 219-45-8832, 617-555-0142", vault);
    auto sealed = vault.seal(kKey);
    ASSERT_TRUE(sealed.ok()) << sealed.status().to_string();
    for (const char* value : {"Maria", "Gonzalez", "219-45", "8832", "555-0142"}) {
        EXPECT_EQ(sealed->find(value), std::string::npos) << value;
    }
    auto opened = Vault::unseal(*sealed, kKey);
    ASSERT_TRUE(opened.ok()) << opened.status().to_string();
    EXPECT_EQ(opened->size(), 3u);
    EXPECT_EQ(opened->restore("{NAME_1}: {PHONE_1}").text, "Maria Gonzalez: 617-555-0142");
    // The conversation goes on with the opened vault.
    auto next = token_engine().redact("Maria Gonzalez again, and John Smith.", *opened);
    ASSERT_TRUE(next.ok());
    EXPECT_EQ(next->text, "{NAME_1} again, and {NAME_2}.");
    // Two seals of the same vault differ (a fresh nonce each time).
    EXPECT_NE(*vault.seal(kKey), *sealed);

    EXPECT_EQ(Vault::unseal(*sealed, std::string(32, 'x')).status().code(), ErrorCode::kVault);
    std::string altered = *sealed;
    altered[altered.size() / 2] ^= 1;
    EXPECT_EQ(Vault::unseal(altered, kKey).status().code(), ErrorCode::kVault);
    EXPECT_EQ(Vault::unseal("not a vault", kKey).status().code(), ErrorCode::kVault);
    std::string newer = *sealed;
    newer[16] = 3;  // the format number
    EXPECT_EQ(Vault::unseal(newer, kKey).status().code(), ErrorCode::kVault);
    EXPECT_NE(Vault::unseal(newer, kKey).status().message().find("format 3"), std::string::npos);
    EXPECT_EQ(vault.seal("short").status().code(), ErrorCode::kVault);
    EXPECT_EQ(Vault::unseal(*sealed, "short").status().code(), ErrorCode::kVault);
}

TEST(Vault, AnEmptyVaultSealsAndOpens) {
    Vault vault;
    auto opened = Vault::unseal(*vault.seal(kKey), kKey);
    ASSERT_TRUE(opened.ok());
    EXPECT_EQ(opened->size(), 0u);
    EXPECT_EQ(opened->restore("{NAME_1}").unknown, std::vector<std::string>{"{NAME_1}"});
}

TEST(Vault, ScannersNumberInTheVaultToo) {
    Vault vault;
    Scanner scanner(token_engine());
    RedactResult out;
    ASSERT_TRUE(scanner.redact("SSN 219-45-8832", out, vault).ok());
    ASSERT_TRUE(scanner.redact("SSN 219-45-8833, SSN 219-45-8832", out, vault).ok());
    EXPECT_EQ(out.text, "SSN {US_SOCIAL_SECURITY_NUMBER_2}, SSN {US_SOCIAL_SECURITY_NUMBER_1}");
    EXPECT_EQ(out.spans[0].action, Action::kToken);
}

}  // namespace
}  // namespace phimask::test
