"""Offsets in the caller's unit: str indices for str, byte offsets for bytes.

Mirrors tests/cpp/offsets_test.cpp through the engine: text[s.start:s.end] is
always the matched text, whatever comes before it.
"""

from __future__ import annotations

import phimask
import pytest

PREFIXES = {
    "ascii": "Patient note: ",
    "emoji": "😀🎉 note ",
    "zwj_sequence": "family 👩\u200d👩\u200d👧\u200d👦 note ",
    "combining_marks": "Jose\u0301 Zo\u0308e ",
    "cjk": "患者の記録 ",
    "nbsp": "SSN:\u00a0",
    "rtl": "مريض ",
    "astral_math": "𝐀𝐁𝐂 ",
}


def check_slices(engine: phimask.Engine, text: str, expected: list[tuple[str, str]]) -> None:
    spans = engine.detect(text)
    assert [(s.type, text[s.start : s.end]) for s in spans] == expected
    data = text.encode("utf-8")
    byte_spans = engine.detect(data)
    assert [(s.type, data[s.start : s.end]) for s in byte_spans] == [(t, v.encode()) for t, v in expected]
    assert [(s.type, text[s.start : s.end]) for s in engine.redact(text).spans] == expected


@pytest.mark.parametrize("name", sorted(PREFIXES))
def test_slicing_gives_the_matched_text(default_engine: phimask.Engine, name: str) -> None:
    text = PREFIXES[name] + "SSN 123-45-6789, call 617-555-0123 é 👍"
    check_slices(default_engine, text, [("US_SOCIAL_SECURITY_NUMBER", "123-45-6789"), ("PHONE", "617-555-0123")])


def test_full_width_digits_are_found_and_sliced(default_engine: phimask.Engine) -> None:
    text = "😀 SSN １２３-４５-６７８９ on file"
    check_slices(default_engine, text, [("US_SOCIAL_SECURITY_NUMBER", "１２３-４５-６７８９")])
    r = default_engine.redact(text)
    assert r.text == "😀 SSN {US_SOCIAL_SECURITY_NUMBER} on file"


def test_zero_width_inside_a_match_stays_in_the_span(default_engine: phimask.Engine) -> None:
    text = "👩\u200d⚕️ SSN 123-45\u200b-6789."
    spans = default_engine.detect(text)
    assert [text[s.start : s.end] for s in spans] == ["123-45\u200b-6789"]


def test_ascii_is_identity(ssn_engine: phimask.Engine) -> None:
    text = "a 123-45-6789 b"
    [s] = ssn_engine.detect(text)
    [b] = ssn_engine.detect(text.encode())
    assert (s.start, s.end) == (b.start, b.end) == (2, 13)


def test_str_and_bytes_offsets_differ_after_non_ascii(ssn_engine: phimask.Engine) -> None:
    text = "café ☕ SSN 123-45-6789."
    [s] = ssn_engine.detect(text)
    [b] = ssn_engine.detect(text.encode())
    assert (s.start, s.end) == (11, 22)
    assert (b.start, b.end) == (14, 25)


def test_invalid_utf8_bytes_count_one_byte_each(ssn_engine: phimask.Engine) -> None:
    data = b"\xff\xfe SSN 123-45-6789 \xc0"
    r = ssn_engine.redact(data)
    [s] = r.spans
    assert data[s.start : s.end] == b"123-45-6789"
    assert r.text == b"\xff\xfe SSN {US_SOCIAL_SECURITY_NUMBER} \xc0"


def test_many_spans_in_long_mixed_text(ssn_engine: phimask.Engine) -> None:
    pieces = [f"{p}{i:03d}-45-6789 " for i, p in enumerate(["é", "😀", "中", "-", "\u0301"] * 40, start=100)]
    text = "".join(pieces)
    spans = ssn_engine.detect(text)
    assert len(spans) == len(pieces)
    assert all(text[s.start : s.end].endswith("-45-6789") for s in spans)
