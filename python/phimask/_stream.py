"""Streaming: redact text as it arrives (an LLM's streamed answer), restore tokens in it."""

from __future__ import annotations

from . import _phimask
from ._default import default_engine
from ._engine import Engine
from ._vault import Vault
from .errors import BlockedError

TYPE_CHECKING = False  # typing is imported by type checkers only
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator


class StreamRedactor:
    """Redacts a text that arrives in pieces of any size, releasing only what is final.

    The concatenation of everything :meth:`push` and :meth:`finish` return
    equals ``engine.redact(whole_text).text``, however the text was cut (a
    value split across pieces is still found). At most :meth:`max_hold_back`
    bytes (253 for the default policy) wait for the text after them; text is
    released in pieces of about a hundred bytes.

    With ``vault``, a ``token`` action numbers values in the conversation's
    vault, as ``engine.redact(text, vault=vault)`` does.

    When a ``block`` action fires, nothing more is released (not even the
    text just before the value) and :attr:`blocked` turns True: discard what
    was already sent.

    Example:
        >>> import phimask
        >>> stream = phimask.StreamRedactor()
        >>> pieces = [stream.push(p) for p in ["Call 617-", "555-0142 ", "today."]]
        >>> "".join(pieces) + stream.finish()
        'Call {PHONE} today.'
    """

    __slots__ = ("_core",)

    def __init__(self, engine: Engine | None = None, *, vault: Vault | None = None) -> None:
        engine = default_engine() if engine is None else engine
        if not isinstance(engine, Engine):
            raise TypeError(f"StreamRedactor() expects a phimask.Engine, not {type(engine).__name__}")
        if vault is not None and not isinstance(vault, Vault):
            raise TypeError(f"StreamRedactor() expects vault as a phimask.Vault, not {type(vault).__name__}")
        self._core = _phimask.StreamRedactor(engine._core, None if vault is None else vault._core)

    def push(self, text: str) -> str:
        """Adds ``text``; returns the redacted text that became final (often ``""``).

        Raises:
            InputError: after :meth:`finish`, or when a value stuffed with
                characters that normalization drops stays undecided past 64 KiB.
            TypeError: ``text`` is not a str.
        """
        return self._core.push(text)

    def finish(self) -> str:
        """Ends the stream; returns the rest of the redacted text."""
        return self._core.finish()

    @property
    def blocked(self) -> bool:
        """True once a ``block`` action fired."""
        return self._core.blocked

    @property
    def blocking_types(self) -> tuple[str, ...]:
        """The blocking entity types, sorted, when :attr:`blocked`."""
        return self._core.blocking_types

    @property
    def counts(self) -> dict[str, int]:
        """Spans released so far, per entity type."""
        return self._core.counts

    @property
    def held_bytes(self) -> int:
        """UTF-8 bytes received but not yet released."""
        return self._core.held_bytes

    @staticmethod
    def max_hold_back(engine: Engine | None = None) -> int:
        """The most :attr:`held_bytes` can be after :meth:`push` returns, for ``engine`` (default: the default engine)."""
        engine = default_engine() if engine is None else engine
        return _phimask.StreamRedactor.max_hold_back(engine._core)

    def __repr__(self) -> str:
        return f"StreamRedactor(held_bytes={self.held_bytes}, blocked={self.blocked})"


class StreamRestorer:
    """Puts a vault's values back into a streamed answer, as :meth:`Vault.restore` does.

    A token or surrogate split across pieces (``"{NA"`` then ``"ME_1}"``) is
    restored. At most twice the longest token (96 bytes) or surrogate the vault
    holds is held back (or one longer word), and text comes out in pieces.

    Example:
        >>> import phimask
        >>> engine = phimask.Engine({"packs": ["us_core"], "actions": {"default": "token"}})
        >>> vault = phimask.Vault()
        >>> engine.redact("call 617-555-0142", vault=vault).text
        'call {PHONE_1}'
        >>> restorer = phimask.StreamRestorer(vault)
        >>> "".join(restorer.push(p) for p in ["I'll call {PHO", "NE_1} now"]) + restorer.finish()
        "I'll call 617-555-0142 now"
    """

    __slots__ = ("_core",)

    def __init__(self, vault: Vault) -> None:
        if not isinstance(vault, Vault):
            raise TypeError(f"StreamRestorer() expects a phimask.Vault, not {type(vault).__name__}")
        self._core = _phimask.StreamRestorer(vault._core)

    def push(self, text: str) -> str:
        """Adds ``text``; returns the restored text that became final."""
        return self._core.push(text)

    def finish(self) -> str:
        """Returns the rest (an unfinished token is left as it was)."""
        return self._core.finish()

    @property
    def restored(self) -> int:
        """Tokens restored so far."""
        return self._core.restored

    @property
    def unknown(self) -> tuple[str, ...]:
        """Tokens the vault does not hold, once each in order, written canonically."""
        return self._core.unknown

    def __repr__(self) -> str:
        return f"StreamRestorer(restored={self.restored}, unknown={self.unknown!r})"


def redact_stream(
    chunks: Iterable[str], engine: Engine | None = None, *, vault: Vault | None = None
) -> Iterator[str]:
    """Yields the redacted text of ``chunks`` as it becomes final (non-empty pieces only).

    Raises:
        BlockedError: a ``block`` action fired; nothing from the value on was yielded.

    Example:
        >>> import phimask
        >>> "".join(phimask.redact_stream(["SSN 219-45-", "8832, ok"]))
        'SSN {US_SOCIAL_SECURITY_NUMBER}, ok'
    """
    stream = StreamRedactor(engine, vault=vault)
    for chunk in chunks:
        piece = stream.push(chunk)
        if stream.blocked:
            raise _blocked(stream)
        if piece:
            yield piece
    piece = stream.finish()
    if stream.blocked:
        raise _blocked(stream)
    if piece:
        yield piece


def _blocked(stream: StreamRedactor) -> BlockedError:
    types = stream.blocking_types
    return BlockedError("blocked by policy (types: " + ", ".join(types) + ")", "", types)


def restore_stream(chunks: Iterable[str], vault: Vault) -> Iterator[str]:
    """Yields the restored text of ``chunks`` (a streamed answer) as it becomes final.

    Example:
        >>> import phimask
        >>> "".join(phimask.restore_stream(["no {TOK", "EN_1} here"], phimask.Vault()))
        'no {TOKEN_1} here'
    """
    restorer = StreamRestorer(vault)
    for chunk in chunks:
        piece = restorer.push(chunk)
        if piece:
            yield piece
    piece = restorer.finish()
    if piece:
        yield piece
