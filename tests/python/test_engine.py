"""Engine behaviour through Python; names follow tests/cpp/engine_test.cpp."""

from __future__ import annotations

import random
import threading

import phimask
import pytest
from conftest import PLUGINS, ssn_policy


def test_redacts_the_plugins_from_the_readme() -> None:
    engine = phimask.Engine(PLUGINS)
    r = engine.redact("Seen under MRN: 12345678 for visit ENC-20230115; MRN#9876543 too.")
    assert r.text == "Seen under {MEDICAL_RECORD_NUMBER} for visit {ENCOUNTER_ID}; {MEDICAL_RECORD_NUMBER} too."
    assert dict(r.summary.counts) == {"MEDICAL_RECORD_NUMBER": 2, "ENCOUNTER_ID": 1}
    assert r.summary.policy_version == engine.policy_version
    assert not r.blocked and not r.summary.blocked


def test_redact_default_policy(default_engine: phimask.Engine) -> None:
    r = default_engine.redact("Pt SSN 219-45-8832, call (617) 555-0142")
    assert r.text == "Pt SSN {US_SOCIAL_SECURITY_NUMBER}, call {PHONE}"
    assert [(s.type, s.detector, s.action) for s in r.spans] == [
        ("US_SOCIAL_SECURITY_NUMBER", "us_ssn", "placeholder"),
        ("PHONE", "phone", "placeholder"),
    ]


def test_result_text_has_the_input_type(ssn_engine: phimask.Engine) -> None:
    assert ssn_engine.redact("a 123-45-6789 b").text == "a {US_SOCIAL_SECURITY_NUMBER} b"
    assert ssn_engine.redact(b"a 123-45-6789 b").text == b"a {US_SOCIAL_SECURITY_NUMBER} b"
    assert type(ssn_engine.redact("x").text) is str
    assert type(ssn_engine.redact(b"x").text) is bytes


def test_placeholder_format_is_configurable() -> None:
    engine = phimask.Engine(ssn_policy(placeholder_format="[REDACTED:TYPE]"))
    assert engine.redact("a 123-45-6789 b").text == "a [REDACTED:US_SOCIAL_SECURITY_NUMBER] b"


def test_mask_keeps_the_last_characters() -> None:
    engine = phimask.Engine(
        ssn_policy(actions={"US_SOCIAL_SECURITY_NUMBER": {"action": "mask", "char": "•", "keep_last": 4}})
    )
    r = engine.redact("a 123-45-6789 b")
    assert r.text == "a •••••••6789 b"
    assert r.spans[0].action == "mask"


def test_remove_deletes_the_span() -> None:
    engine = phimask.Engine(ssn_policy(actions={"default": "remove"}))
    assert engine.redact("a 123-45-6789 b").text == "a  b"


def test_hash_is_keyed_truncated_type_prefixed_and_deterministic() -> None:
    policy = ssn_policy(actions={"default": "hash"}, hash={"length": 12})
    one = phimask.Engine(policy, hash_key="key-one")
    one_again = phimask.Engine(policy, hash_key=b"key-one")
    two = phimask.Engine(policy, hash_key="key-two")
    a = one.redact("123-45-6789").text
    assert a.startswith("{US_SOCIAL_SECURITY_NUMBER:") and len(a) == len("{US_SOCIAL_SECURITY_NUMBER:}") + 12
    assert one_again.redact("123-45-6789").text == a
    assert two.redact("123-45-6789").text != a


def test_hash_without_key_is_refused() -> None:
    with pytest.raises(phimask.HashKeyError):
        phimask.Engine(ssn_policy(actions={"default": "hash"}))


def test_block_returns_no_text_and_names_only_types() -> None:
    engine = phimask.Engine(ssn_policy(actions={"US_SOCIAL_SECURITY_NUMBER": "block"}))
    for text in ("Patient SSN 123-45-6789 and 987-65-4321.", b"Patient SSN 123-45-6789 and 987-65-4321."):
        r = engine.redact(text)
        assert r.blocked and r.summary.blocked
        assert r.text == text[:0]
        assert r.summary.blocking_types == ("US_SOCIAL_SECURITY_NUMBER",)
        assert dict(r.summary.counts) == {"US_SOCIAL_SECURITY_NUMBER": 2}
        assert "123-45" not in repr(r) and "123-45" not in repr(r.summary)
    clean = engine.redact("nothing here")
    assert not clean.blocked and clean.text == "nothing here"


def test_redact_keeps_text_outside_spans(ssn_engine: phimask.Engine) -> None:
    """Invariant 3 (OutputEqualsInputOutsideSpans): bytes input, invalid UTF-8 included; and str input."""
    rng = random.Random(7)
    parts = [
        b"123-45-6789",
        b" ",
        b"\xff",
        "é".encode(),
        "\u200b".encode(),
        b"abc",
        b"\n",
        "😀".encode(),
        b"\xc0",
        b"-9",
    ]
    for _ in range(300):
        text = b"".join(rng.choice(parts) for _ in range(rng.randrange(30)))
        for item in (text, text.decode("utf-8", "replace")):
            r = ssn_engine.redact(item)
            rebuilt, pos = item[:0], 0
            for s in r.spans:
                assert pos <= s.start
                placeholder = "{" + s.type + "}"
                rebuilt += item[pos : s.start] + (placeholder.encode() if isinstance(item, bytes) else placeholder)
                pos = s.end
            assert r.text == rebuilt + item[pos:]


def test_detect_matches_redact_spans(default_engine: phimask.Engine) -> None:
    text = "SSN 123-45-6789, call (617) 555-0123 or mail j.doe@example.org on 01/15/2023."
    assert default_engine.detect(text) == list(default_engine.redact(text).spans)
    assert isinstance(default_engine.detect(text), list)


def test_deterministic_across_engines_and_threads(default_engine: phimask.Engine) -> None:
    text = "SSN 123-45-6789, call (617) 555-0123 or mail j.doe@example.org on 01/15/2023."
    expected = default_engine.redact(text)
    loaded = phimask.Engine.from_bytes(default_engine.to_bytes())
    assert loaded.redact(text) == expected
    mismatches = []

    def work() -> None:
        for _ in range(200):
            if default_engine.redact(text) != expected:
                mismatches.append(1)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert mismatches == []


def test_empty_and_match_free_inputs(default_engine: phimask.Engine) -> None:
    assert default_engine.redact("").text == ""
    assert default_engine.redact(b"").text == b""
    assert default_engine.detect("") == []
    r = default_engine.redact("no identifiers in this sentence.")
    assert r.text == "no identifiers in this sentence." and r.spans == () and dict(r.summary.counts) == {}


def test_policy_from_a_path(tmp_path) -> None:
    import json

    path = tmp_path / "policy.json"
    path.write_text(json.dumps(PLUGINS))
    by_path = phimask.Engine(path)
    by_str = phimask.Engine(str(path))
    by_dict = phimask.Engine(PLUGINS)
    assert by_path.policy_version == by_str.policy_version == by_dict.policy_version


def test_entity_types_and_repr(ssn_engine: phimask.Engine) -> None:
    assert ssn_engine.entity_types == ["US_SOCIAL_SECURITY_NUMBER"]
    assert repr(ssn_engine) == f"phimask.Engine(policy_version={ssn_engine.policy_version!r})"


def test_engine_is_not_picklable(ssn_engine: phimask.Engine) -> None:
    import pickle

    with pytest.raises(TypeError, match=r"Engine\.load"):
        pickle.dumps(ssn_engine)
