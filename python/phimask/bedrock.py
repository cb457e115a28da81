"""Redacting Amazon Bedrock calls: the prompt before it leaves, the answer before you use it.

For boto3's ``bedrock-runtime`` client. Wrap the client once and call
``converse`` / ``invoke_model`` with the usual arguments::

    import boto3
    import phimask.bedrock

    bedrock = phimask.bedrock.RedactingBedrockClient(boto3.client("bedrock-runtime"))
    response = bedrock.converse(
        modelId="anthropic.claude-3-haiku-20240307-v1:0",
        messages=[{"role": "user", "content": [{"text": "Summarize: Jane Roe, SSN 123-45-6789, ..."}]}],
    )
    answer = phimask.bedrock.converse_text(response)   # redacted too

or use the functions on the request and response yourself
(:func:`redact_converse_request`, :func:`redact_converse_response`,
:func:`redact_invoke_model_request`, :func:`redact_invoke_model_response`),
with any client. The caller's arguments are never modified; the response is a
copy with its text redacted and everything else (metadata, usage, stop
reason, headers) left as it was.

What is redacted:

- ``converse`` request: ``messages[].content[]`` and ``system[]`` blocks:
  ``text``, ``guardContent`` text, ``toolUse.input`` and ``toolResult``
  content (every string value of JSON), ``reasoningContent`` text; the text of
  ``promptVariables``. Response: the same blocks of ``output.message``, and
  every string of ``trace`` (guardrail traces quote what they matched) and
  ``additionalModelResponseFields``. ``modelId``, ``inferenceConfig``,
  ``toolConfig``, ``requestMetadata`` and the other fields are left as given.
- ``invoke_model``: the JSON ``body``. Anthropic Claude messages
  (``anthropic_version`` and ``messages``: ``system``, message ``content``
  strings and blocks; response ``content``) and Amazon Titan text
  (``inputText``; response ``results[].outputText``; Titan embeddings take
  ``inputText`` too) are known formats. Any other body is refused unless you
  pass ``unknown_body="redact_strings"``, which redacts every string value of
  the body and of the response. The redacted body is re-serialized as compact
  UTF-8 JSON (same values, not the same bytes); the response body is returned
  as a new readable stream.

Fail closed:

- Content that cannot be redacted (images, documents, video, audio; a body
  that is not JSON; a value that is not text) raises
  :class:`UnredactableContentError` before anything is sent, naming its JSON
  pointer (``/messages/0/content/1/image``). Pass
  ``allow_unredacted={"image"}`` to send such content as it is, if you have
  checked it some other way.
- A text the policy blocks (a ``block`` action) raises :class:`BlockedError`:
  the request is not sent; a blocked answer is not returned.
- ``converse_stream``: the request as for ``converse``; the answer's text
  deltas are redacted as they arrive (:func:`redact_converse_stream`, on
  :class:`phimask.StreamRedactor`: the same text as redacting the whole
  answer, at most a few hundred characters later). A blocked answer raises
  :class:`BlockedError` mid-stream: discard what was shown. For tokens
  (``"token"`` action), :func:`restore_converse_stream` puts the
  conversation's values back into the deltas instead.
- The wrapper has no ``invoke_model_with_response_stream`` and forwards no
  other attribute, so nothing reaches a model unredacted by mistake;
  ``RedactingBedrockClient.client`` is the raw client for the rest.

Error messages hold JSON pointers and type names, never text.
"""

from __future__ import annotations

import io
import json
from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import Any, Literal, Protocol

from ._engine import Engine
from ._stream import StreamRedactor, StreamRestorer
from ._vault import Vault
from ._walk import (
    BlockedError,
    Redactor,
    TextRedactor,
    UnredactableContentError,
    pointer,
    redact_document,
    resolve_engine,
)

__all__ = [
    "MEDIA_KINDS",
    "BlockedError",
    "BodyFormat",
    "RedactingBedrockClient",
    "UnknownBody",
    "UnredactableContentError",
    "body_format",
    "converse_text",
    "redact_converse_request",
    "redact_converse_response",
    "redact_converse_stream",
    "restore_converse_stream",
    "redact_invoke_model_request",
    "redact_invoke_model_response",
]

#: Request body formats of ``invoke_model`` that phimask knows; ``"json"`` is any other JSON body.
BodyFormat = Literal["anthropic_messages", "titan_text", "json"]
#: What to do with an ``invoke_model`` body of another format: refuse it, or redact all its strings.
UnknownBody = Literal["refuse", "redact_strings"]

#: Content kinds that carry files phimask cannot read (Converse block names, and
#: Anthropic block types ``image`` and ``document``); refused unless allowed.
MEDIA_KINDS = frozenset({"image", "document", "video", "audio"})

# Fields of content blocks that are structure (ids, names, signatures, cache
# markers), kept as they are.
_ANTHROPIC_KEEP = frozenset({"type", "id", "tool_use_id", "name", "signature", "cache_control", "is_error"})


class _Context:
    __slots__ = ("allow", "text")

    def __init__(self, engine: Redactor | None, allow_unredacted: Collection[str]) -> None:
        self.text = TextRedactor(resolve_engine(engine))
        self.allow = frozenset(allow_unredacted)

    def media(self, kind: str, value: Any, where: str) -> Any:
        if kind in self.allow:
            return value
        raise UnredactableContentError(
            f"{where}: {kind} content cannot be redacted; pass allow_unredacted={{'{kind}'}} to send it as it is", where
        )

    def document(self, value: Any, where: str) -> Any:
        return redact_document(value, self.text, where)


def _mapping(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise UnredactableContentError(f"{where or '/'}: expected an object, found {type(value).__name__}", where)
    return value


def _sequence(value: Any, where: str) -> list[Any]:
    if not isinstance(value, (list, tuple)):
        raise UnredactableContentError(f"{where or '/'}: expected a list, found {type(value).__name__}", where)
    return list(value)


def _converse_block(block: Any, where: str, ctx: _Context) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for kind, value in _mapping(block, where).items():
        at = pointer(where, kind)
        if kind == "text":
            out[kind] = ctx.text(value, at)
        elif kind == "cachePoint":
            out[kind] = value
        elif kind in MEDIA_KINDS:
            out[kind] = ctx.media(kind, value, at)
        elif kind == "toolUse":
            tool = dict(_mapping(value, at))
            if "input" in tool:
                tool["input"] = ctx.document(tool["input"], pointer(at, "input"))
            out[kind] = tool
        elif kind == "toolResult":
            result = dict(_mapping(value, at))
            if "content" in result:
                content_at = pointer(at, "content")
                result["content"] = [
                    _converse_block(b, pointer(content_at, i), ctx)
                    for i, b in enumerate(_sequence(result["content"], content_at))
                ]
            out[kind] = result
        elif kind == "guardContent":
            out[kind] = _guard_content(value, at, ctx)
        elif kind == "reasoningContent":
            out[kind] = _reasoning(value, at, ctx)
        else:  # a kind this version does not know: every string redacted, bytes refused
            out[kind] = ctx.document(value, at)
    return out


def _text_member(value: Any, where: str, ctx: _Context) -> dict[str, Any]:
    """A copy of the object ``value`` with its "text" redacted."""
    out = dict(_mapping(value, where))
    out["text"] = ctx.text(out.get("text"), pointer(where, "text"))
    return out


def _guard_content(value: Any, where: str, ctx: _Context) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for kind, inner in _mapping(value, where).items():
        at = pointer(where, kind)
        if kind == "text":
            out[kind] = _text_member(inner, at, ctx)
        elif kind in MEDIA_KINDS:
            out[kind] = ctx.media(kind, inner, at)
        else:
            out[kind] = ctx.document(inner, at)
    return out


def _reasoning(value: Any, where: str, ctx: _Context) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for kind, inner in _mapping(value, where).items():
        at = pointer(where, kind)
        if kind == "reasoningText":
            # The signature no longer matches a redacted text; the model's service
            # may then refuse the turn, which fails closed.
            out[kind] = _text_member(inner, at, ctx)
        elif kind == "redactedContent":  # encrypted by the model provider: no readable text
            out[kind] = inner
        else:
            out[kind] = ctx.document(inner, at)
    return out


def _converse_message(message: Any, where: str, ctx: _Context) -> dict[str, Any]:
    out = dict(_mapping(message, where))
    if "content" in out:
        at = pointer(where, "content")
        out["content"] = [_converse_block(b, pointer(at, i), ctx) for i, b in enumerate(_sequence(out["content"], at))]
    return out


def redact_converse_request(
    request: Mapping[str, Any], *, engine: Redactor | None = None, allow_unredacted: Collection[str] = ()
) -> dict[str, Any]:
    """The keyword arguments of a ``converse`` call with the prompt redacted.

    Args:
        request: the keyword arguments you would pass to ``client.converse``.
        engine: the engine to redact with (default: :func:`phimask.default_engine`).
        allow_unredacted: content kinds (``"image"``, ``"document"``, ``"video"``,
            ``"audio"``) to pass as they are instead of refusing them.

    Raises:
        UnredactableContentError: content that cannot be redacted, or a
            malformed message (``.pointer`` says where).
        BlockedError: the policy blocks one of the texts.

    Example:
        >>> import phimask.bedrock
        >>> kwargs = phimask.bedrock.redact_converse_request({
        ...     "modelId": "amazon.nova-micro-v1:0",
        ...     "system": [{"text": "You are a clinical assistant."}],
        ...     "messages": [{"role": "user", "content": [{"text": "Call (617) 555-0142 back"}]}]})
        >>> kwargs["messages"][0]["content"][0]["text"]
        'Call {PHONE} back'
    """
    ctx = _Context(engine, allow_unredacted)
    out = dict(_mapping(request, ""))
    if "messages" in out:
        out["messages"] = [
            _converse_message(m, pointer("/messages", i), ctx)
            for i, m in enumerate(_sequence(out["messages"], "/messages"))
        ]
    if "system" in out:
        out["system"] = [
            _converse_block(b, pointer("/system", i), ctx) for i, b in enumerate(_sequence(out["system"], "/system"))
        ]
    if "promptVariables" in out:
        out["promptVariables"] = ctx.document(out["promptVariables"], "/promptVariables")
    return out


def redact_converse_response(
    response: Mapping[str, Any], *, engine: Redactor | None = None, allow_unredacted: Collection[str] = ()
) -> dict[str, Any]:
    """A copy of a ``converse`` response with the answer (and any trace) redacted.

    ``output.message`` content blocks are redacted as in the request, and every
    string of ``trace`` and ``additionalModelResponseFields``; ``stopReason``,
    ``usage``, ``metrics`` and ``ResponseMetadata`` are kept.

    Raises:
        UnredactableContentError: the answer holds content that cannot be redacted.
        BlockedError: the policy blocks the answer's text.

    Example:
        >>> import phimask.bedrock
        >>> response = {"output": {"message": {"role": "assistant",
        ...             "content": [{"text": "Her SSN is 123-45-6789."}]}}, "stopReason": "end_turn"}
        >>> phimask.bedrock.converse_text(phimask.bedrock.redact_converse_response(response))
        'Her SSN is {US_SOCIAL_SECURITY_NUMBER}.'
    """
    ctx = _Context(engine, allow_unredacted)
    out = dict(_mapping(response, ""))
    if "output" in out:
        output = dict(_mapping(out["output"], "/output"))
        for key, value in output.items():
            at = pointer("/output", key)
            output[key] = _converse_message(value, at, ctx) if key == "message" else ctx.document(value, at)
        out["output"] = output
    for key in ("trace", "additionalModelResponseFields"):
        if key in out:
            out[key] = ctx.document(out[key], pointer("", key))
    return out


class _TextStream(Protocol):
    def push(self, text: str) -> str: ...
    def finish(self) -> str: ...


# The delta members that carry text, and where the text is in each.
_DELTA_TEXT = {"text": (), "reasoningContent": ("text",), "toolUse": ("input",)}


def _delta_text(delta: Mapping[str, Any]) -> tuple[str, tuple[str, ...]] | None:
    for kind, path in _DELTA_TEXT.items():
        value: Any = delta.get(kind)
        for key in path:
            value = value.get(key) if isinstance(value, Mapping) else None
        if isinstance(value, str):
            return kind, path
    return None


def _with_text(kind: str, path: tuple[str, ...], delta: Mapping[str, Any], text: str) -> dict[str, Any]:
    out = dict(delta)
    if not path:
        out[kind] = text
        return out
    inner = dict(out[kind])
    inner[path[0]] = text
    out[kind] = inner
    return out


def _stream_events(events: Iterable[Mapping[str, Any]], make: Any, after: Any) -> Iterator[dict[str, Any]]:
    """Runs every text delta of each content block through its own stream from ``make()``."""
    streams: dict[tuple[Any, str], tuple[_TextStream, tuple[str, ...]]] = {}

    def finish(index: Any) -> Iterator[dict[str, Any]]:
        for key in [k for k in streams if index is None or k[0] == index]:
            stream, path = streams.pop(key)
            rest = stream.finish()
            after(stream)
            if rest:
                delta = _with_text(key[1], path, {key[1]: {} if path else ""}, rest)
                yield {"contentBlockDelta": {"delta": delta, "contentBlockIndex": key[0]}}

    for event in events:
        block: Any = event.get("contentBlockDelta")
        found = _delta_text(block.get("delta", {})) if isinstance(block, Mapping) else None
        if found is None:
            if "contentBlockStop" in event:
                yield from finish(event["contentBlockStop"].get("contentBlockIndex"))
            elif "messageStop" in event:
                yield from finish(None)
            yield dict(event)
            continue
        kind, path = found
        index = block.get("contentBlockIndex")
        if (index, kind) not in streams:
            streams[(index, kind)] = (make(), path)
        stream = streams[(index, kind)][0]
        delta = block["delta"]
        text = delta[kind]
        for key in path:
            text = text[key]
        out = stream.push(text)
        after(stream)
        if out:
            yield {**event, "contentBlockDelta": {**block, "delta": _with_text(kind, path, delta, out)}}
    yield from finish(None)


def redact_converse_stream(
    events: Iterable[Mapping[str, Any]], *, engine: Engine | None = None, vault: Vault | None = None
) -> Iterator[dict[str, Any]]:
    """The events of a ``converse_stream`` response (``response["stream"]``) with their text redacted.

    Each content block's text (and reasoning text, and tool-use input) is
    redacted as one stream: the deltas joined equal the whole answer redacted,
    whatever the model's chunking. Deltas whose text is all held back are left
    out; what is held is sent before the block's ``contentBlockStop``. Every
    other event passes as it is. With ``vault``, a ``token`` action numbers
    values in the conversation's vault.

    Raises:
        BlockedError: a ``block`` action fired; nothing from the value on was yielded.

    Example:
        >>> import phimask.bedrock
        >>> events = [{"contentBlockDelta": {"delta": {"text": t}, "contentBlockIndex": 0}}
        ...           for t in ["Call 617-", "555-0142 today"]] + [{"contentBlockStop": {"contentBlockIndex": 0}}]
        >>> out = list(phimask.bedrock.redact_converse_stream(events))
        >>> "".join(e["contentBlockDelta"]["delta"]["text"] for e in out if "contentBlockDelta" in e)
        'Call {PHONE} today'
    """

    def check(stream: StreamRedactor) -> None:
        if stream.blocked:
            types = stream.blocking_types
            raise BlockedError("blocked by policy (types: " + ", ".join(types) + ")", "/stream", types)

    return _stream_events(events, lambda: StreamRedactor(engine, vault=vault), check)


def restore_converse_stream(events: Iterable[Mapping[str, Any]], vault: Vault) -> Iterator[dict[str, Any]]:
    """The events of a ``converse_stream`` response with the vault's values put back into their text.

    For prompts redacted with the ``token`` action: a token split across
    deltas is restored. Other events pass as they are.

    Example:
        >>> import phimask, phimask.bedrock
        >>> engine = phimask.Engine({"packs": ["us_core"], "actions": {"default": "token"}})
        >>> vault = phimask.Vault()
        >>> engine.redact("call 617-555-0142", vault=vault).text
        'call {PHONE_1}'
        >>> events = [{"contentBlockDelta": {"delta": {"text": t}, "contentBlockIndex": 0}} for t in ["Dial {PHO", "NE_1}."]]
        >>> "".join(e["contentBlockDelta"]["delta"]["text"] for e in phimask.bedrock.restore_converse_stream(events, vault))
        'Dial 617-555-0142.'
    """
    if not isinstance(vault, Vault):
        raise TypeError(f"restore_converse_stream() expects a phimask.Vault, not {type(vault).__name__}")
    return _stream_events(events, lambda: StreamRestorer(vault), lambda stream: None)


def converse_text(response: Mapping[str, Any]) -> str:
    """The text blocks of a ``converse`` response's message, joined (empty if there are none).

    Example:
        >>> import phimask.bedrock
        >>> phimask.bedrock.converse_text({"output": {"message": {"role": "assistant",
        ...     "content": [{"text": "Hello"}, {"text": " there"}]}}})
        'Hello there'
    """
    message = response.get("output", {}).get("message", {})
    return "".join(b["text"] for b in message.get("content", ()) if isinstance(b, Mapping) and "text" in b)


def body_format(body: Mapping[str, Any]) -> BodyFormat:
    """The format of a parsed ``invoke_model`` request body.

    ``"anthropic_messages"`` when it has ``anthropic_version`` and
    ``messages``; ``"titan_text"`` when it has ``inputText``; ``"json"`` otherwise.

    Example:
        >>> import phimask.bedrock
        >>> phimask.bedrock.body_format({"inputText": "hi", "textGenerationConfig": {}})
        'titan_text'
    """
    if "anthropic_version" in body and "messages" in body:
        return "anthropic_messages"
    if "inputText" in body:
        return "titan_text"
    return "json"


def _read_body(body: Any, where: str) -> bytes:
    if isinstance(body, (bytes, bytearray, memoryview)):
        return bytes(body)
    if isinstance(body, str):
        return body.encode("utf-8")
    read = getattr(body, "read", None)
    if callable(read):
        data = read()
        return data.encode("utf-8") if isinstance(data, str) else bytes(data)
    raise UnredactableContentError(
        f"{where}: expected bytes, str or a readable stream, found {type(body).__name__}", where
    )


def _load_json(data: bytes, where: str) -> Any:
    try:
        return json.loads(data)
    except ValueError:  # the decoder's message would point into the text; say only where
        raise UnredactableContentError(f"{where}: the body is not JSON, so it cannot be redacted", where) from None


def _dump_json(document: Any) -> bytes:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _anthropic_content(content: Any, where: str, ctx: _Context) -> Any:
    if isinstance(content, str):
        return ctx.text(content, where)
    if isinstance(content, (list, tuple)):
        return [_anthropic_block(b, pointer(where, i), ctx) for i, b in enumerate(content)]
    return ctx.document(content, where)


def _anthropic_block(block: Any, where: str, ctx: _Context) -> Any:
    if not isinstance(block, Mapping):
        return ctx.document(block, where)
    kind = block.get("type")
    if isinstance(kind, str) and kind in MEDIA_KINDS:
        return ctx.media(kind, block, where)
    if kind == "redacted_thinking":  # encrypted by the model provider: no readable text
        return dict(block)
    out: dict[str, Any] = {}
    for key, value in block.items():
        at = pointer(where, key)
        if key in _ANTHROPIC_KEEP:
            out[key] = value
        elif key == "content":  # tool_result: a string or blocks, which may hold images
            out[key] = _anthropic_content(value, at, ctx)
        else:  # text, thinking, input, citations, and whatever a later format adds
            out[key] = ctx.document(value, at)
    return out


def _redact_body(document: Any, fmt: BodyFormat, ctx: _Context, where: str, response: bool) -> Any:
    if fmt == "json":
        return ctx.document(document, where)
    out = dict(_mapping(document, where))
    if fmt == "anthropic_messages":
        if response:
            if "content" in out:
                out["content"] = _anthropic_content(out["content"], pointer(where, "content"), ctx)
            return out
        if "system" in out:
            out["system"] = _anthropic_content(out["system"], pointer(where, "system"), ctx)
        if "messages" in out:
            at = pointer(where, "messages")
            messages = []
            for i, message in enumerate(_sequence(out["messages"], at)):
                message = dict(_mapping(message, pointer(at, i)))
                if "content" in message:
                    message["content"] = _anthropic_content(message["content"], pointer(pointer(at, i), "content"), ctx)
                messages.append(message)
            out["messages"] = messages
        return out
    # titan_text
    if response:
        if "results" in out:
            at = pointer(where, "results")
            results = []
            for i, result in enumerate(_sequence(out["results"], at)):
                result = dict(_mapping(result, pointer(at, i)))
                if "outputText" in result:
                    result["outputText"] = ctx.text(result["outputText"], pointer(pointer(at, i), "outputText"))
                results.append(result)
            out["results"] = results
        return out
    out["inputText"] = ctx.text(out["inputText"], pointer(where, "inputText"))
    return out


def _check_unknown_body(unknown_body: str) -> None:
    if unknown_body not in ("refuse", "redact_strings"):
        raise ValueError("unknown_body must be 'refuse' or 'redact_strings'")


def _invoke_request(
    request: Mapping[str, Any], engine: Redactor | None, unknown_body: UnknownBody, allow_unredacted: Collection[str]
) -> tuple[dict[str, Any], BodyFormat]:
    _check_unknown_body(unknown_body)
    out = dict(_mapping(request, ""))
    if "body" not in out:
        return out, "json"
    document = _load_json(_read_body(out["body"], "/body"), "/body")
    fmt = body_format(document) if isinstance(document, Mapping) else "json"
    if fmt == "json" and unknown_body == "refuse":
        raise UnredactableContentError(
            "/body: not a known body format (Anthropic Claude messages, Amazon Titan text); "
            "pass unknown_body='redact_strings' to redact every string value",
            "/body",
        )
    ctx = _Context(engine, allow_unredacted)
    out["body"] = _dump_json(_redact_body(document, fmt, ctx, "/body", response=False))
    return out, fmt


def redact_invoke_model_request(
    request: Mapping[str, Any],
    *,
    engine: Redactor | None = None,
    unknown_body: UnknownBody = "refuse",
    allow_unredacted: Collection[str] = (),
) -> dict[str, Any]:
    """The keyword arguments of an ``invoke_model`` call with the JSON body's prompt redacted.

    ``body`` may be bytes, str or a readable stream; the returned ``body`` is
    UTF-8 JSON bytes. See :func:`body_format` for the known formats.

    Raises:
        UnredactableContentError: the body is not JSON, is in an unknown format
            with ``unknown_body="refuse"`` (the default), or holds an image or
            document not in ``allow_unredacted``.
        BlockedError: the policy blocks one of the texts.
        ValueError: ``unknown_body`` is neither ``"refuse"`` nor ``"redact_strings"``.

    Example:
        >>> import json, phimask.bedrock
        >>> kwargs = phimask.bedrock.redact_invoke_model_request({
        ...     "modelId": "amazon.titan-text-express-v1",
        ...     "body": json.dumps({"inputText": "Patient email jane.roe@example.org"})})
        >>> json.loads(kwargs["body"])["inputText"]
        'Patient email {EMAIL}'
    """
    return _invoke_request(request, engine, unknown_body, allow_unredacted)[0]


def _streaming_body(data: bytes) -> Any:
    try:
        from botocore.response import StreamingBody  # type: ignore[import-untyped,unused-ignore]
    except ImportError:  # without botocore, any readable stream will do
        return io.BytesIO(data)
    return StreamingBody(io.BytesIO(data), len(data))


def redact_invoke_model_response(
    response: Mapping[str, Any],
    fmt: BodyFormat,
    *,
    engine: Redactor | None = None,
    allow_unredacted: Collection[str] = (),
) -> dict[str, Any]:
    """A copy of an ``invoke_model`` response whose body (read here) is redacted.

    ``fmt`` is the request's :func:`body_format`. The returned ``body`` is a
    new readable stream (a botocore ``StreamingBody`` when botocore is
    installed) of compact UTF-8 JSON; ``contentType`` and the metadata are kept.

    Raises:
        UnredactableContentError: the body is not JSON.
        BlockedError: the policy blocks the answer's text.

    Example:
        >>> import io, json, phimask.bedrock
        >>> response = {"contentType": "application/json", "body": io.BytesIO(json.dumps(
        ...     {"results": [{"outputText": "Reach her at (617) 555-0142.", "tokenCount": 9}]}).encode())}
        >>> out = phimask.bedrock.redact_invoke_model_response(response, "titan_text")
        >>> json.loads(out["body"].read())["results"][0]["outputText"]
        'Reach her at {PHONE}.'
    """
    out = dict(_mapping(response, ""))
    if "body" not in out:
        return out
    document = _load_json(_read_body(out["body"], "/body"), "/body")
    ctx = _Context(engine, allow_unredacted)
    out["body"] = _streaming_body(_dump_json(_redact_body(document, fmt, ctx, "/body", response=True)))
    return out


class RedactingBedrockClient:
    """A ``bedrock-runtime`` client whose ``converse``, ``converse_stream`` and ``invoke_model`` redact both ways.

    Args:
        client: a boto3 ``bedrock-runtime`` client (or anything with its
            ``converse`` / ``invoke_model`` methods).
        engine: the engine to redact with (default: :func:`phimask.default_engine`,
            created on the first call).
        unknown_body: for ``invoke_model`` bodies in an unknown format:
            ``"refuse"`` (default) or ``"redact_strings"``.
        allow_unredacted: content kinds to pass as they are (see :data:`MEDIA_KINDS`).

    Only ``converse``, ``converse_stream`` and ``invoke_model`` exist on the wrapper; use
    :attr:`client` for anything else (its calls are not redacted).
    Thread-safe if the client is (boto3 clients are).

    Example:
        >>> import phimask.bedrock
        >>> class FakeClient:  # stands in for boto3.client("bedrock-runtime")
        ...     def converse(self, **kwargs):
        ...         text = kwargs["messages"][0]["content"][0]["text"]
        ...         return {"output": {"message": {"role": "assistant", "content": [{"text": "You said: " + text}]}}}
        >>> bedrock = phimask.bedrock.RedactingBedrockClient(FakeClient())
        >>> response = bedrock.converse(modelId="m", messages=[
        ...     {"role": "user", "content": [{"text": "SSN 123-45-6789"}]}])
        >>> phimask.bedrock.converse_text(response)
        'You said: SSN {US_SOCIAL_SECURITY_NUMBER}'
    """

    __slots__ = ("_allow", "_client", "_engine", "_unknown_body")

    def __init__(
        self,
        client: Any,
        engine: Redactor | None = None,
        *,
        unknown_body: UnknownBody = "refuse",
        allow_unredacted: Collection[str] = (),
    ) -> None:
        _check_unknown_body(unknown_body)
        self._client = client
        self._engine = engine
        self._unknown_body: UnknownBody = unknown_body
        self._allow = frozenset(allow_unredacted)

    @property
    def client(self) -> Any:
        """The wrapped client; calls made through it are not redacted."""
        return self._client

    def converse(self, **kwargs: Any) -> dict[str, Any]:
        """``client.converse(**kwargs)`` with the prompt redacted before the call and the answer after.

        Raises :class:`UnredactableContentError` or :class:`BlockedError` before
        calling when the request cannot be sent redacted; the client's own
        exceptions pass through.
        """
        request = redact_converse_request(kwargs, engine=self._engine, allow_unredacted=self._allow)
        response = self._client.converse(**request)
        return redact_converse_response(response, engine=self._engine, allow_unredacted=self._allow)

    def converse_stream(self, **kwargs: Any) -> dict[str, Any]:
        """``client.converse_stream(**kwargs)`` with the prompt redacted before the call and the
        answer's deltas as they arrive: ``response["stream"]`` is a generator of redacted events
        (:func:`redact_converse_stream`), which raises :class:`BlockedError` if the answer is blocked.
        The engine must be a :class:`phimask.Engine` (or None for the default one).
        """
        if self._engine is not None and not isinstance(self._engine, Engine):
            raise TypeError("converse_stream() needs a phimask.Engine to stream with")
        request = redact_converse_request(kwargs, engine=self._engine, allow_unredacted=self._allow)
        response = dict(self._client.converse_stream(**request))
        response["stream"] = redact_converse_stream(response["stream"], engine=self._engine)
        return response

    def invoke_model(self, **kwargs: Any) -> dict[str, Any]:
        """``client.invoke_model(**kwargs)`` with the body's prompt redacted before the call and the answer after.

        The response ``body`` is a new readable stream holding the redacted JSON.
        """
        request, fmt = _invoke_request(kwargs, self._engine, self._unknown_body, self._allow)
        response = self._client.invoke_model(**request)
        return redact_invoke_model_response(response, fmt, engine=self._engine, allow_unredacted=self._allow)
