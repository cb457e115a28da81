"""Errors: classes per core ErrorCode, policy pointers, and no input text in any message."""

from __future__ import annotations

import phimask
import pytest
from conftest import SSN_LIKE, ssn_policy

SECRET = "Jane Roe SSN 123-45-6789 MRN 55501234"


def assert_no_secret(error: BaseException) -> None:
    message = str(error) + repr(error) + repr(error.args)
    for piece in ("Jane", "Roe", "123-45", "6789", "55501234"):
        assert piece not in message


def test_hierarchy() -> None:
    for cls in (
        phimask.PolicyError,
        phimask.InputError,
        phimask.EngineFileError,
        phimask.HashKeyError,
        phimask.FileError,
        phimask.InternalError,
        phimask.VaultError,
    ):
        assert issubclass(cls, phimask.PhimaskError)
    assert issubclass(phimask.PolicyError, ValueError)
    assert issubclass(phimask.InputError, ValueError)
    assert issubclass(phimask.FileError, OSError)
    assert issubclass(phimask.VaultError, ValueError)


def test_policy_error_names_pointer_and_detector() -> None:
    policy = {
        "packs": [],
        "detectors": [{"name": "hospital_mrn", "type": "MEDICAL_RECORD_NUMBER", "pattern": "MRN(\\d"}],
    }
    with pytest.raises(phimask.PolicyError) as info:
        phimask.Engine(policy)
    assert info.value.pointer == "/detectors/0/pattern"
    assert info.value.detector == "hospital_mrn"
    assert "/detectors/0/pattern" in str(info.value) and "hospital_mrn" in str(info.value)


def test_policy_error_for_a_bad_field() -> None:
    with pytest.raises(phimask.PolicyError) as info:
        phimask.Engine({"packs": [], "min_score": "high"})
    assert info.value.pointer == "/min_score"


def test_unknown_pack_is_a_policy_error() -> None:
    with pytest.raises(phimask.PolicyError) as info:
        phimask.Engine({"packs": ["no_such_pack"]})
    assert info.value.pointer.startswith("/packs/0")


def test_missing_policy_file_is_a_file_error(tmp_path) -> None:
    with pytest.raises(phimask.FileError):
        phimask.Engine(tmp_path / "missing.json")


def test_too_large_input_fails_closed_without_quoting_it() -> None:
    engine = phimask.Engine(SSN_LIKE, max_input_bytes=16)
    for text in (SECRET, SECRET.encode()):
        with pytest.raises(phimask.InputError) as info:
            engine.redact(text)
        assert_no_secret(info.value)
        with pytest.raises(phimask.InputError) as info:
            engine.detect(text)
        assert_no_secret(info.value)


def test_lone_surrogate_is_an_input_error_with_its_index(ssn_engine: phimask.Engine) -> None:
    text = SECRET + " \udc80 tail"
    with pytest.raises(phimask.InputError) as info:
        ssn_engine.redact(text)
    assert f"index {len(SECRET) + 1}" in str(info.value)
    assert_no_secret(info.value)
    assert info.value.__cause__ is None and info.value.__context__ is None
    with pytest.raises(phimask.InputError):
        ssn_engine.detect(text)


def test_wrong_argument_types_name_the_call(ssn_engine: phimask.Engine) -> None:
    with pytest.raises(TypeError, match=r"Engine\.redact\(\) expects str or bytes"):
        ssn_engine.redact(123)  # type: ignore[call-overload]
    with pytest.raises(TypeError, match=r"Engine\.detect\(\) expects str or bytes"):
        ssn_engine.detect(bytearray(b"x"))  # type: ignore[call-overload]
    with pytest.raises(TypeError, match=r"Engine\(\) expects policy"):
        phimask.Engine(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="hash_key"):
        phimask.Engine(SSN_LIKE, hash_key=1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"Engine\.load\(\)"):
        phimask.Engine.load(None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="max_input_bytes"):
        phimask.Engine(SSN_LIKE, max_input_bytes=-1)


def test_hash_key_error() -> None:
    with pytest.raises(phimask.HashKeyError) as info:
        phimask.Engine(ssn_policy(actions={"default": "hash"}))
    assert isinstance(info.value, phimask.PhimaskError)
