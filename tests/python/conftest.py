"""Shared engines and fixtures for the Python tests (the engines mirror tests/cpp/test_util.h)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import phimask
import pytest

#: A plugin-only policy, independent of the shipped packs (as kDigits in engine_test.cpp): compiles in milliseconds.
SSN_LIKE = {
    "packs": [],
    "detectors": [
        {"name": "ssn_like", "type": "US_SOCIAL_SECURITY_NUMBER", "pattern": r"\b\d{3}-\d{2}-\d{4}\b", "score": 0.9}
    ],
}

#: The two plugins of the README's policy example.
PLUGINS = {
    "packs": [],
    "detectors": [
        {"name": "hospital_mrn", "type": "MEDICAL_RECORD_NUMBER", "pattern": r"MRN[:# ]*\d{7,10}", "score": 0.9},
        {
            "name": "encounter_id",
            "type": "ENCOUNTER_ID",
            "pattern": r"ENC-\d{8}",
            "score": 0.9,
            "context": ["encounter", "visit"],
            "context_window": 40,
        },
    ],
}


def ssn_policy(**extra: Any) -> dict[str, Any]:
    """SSN_LIKE with extra top-level fields (actions, placeholder_format...)."""
    return {**json.loads(json.dumps(SSN_LIKE)), **extra}


@pytest.fixture(scope="session")
def ssn_engine() -> phimask.Engine:
    return phimask.Engine(SSN_LIKE)


@pytest.fixture(scope="session")
def default_engine() -> phimask.Engine:
    return phimask.default_engine()


@pytest.fixture
def client(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """A real boto3 bedrock-runtime client with dummy credentials, for botocore's Stubber (offline)."""
    boto3 = pytest.importorskip("boto3")
    for var in ("AWS_PROFILE", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    yield boto3.client("bedrock-runtime")
