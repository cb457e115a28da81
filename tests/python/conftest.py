"""Shared engines for the Python tests (mirroring tests/cpp/test_util.h)."""

from __future__ import annotations

import json
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
