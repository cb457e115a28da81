"""Redacting text inside JSON-like documents: shared by phimask.logging and phimask.bedrock.

Private. The integrations redact one string at a time with an engine's
``redact`` and rebuild the containers around it, so the caller's objects are
never modified. Locations are RFC 6901 JSON pointers (``/messages/0/content/1``),
which name where a value is and never what it holds.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Callable, Protocol

from .errors import BlockedError, InputError, PhimaskError

__all__ = [
    "BlockedError",
    "RedactedText",
    "Redactor",
    "TextRedactor",
    "UnredactableContentError",
    "pointer",
    "redact_document",
    "resolve_engine",
]


class RedactedText(Protocol):
    """What the integrations read of a :class:`phimask.Result`: the text and whether it was blocked."""

    @property
    def text(self) -> str:
        """The redacted text (empty when blocked)."""
        ...

    @property
    def blocked(self) -> bool:
        """True when a ``block`` action fired."""
        ...


class Redactor(Protocol):
    """Anything with :meth:`phimask.Engine.redact`'s shape: an :class:`phimask.Engine`, or a test double."""

    def redact(self, text: str) -> RedactedText:
        """Returns ``text`` redacted."""
        ...


class UnredactableContentError(InputError):
    """The input holds content phimask cannot redact (an image, a document,
    a request body in an unknown format), so it was refused rather than passed
    on unredacted. ``pointer`` is the JSON pointer of that content.

    Example:
        >>> import phimask
        >>> from phimask.bedrock import UnredactableContentError
        >>> issubclass(UnredactableContentError, phimask.InputError)
        True
    """


# Users meet it through phimask.bedrock, so tracebacks name it there.
UnredactableContentError.__module__ = "phimask.bedrock"


def pointer(parent: str, key: object) -> str:
    """``parent`` extended by one RFC 6901 reference token (``~`` and ``/`` escaped)."""
    token = str(key).replace("~", "~0").replace("/", "~1")
    return f"{parent}/{token}"


def resolve_engine(engine: Redactor | None) -> Redactor:
    """``engine``, or the module-level default engine (created on first use) when it is None."""
    if engine is not None:
        return engine
    from ._default import default_engine

    return default_engine()


class TextRedactor:
    """Redacts single strings with one engine; raises :class:`BlockedError` when a block action fires."""

    __slots__ = ("engine",)

    def __init__(self, engine: Redactor) -> None:
        self.engine = engine

    def __call__(self, text: object, where: str) -> str:
        if not isinstance(text, str):
            raise UnredactableContentError(
                f"{where or '/'}: expected a string to redact, found {type(text).__name__}", where
            )
        result = self.engine.redact(text)
        if result.blocked:
            types = tuple(getattr(getattr(result, "summary", None), "blocking_types", ()))
            raise BlockedError(
                f"{where or '/'}: blocked by the policy ({', '.join(types) or 'block action'})", where, types
            )
        return result.text


def redact_document(value: Any, redact: Callable[[object, str], str], where: str) -> Any:
    """A copy of a JSON-like ``value`` with every string value redacted.

    Mappings keep their keys (keys are structure, not text) and lists and
    tuples their order; numbers, booleans and None are kept. Anything else
    (bytes, objects) cannot be redacted and raises
    :class:`UnredactableContentError` naming its pointer.
    """
    if isinstance(value, str):
        return redact(value, where)
    if isinstance(value, Mapping):
        return {k: redact_document(v, redact, pointer(where, k)) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        items = [redact_document(v, redact, pointer(where, i)) for i, v in enumerate(value)]
        return items if isinstance(value, list) else tuple(items)
    if value is None or isinstance(value, (bool, int, float)):
        return value
    raise UnredactableContentError(f"{where or '/'}: a {type(value).__name__} value cannot be redacted", where)
