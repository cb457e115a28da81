"""examples/lambda_bedrock/handler.py, run as Lambda would, against botocore's Stubber.

No network: dummy credentials and region come from the environment. Every
value below is synthetic.
"""

from __future__ import annotations

import importlib.util
import io
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from phimask.logging import RedactingFilter

HANDLER = Path(__file__).resolve().parents[2] / "examples" / "lambda_bedrock" / "handler.py"
SSN = "219-45-8832"
PHONE = "(617) 555-0142"
NAME = "Maria Alvarez"


@dataclass
class Lambda:
    module: ModuleType
    log: io.StringIO  # what the runtime's log handler wrote


@pytest.fixture
def lam(monkeypatch: pytest.MonkeyPatch) -> Iterator[Lambda]:
    """The handler module imported as the Lambda runtime would: its log handler already on the root logger."""
    pytest.importorskip("boto3")
    for var in ("AWS_PROFILE", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("MODEL_ID", "test-model")
    root = logging.getLogger()
    level = root.level
    stream = io.StringIO()
    runtime_handler = logging.StreamHandler(stream)
    runtime_handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
    root.addHandler(runtime_handler)
    spec = importlib.util.spec_from_file_location("phimask_example_lambda_handler", HANDLER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
        yield Lambda(module, stream)
    finally:
        root.removeHandler(runtime_handler)
        root.setLevel(level)
        for target in [root, *root.handlers]:
            for f in [f for f in target.filters if isinstance(f, RedactingFilter)]:
                target.removeFilter(f)


def converse_response(text: str) -> dict[str, Any]:
    return {
        "output": {"message": {"role": "assistant", "content": [{"text": text}]}},
        "stopReason": "end_turn",
        "usage": {"inputTokens": 20, "outputTokens": 10, "totalTokens": 30},
        "metrics": {"latencyMs": 100},
    }


def test_handler_redacts_prompt_answer_and_logs(lam: Lambda) -> None:
    from botocore.stub import Stubber  # type: ignore[import-untyped,unused-ignore]

    prompt = f"Patient {NAME}, SSN {SSN}, asks to be called at {PHONE}. Draft a reply."
    redacted = "Patient {NAME}, SSN {US_SOCIAL_SECURITY_NUMBER}, asks to be called at {PHONE}. Draft a reply."
    with Stubber(lam.module.bedrock.client) as stub:
        stub.add_response(
            "converse",
            converse_response(f"Dear {NAME}, we will call {PHONE} today."),
            expected_params={
                "modelId": "test-model",
                "inferenceConfig": {"maxTokens": 512},
                "messages": [{"role": "user", "content": [{"text": redacted}]}],
            },
        )
        result = lam.module.handler({"prompt": prompt}, None)
        stub.assert_no_pending_responses()

    assert result["statusCode"] == 200
    assert json.loads(result["body"]) == {"answer": "Dear {NAME}, we will call {PHONE} today."}
    # Other loggers may write too (botocore says where it found credentials); the handler's own lines:
    own = [line for line in lam.log.getvalue().splitlines() if line.startswith(f"{lam.module.__name__} ")]
    assert own == [
        f"{lam.module.__name__} INFO prompt received: {redacted}",
        f"{lam.module.__name__} INFO answer: Dear {{NAME}}, we will call {{PHONE}} today. (30 tokens)",
    ]
    for value in (SSN, PHONE, NAME, "Alvarez"):
        assert value not in lam.log.getvalue()


def test_handler_accepts_an_api_gateway_event(lam: Lambda) -> None:
    from botocore.stub import ANY, Stubber  # type: ignore[import-untyped,unused-ignore]

    with Stubber(lam.module.bedrock.client) as stub:
        stub.add_response(
            "converse",
            converse_response("No identifiers here."),
            expected_params={
                "modelId": "test-model",
                "inferenceConfig": ANY,
                "messages": [{"role": "user", "content": [{"text": "SSN {US_SOCIAL_SECURITY_NUMBER}?"}]}],
            },
        )
        result = lam.module.handler({"body": json.dumps({"prompt": f"SSN {SSN}?"})}, None)
    assert json.loads(result["body"]) == {"answer": "No identifiers here."}
    assert SSN not in lam.log.getvalue()
