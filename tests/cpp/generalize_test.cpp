// The generalize action: Safe Harbor's coarser forms of DATE, AGE and ZIP_CODE.
#include <cstdio>
#include <fstream>

#include <nlohmann/json.hpp>

#include "generalize.h"
#include "test_util.h"

namespace phimask::test {
namespace {

using nlohmann::json;

/// The generalized form of `value`, or "<none>" when it has none (the engine
/// then writes the placeholder).
std::string generalized(const std::string& type, const std::string& value) {
    std::string out = "kept|";
    if (!detail::append_generalized(type, value, out)) {
        EXPECT_EQ(out, "kept|") << "output changed although there is no generalized form";
        return "<none>";
    }
    EXPECT_EQ(out.rfind("kept|", 0), 0u) << "output before the value was changed";
    return out.substr(5);
}

TEST(Generalize, DateKeepsOnlyTheYear) {
    EXPECT_EQ(generalized("DATE", "01/15/2023"), "2023");
    EXPECT_EQ(generalized("DATE", "1-15-2023"), "2023");
    EXPECT_EQ(generalized("DATE", "Jan 15th, 2023"), "2023");
    EXPECT_EQ(generalized("DATE", "Jan. 15th, 2023"), "2023");
    EXPECT_EQ(generalized("DATE", "JANUARY 15 1980"), "1980");
    EXPECT_EQ(generalized("DATE", "2023-01-15"), "2023");
    EXPECT_EQ(generalized("DATE", "2023/1/15"), "2023");
    EXPECT_EQ(generalized("DATE", "2023-01-15T10:22"), "2023");
    EXPECT_EQ(generalized("DATE", "2023-01-15T10:22:33.5+05:00"), "2023");
    EXPECT_EQ(generalized("DATE", "15.01.2023"), "2023");
    EXPECT_EQ(generalized("DATE", "15 January 2023"), "2023");
    EXPECT_EQ(generalized("DATE", "15-JAN-2023"), "2023");
    EXPECT_EQ(generalized("DATE", "3rd of May, 2023"), "2023");
    EXPECT_EQ(generalized("DATE", "03/2023"), "2023");
    EXPECT_EQ(generalized("DATE", "Dec. 2019"), "2019");
    EXPECT_EQ(generalized("DATE", "1/15/2023 1022"), "2023");
    // HL7 style: YYYYMMDD, time digits may follow.
    EXPECT_EQ(generalized("DATE", "20230115"), "2023");
    EXPECT_EQ(generalized("DATE", "20230115102233"), "2023");
}

TEST(Generalize, DateTwoDigitYearIsKeptAsWrittenWithoutGuessingTheCentury) {
    EXPECT_EQ(generalized("DATE", "01/15/23"), "'23");
    EXPECT_EQ(generalized("DATE", "1-15-23"), "'23");
    EXPECT_EQ(generalized("DATE", "15.01.23"), "'23");
    EXPECT_EQ(generalized("DATE", "3/4/45"), "'45");
    EXPECT_EQ(generalized("DATE", "15-Jan-23"), "'23");
    EXPECT_EQ(generalized("DATE", "Jan 15th, 23"), "'23");
    EXPECT_EQ(generalized("DATE", "May '23"), "'23");
    EXPECT_EQ(generalized("DATE", "May \u201923"), "'23");
    EXPECT_EQ(generalized("DATE", "1/15/23 10:22"), "'23");
    EXPECT_EQ(generalized("DATE", "01/15/00"), "'00");
}

TEST(Generalize, DateWithoutAYearHasNoGeneralizedForm) {
    for (const char* value : {"Jan 15", "January 15th", "MAR 3RD", "Sept. 9", "1/15", "01/15", "3rd of May",
                              "15 January", "21ST DEC", "03/23", "Jan-23", "Monday", "10:22", "0930",
                              "20231315", "123456", ""}) {
        EXPECT_EQ(generalized("DATE", value), "<none>") << value;
    }
}

TEST(Generalize, AgeOverEightyNineBecomesNinetyPlus) {
    EXPECT_EQ(generalized("AGE", "93-year-old"), "90+-year-old");
    EXPECT_EQ(generalized("AGE", "91"), "90+");
    EXPECT_EQ(generalized("AGE", "91 yo"), "90+ yo");
    EXPECT_EQ(generalized("AGE", "age 91"), "age 90+");
    EXPECT_EQ(generalized("AGE", "90"), "90+");
    EXPECT_EQ(generalized("AGE", "125"), "90+");
    EXPECT_EQ(generalized("AGE", "093 y/o"), "90+ y/o");
    EXPECT_EQ(generalized("AGE", "92.5-year-old"), "90+-year-old");
    EXPECT_EQ(generalized("AGE", "99999999999999999999 years"), "90+ years");
}

TEST(Generalize, AgeOfEightyNineOrLessOrUnclearHasNoGeneralizedForm) {
    for (const char* value : {"89", "89-year-old", "45 yo", "0", "ninety-three", "", "93 or 95 years",
                              "93 years 4 months", "age 9 (born 1930)"}) {
        EXPECT_EQ(generalized("AGE", value), "<none>") << value;
    }
}

TEST(Generalize, ZipCodeKeepsTheFirstThreeDigits) {
    EXPECT_EQ(generalized("ZIP_CODE", "02139"), "021");
    EXPECT_EQ(generalized("ZIP_CODE", "02139-4307"), "021");
    EXPECT_EQ(generalized("ZIP_CODE", "021394307"), "021");
    EXPECT_EQ(generalized("ZIP_CODE", "ZIP 94105"), "941");
    EXPECT_EQ(generalized("ZIP_CODE", "03701"), "037");  // next to a restricted area, not one
    EXPECT_EQ(generalized("ZIP_CODE", "03501"), "035");
}

TEST(Generalize, RestrictedZipAreasBecomeZeros) {
    EXPECT_EQ(generalized("ZIP_CODE", "03601"), "000");
    EXPECT_EQ(generalized("ZIP_CODE", "05901-1234"), "000");
    EXPECT_EQ(generalized("ZIP_CODE", "893011234"), "000");
    for (const char* zip3 : {"036", "059", "063", "102", "203", "556", "692", "790", "821", "823", "830", "831",
                             "878", "879", "884", "890", "893"}) {
        EXPECT_EQ(generalized("ZIP_CODE", std::string(zip3) + "42"), "000") << zip3;
    }
}

TEST(Generalize, ZipCodeOfAnotherShapeHasNoGeneralizedForm) {
    for (const char* value : {"021", "0213", "021390", "02139430", "", "ZIP"}) {
        EXPECT_EQ(generalized("ZIP_CODE", value), "<none>") << value;
    }
}

TEST(Generalize, OtherTypesHaveNoGeneralizedForm) {
    EXPECT_FALSE(detail::generalize_supports("PHONE"));
    EXPECT_FALSE(detail::generalize_supports("date"));
    EXPECT_TRUE(detail::generalize_supports("DATE"));
    EXPECT_TRUE(detail::generalize_supports("AGE"));
    EXPECT_TRUE(detail::generalize_supports("ZIP_CODE"));
    EXPECT_EQ(generalized("PHONE", "617-555-0123"), "<none>");
}

/// The compiled-in list is the data file's, and the file records its source.
TEST(Generalize, RestrictedZip3ListIsTheDataFile) {
    std::ifstream in(std::string(PHIMASK_TEST_MODELS_DIR) + "/reference/safe_harbor_zip3.json");
    ASSERT_TRUE(in.good());
    const json doc = json::parse(in);
    EXPECT_NE(doc.at("source").get<std::string>().find("hhs.gov"), std::string::npos);
    const auto& list = doc.at("restricted_zip3");
    EXPECT_EQ(list.size(), 17u);
    for (const auto& z : list) EXPECT_TRUE(detail::is_restricted_zip3(z.get<std::string>())) << z;
    std::size_t restricted = 0;
    for (int i = 0; i < 1000; ++i) {
        char zip3[4];
        std::snprintf(zip3, sizeof zip3, "%03d", i);
        restricted += detail::is_restricted_zip3(zip3);
    }
    EXPECT_EQ(restricted, list.size());
}

/// Custom detectors, so these tests do not depend on the shipped pack.
constexpr const char* kPolicy = R"({"packs": [], "detectors": [
    {"name": "date_numeric", "type": "DATE", "pattern": "\\b\\d{1,2}/\\d{1,2}(?:/\\d{2}(?:\\d{2})?)?\\b"},
    {"name": "date_written", "type": "DATE", "pattern": "\\b(?:Jan|May)[ ]\\d{1,2}(?:th)?(?:,[ ]\\d{4})?\\b"},
    {"name": "date_iso", "type": "DATE", "pattern": "\\b\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}\\b"},
    {"name": "age_years", "type": "AGE", "pattern": "\\b\\d{1,3}-year-old\\b"},
    {"name": "age_label", "type": "AGE", "patterns": [{"label": "\\bage ", "pattern": "\\d{1,3}\\b"}]},
    {"name": "age_yo", "type": "AGE", "pattern": "\\b\\d{1,3} yo\\b"},
    {"name": "zip", "type": "ZIP_CODE", "patterns": [{"label": "\\bZIP ", "pattern": "\\d{5}(?:-\\d{4})?\\b"}]},
    {"name": "phone", "type": "PHONE", "pattern": "\\b\\d{3}-\\d{3}-\\d{4}\\b"}
  ],
  "actions": {"DATE": "generalize", "AGE": "generalize", "ZIP_CODE": {"action": "generalize"}}%s})";

std::string policy_with(const std::string& extra) {
    std::string p = kPolicy;
    p.replace(p.find("%s"), 2, extra);
    return p;
}

TEST(Generalize, EngineRedactsReadably) {
    Engine engine = engine_from(policy_with(""));
    const std::string text =
        "admitted 01/15/2023, a 93-year-old woman, ZIP 02139-4307; seen Jan 15; age 91, 89-year-old sister, "
        "91 yo; 2023-01-15T10:22; Jan 15th, 2023; 1/15/23; ZIP 03601; call 617-555-0123.";
    auto r = engine.redact(text);
    ASSERT_TRUE(r.ok()) << r.status().to_string();
    EXPECT_EQ(r->text,
              "admitted 2023, a 90+-year-old woman, ZIP 021; seen {DATE}; age 90+, {AGE} sister, "
              "90+ yo; 2023; 2023; '23; ZIP 000; call {PHONE}.");
    ASSERT_EQ(r->spans.size(), 12u);
    for (const Span& s : r->spans) {
        EXPECT_EQ(s.action, s.type == "PHONE" ? Action::kPlaceholder : Action::kGeneralize) << s.detector;
    }
    EXPECT_STREQ(action_name(Action::kGeneralize), "generalize");
    EXPECT_EQ(r->summary.counts.at("DATE"), 5u);
    EXPECT_EQ(r->summary.counts.at("AGE"), 4u);
    EXPECT_EQ(r->summary.counts.at("ZIP_CODE"), 2u);
}

TEST(Generalize, NonAsciiNeighboursAndDigitsKeepEveryByteOutsideSpans) {
    Engine engine = engine_from(policy_with(""));
    const std::string text = "Née le 1/15/23 — 93-year-old ✓, ZIP 03601 🎉 DOB ０１/１５/２０２３ café";
    auto r = engine.redact(text);
    ASSERT_TRUE(r.ok()) << r.status().to_string();
    EXPECT_EQ(r->text, "Née le '23 — 90+-year-old ✓, ZIP 000 🎉 DOB 2023 café");
    ASSERT_EQ(r->spans.size(), 4u);
    EXPECT_EQ(slice(text, r->spans[3]), "０１/１５/２０２３");
    // Every byte outside the spans is the input's.
    std::size_t pos = 0;
    std::string outside;
    for (const Span& s : r->spans) {
        outside += text.substr(pos, s.start - pos) + "|";
        pos = s.end;
    }
    outside += text.substr(pos);
    EXPECT_EQ(outside, "Née le | — | ✓, ZIP | 🎉 DOB | café");
}

TEST(Generalize, FallbackUsesThePolicysPlaceholder) {
    Engine engine = engine_from(policy_with(R"(, "placeholder_format": "[TYPE]")"));
    EXPECT_EQ(engine.redact("seen Jan 15, a 45-year-old, 1/15/2023")->text, "seen [DATE], a [AGE], 2023");
}

TEST(Generalize, DetectorActionMayBeGeneralize) {
    Engine engine = engine_from(R"({"packs": [], "detectors": [
        {"name": "dob", "type": "DATE", "pattern": "\\b\\d{2}/\\d{2}/\\d{4}\\b", "action": {"action": "generalize"}},
        {"name": "other", "type": "DATE", "pattern": "\\b\\d{4}-\\d{2}-\\d{2}\\b"}]})");
    auto r = engine.redact("DOB 01/15/1950, seen 2023-01-15");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->text, "DOB 1950, seen {DATE}");
    EXPECT_EQ(r->spans[0].action, Action::kGeneralize);
    EXPECT_EQ(r->spans[1].action, Action::kPlaceholder);
}

TEST(Generalize, StringAndObjectFormsAreOnePolicy) {
    Policy a = policy_from(policy_with(""));
    std::string object_form = policy_with("");
    object_form.replace(object_form.find(R"("DATE": "generalize")"), 20, R"("DATE": {"action": "generalize"})");
    Policy b = policy_from(object_form);
    EXPECT_EQ(a.version(), b.version());
    EXPECT_NE(a.canonical_json().find(R"("DATE":{"action":"generalize"})"), std::string::npos) << a.canonical_json();
    // The canonical JSON loads again as the same policy.
    EXPECT_EQ(policy_from(a.canonical_json()).version(), a.version());
}

TEST(Generalize, SurvivesAnEngineFile) {
    Engine engine = engine_from(policy_with(""));
    auto bytes = engine.serialize();
    ASSERT_TRUE(bytes.ok()) << bytes.status().to_string();
    auto loaded = Engine::deserialize(*bytes, {}, &engine.policy());
    ASSERT_TRUE(loaded.ok()) << loaded.status().to_string();
    const std::string text = "a 93-year-old, ZIP 02139, 01/15/2023";
    EXPECT_EQ(loaded->redact(text)->text, "a 90+-year-old, ZIP 021, 2023");
    EXPECT_EQ(loaded->redact(text)->spans, engine.redact(text)->spans);
}

TEST(Generalize, PolicyErrorNamesThePointerAndTheDetector) {
    auto p = Policy::from_json(R"({"packs": [], "detectors": [
        {"name": "tel", "type": "PHONE", "pattern": "\\d{3}-\\d{4}", "action": "generalize"}]})", models());
    ASSERT_FALSE(p.ok());
    EXPECT_EQ(p.status().to_string(),
              "policy error at /detectors/0/action (detector 'tel'): generalize is defined only for DATE, AGE and "
              "ZIP_CODE, not for PHONE");
}

}  // namespace
}  // namespace phimask::test
