// Identifiers disguised with Unicode are found, with exact offsets into the original.
#include "test_util.h"

namespace phimask::test {
namespace {

struct Case {
    const char* name;
    std::string text;
    std::string expected_match;  // the original bytes the span must cover
    const char* type;
};

// Test names and logs show the case's name (never its bytes).
void PrintTo(const Case& c, std::ostream* out) { *out << c.name; }

class Evasion : public ::testing::TestWithParam<Case> {};

TEST_P(Evasion, IsDetectedWithExactOriginalOffsets) {
    const Case& c = GetParam();
    auto spans = default_engine().detect(c.text);
    ASSERT_TRUE(spans.ok()) << spans.status().to_string();
    bool found = false;
    for (const auto& s : *spans) {
        if (s.type == c.type && slice(c.text, s) == c.expected_match) found = true;
    }
    EXPECT_TRUE(found) << c.name;
    auto redacted = default_engine().redact(c.text);
    EXPECT_EQ(redacted->text.find(c.expected_match), std::string::npos) << c.name;
}

INSTANTIATE_TEST_SUITE_P(
    Unicode, Evasion,
    ::testing::Values(
        Case{"full-width digits", "SSN: １２３-４５-６７８９.", "１２３-４５-６７８９", "US_SOCIAL_SECURITY_NUMBER"},
        Case{"zero-width space inside an SSN", "SSN 123\u200B-45-67\u200D89 ok", "123\u200B-45-67\u200D89",
             "US_SOCIAL_SECURITY_NUMBER"},
        Case{"soft hyphen and BOM inside an SSN", "ssn 12\u00AD3-45-6789\uFEFF", "12\u00AD3-45-6789",
             "US_SOCIAL_SECURITY_NUMBER"},
        Case{"NBSP and en dash in a phone number", "call (617)\u00A0555\u20130123 now", "(617)\u00A0555\u20130123",
             "PHONE"},
        Case{"minus sign and em dash in a phone number", "tel 617\u2212555\u20140123", "617\u2212555\u20140123",
             "PHONE"},
        Case{"Arabic-Indic digits", "SSN \u0661\u0662\u0663-\u0664\u0665-\u0666\u0667\u0668\u0669",
             "\u0661\u0662\u0663-\u0664\u0665-\u0666\u0667\u0668\u0669", "US_SOCIAL_SECURITY_NUMBER"},
        Case{"invalid UTF-8 around an SSN", "SSN \xff" "123-45-6789\xfe!", "123-45-6789", "US_SOCIAL_SECURITY_NUMBER"},
        Case{"invalid byte inside an SSN", "SSN 123-45\xff-6789", "123-45\xff-6789", "US_SOCIAL_SECURITY_NUMBER"},
        Case{"full-width email", "mail ｊｏｅ＠ｅｘａｍｐｌｅ.ｃｏｍ", "ｊｏｅ＠ｅｘａｍｐｌｅ.ｃｏｍ", "EMAIL"},
        Case{"emoji before an SSN", "\xF0\x9F\x98\x80 SSN 123-45-6789", "123-45-6789", "US_SOCIAL_SECURITY_NUMBER"}),
    [](const ::testing::TestParamInfo<Case>& param) { return "case_" + std::to_string(param.index); });

TEST(Evasion, OutputKeepsTheSurroundingBytesExactly) {
    const std::string text = "\xff" "SSN １２３-４５-６７８９\xfe tail é";
    auto r = default_engine().redact(text);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->text, "\xff" "SSN {US_SOCIAL_SECURITY_NUMBER}\xfe tail é");
}

}  // namespace
}  // namespace phimask::test
