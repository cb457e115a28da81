// Validators by name: every registered one accepts well-formed synthetic values
// and rejects near misses. All numbers here are public test values or made up.
#include <gtest/gtest.h>

#include <algorithm>
#include <string_view>

#include "validators/validators.h"

namespace phimask::detail {
namespace {

/// The named validator run on `value`; fails the test if the name is unknown.
bool check(std::string_view name, std::string_view value) {
    const Validator v = find_validator(name);
    EXPECT_NE(v, nullptr) << name;
    return v != nullptr && v(value);
}

TEST(Validators, UnknownNameIsNull) {
    EXPECT_EQ(find_validator("nope"), nullptr);
    EXPECT_EQ(find_validator(""), nullptr);
    EXPECT_EQ(find_validator("LUHN"), nullptr);
}

TEST(Validators, NamesAreSortedAndAllFound) {
    const auto names = validator_names();
    EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
    for (std::string_view expected :
         {"aba_routing", "age_over_89", "date_dmy", "date_mdy", "date_numeric", "date_written", "date_ymd", "dea",
          "gs1_gtin", "hibcc", "ipv4", "ipv6", "labelled_id", "luhn", "mbi", "npi", "phone_digits", "us_ssn",
          "us_ssn_format", "vin"}) {
        EXPECT_NE(std::find(names.begin(), names.end(), expected), names.end()) << expected;
    }
    for (std::string_view name : names) EXPECT_NE(find_validator(name), nullptr) << name;
}

TEST(Validators, LuhnAcceptsTestCards) {
    EXPECT_TRUE(check("luhn", "4111111111111111"));
    EXPECT_TRUE(check("luhn", "4111 1111 1111 1111"));
    EXPECT_TRUE(check("luhn", "4111-1111-1111-1111"));
    EXPECT_TRUE(check("luhn", "5555555555554444"));
    EXPECT_TRUE(check("luhn", "378282246310005"));    // 15 digits
    EXPECT_TRUE(check("luhn", "3782 822463 10005"));  // 4-6-5 grouping
    EXPECT_TRUE(check("luhn", "4222222222222"));      // 13 digits
    EXPECT_TRUE(check("luhn", "6011111111111117"));
}

TEST(Validators, LuhnRejects) {
    EXPECT_FALSE(check("luhn", "4111111111111112"));      // check digit off by one
    EXPECT_FALSE(check("luhn", "0000000000000000"));      // passes the sum, all same digit
    EXPECT_FALSE(check("luhn", "000000000000000000"));
    EXPECT_FALSE(check("luhn", "424242424242"));          // 12 digits
    EXPECT_FALSE(check("luhn", "42424242424242424242"));  // 20 digits
    EXPECT_FALSE(check("luhn", "4111-1111-1111-111a"));
    EXPECT_FALSE(check("luhn", "4111--1111-1111-1111"));
    EXPECT_FALSE(check("luhn", "-4111111111111111"));
    EXPECT_FALSE(check("luhn", "4111111111111111 "));
    EXPECT_FALSE(check("luhn", "4111.1111.1111.1111"));
    EXPECT_FALSE(check("luhn", ""));
}

TEST(Validators, SsnAcceptsValid) {
    EXPECT_TRUE(check("us_ssn", "123-45-6789"));
    EXPECT_TRUE(check("us_ssn", "123 45 6789"));
    EXPECT_TRUE(check("us_ssn", "123456789"));
    EXPECT_TRUE(check("us_ssn", "001-01-0001"));
    EXPECT_TRUE(check("us_ssn", "899-99-9999"));
    EXPECT_TRUE(check("us_ssn", "665-12-3456"));
}

TEST(Validators, SsnRejectsArea666) { EXPECT_FALSE(check("us_ssn", "666-12-3456")); }

TEST(Validators, SsnRejectsImpossibleParts) {
    EXPECT_FALSE(check("us_ssn", "000-12-3456"));  // area 000
    EXPECT_FALSE(check("us_ssn", "900-12-3456"));  // 9xx: ITIN range
    EXPECT_FALSE(check("us_ssn", "987-65-4321"));
    EXPECT_FALSE(check("us_ssn", "123-00-4567"));  // group 00
    EXPECT_FALSE(check("us_ssn", "123-45-0000"));  // serial 0000
}

TEST(Validators, SsnRejectsAdvertisingAndRepeatedNumbers) {
    EXPECT_FALSE(check("us_ssn", "078-05-1120"));
    EXPECT_FALSE(check("us_ssn", "078051120"));
    EXPECT_FALSE(check("us_ssn", "219-09-9999"));
    EXPECT_FALSE(check("us_ssn", "111-11-1111"));
    EXPECT_FALSE(check("us_ssn", "555555555"));
}

TEST(Validators, SsnRejectsBadShapes) {
    EXPECT_FALSE(check("us_ssn", "123-45 6789"));  // mixed separators
    EXPECT_FALSE(check("us_ssn", "123.45.6789"));
    EXPECT_FALSE(check("us_ssn", "12-345-6789"));  // separators in the wrong place
    EXPECT_FALSE(check("us_ssn", "12345678"));
    EXPECT_FALSE(check("us_ssn", "1234567890"));
    EXPECT_FALSE(check("us_ssn", "12a-45-6789"));
    EXPECT_FALSE(check("us_ssn", ""));
}

TEST(Validators, NpiAcceptsValid) {
    EXPECT_TRUE(check("npi", "1234567893"));  // the CMS worked example
    EXPECT_TRUE(check("npi", "1245319599"));
    EXPECT_TRUE(check("npi", "2000000002"));
}

TEST(Validators, NpiRejects) {
    EXPECT_FALSE(check("npi", "1234567890"));   // wrong check digit
    EXPECT_FALSE(check("npi", "3234567891"));   // must start with 1 or 2
    EXPECT_FALSE(check("npi", "123456789"));    // 9 digits
    EXPECT_FALSE(check("npi", "12345678934"));  // 11 digits
    EXPECT_FALSE(check("npi", "123456789a"));
    EXPECT_FALSE(check("npi", "1234-567893"));
}

TEST(Validators, MbiAcceptsValid) {
    EXPECT_TRUE(check("mbi", "1EG4TE5MK73"));  // the CMS example
    EXPECT_TRUE(check("mbi", "1EG4-TE5-MK73"));
    EXPECT_TRUE(check("mbi", "9AA0A00AA00"));
    EXPECT_TRUE(check("mbi", "1eg4te5mk73"));  // lowercase as typed; the letters are what count
}

TEST(Validators, MbiRejects) {
    EXPECT_FALSE(check("mbi", "0EG4TE5MK73"));    // position 1 is 1-9
    EXPECT_FALSE(check("mbi", "1SG4TE5MK73"));    // S is excluded
    EXPECT_FALSE(check("mbi", "1EG4TE5ML73"));    // L is excluded
    EXPECT_FALSE(check("mbi", "1EGATE5MK73"));    // position 4 is numeric
    EXPECT_FALSE(check("mbi", "1E14TE5MK73A"));   // 12 characters
    EXPECT_FALSE(check("mbi", "1EG4TE5M173"));    // position 9 is alphabetic
    EXPECT_FALSE(check("mbi", "1EG4-TE5MK73"));   // one dash only
    EXPECT_FALSE(check("mbi", "1EG-4TE5-MK73"));  // dash in the wrong place
    EXPECT_FALSE(check("mbi", "1EG4TE5MK7"));
}

TEST(Validators, DeaAcceptsValid) {
    EXPECT_TRUE(check("dea", "AB1234563"));
    EXPECT_TRUE(check("dea", "BJ6125341"));
    EXPECT_TRUE(check("dea", "M91234563"));  // '9' instead of an initial
}

TEST(Validators, DeaRejects) {
    EXPECT_FALSE(check("dea", "AB1234567"));   // wrong check digit
    EXPECT_FALSE(check("dea", "QB1234563"));   // no such registrant type
    EXPECT_FALSE(check("dea", "A11234563"));   // second character a digit other than 9
    EXPECT_FALSE(check("dea", "AB123456"));    // 6 digits
    EXPECT_FALSE(check("dea", "AB12345633"));  // 8 digits
    EXPECT_FALSE(check("dea", "AB12345X3"));
}

TEST(Validators, AbaRoutingAcceptsValid) {
    EXPECT_TRUE(check("aba_routing", "011000015"));  // Federal Reserve Bank of Boston
    EXPECT_TRUE(check("aba_routing", "021000021"));
    EXPECT_TRUE(check("aba_routing", "322271627"));
}

TEST(Validators, AbaRoutingRejects) {
    EXPECT_FALSE(check("aba_routing", "011000016"));  // checksum
    EXPECT_FALSE(check("aba_routing", "000000000"));  // all same digit
    EXPECT_FALSE(check("aba_routing", "131000013"));  // prefix 13 is not a routing symbol
    EXPECT_FALSE(check("aba_routing", "01100001"));
    EXPECT_FALSE(check("aba_routing", "011-000-015"));
}

TEST(Validators, Ipv4) {
    EXPECT_TRUE(check("ipv4", "192.168.0.1"));
    EXPECT_TRUE(check("ipv4", "0.0.0.0"));
    EXPECT_TRUE(check("ipv4", "255.255.255.255"));
    EXPECT_TRUE(check("ipv4", "10.20.30.40"));
    EXPECT_TRUE(check("ipv4", "1.2.3.4"));  // also a version number; the shape cannot tell
    EXPECT_FALSE(check("ipv4", "256.1.1.1"));
    EXPECT_FALSE(check("ipv4", "10.0.0.01"));  // leading zero
    EXPECT_FALSE(check("ipv4", "10.0.0"));
    EXPECT_FALSE(check("ipv4", "10.0.0.0.1"));
    EXPECT_FALSE(check("ipv4", "10..0.1"));
    EXPECT_FALSE(check("ipv4", "10.0.0.1."));
    EXPECT_FALSE(check("ipv4", "1000.0.0.1"));
    EXPECT_FALSE(check("ipv4", "a.b.c.d"));
}

TEST(Validators, Ipv6AcceptsFullAndCompressed) {
    EXPECT_TRUE(check("ipv6", "2001:0db8:85a3:0000:0000:8a2e:0370:7334"));
    EXPECT_TRUE(check("ipv6", "2001:db8:85a3::8a2e:370:7334"));
    EXPECT_TRUE(check("ipv6", "2001:DB8::1"));
    EXPECT_TRUE(check("ipv6", "fe80::1"));
    EXPECT_TRUE(check("ipv6", "::1"));
    EXPECT_TRUE(check("ipv6", "2001:db8::"));
    EXPECT_TRUE(check("ipv6", "::ffff:192.0.2.128"));
    EXPECT_TRUE(check("ipv6", "64:ff9b::192.0.2.33"));
    EXPECT_TRUE(check("ipv6", "1:2:3:4:5:6:192.0.2.1"));
    EXPECT_TRUE(check("ipv6", "1:2:3:4:5:6:7::"));
}

TEST(Validators, Ipv6Rejects) {
    EXPECT_FALSE(check("ipv6", "2001:db8::1::2"));            // two "::"
    EXPECT_FALSE(check("ipv6", "2001:db8:85a3:0:0:8a2e:370"));  // 7 groups, no "::"
    EXPECT_FALSE(check("ipv6", "1:2:3:4:5:6:7:8:9"));
    EXPECT_FALSE(check("ipv6", "1:2:3:4::5:6:7:8"));  // "::" must stand for at least one group
    EXPECT_FALSE(check("ipv6", "2001:db8::12345"));   // 5 hex digits
    EXPECT_FALSE(check("ipv6", "2001:db8::g1"));
    EXPECT_FALSE(check("ipv6", "1:::2"));
    EXPECT_FALSE(check("ipv6", ":1:2:3:4:5:6:7"));
    EXPECT_FALSE(check("ipv6", "10:30:45"));             // a time
    EXPECT_FALSE(check("ipv6", "00:1a:2b:3c:4d:5e"));    // a MAC address
    EXPECT_FALSE(check("ipv6", "::ffff:192.0.2.256"));
    EXPECT_FALSE(check("ipv6", "::192.0.2.1:ffff"));     // dotted quad only at the end
    EXPECT_FALSE(check("ipv6", "1:2:3:4:5:6:7:192.0.2.1"));  // 9 groups' worth
    EXPECT_FALSE(check("ipv6", ""));
}

TEST(Validators, DateMdyAcceptsValid) {
    EXPECT_TRUE(check("date_mdy", "01/15/2023"));
    EXPECT_TRUE(check("date_mdy", "1/15/23"));
    EXPECT_TRUE(check("date_mdy", "1-15-2023"));
    EXPECT_TRUE(check("date_mdy", "12/31/1999"));
    EXPECT_TRUE(check("date_mdy", "2/29/2024"));  // leap year
    EXPECT_TRUE(check("date_mdy", "2/29/2000"));  // divisible by 400
    EXPECT_TRUE(check("date_mdy", "2/29/24"));
    EXPECT_TRUE(check("date_mdy", "3/14"));       // no year
    EXPECT_TRUE(check("date_mdy", "2/29"));       // no year: could be a leap year
    EXPECT_TRUE(check("date_mdy", "03/2023"));    // month and year
}

TEST(Validators, DateMdyRejects) {
    EXPECT_FALSE(check("date_mdy", "13/15/2023"));  // month 13
    EXPECT_FALSE(check("date_mdy", "0/15/2023"));
    EXPECT_FALSE(check("date_mdy", "4/31/2023"));   // April has 30 days
    EXPECT_FALSE(check("date_mdy", "2/29/2023"));   // not a leap year
    EXPECT_FALSE(check("date_mdy", "2/29/1900"));   // divisible by 100, not 400
    EXPECT_FALSE(check("date_mdy", "2/29/23"));
    EXPECT_FALSE(check("date_mdy", "1/0/2023"));
    EXPECT_FALSE(check("date_mdy", "1/15/1899"));   // before 1900
    EXPECT_FALSE(check("date_mdy", "1/15/2101"));
    EXPECT_FALSE(check("date_mdy", "1/15/202"));    // 3-digit year
    EXPECT_FALSE(check("date_mdy", "1/15-2023"));   // mixed separators
    EXPECT_FALSE(check("date_mdy", "120/80"));      // blood pressure
    EXPECT_FALSE(check("date_mdy", "12/80"));       // a ratio, not month/day
    EXPECT_FALSE(check("date_mdy", "1.15.2023"));
    EXPECT_FALSE(check("date_mdy", "1/15/2023/4"));
    EXPECT_FALSE(check("date_mdy", "13/2023"));
    EXPECT_FALSE(check("date_mdy", "15"));
}

TEST(Validators, DateYmdAcceptsValid) {
    EXPECT_TRUE(check("date_ymd", "2023-01-15"));
    EXPECT_TRUE(check("date_ymd", "2023/1/15"));
    EXPECT_TRUE(check("date_ymd", "2024-02-29"));
    EXPECT_TRUE(check("date_ymd", "2023-01-15T10:22"));
    EXPECT_TRUE(check("date_ymd", "2023-01-15T10:22:33"));
    EXPECT_TRUE(check("date_ymd", "2023-01-15T10:22:33.123Z"));
    EXPECT_TRUE(check("date_ymd", "2023-01-15T23:59:60+05:30"));
    EXPECT_TRUE(check("date_ymd", "2023-01-15T10:22-0500"));
    EXPECT_TRUE(check("date_ymd", "2023-01-15 10:22"));
}

TEST(Validators, DateYmdRejects) {
    EXPECT_FALSE(check("date_ymd", "2023-13-01"));
    EXPECT_FALSE(check("date_ymd", "2023-02-29"));
    EXPECT_FALSE(check("date_ymd", "2023-04-31"));
    EXPECT_FALSE(check("date_ymd", "1850-01-15"));
    EXPECT_FALSE(check("date_ymd", "23-01-15"));  // year must have 4 digits
    EXPECT_FALSE(check("date_ymd", "2023-01/15"));
    EXPECT_FALSE(check("date_ymd", "2023-01-15T24:00"));
    EXPECT_FALSE(check("date_ymd", "2023-01-15T10:60"));
    EXPECT_FALSE(check("date_ymd", "2023-01-15T10"));
    EXPECT_FALSE(check("date_ymd", "2023-01-15T10:22Zx"));
    EXPECT_FALSE(check("date_ymd", "2023-01-15T"));
    EXPECT_FALSE(check("date_ymd", "2023-01-15T10:2233"));
    EXPECT_FALSE(check("date_ymd", "2023-01-15T10:22+05:"));
}

TEST(Validators, DateDmy) {
    EXPECT_TRUE(check("date_dmy", "15.01.2023"));
    EXPECT_TRUE(check("date_dmy", "1.2.2023"));
    EXPECT_TRUE(check("date_dmy", "29.02.2024"));
    EXPECT_TRUE(check("date_dmy", "31.12.99"));
    EXPECT_FALSE(check("date_dmy", "01.15.2023"));  // month 15
    EXPECT_FALSE(check("date_dmy", "31.04.2023"));
    EXPECT_FALSE(check("date_dmy", "29.02.2023"));
    EXPECT_FALSE(check("date_dmy", "15.01"));       // needs a year
    EXPECT_FALSE(check("date_dmy", "15.01.2023.1"));
    EXPECT_FALSE(check("date_dmy", "15.01-2023"));
    EXPECT_FALSE(check("date_dmy", "15.01.1800"));
}

TEST(Validators, DateWrittenAcceptsForms) {
    EXPECT_TRUE(check("date_written", "Jan 15, 2023"));
    EXPECT_TRUE(check("date_written", "Jan. 15th, 2023"));
    EXPECT_TRUE(check("date_written", "January 15th"));
    EXPECT_TRUE(check("date_written", "January 15"));
    EXPECT_TRUE(check("date_written", "15 January 2023"));
    EXPECT_TRUE(check("date_written", "15th January"));
    EXPECT_TRUE(check("date_written", "15-JAN-2023"));
    EXPECT_TRUE(check("date_written", "15-Jan-23"));
    EXPECT_TRUE(check("date_written", "the 3rd of May"));
    EXPECT_TRUE(check("date_written", "3rd of May, 2023"));
    EXPECT_TRUE(check("date_written", "Sept 1, 2023"));
    EXPECT_TRUE(check("date_written", "SEPTEMBER 30TH 2023"));
    EXPECT_TRUE(check("date_written", "February 29, 2024"));
    EXPECT_TRUE(check("date_written", "January 2023"));
    EXPECT_TRUE(check("date_written", "Dec. 2023"));
}

TEST(Validators, DateWrittenAcceptsSpanishAndShortYears) {
    EXPECT_TRUE(check("date_written", "12 de marzo de 2019"));
    EXPECT_TRUE(check("date_written", "5 de octubre"));
    EXPECT_TRUE(check("date_written", "marzo de 2017"));
    EXPECT_TRUE(check("date_written", "enero del 2014"));
    EXPECT_TRUE(check("date_written", "Mayo 2005"));
    EXPECT_TRUE(check("date_written", "30-noviembre-2004"));
    EXPECT_TRUE(check("date_written", "15-dic-19"));
    EXPECT_TRUE(check("date_written", "1 de setiembre de 2020"));
    EXPECT_TRUE(check("date_written", "Mar 20th '22"));
    EXPECT_TRUE(check("date_written", "April 4 \u201923"));  // right single quotation mark
    EXPECT_FALSE(check("date_written", "31 de abril"));
    EXPECT_FALSE(check("date_written", "30 de febrero de 2020"));
    EXPECT_FALSE(check("date_written", "29 de febrero de 2023"));
    EXPECT_FALSE(check("date_written", "de marzo"));
    EXPECT_FALSE(check("date_written", "marzo de"));
    EXPECT_FALSE(check("date_written", "Mar 20th '2"));
}

TEST(Validators, DateNumericReadsMonthOrDayFirst) {
    EXPECT_TRUE(check("date_numeric", "1/15/2023"));
    EXPECT_TRUE(check("date_numeric", "01-15-23"));
    EXPECT_TRUE(check("date_numeric", "29/02/2024"));  // day first when month first is no date
    EXPECT_TRUE(check("date_numeric", "29/01/02"));
    EXPECT_TRUE(check("date_numeric", "21-08-05"));
    EXPECT_FALSE(check("date_numeric", "31/13/05"));
    EXPECT_FALSE(check("date_numeric", "45/12/11"));
    EXPECT_FALSE(check("date_numeric", "29/02/2023"));
    EXPECT_FALSE(check("date_numeric", "1/15/202"));
}

TEST(Validators, DateWrittenRejectsImpossibleDays) {
    EXPECT_FALSE(check("date_written", "February 30"));
    EXPECT_FALSE(check("date_written", "February 29, 2023"));
    EXPECT_FALSE(check("date_written", "April 31st"));
    EXPECT_FALSE(check("date_written", "31-SEP-2023"));
    EXPECT_FALSE(check("date_written", "Jan 0, 2023"));
    EXPECT_FALSE(check("date_written", "Jan 32"));
    EXPECT_FALSE(check("date_written", "Jan 15, 1850"));
}

TEST(Validators, DateWrittenRejectsNonDates) {
    EXPECT_FALSE(check("date_written", "January"));        // a bare month
    EXPECT_FALSE(check("date_written", "Monday 15"));      // a weekday is not a month
    EXPECT_FALSE(check("date_written", "Janu 15"));
    EXPECT_FALSE(check("date_written", "15"));
    EXPECT_FALSE(check("date_written", "2023"));
    EXPECT_FALSE(check("date_written", "Jan 15xy"));       // not an ordinal suffix
    EXPECT_FALSE(check("date_written", "Jan 123"));
    EXPECT_FALSE(check("date_written", "Jan 2023 15"));
    EXPECT_FALSE(check("date_written", "15 of 3"));
    EXPECT_FALSE(check("date_written", "the January 15"));
    EXPECT_FALSE(check("date_written", "Jan 15, 2023rd"));
    EXPECT_FALSE(check("date_written", "Jan 15 2023 2024"));
    EXPECT_FALSE(check("date_written", "Jan 15: 2023"));
    EXPECT_FALSE(check("date_written", ""));
}

TEST(Validators, SsnFormatKeepsUnissuedAreasDropsPlaceholders) {
    EXPECT_TRUE(check("us_ssn_format", "421-55-0123"));
    EXPECT_TRUE(check("us_ssn_format", "912-34-5678"));  // 9xx: not issued, still a value typed as an SSN
    EXPECT_TRUE(check("us_ssn_format", "666 21 4455"));
    EXPECT_TRUE(check("us_ssn_format", "942118765"));
    EXPECT_FALSE(check("us_ssn_format", "000-12-3456"));
    EXPECT_FALSE(check("us_ssn_format", "123-00-4567"));
    EXPECT_FALSE(check("us_ssn_format", "123-45-0000"));
    EXPECT_FALSE(check("us_ssn_format", "999-99-9999"));
    EXPECT_FALSE(check("us_ssn_format", "078-05-1120"));
    EXPECT_FALSE(check("us_ssn_format", "123-45 6789"));
    EXPECT_FALSE(check("us_ssn_format", "12345678"));
}

TEST(Validators, VinChecksTheCheckDigit) {
    EXPECT_TRUE(check("vin", "1FTFW1ET9DFC10312"));
    EXPECT_TRUE(check("vin", "2T1BR32E55C381947"));
    EXPECT_TRUE(check("vin", "JH4KA9654MC012345"));
    EXPECT_TRUE(check("vin", "5yj3e1ea5kf317220"));  // case does not matter
    EXPECT_FALSE(check("vin", "1FTFW1ET1DFC10312"));  // check digit off
    EXPECT_FALSE(check("vin", "1HGCM8263OA004352"));  // O is never used
    EXPECT_FALSE(check("vin", "11111111111111111"));  // passes the sum, one repeated character
    EXPECT_FALSE(check("vin", "12345678X01234567"));  // no letter but the check X
    EXPECT_FALSE(check("vin", "1FTFW1ET9DFC1031"));   // 16 characters
    EXPECT_FALSE(check("vin", "1FTFW1ET9DFC10312A"));
}

TEST(Validators, VinCheckDigitCanBeX) {
    // Weighted sum 10 mod 11 is written X; built so position 9 must be X.
    EXPECT_TRUE(check("vin", "1M8GDM9AXKP042788"));
    EXPECT_FALSE(check("vin", "1M8GDM9A0KP042788"));
}

TEST(Validators, Gs1GtinInUdis) {
    EXPECT_TRUE(check("gs1_gtin", "(01)00614141123452(17)261130(10)A77B(21)5512"));
    EXPECT_TRUE(check("gs1_gtin", "(01)50614141432108"));
    EXPECT_TRUE(check("gs1_gtin", "010061414199999617261130"));  // unbracketed, elements not parsed
    EXPECT_TRUE(check("gs1_gtin", "0100614141999996"));
    EXPECT_TRUE(check("gs1_gtin", "00812345678901"));  // a bare GTIN-14
    EXPECT_TRUE(check("gs1_gtin", "614141123452"));    // GTIN-12 (UPC-A)
    EXPECT_FALSE(check("gs1_gtin", "(01)00614141123453"));             // check digit off
    EXPECT_FALSE(check("gs1_gtin", "(01)00614141123452(17)261330"));   // month 13
    EXPECT_FALSE(check("gs1_gtin", "(01)00614141123452(10)A77B."));    // trailing sentence period
    EXPECT_FALSE(check("gs1_gtin", "(01)00614141123452(01)00614141123452"));
    EXPECT_FALSE(check("gs1_gtin", "(01)00000000000000"));
    EXPECT_FALSE(check("gs1_gtin", "00812345678902"));
    EXPECT_FALSE(check("gs1_gtin", "1234567"));
}

TEST(Validators, HibccMod43) {
    EXPECT_TRUE(check("hibcc", "+H123ABC45678918"));
    EXPECT_TRUE(check("hibcc", "+E218CATH22051F"));
    EXPECT_TRUE(check("hibcc", "+H123ABC4567891/$$3261231LOT7AK"));
    EXPECT_FALSE(check("hibcc", "+H123ABC45678917"));
    EXPECT_FALSE(check("hibcc", "+E218CATH22051G"));
    EXPECT_FALSE(check("hibcc", "H123ABC45678918"));   // no leading +
    EXPECT_FALSE(check("hibcc", "+1123ABC45678918"));  // labeler code starts with a letter
    EXPECT_FALSE(check("hibcc", "+H123"));
}

TEST(Validators, LabelledIdRejectsDosesDatesAndYears) {
    EXPECT_TRUE(check("labelled_id", "55012344"));
    EXPECT_TRUE(check("labelled_id", "#KX-440021"));
    EXPECT_TRUE(check("labelled_id", "KXH-550123"));
    EXPECT_TRUE(check("labelled_id", "12345678A"));
    EXPECT_TRUE(check("labelled_id", "1234567H"));  // five digits and more: an identifier, not an amount
    EXPECT_TRUE(check("labelled_id", "28 55012345 67"));  // Spanish digit groups
    EXPECT_TRUE(check("labelled_id", "550123447/12"));
    EXPECT_FALSE(check("labelled_id", "2019"));        // a year
    EXPECT_FALSE(check("labelled_id", "01/15/2023"));  // a date
    EXPECT_FALSE(check("labelled_id", "2023-01-15"));
    EXPECT_FALSE(check("labelled_id", "500MG"));
    EXPECT_FALSE(check("labelled_id", "1000ml"));
    EXPECT_FALSE(check("labelled_id", "100U"));
    EXPECT_FALSE(check("labelled_id", "118/76"));  // a blood pressure
    EXPECT_FALSE(check("labelled_id", "ABCD"));    // no digit
    EXPECT_FALSE(check("labelled_id", "#123"));
    EXPECT_FALSE(check("labelled_id", "12--3456"));
}

TEST(Validators, AgeOver89) {
    EXPECT_TRUE(check("age_over_89", "93-year-old"));
    EXPECT_TRUE(check("age_over_89", "90"));
    EXPECT_TRUE(check("age_over_89", "125 years old"));
    EXPECT_TRUE(check("age_over_89", "91yo"));
    EXPECT_FALSE(check("age_over_89", "89 yo"));
    EXPECT_FALSE(check("age_over_89", "126 years old"));
    EXPECT_FALSE(check("age_over_89", "1000"));
    EXPECT_FALSE(check("age_over_89", "years"));
}

TEST(Validators, PhoneDigitsAnyGrouping) {
    EXPECT_TRUE(check("phone_digits", "555-321-7654"));
    EXPECT_TRUE(check("phone_digits", "(123) 555-0199"));
    EXPECT_TRUE(check("phone_digits", "+46 (0)8 555 123 45"));
    EXPECT_TRUE(check("phone_digits", "93 555 12 34"));
    EXPECT_TRUE(check("phone_digits", "+447700900123"));
    EXPECT_TRUE(check("phone_digits", "(08) 5550 6301"));
    EXPECT_TRUE(check("phone_digits", "555-0123"));
    EXPECT_FALSE(check("phone_digits", "555-0123. 2"));  // a sentence end, then a number
    EXPECT_FALSE(check("phone_digits", "12345"));        // too few digits
    EXPECT_FALSE(check("phone_digits", "1234567890123456"));
    EXPECT_FALSE(check("phone_digits", "2023-01-15"));   // a date
    EXPECT_FALSE(check("phone_digits", "01.15.2023"));
    EXPECT_FALSE(check("phone_digits", "000-000-0000"));
    EXPECT_FALSE(check("phone_digits", "(617 555-0123"));  // unbalanced
    EXPECT_FALSE(check("phone_digits", "617) 555-0123"));
    EXPECT_FALSE(check("phone_digits", "617--555-0123"));
    EXPECT_FALSE(check("phone_digits", "617-555-0123-"));
    EXPECT_FALSE(check("phone_digits", "1 2 3 4 5 6 7 8"));  // more than 6 groups
}

}  // namespace
}  // namespace phimask::detail
