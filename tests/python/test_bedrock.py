"""phimask.bedrock: the prompt redacted before it is sent, the answer before it is returned.

The request/response functions are tested on plain dicts; RedactingBedrockClient
on a real boto3 bedrock-runtime client with botocore's Stubber (no network,
dummy credentials and region). Every value below is synthetic.
"""

from __future__ import annotations

import copy
import doctest
import io
import json
from collections.abc import Iterator
from typing import Any

import phimask
import phimask.bedrock as pb
import pytest
from phimask.bedrock import BlockedError, RedactingBedrockClient, UnredactableContentError

NAME = "Maria Alvarez"
SSN = "219-45-8832"
PHONE = "(617) 555-0142"
EMAIL = "m.alvarez@example.org"
VALUES = (NAME, "Alvarez", SSN, PHONE, "555-0142", EMAIL)
MODEL = "anthropic.claude-3-haiku-20240307-v1:0"


@pytest.fixture(scope="module")
def blocking_engine() -> phimask.Engine:
    """The default packs with a block action on SSNs (compiled once for this file)."""
    return phimask.Engine({"actions": {"US_SOCIAL_SECURITY_NUMBER": "block"}})


def assert_no_phi(value: object) -> None:
    text = value if isinstance(value, str) else json.dumps(value, default=repr)
    for v in VALUES:
        assert v not in text


def user(*blocks: dict[str, Any]) -> dict[str, Any]:
    return {"role": "user", "content": list(blocks)}


def converse_response(*blocks: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "output": {"message": {"role": "assistant", "content": list(blocks)}},
        "stopReason": "end_turn",
        "usage": {"inputTokens": 12, "outputTokens": 9, "totalTokens": 21},
        "metrics": {"latencyMs": 321},
        **extra,
    }


def test_docstring_examples() -> None:
    # Includes BlockedError and UnredactableContentError (defined in phimask._walk, named in phimask.bedrock).
    result = doctest.testmod(pb, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


# converse: requests


def test_converse_request_text_and_system_are_redacted_and_the_rest_kept() -> None:
    request = {
        "modelId": MODEL,
        "system": [{"text": f"The patient is {NAME}."}, {"cachePoint": {"type": "default"}}],
        "messages": [user({"text": f"Summarize: SSN {SSN}, call {PHONE}"})],
        "inferenceConfig": {"maxTokens": 256, "temperature": 0.2},
        "requestMetadata": {"team": "triage"},
    }
    before = copy.deepcopy(request)
    out = pb.redact_converse_request(request)
    assert request == before  # the caller's arguments are not modified
    assert out["messages"][0]["content"][0]["text"] == "Summarize: SSN {US_SOCIAL_SECURITY_NUMBER}, call {PHONE}"
    assert out["system"][0]["text"] == "The patient is {NAME}."
    assert out["system"][1] == {"cachePoint": {"type": "default"}}
    for key in ("modelId", "inferenceConfig", "requestMetadata"):
        assert out[key] == request[key]
    assert out["messages"][0]["role"] == "user"


def test_converse_request_text_without_phi_is_unchanged() -> None:
    text = "Summarize the plan: ceftriaxone 1 g IV daily; BP 142/88; 100% adherence.\n"
    out = pb.redact_converse_request({"modelId": MODEL, "messages": [user({"text": text})]})
    assert out["messages"][0]["content"][0]["text"] == text


def test_converse_request_tools_guard_content_and_prompt_variables() -> None:
    request = {
        "modelId": MODEL,
        "messages": [
            {
                "role": "assistant",
                "content": [{"toolUse": {"toolUseId": "t-1", "name": "lookup", "input": {"ssn": SSN, "limit": 3}}}],
            },
            user(
                {
                    "toolResult": {
                        "toolUseId": "t-1",
                        "status": "success",
                        "content": [
                            {"json": {"patient": {"phone": PHONE, "visits": [1, 2]}, "ok": True}},
                            {"text": f"email {EMAIL}"},
                        ],
                    }
                },
                {"guardContent": {"text": {"text": f"SSN {SSN}", "qualifiers": ["query"]}}},
            ),
        ],
        "promptVariables": {"patient": {"text": f"SSN {SSN}"}},
    }
    out = pb.redact_converse_request(request)
    assert_no_phi(out)
    tool_use = out["messages"][0]["content"][0]["toolUse"]
    assert tool_use == {
        "toolUseId": "t-1",
        "name": "lookup",
        "input": {"ssn": "{US_SOCIAL_SECURITY_NUMBER}", "limit": 3},
    }
    result = out["messages"][1]["content"][0]["toolResult"]
    assert result["content"][0]["json"] == {"patient": {"phone": "{PHONE}", "visits": [1, 2]}, "ok": True}
    assert result["status"] == "success"
    guard = out["messages"][1]["content"][1]["guardContent"]["text"]
    assert guard == {"text": "SSN {US_SOCIAL_SECURITY_NUMBER}", "qualifiers": ["query"]}
    assert out["promptVariables"] == {"patient": {"text": "SSN {US_SOCIAL_SECURITY_NUMBER}"}}


@pytest.mark.parametrize(
    "block, pointer",
    [
        ({"image": {"format": "png", "source": {"bytes": b"\x89PNG"}}}, "/messages/0/content/1/image"),
        (
            {"document": {"format": "txt", "name": "note", "source": {"bytes": SSN.encode()}}},
            "/messages/0/content/1/document",
        ),
        (
            {"toolResult": {"toolUseId": "t", "content": [{"image": {"format": "png", "source": {"bytes": b"x"}}}]}},
            "/messages/0/content/1/toolResult/content/0/image",
        ),
        ({"futureKind": {"blob": SSN.encode()}}, "/messages/0/content/1/futureKind/blob"),
    ],
)
def test_converse_request_refuses_what_it_cannot_redact(block: dict[str, Any], pointer: str) -> None:
    with pytest.raises(UnredactableContentError) as e:
        pb.redact_converse_request({"modelId": MODEL, "messages": [user({"text": "hi"}, block)]})
    assert e.value.pointer == pointer
    assert pointer in str(e.value)
    assert_no_phi(str(e.value))
    assert isinstance(e.value, phimask.InputError)


def test_converse_request_passes_media_the_caller_allows() -> None:
    image = {"image": {"format": "png", "source": {"bytes": b"\x89PNG"}}}
    out = pb.redact_converse_request(
        {"modelId": MODEL, "messages": [user({"text": f"SSN {SSN}"}, image)]}, allow_unredacted={"image"}
    )
    assert out["messages"][0]["content"][1] == image
    assert out["messages"][0]["content"][0]["text"] == "SSN {US_SOCIAL_SECURITY_NUMBER}"


def test_converse_request_unknown_block_kind_with_text_is_redacted() -> None:
    out = pb.redact_converse_request({"modelId": MODEL, "messages": [user({"futureKind": {"note": f"SSN {SSN}"}})]})
    assert out["messages"][0]["content"][0] == {"futureKind": {"note": "SSN {US_SOCIAL_SECURITY_NUMBER}"}}


def test_converse_request_malformed_messages_are_refused() -> None:
    with pytest.raises(UnredactableContentError) as e:
        pb.redact_converse_request({"modelId": MODEL, "messages": [user({"text": b"SSN"})]})
    assert e.value.pointer == "/messages/0/content/0/text"
    with pytest.raises(UnredactableContentError):
        pb.redact_converse_request({"modelId": MODEL, "messages": f"SSN {SSN}"})


def test_blocked_text_raises_without_phi_in_the_message(blocking_engine: phimask.Engine) -> None:
    with pytest.raises(BlockedError) as e:
        pb.redact_converse_request(
            {"modelId": MODEL, "messages": [user({"text": f"SSN {SSN}"})]}, engine=blocking_engine
        )
    assert e.value.pointer == "/messages/0/content/0/text"
    assert e.value.types == ("US_SOCIAL_SECURITY_NUMBER",)
    assert_no_phi(str(e.value))


# converse: responses


def test_converse_response_answer_and_trace_are_redacted_and_the_rest_kept() -> None:
    response = converse_response(
        {"text": f"Call {NAME} at {PHONE}."},
        {"reasoningContent": {"reasoningText": {"text": f"SSN {SSN} is on file", "signature": "sig"}}},
        trace={
            "guardrail": {
                "inputAssessment": {
                    "g1": {
                        "sensitiveInformationPolicy": {
                            "piiEntities": [{"match": SSN, "type": "US_SOCIAL_SECURITY_NUMBER", "action": "ANONYMIZED"}]
                        }
                    }
                }
            }
        },
        ResponseMetadata={"RequestId": "r-1", "HTTPStatusCode": 200},
    )
    before = copy.deepcopy(response)
    out = pb.redact_converse_response(response)
    assert response == before
    assert_no_phi(out)
    assert pb.converse_text(out) == "Call {NAME} at {PHONE}."
    assert out["output"]["message"]["content"][1]["reasoningContent"]["reasoningText"] == {
        "text": "SSN {US_SOCIAL_SECURITY_NUMBER} is on file",
        "signature": "sig",
    }
    pii = out["trace"]["guardrail"]["inputAssessment"]["g1"]["sensitiveInformationPolicy"]["piiEntities"][0]
    assert pii == {"match": "{US_SOCIAL_SECURITY_NUMBER}", "type": "US_SOCIAL_SECURITY_NUMBER", "action": "ANONYMIZED"}
    for key in ("stopReason", "usage", "metrics", "ResponseMetadata"):
        assert out[key] == response[key]


def test_converse_text_joins_text_blocks() -> None:
    response = converse_response(
        {"text": "a"}, {"toolUse": {"toolUseId": "t", "name": "n", "input": {}}}, {"text": "b"}
    )
    assert pb.converse_text(response) == "ab"
    assert pb.converse_text({}) == ""


# invoke_model: bodies


def claude_body(**extra: Any) -> dict[str, Any]:
    return {
        "anthropic_version": "bedrock-2023-05-31",
        "max_tokens": 256,
        "system": f"Patient {NAME}.",
        "messages": [
            {"role": "user", "content": f"SSN {SSN}"},
            {"role": "assistant", "content": [{"type": "text", "text": f"Noted {PHONE}"}]},
            {
                "role": "user",
                "content": [
                    {"type": "tool_result", "tool_use_id": "tu_1", "content": [{"type": "text", "text": EMAIL}]},
                    {"type": "text", "text": "next", "cache_control": {"type": "ephemeral"}},
                ],
            },
        ],
        **extra,
    }


def test_invoke_model_claude_request() -> None:
    request = {
        "modelId": MODEL,
        "contentType": "application/json",
        "accept": "application/json",
        "body": json.dumps(claude_body()),
    }
    out = pb.redact_invoke_model_request(request)
    assert isinstance(out["body"], bytes)
    body = json.loads(out["body"])
    assert_no_phi(body)
    expected = claude_body()
    expected["system"] = "Patient {NAME}."
    expected["messages"][0]["content"] = "SSN {US_SOCIAL_SECURITY_NUMBER}"
    expected["messages"][1]["content"][0]["text"] = "Noted {PHONE}"
    expected["messages"][2]["content"][0]["content"][0]["text"] = "{EMAIL}"
    assert body == expected
    assert {k: v for k, v in out.items() if k != "body"} == {k: v for k, v in request.items() if k != "body"}


def test_invoke_model_claude_image_is_refused_unless_allowed() -> None:
    image = {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "iVBORw0KGgo="}}
    body = claude_body()
    body["messages"][0]["content"] = [image, {"type": "text", "text": SSN}]
    with pytest.raises(UnredactableContentError) as e:
        pb.redact_invoke_model_request({"modelId": MODEL, "body": json.dumps(body).encode()})
    assert e.value.pointer == "/body/messages/0/content/0"
    out = json.loads(
        pb.redact_invoke_model_request({"modelId": MODEL, "body": json.dumps(body)}, allow_unredacted={"image"})["body"]
    )
    assert out["messages"][0]["content"][0] == image


def test_invoke_model_titan_request_from_a_stream() -> None:
    config = {"maxTokenCount": 512, "temperature": 0}
    raw = json.dumps({"inputText": f"User: email {EMAIL}\nBot:", "textGenerationConfig": config})
    out = pb.redact_invoke_model_request({"modelId": "amazon.titan-text-express-v1", "body": io.BytesIO(raw.encode())})
    assert json.loads(out["body"]) == {"inputText": "User: email {EMAIL}\nBot:", "textGenerationConfig": config}


def test_invoke_model_unknown_body_is_refused_by_default() -> None:
    body = json.dumps({"prompt": f"SSN {SSN}", "max_gen_len": 128})
    with pytest.raises(UnredactableContentError) as e:
        pb.redact_invoke_model_request({"modelId": "meta.llama3-8b-instruct-v1:0", "body": body})
    assert e.value.pointer == "/body"
    assert_no_phi(str(e.value))


def test_invoke_model_unknown_body_with_redact_strings() -> None:
    body = json.dumps({"prompt": f"SSN {SSN}", "max_gen_len": 128, "nested": [{"note": PHONE}]})
    out = pb.redact_invoke_model_request(
        {"modelId": "meta.llama3-8b-instruct-v1:0", "body": body}, unknown_body="redact_strings"
    )
    assert json.loads(out["body"]) == {
        "prompt": "SSN {US_SOCIAL_SECURITY_NUMBER}",
        "max_gen_len": 128,
        "nested": [{"note": "{PHONE}"}],
    }


def test_invoke_model_non_json_body_is_refused_without_phi_in_the_message() -> None:
    for mode in ("refuse", "redact_strings"):
        with pytest.raises(UnredactableContentError) as e:
            pb.redact_invoke_model_request({"modelId": "m", "body": f"SSN {SSN} not json"}, unknown_body=mode)
        assert_no_phi(str(e.value))
        assert e.value.__cause__ is None and e.value.__suppress_context__
    with pytest.raises(ValueError):
        pb.redact_invoke_model_request({"modelId": "m", "body": "{}"}, unknown_body="ignore")  # type: ignore[arg-type]


def test_invoke_model_responses() -> None:
    claude = {
        "id": "msg_1",
        "type": "message",
        "role": "assistant",
        "model": "claude",
        "content": [
            {"type": "text", "text": f"Call {PHONE}"},
            {"type": "tool_use", "id": "tu_2", "name": "lookup", "input": {"ssn": SSN}},
        ],
        "stop_reason": "end_turn",
        "usage": {"input_tokens": 5, "output_tokens": 7},
    }
    out = pb.redact_invoke_model_response(
        {"body": io.BytesIO(json.dumps(claude).encode()), "contentType": "application/json"}, "anthropic_messages"
    )
    body = json.loads(out["body"].read())
    assert out["contentType"] == "application/json"
    assert body["content"] == [
        {"type": "text", "text": "Call {PHONE}"},
        {"type": "tool_use", "id": "tu_2", "name": "lookup", "input": {"ssn": "{US_SOCIAL_SECURITY_NUMBER}"}},
    ]
    assert {k: v for k, v in body.items() if k != "content"} == {k: v for k, v in claude.items() if k != "content"}

    titan = {
        "inputTextTokenCount": 4,
        "results": [{"tokenCount": 8, "outputText": f"Her SSN is {SSN}", "completionReason": "FINISH"}],
    }
    out = pb.redact_invoke_model_response({"body": io.BytesIO(json.dumps(titan).encode())}, "titan_text")
    assert json.loads(out["body"].read())["results"] == [
        {"tokenCount": 8, "outputText": "Her SSN is {US_SOCIAL_SECURITY_NUMBER}", "completionReason": "FINISH"}
    ]

    with pytest.raises(UnredactableContentError):
        pb.redact_invoke_model_response({"body": io.BytesIO(f"SSN {SSN}".encode())}, "titan_text")


def test_body_format() -> None:
    assert pb.body_format(claude_body()) == "anthropic_messages"
    assert pb.body_format({"inputText": "x"}) == "titan_text"
    assert pb.body_format({"messages": []}) == "json"  # Nova, Mistral chat...: not known, so not guessed


# RedactingBedrockClient with botocore's Stubber


@pytest.fixture
def stubber(client: Any) -> Iterator[Any]:
    from botocore.stub import Stubber  # type: ignore[import-untyped,unused-ignore]

    with Stubber(client) as s:
        yield s
        s.assert_no_pending_responses()


class JsonBody:
    """Matches an invoke_model body (bytes) holding this JSON document, for Stubber's expected_params."""

    def __init__(self, document: Any) -> None:
        self.document = document

    def __eq__(self, other: object) -> bool:
        return isinstance(other, (bytes, bytearray)) and json.loads(other) == self.document

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __repr__(self) -> str:
        return f"JsonBody({self.document!r})"


def streaming(document: Any) -> Any:
    from botocore.response import StreamingBody  # type: ignore[import-untyped,unused-ignore]

    data = json.dumps(document).encode()
    return StreamingBody(io.BytesIO(data), len(data))


def test_client_converse_sends_redacted_and_returns_redacted(client: Any, stubber: Any) -> None:
    messages = [user({"text": f"Patient {NAME}, SSN {SSN}: draft a reminder to call {PHONE}."})]
    expected = {
        "modelId": MODEL,
        "messages": [
            user({"text": "Patient {NAME}, SSN {US_SOCIAL_SECURITY_NUMBER}: draft a reminder to call {PHONE}."})
        ],
        "system": [{"text": "Be brief."}],
        "inferenceConfig": {"maxTokens": 200},
    }
    metadata = {"RequestId": "req-1", "HTTPStatusCode": 200, "HTTPHeaders": {}, "RetryAttempts": 0}
    stubber.add_response(
        "converse",
        converse_response({"text": f"Reminder: {NAME}, call {PHONE}."}, ResponseMetadata=metadata),
        expected_params=expected,
    )
    bedrock = RedactingBedrockClient(client)
    response = bedrock.converse(
        modelId=MODEL, messages=messages, system=[{"text": "Be brief."}], inferenceConfig={"maxTokens": 200}
    )
    assert pb.converse_text(response) == "Reminder: {NAME}, call {PHONE}."
    assert response["stopReason"] == "end_turn"
    assert response["usage"]["totalTokens"] == 21
    assert response["ResponseMetadata"] == metadata


def test_client_invoke_model_claude(client: Any, stubber: Any) -> None:
    body: dict[str, Any] = {
        "anthropic_version": "bedrock-2023-05-31",
        "max_tokens": 100,
        "messages": [{"role": "user", "content": [{"type": "text", "text": f"Email {EMAIL} the results"}]}],
    }
    sent = copy.deepcopy(body)
    sent["messages"][0]["content"][0]["text"] = "Email {EMAIL} the results"
    answer = {
        "id": "msg_1",
        "type": "message",
        "role": "assistant",
        "model": "claude",
        "content": [{"type": "text", "text": f"Sent to {EMAIL}."}],
        "stop_reason": "end_turn",
        "usage": {"input_tokens": 9, "output_tokens": 4},
    }
    stubber.add_response(
        "invoke_model",
        {"body": streaming(answer), "contentType": "application/json"},
        expected_params={"modelId": MODEL, "contentType": "application/json", "body": JsonBody(sent)},
    )
    response = RedactingBedrockClient(client).invoke_model(
        modelId=MODEL, contentType="application/json", body=json.dumps(body)
    )
    assert response["contentType"] == "application/json"
    assert json.loads(response["body"].read())["content"] == [{"type": "text", "text": "Sent to {EMAIL}."}]


def test_client_invoke_model_titan(client: Any, stubber: Any) -> None:
    model = "amazon.titan-text-express-v1"
    body = {"inputText": f"Rewrite: SSN {SSN}", "textGenerationConfig": {"maxTokenCount": 64}}
    answer = {
        "inputTextTokenCount": 6,
        "results": [{"tokenCount": 5, "outputText": f"Social security number {SSN}.", "completionReason": "FINISH"}],
    }
    stubber.add_response(
        "invoke_model",
        {"body": streaming(answer), "contentType": "application/json"},
        expected_params={
            "modelId": model,
            "body": JsonBody(
                {"inputText": "Rewrite: SSN {US_SOCIAL_SECURITY_NUMBER}", "textGenerationConfig": {"maxTokenCount": 64}}
            ),
        },
    )
    response = RedactingBedrockClient(client).invoke_model(modelId=model, body=json.dumps(body).encode())
    text = json.loads(response["body"].read())["results"][0]["outputText"]
    assert text == "Social security number {US_SOCIAL_SECURITY_NUMBER}."


def test_client_refuses_before_anything_is_sent(client: Any, stubber: Any, blocking_engine: phimask.Engine) -> None:
    # No response is queued: a call reaching the stub would fail with a StubResponseError.
    bedrock = RedactingBedrockClient(client)
    with pytest.raises(UnredactableContentError):
        bedrock.converse(modelId=MODEL, messages=[user({"image": {"format": "png", "source": {"bytes": b"x"}}})])
    with pytest.raises(UnredactableContentError):
        bedrock.invoke_model(modelId="meta.llama3-8b-instruct-v1:0", body=json.dumps({"prompt": SSN}))
    blocking = RedactingBedrockClient(client, blocking_engine)
    with pytest.raises(BlockedError):
        blocking.converse(modelId=MODEL, messages=[user({"text": f"SSN {SSN}"})])


def test_client_blocked_answer_is_not_returned(client: Any, stubber: Any, blocking_engine: phimask.Engine) -> None:
    stubber.add_response("converse", converse_response({"text": f"Her SSN is {SSN}"}))
    bedrock = RedactingBedrockClient(client, blocking_engine)
    with pytest.raises(BlockedError) as e:
        bedrock.converse(modelId=MODEL, messages=[user({"text": "What is on file?"})])
    assert e.value.pointer == "/output/message/content/0/text"
    assert_no_phi(str(e.value))


def test_client_errors_pass_through(client: Any, stubber: Any) -> None:
    from botocore.exceptions import ClientError  # type: ignore[import-untyped,unused-ignore]

    stubber.add_client_error("converse", service_error_code="ThrottlingException", http_status_code=429)
    with pytest.raises(ClientError):
        RedactingBedrockClient(client).converse(modelId=MODEL, messages=[user({"text": "hi"})])


def test_client_exposes_only_redacting_calls(client: Any) -> None:
    bedrock = RedactingBedrockClient(client)
    assert bedrock.client is client
    for name in ("invoke_model_with_response_stream", "apply_guardrail"):
        assert not hasattr(bedrock, name)
    with pytest.raises(ValueError):
        RedactingBedrockClient(client, unknown_body="pass")  # type: ignore[arg-type]
