"""Engine files; names follow tests/cpp/serialize_test.cpp."""

from __future__ import annotations

import phimask
import pytest
from conftest import PLUGINS, ssn_policy

TEXT = "Seen under MRN: 12345678 for visit ENC-20230115; SSN 123-45-6789."


def test_save_and_load_a_file(tmp_path) -> None:
    engine = phimask.Engine(PLUGINS)
    path = tmp_path / "engine.bin"
    engine.save(path)
    loaded = phimask.Engine.load(path)
    assert loaded.policy_version == engine.policy_version
    assert loaded.redact(TEXT) == engine.redact(TEXT)
    assert phimask.Engine.load(str(path)).redact(TEXT) == engine.redact(TEXT)


def test_round_trip_gives_identical_results(default_engine: phimask.Engine) -> None:
    loaded = phimask.Engine.from_bytes(default_engine.to_bytes())
    assert loaded.redact(TEXT) == default_engine.redact(TEXT)
    assert loaded.to_bytes() == default_engine.to_bytes()


def test_refuses_corrupt_truncated_and_foreign_files(tmp_path) -> None:
    data = phimask.Engine(PLUGINS).to_bytes()
    flipped = bytearray(data)
    flipped[len(flipped) // 2] ^= 0xFF
    for bad in (data[: len(data) // 2], bytes(flipped), b"not an engine at all"):
        with pytest.raises(phimask.EngineFileError):
            phimask.Engine.from_bytes(bad)
        path = tmp_path / "bad.bin"
        path.write_bytes(bad)
        with pytest.raises(phimask.EngineFileError):
            phimask.Engine.load(path)
    with pytest.raises(phimask.FileError):
        phimask.Engine.load(tmp_path / "missing.bin")


def test_the_key_is_not_stored_and_must_be_given_again() -> None:
    policy = ssn_policy(actions={"default": "hash"})
    data = phimask.Engine(policy, hash_key="k1").to_bytes()
    assert b"k1" not in data
    with pytest.raises(phimask.HashKeyError):
        phimask.Engine.from_bytes(data)
    a = phimask.Engine.from_bytes(data, hash_key="k1").redact("123-45-6789").text
    assert a == phimask.Engine(policy, hash_key="k1").redact("123-45-6789").text


def test_save_to_an_unwritable_path_is_a_file_error(tmp_path) -> None:
    with pytest.raises(phimask.FileError):
        phimask.Engine(PLUGINS).save(tmp_path / "no" / "such" / "dir" / "engine.bin")
