// StreamRedactor and StreamRestorer: the output of a stream equals block mode
// for every way of cutting the input. Every value is synthetic.
#include <random>
#include <string>
#include <vector>

#include "phimask/stream.h"
#include "test_util.h"

namespace phimask::test {
namespace {

const Engine& full_engine() {
    static const Engine engine = engine_from(R"({"packs": ["us_core", "us_names", "us_places"]})");
    return engine;
}

const Engine& token_engine() {
    static const Engine engine =
        engine_from(R"({"packs": ["us_core", "us_names", "us_places"], "actions": {"default": "token"}})");
    return engine;
}

/// Texts that exercise every kind of detector, list and context rule, and
/// the non-ASCII paths of normalization.
std::vector<std::string> varied_texts() {
    std::vector<std::string> texts = {
        "Patient: Maria Gonzalez (DOB 03/14/1962), MRN: 4471-2290-13, seen 2023-01-15 by Dr. Alan Whitfield.\n"
        "Care team: Dr. Priya Raman, Okafor, Lindqvist and Tran. Call (617) 555-0142 or fax 617.555.0199.\n"
        "SSN 219-45-8832; email maria.gonzalez@example.org; portal https://portal.example.net/pt/88213?x=1\n"
        "Lives at 1842 Maple Avenue, Apt 4B, Springfield, IL 62704 with her son Dmitri.\n"
        "Follow-up on January 15th, 2024; card 4111 1111 1111 1111; IP 10.20.30.40 and fe80::1ff:fe23:4567:890a.\n",

        "Nota: la paciente Lucía Fernández ingresó el 12 de marzo de 2019 en Valencia.\n"
        "Tel. ６１７-５５５-０１４２, SSN 219\u200b-45-8832, fecha 15/01/2023. Médico: Dr. José Martínez.\n"
        "Seen by DR. ELENA  MORALES\tand Dr. K. O'Brien-Smythe on 3rd of May 2022; NPI 1234567893.\n",

        "{\"ts\":\"2024-05-01T10:30:00Z\",\"msg\":\"login ok\",\"user\":\"jane.doe@example.com\",\"ip\":\"192.168.1.20\"}\n"
        "{\"ts\":\"2024-05-01T10:31:00Z\",\"msg\":\"patient John Carter called from 555-867-5309\"}\n"
        "                                                                                                    "
        "Harold Finch\n"
        "-----------------------------------------------------------------------------------------------------"
        "--- Amelia Pond, Rory Williams, Clara Oswald, Martha Jones and Donna Noble attended on 02/29/2024.\n",

        // Decided by what follows: context words after a value, a cue after a
        // name, a list that ends with a known name, a name alone on its line.
        "Reach me at 555-0142 (home phone) or 4471 2290 (pager number) after 3/14, the date of surgery.\n"
        "Mehrudin shouted at Todd. Monjeau, Graves and Reed signed. Vsevolod: \"Who are you?\"\n"
        "Rosalind Whitcombe\n"
        "Medical record number:   88213-4471-X2 and health plan member id ZQX-4471-2290-88.\n"
        "He lives at the old mill on Route 9 near 14 Harbor Road, Gloucester, MA 01930-2211 since 2019.\n",

        "No PHI here at all, just a long sentence about lisinopril and metformin dosing in CKD stage 3, "
        "with creatinine 2.1 mg/dL and eGFR 38, repeated to pass the hold-back several times over; "
        "and again: lisinopril, metformin, creatinine, eGFR, stage 3 CKD, nothing to redact in it.",
    };
    // Seeded mixtures of fragments: values next to each other, at every distance.
    const std::vector<std::string> fragments = {
        "Dr. Helen Park", " ", "617-555-0142", ", ", "SSN 219-45-8832", "\n", "on 04/05/2021", " and ",
        "Samuel Okonkwo", "MRN# 99812345", "; ", "a.b@example.com", "\t", "Boston, MA 02115", "Mr. Li", ".",
        "visited 12 Elm Street", " x ", "Priya", "née Schmidt", "zip 02139", "\u00e9t\u00e9", "\u2014",
        " (cell phone)", "Whitcombe and Reed", "Mehrudin shouted", "\nOlu Adeyemi\n", "ZIP code",
        "medical record number: 88213-4471", " on 3/14 (date of birth)",
    };
    std::mt19937 rng(20261206);
    for (int t = 0; t < 3; ++t) {
        std::string text;
        while (text.size() < 900) text += fragments[rng() % fragments.size()];
        texts.push_back(text);
    }
    return texts;
}

struct Streamed {
    std::string text;
    std::vector<Span> spans;
    bool ok = true;
};

/// Streams `text` cut at `cuts` (increasing offsets).
Streamed stream_with_cuts(const Engine& engine, const std::string& text, const std::vector<std::size_t>& cuts,
                          Vault* vault = nullptr) {
    StreamRedactor stream = vault != nullptr ? StreamRedactor(engine, *vault) : StreamRedactor(engine);
    Streamed got;
    StreamOutput out;
    std::size_t at = 0;
    auto take = [&](Status s) {
        got.ok = got.ok && s.ok();
        got.text += out.text;
        got.spans.insert(got.spans.end(), out.spans.begin(), out.spans.end());
        EXPECT_LE(stream.held_bytes(), StreamRedactor::max_hold_back(engine));
    };
    for (std::size_t cut : cuts) {
        take(stream.push(std::string_view(text).substr(at, cut - at), out));
        at = cut;
    }
    take(stream.push(std::string_view(text).substr(at), out));
    take(stream.finish(out));
    return got;
}

TEST(StreamRedactor, TheDefaultPackHoldsBackAtMost256Bytes) {
    EXPECT_LE(StreamRedactor::max_hold_back(full_engine()), 256u);
}

TEST(StreamRedactor, EveryTwoPieceSplitEqualsBlockMode) {
    for (const std::string& text : varied_texts()) {
        auto block = full_engine().redact(text);
        ASSERT_TRUE(block.ok());
        for (std::size_t k = 0; k <= text.size(); ++k) {
            const Streamed got = stream_with_cuts(full_engine(), text, {k});
            ASSERT_TRUE(got.ok);
            ASSERT_EQ(got.text, block->text) << "split at " << k;
            ASSERT_EQ(got.spans, block->spans) << "split at " << k;
        }
    }
}

TEST(StreamRedactor, SmallAndRandomChunksEqualBlockMode) {
    std::mt19937 rng(7);
    for (const std::string& text : varied_texts()) {
        auto block = full_engine().redact(text);
        ASSERT_TRUE(block.ok());
        for (std::size_t size : {1u, 2u, 3u, 16u, 100u, 4096u}) {
            std::vector<std::size_t> cuts;
            for (std::size_t k = size; k < text.size(); k += size) cuts.push_back(k);
            EXPECT_EQ(stream_with_cuts(full_engine(), text, cuts).text, block->text) << "chunks of " << size;
        }
        for (int round = 0; round < 20; ++round) {
            std::vector<std::size_t> cuts;
            for (std::size_t k = rng() % 40; k < text.size(); k += 1 + rng() % 60) cuts.push_back(k);
            EXPECT_EQ(stream_with_cuts(full_engine(), text, cuts).text, block->text);
        }
    }
}

TEST(StreamRedactor, TokensAreNumberedAsInBlockModeAndShareTheConversationVault) {
    const std::string text = varied_texts()[0] + varied_texts()[0];
    Vault block_vault, stream_vault;
    auto block = token_engine().redact(text, block_vault);
    ASSERT_TRUE(block.ok());
    std::vector<std::size_t> cuts;
    for (std::size_t k = 5; k < text.size(); k += 5) cuts.push_back(k);
    const Streamed got = stream_with_cuts(token_engine(), text, cuts, &stream_vault);
    EXPECT_EQ(got.text, block->text);
    EXPECT_EQ(stream_vault.size(), block_vault.size());
    EXPECT_EQ(stream_vault.restore(got.text).text, text);
}

TEST(StreamRedactor, ReleasesTextBeforeTheEndAndNothingThatCouldStillBeAValue) {
    StreamRedactor stream(full_engine());
    StreamOutput out;
    std::string released;
    const std::string text = std::string(400, 'a') + " call 617-555-0142 now " + std::string(400, 'b');
    for (char c : text) {
        ASSERT_TRUE(stream.push(std::string_view(&c, 1), out).ok());
        released += out.text;
        // Whatever was released is final: no digit of the phone ever leaks.
        EXPECT_EQ(released.find("555"), std::string::npos);
    }
    EXPECT_GT(released.size(), 400u);
    ASSERT_TRUE(stream.finish(out).ok());
    released += out.text;
    EXPECT_EQ(released, std::string(400, 'a') + " call {PHONE} now " + std::string(400, 'b'));
    EXPECT_EQ(stream.summary().counts.at("PHONE"), 1u);
}

TEST(StreamRedactor, ABlockedValueStopsTheStream) {
    const Engine engine = engine_from(R"({"packs": ["us_core"], "actions": {"US_SOCIAL_SECURITY_NUMBER": "block"}})");
    StreamRedactor stream(engine);
    StreamOutput out;
    std::string released;
    const std::string text = std::string(300, 'x') + " SSN 219-45-8832 " + std::string(300, 'y');
    for (std::size_t k = 0; k < text.size(); k += 10) {
        ASSERT_TRUE(stream.push(std::string_view(text).substr(k, 10), out).ok());
        released += out.text;
    }
    ASSERT_TRUE(stream.finish(out).ok());
    released += out.text;
    EXPECT_TRUE(stream.blocked());
    EXPECT_EQ(stream.summary().blocking_types, std::vector<std::string>{"US_SOCIAL_SECURITY_NUMBER"});
    EXPECT_EQ(released.find("219"), std::string::npos);
    EXPECT_EQ(released.find('y'), std::string::npos);
}

TEST(StreamRedactor, RefusesInputAfterFinish) {
    StreamRedactor stream(full_engine());
    StreamOutput out;
    ASSERT_TRUE(stream.finish(out).ok());
    EXPECT_EQ(stream.push("more", out).code(), ErrorCode::kInput);
}

TEST(StreamRedactor, FailsClosedOnAValueStuffedBeyondTheHoldLimit) {
    StreamRedactor stream(full_engine());
    StreamOutput out;
    std::string zero_width;
    for (int i = 0; i < 1000; ++i) zero_width += "\u200b";
    Status s;
    std::string released;
    for (int i = 0; i < 40 && s.ok(); ++i) {
        s = stream.push(zero_width, out);
        released += out.text;
    }
    EXPECT_EQ(s.code(), ErrorCode::kInput);
    EXPECT_EQ(stream.push("617-555-0142", out).code(), ErrorCode::kInput);
    EXPECT_TRUE(out.text.empty());
}

TEST(StreamRestorer, RestoresTokensSplitAcrossChunksAsRestoreDoes) {
    Vault vault;
    auto r = token_engine().redact("Dr. Maria Gonzalez, 617-555-0142, seen 01/15/2023.", vault);
    ASSERT_TRUE(r.ok());
    const std::string answer = "Tell {NAME_1}'s team to call { phone_1 } before {DATE_\n1}; ask {NAME_9}. {not a token";
    const RestoreResult block = vault.restore(answer);
    for (std::size_t size = 1; size <= answer.size(); ++size) {
        StreamRestorer restorer(vault);
        std::string out;
        for (std::size_t k = 0; k < answer.size(); k += size) {
            restorer.push(std::string_view(answer).substr(k, size), out);
            EXPECT_LE(restorer.held_bytes(), 2 * 96u);
        }
        restorer.finish(out);
        EXPECT_EQ(out, block.text) << "chunks of " << size;
        EXPECT_EQ(restorer.restored(), block.restored);
        EXPECT_EQ(restorer.unknown(), block.unknown);
    }
}

TEST(StreamRedactor, SurrogatesAreDrawnAsInBlockModeAndRestoredFromAStream) {
    const Engine engine = engine_from(R"({"packs": ["us_core", "us_names"], "actions": {"default": "surrogate"}})");
    const std::string key(32, 'k');
    Vault seed;
    ASSERT_TRUE(engine.redact("Dr. Ann Lee, 617-555-0100", seed).ok());  // draws the vault's secret
    auto sealed = seed.seal(key);
    ASSERT_TRUE(sealed.ok());
    auto block_vault = Vault::unseal(*sealed, key);
    auto stream_vault = Vault::unseal(*sealed, key);
    ASSERT_TRUE(block_vault.ok() && stream_vault.ok());
    const std::string text = varied_texts()[0] + varied_texts()[4];
    auto block = engine.redact(text, *block_vault);
    ASSERT_TRUE(block.ok());
    ASSERT_NE(block->text.find("@example."), std::string::npos);  // surrogates, not tokens
    std::vector<std::size_t> cuts;
    for (std::size_t k = 7; k < text.size(); k += 7) cuts.push_back(k);
    EXPECT_EQ(stream_with_cuts(engine, text, cuts, &*stream_vault).text, block->text);

    // The model answers with the surrogates, reworded around them; restore them from any cut.
    const std::string answer = "Summary: " + block->text + " -- end";
    const RestoreResult whole = stream_vault->restore(answer);
    EXPECT_GT(whole.restored, 5u);
    for (std::size_t size : {1u, 2u, 5u, 13u, 64u, 1000u}) {
        StreamRestorer restorer(*stream_vault);
        std::string out;
        for (std::size_t k = 0; k < answer.size(); k += size) restorer.push(std::string_view(answer).substr(k, size), out);
        restorer.finish(out);
        EXPECT_EQ(out, whole.text) << "chunks of " << size;
        EXPECT_EQ(restorer.restored(), whole.restored);
    }
}

}  // namespace
}  // namespace phimask::test
