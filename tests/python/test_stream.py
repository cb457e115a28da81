"""Streaming: StreamRedactor/StreamRestorer, the generator helpers, and Bedrock
converse_stream on a real boto3 client with botocore's Stubber (offline).
Every value is synthetic."""

from __future__ import annotations

import binascii
import json
import random
import struct
from collections.abc import Iterator
from typing import Any

import phimask
import phimask.bedrock as pb
import pytest

NOTE = (
    "Patient: Maria Gonzalez (DOB 03/14/1962), MRN: 4471-2290-13, seen by Dr. Alan Whitfield.\n"
    "Care team: Dr. Priya Raman, Okafor and Tran. Call (617) 555-0142; SSN 219-45-8832.\n"
    "Email maria.gonzalez@example.org. Lives at 1842 Maple Avenue, Springfield, IL 62704.\n"
    "Tel. ６１７-５５５-０１４２ — fecha 15/01/2023, café con Lucía Fernández. "
)
TOKENS = {"packs": ["us_core", "us_names"], "actions": {"default": "token"}}


def pieces(text: str, size: int) -> list[str]:
    return [text[k : k + size] for k in range(0, len(text), size)]


def test_every_split_equals_block_mode() -> None:
    text = NOTE * 2
    expected = phimask.redact(text).text
    for k in range(len(text) + 1):
        stream = phimask.StreamRedactor()
        assert stream.push(text[:k]) + stream.push(text[k:]) + stream.finish() == expected, k


@pytest.mark.parametrize("size", [1, 3, 16, 4096])
def test_chunks_of_any_size_equal_block_mode(size: int) -> None:
    text = NOTE * 3
    stream = phimask.StreamRedactor()
    out = []
    for piece in pieces(text, size):
        out.append(stream.push(piece))
        assert stream.held_bytes <= phimask.StreamRedactor.max_hold_back()
    out.append(stream.finish())
    assert "".join(out) == phimask.redact(text).text
    assert stream.counts == phimask.redact(text).summary.counts


def test_random_chunks_with_a_vault_number_tokens_as_block_mode() -> None:
    engine = phimask.Engine(TOKENS)
    rng = random.Random(6)
    block_vault, stream_vault = phimask.Vault(), phimask.Vault()
    expected = engine.redact(NOTE, vault=block_vault).text
    cuts = sorted(rng.sample(range(1, len(NOTE)), 40))
    chunks = [NOTE[a:b] for a, b in zip([0, *cuts], [*cuts, len(NOTE)])]
    assert "".join(phimask.redact_stream(chunks, engine, vault=stream_vault)) == expected
    assert len(stream_vault) == len(block_vault)
    assert stream_vault.restore(expected).text == block_vault.restore(expected).text


def test_the_default_hold_back_is_at_most_256_bytes() -> None:
    assert phimask.StreamRedactor.max_hold_back() <= 256


def test_a_blocked_stream_raises_and_releases_nothing_more() -> None:
    engine = phimask.Engine({"packs": ["us_core"], "actions": {"US_SOCIAL_SECURITY_NUMBER": "block"}})
    text = "x" * 300 + " SSN 219-45-8832 " + "y" * 300
    out = []
    with pytest.raises(phimask.BlockedError) as caught:
        for piece in phimask.redact_stream(pieces(text, 7), engine):
            out.append(piece)
    assert caught.value.types == ("US_SOCIAL_SECURITY_NUMBER",)
    assert "219" not in "".join(out) and "y" not in "".join(out)
    assert "219" not in str(caught.value)


def test_stream_errors() -> None:
    stream = phimask.StreamRedactor()
    with pytest.raises(TypeError):
        stream.push(b"bytes")  # type: ignore[arg-type]
    stream.finish()
    with pytest.raises(phimask.InputError):
        stream.push("more")
    with pytest.raises(TypeError):
        phimask.StreamRedactor("not an engine")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        phimask.StreamRestorer(None)  # type: ignore[arg-type]


def test_restorer_restores_tokens_split_anywhere() -> None:
    engine = phimask.Engine(TOKENS)
    vault = phimask.Vault()
    engine.redact("Dr. Maria Gonzalez, 617-555-0142, seen 01/15/2023.", vault=vault)
    answer = "Ask {NAME_1}'s office to call { phone_1 } before {DATE_\n1}; not {NAME_9}. {unfinished"
    whole = vault.restore(answer)
    for size in range(1, len(answer) + 1):
        restorer = phimask.StreamRestorer(vault)
        assert "".join(restorer.push(p) for p in pieces(answer, size)) + restorer.finish() == whole.text
        assert restorer.restored == whole.restored
        assert restorer.unknown == whole.unknown


# Bedrock converse_stream, offline


def delta(text: str, index: int = 0) -> dict[str, Any]:
    return {"contentBlockDelta": {"delta": {"text": text}, "contentBlockIndex": index}}


def answer_events(chunks: list[str]) -> list[dict[str, Any]]:
    return [
        {"messageStart": {"role": "assistant"}},
        *[delta(c) for c in chunks],
        {"contentBlockStop": {"contentBlockIndex": 0}},
        {"messageStop": {"stopReason": "end_turn"}},
    ]


def joined_text(events: list[dict[str, Any]]) -> str:
    return "".join(e["contentBlockDelta"]["delta"]["text"] for e in events if "contentBlockDelta" in e)


def test_redact_converse_stream_keeps_events_and_holds_text_until_the_block_stops() -> None:
    answer = "Sure: call Maria Gonzalez at (617) 555-0142 about the 03/14/2024 visit."
    out = list(pb.redact_converse_stream(answer_events(pieces(answer, 5))))
    assert joined_text(out) == phimask.redact(answer).text
    assert out[0] == {"messageStart": {"role": "assistant"}}
    stop = next(i for i, e in enumerate(out) if "contentBlockStop" in e)
    assert all("contentBlockDelta" not in e for e in out[stop:])
    assert out[-1] == {"messageStop": {"stopReason": "end_turn"}}


def test_reasoning_and_tool_input_deltas_are_redacted_per_block() -> None:
    events = [
        {"contentBlockDelta": {"delta": {"reasoningContent": {"text": "SSN 219-45-"}}, "contentBlockIndex": 0}},
        {"contentBlockDelta": {"delta": {"reasoningContent": {"text": "8832 seen"}}, "contentBlockIndex": 0}},
        {"contentBlockDelta": {"delta": {"toolUse": {"input": '{"phone": "617-555-'}}, "contentBlockIndex": 1}},
        {"contentBlockDelta": {"delta": {"toolUse": {"input": '0142"}'}}, "contentBlockIndex": 1}},
    ]
    out = list(pb.redact_converse_stream(events))
    reasoning = "".join(e["contentBlockDelta"]["delta"]["reasoningContent"]["text"] for e in out
                        if e["contentBlockDelta"]["contentBlockIndex"] == 0)
    tool = "".join(e["contentBlockDelta"]["delta"]["toolUse"]["input"] for e in out
                   if e["contentBlockDelta"]["contentBlockIndex"] == 1)
    assert reasoning == "SSN {US_SOCIAL_SECURITY_NUMBER} seen"
    assert json.loads(tool) == {"phone": "{PHONE}"}


def test_restore_converse_stream_puts_values_back() -> None:
    engine = phimask.Engine(TOKENS)
    vault = phimask.Vault()
    prompt = engine.redact("Remind Maria Gonzalez to call 617-555-0142.", vault=vault).text
    assert prompt == "Remind {NAME_1} to call {PHONE_1}."
    events = answer_events(["Hi {NA", "ME_1}, please call {PHO", "NE_1} today."])
    assert joined_text(list(pb.restore_converse_stream(events, vault))) == (
        "Hi Maria Gonzalez, please call 617-555-0142 today."
    )


def encode_event(event_type: str, payload: dict[str, Any]) -> bytes:
    """One AWS event-stream message (the wire format boto3 reads for converse_stream)."""

    def header(name: str, value: str) -> bytes:
        n, v = name.encode(), value.encode()
        return struct.pack("B", len(n)) + n + b"\x07" + struct.pack(">H", len(v)) + v

    headers = header(":event-type", event_type) + header(":message-type", "event") + header(
        ":content-type", "application/json"
    )
    body = json.dumps(payload).encode()
    total = 12 + len(headers) + len(body) + 4
    prelude = struct.pack(">II", total, len(headers))
    prelude += struct.pack(">I", binascii.crc32(prelude))
    message = prelude + headers + body
    return message + struct.pack(">I", binascii.crc32(message))


class RawStream:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def stream(self) -> Iterator[bytes]:
        for k in range(0, len(self.data), 7):  # small reads: messages split across them
            yield self.data[k : k + 7]

    def close(self) -> None:
        pass


def test_client_converse_stream_with_stubber(client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from botocore.eventstream import EventStream  # type: ignore[import-untyped,unused-ignore]
    from botocore.stub import Stubber  # type: ignore[import-untyped,unused-ignore]

    answer = ["Call Maria Gon", "zalez at (617) 55", "5-0142 before 03/14/2024", "."]
    wire = encode_event("messageStart", {"role": "assistant"})
    for text in answer:
        wire += encode_event("contentBlockDelta", {"delta": {"text": text}, "contentBlockIndex": 0})
    wire += encode_event("contentBlockStop", {"contentBlockIndex": 0})
    wire += encode_event("messageStop", {"stopReason": "end_turn"})
    operation = client.meta.service_model.operation_model("ConverseStream")
    stream_shape = operation.output_shape.members["stream"]
    events = EventStream(RawStream(wire), stream_shape, client._response_parser._event_stream_parser, "ConverseStream")

    with Stubber(client) as stubber:
        # Stubber checks an event-stream member as if it were a dict; the
        # response carries a real botocore EventStream over real wire bytes.
        monkeypatch.setattr(stubber, "_validate_operation_response", lambda *args: None)
        stubber.add_response(
            "converse_stream",
            {"stream": events},
            {"modelId": "m", "messages": [{"role": "user", "content": [{"text": "About {NAME}, SSN {US_SOCIAL_SECURITY_NUMBER}"}]}]},
        )
        bedrock = pb.RedactingBedrockClient(client)
        response = bedrock.converse_stream(
            modelId="m", messages=[{"role": "user", "content": [{"text": "About Maria Gonzalez, SSN 219-45-8832"}]}]
        )
        out = list(response["stream"])
        stubber.assert_no_pending_responses()
    assert joined_text(out) == "Call {NAME} at {PHONE} before {DATE}."
    assert out[-1] == {"messageStop": {"stopReason": "end_turn"}}
