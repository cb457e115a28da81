"""The surrogate action from Python (mirrors tests/cpp/surrogate_test.cpp). Every value is synthetic."""

from __future__ import annotations

import datetime
import pathlib
import re

import phimask
import pytest

KEY = b"k" * 32
FORMAT1 = pathlib.Path(__file__).parent.parent / "data" / "vaults" / "format1.bin"
TEXT = "Maria Gonzalez, SSN 219-45-8832, phone (617) 555-0142, card 4111 1111 1111 1111, seen 01/15/2023."


@pytest.fixture(scope="module")
def engine() -> phimask.Engine:
    return phimask.Engine(
        {
            "packs": ["us_core", "us_names"],
            "actions": {"default": "surrogate"},
            "deny_list": [{"type": "NAME", "terms": ["Maria Gonzalez"]}],
        }
    )


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def after(prefix: str, text: str) -> str:
    assert text.startswith(prefix), text
    return text[len(prefix) :]


def test_consistent_within_a_vault_and_independent_across_vaults(engine: phimask.Engine) -> None:
    vault = phimask.Vault()
    first = engine.redact(TEXT, vault=vault)
    assert [s.action for s in first.spans] == ["surrogate"] * 5
    assert engine.redact(TEXT, vault=vault).text == first.text
    for value in ("Gonzalez", "8832", "555-0142", "1111 1111", "01/15/2023"):
        assert value not in first.text
    assert engine.redact(TEXT, vault=phimask.Vault()).text != first.text
    assert engine.redact(TEXT).text != engine.redact(TEXT).text  # a fresh vault per call


def test_format_and_check_digits_are_kept(engine: phimask.Engine) -> None:
    for _ in range(5):
        vault = phimask.Vault()
        card = after("card ", engine.redact("card 4111 1111 1111 1111", vault=vault).text)
        assert re.fullmatch(r"\d{4} \d{4} \d{4} \d{4}", card) and card != "4111 1111 1111 1111"
        assert luhn_ok(card.replace(" ", ""))
        ssn = after("SSN ", engine.redact("SSN 219-45-8832", vault=vault).text)
        assert re.fullmatch(r"\d{3}-\d{2}-\d{4}", ssn) and ssn != "219-45-8832"
        assert engine.detect("SSN " + ssn)[0].type == "US_SOCIAL_SECURITY_NUMBER"  # the validator accepts it


def test_dates_shift_by_one_offset(engine: phimask.Engine) -> None:
    vault = phimask.Vault()
    a = after("on ", engine.redact("on 01/15/2023", vault=vault).text)
    b = after("on ", engine.redact("on 2023-03-01", vault=vault).text)
    da = datetime.datetime.strptime(a, "%m/%d/%Y").date()
    db = datetime.date.fromisoformat(b)
    shift = (da - datetime.date(2023, 1, 15)).days
    assert shift != 0 and abs(shift) <= 365
    assert (db - da).days == (datetime.date(2023, 3, 1) - datetime.date(2023, 1, 15)).days


def test_restore_round_trip_and_names_in_any_case(engine: phimask.Engine) -> None:
    vault = phimask.Vault()
    prompt = engine.redact(TEXT, vault=vault).text
    assert vault.restore(prompt).text == TEXT
    name = prompt.split(",")[0]
    restored = vault.restore(f"Dear {name.upper()}, and {name}x.")
    assert restored.text == f"Dear Maria Gonzalez, and {name}x."
    assert restored.restored == 1 and "Maria" not in repr(restored)
    assert vault.restore(prompt.encode()).text == TEXT.encode()


def test_sealed_vault_keeps_surrogates_and_format_one_opens(engine: phimask.Engine) -> None:
    vault = phimask.Vault()
    prompt = engine.redact(TEXT, vault=vault).text
    sealed = vault.seal(KEY)
    assert b"Gonzalez" not in sealed and prompt.split(",")[0].encode() not in sealed
    opened = phimask.Vault.unseal(sealed, KEY)
    assert engine.redact(TEXT, vault=opened).text == prompt
    old = phimask.Vault.unseal(FORMAT1.read_bytes(), KEY)
    assert old.restore("{US_SOCIAL_SECURITY_NUMBER_1}").text == "219-45-8832"
    ssn = after("SSN ", engine.redact("SSN 219-45-8832", vault=old).text)
    assert ssn != "219-45-8832" and old.restore(ssn).text == "219-45-8832"


def test_errors_name_no_value(engine: phimask.Engine) -> None:
    vault = phimask.Vault()
    prompt = engine.redact(TEXT, vault=vault).text
    sealed = vault.seal(KEY)
    with pytest.raises(phimask.VaultError) as info:
        phimask.Vault.unseal(sealed[:-1] + bytes([sealed[-1] ^ 1]), KEY)
    for value in ("Maria", "8832", prompt.split(",")[0]):
        assert value not in str(info.value)
    with pytest.raises(phimask.PolicyError, match="token or surrogate"):
        phimask.Engine({"packs": [], "actions": {"default": "surrogates"}})
