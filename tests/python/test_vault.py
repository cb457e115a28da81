"""The token action and the Vault, from Python (mirrors tests/cpp/vault_test.cpp). Every value is synthetic."""

from __future__ import annotations

import os
import pickle
import threading

import phimask
import pytest

KEY = b"k" * 32


@pytest.fixture(scope="module")
def engine() -> phimask.Engine:
    return phimask.Engine({"packs": ["us_core", "us_names"], "actions": {"default": "token"}})


def test_the_same_value_gets_the_same_token_within_a_conversation(engine: phimask.Engine) -> None:
    vault = phimask.Vault()
    first = engine.redact("Call 617-555-0142 or (617) 555-0199, SSN 219-45-8832.", vault=vault)
    assert first.text == "Call {PHONE_1} or {PHONE_2}, SSN {US_SOCIAL_SECURITY_NUMBER_1}."
    assert [s.action for s in first.spans] == ["token"] * 3
    again = engine.redact("Again: +1 617.555.0142; the SSN was 219 45 8832.", vault=vault)
    assert again.text == "Again: {PHONE_1}; the SSN was {US_SOCIAL_SECURITY_NUMBER_1}."
    assert len(vault) == 3
    assert repr(vault) == "Vault(values=3)"


def test_offsets_and_bytes_work_as_for_any_action(engine: phimask.Engine) -> None:
    vault = phimask.Vault()
    text = "😀 SSN 219-45-8832"
    [span] = engine.redact(text, vault=vault).spans
    assert text[span.start : span.end] == "219-45-8832"
    assert engine.redact(text.encode(), vault=vault).text == "😀 SSN {US_SOCIAL_SECURITY_NUMBER_1}".encode()


def test_restore_puts_the_originals_back(engine: phimask.Engine) -> None:
    vault = phimask.Vault()
    prompt = engine.redact("Maria Gonzalez (SSN 219-45-8832) called 617-555-0142.", vault=vault).text
    assert prompt == "{NAME_1} (SSN {US_SOCIAL_SECURITY_NUMBER_1}) called {PHONE_1}."
    answer = "'{NAME_1}'s SSN is { us_social_security_number_1 }; call {PHONE_\n1}. {NAME_2} is new."
    restored = vault.restore(answer)
    assert restored.text == "'Maria Gonzalez's SSN is 219-45-8832; call 617-555-0142. {NAME_2} is new."
    assert (restored.restored, restored.unknown) == (3, ("{NAME_2}",))
    assert "Maria" not in repr(restored)
    assert vault.restore(answer.encode()).text == restored.text.encode()


def test_sealed_vaults_open_only_with_their_key(engine: phimask.Engine) -> None:
    vault = phimask.Vault()
    engine.redact("Maria Gonzalez, SSN 219-45-8832", vault=vault)
    sealed = vault.seal(KEY)
    assert b"Gonzalez" not in sealed and b"219-45" not in sealed
    opened = phimask.Vault.unseal(sealed, KEY)
    assert opened.restore("{NAME_1}").text == "Maria Gonzalez"
    assert engine.redact("John Smith and Maria Gonzalez", vault=opened).text == "{NAME_2} and {NAME_1}"
    for data, key in ((sealed, os.urandom(32)), (sealed[:-1] + bytes([sealed[-1] ^ 1]), KEY), (b"nope", KEY)):
        with pytest.raises(phimask.VaultError) as info:
            phimask.Vault.unseal(data, key)
        assert "Gonzalez" not in str(info.value)
    with pytest.raises(phimask.VaultError, match="32 bytes"):
        vault.seal(b"short")
    with pytest.raises(TypeError, match="key as bytes"):
        vault.seal("k" * 32)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="does not pickle"):
        pickle.dumps(vault)
    with pytest.raises(TypeError, match="phimask.Vault"):
        engine.redact("x", vault={})  # type: ignore[arg-type]


def test_a_vault_shared_by_threads_stays_consistent(engine: phimask.Engine) -> None:
    vault = phimask.Vault()
    numbers = [f"SSN 219-45-{8000 + i}" for i in range(40)]

    def work() -> None:
        for text in numbers:
            engine.redact(text, vault=vault)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(vault) == 40
    tokens = {engine.redact(text, vault=vault).text for text in numbers}
    assert tokens == {f"SSN {{US_SOCIAL_SECURITY_NUMBER_{n}}}" for n in range(1, 41)}


def test_the_default_engine_takes_a_vault_too() -> None:
    vault = phimask.Vault()
    assert phimask.redact("SSN 219-45-8832", vault=vault).text == "SSN {US_SOCIAL_SECURITY_NUMBER}"
    assert len(vault) == 0  # the default policy's action is the placeholder
    with pytest.raises(TypeError, match="phimask.Vault"):
        phimask.redact("x", vault={})  # type: ignore[arg-type]
