"""Typed use of the public API; test_typing.py runs mypy --strict on it."""

from __future__ import annotations

import phimask
from phimask import Engine, Result, Span

engine: Engine = phimask.Engine({"packs": ["us_core"]})
as_str: Result[str] = engine.redact("SSN 123-45-6789")
as_bytes: Result[bytes] = engine.redact(b"SSN 123-45-6789")
text: str = phimask.redact("call 617-555-0123").text
raw: bytes = phimask.redact(b"call 617-555-0123").text
spans: list[Span] = engine.detect("SSN 123-45-6789")
many: list[Result[str]] = engine.redact_many(["a", "b"], threads=2)
start: int = spans[0].start if spans else 0
loaded: Engine = Engine.load(phimask.DEFAULT_ENGINE_FILE)
vault = phimask.Vault()
tokens: Result[str] = engine.redact("SSN 123-45-6789", vault=vault)
restored: phimask.Restored[str] = vault.restore("{US_SOCIAL_SECURITY_NUMBER_1}")
restored_text: str = restored.text
unknown: tuple[str, ...] = restored.unknown
reopened: phimask.Vault = phimask.Vault.unseal(vault.seal(b"k" * 32), b"k" * 32)
