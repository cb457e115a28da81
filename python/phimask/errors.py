"""Exceptions raised by phimask.

Every error phimask raises is a :class:`PhimaskError` (or a plain
:class:`TypeError`/:class:`ValueError` for a wrong argument, naming the call).
No message ever contains input text or a matched value: errors about an input
say which one (``texts[3]``) and where (an index), never what it holds, so they
are safe to log.

Example:
    >>> import phimask
    >>> try:
    ...     phimask.Engine({"packs": [], "detectors": [{"name": "mrn", "type": "MRN", "pattern": "([0-9]"}]})
    ... except phimask.PolicyError as e:
    ...     (e.pointer, e.detector)
    ('/detectors/0/pattern', 'mrn')
"""

from __future__ import annotations

__all__ = [
    "BlockedError",
    "EngineFileError",
    "FileError",
    "HashKeyError",
    "InputError",
    "InternalError",
    "PhimaskError",
    "PolicyError",
    "VaultError",
]


class PhimaskError(Exception):
    """Base class of every phimask error.

    Attributes:
        pointer: for policy errors, the RFC 6901 JSON pointer of the faulty field
            (prefixed with the pack file for faults inside a detector pack, as
            ``"us_core.json#/detectors/2/pattern"``); otherwise ``""``.
        detector: for policy errors, the name of the detector at fault, or ``""``.

    Example:
        >>> import phimask
        >>> try:
        ...     phimask.Engine.load("/nonexistent/engine.bin")
        ... except phimask.PhimaskError as e:
        ...     print(type(e).__name__)
        FileError
    """

    def __init__(self, message: str, pointer: str = "", detector: str = "") -> None:
        super().__init__(message)
        self.pointer = pointer
        self.detector = detector


class PolicyError(PhimaskError, ValueError):
    """The policy is invalid: a field, a detector, a regular expression.

    ``pointer`` and ``detector`` say where.

    Example:
        >>> import phimask
        >>> try:
        ...     phimask.Engine({"packs": [], "min_score": "high"})
        ... except phimask.PolicyError as e:
        ...     e.pointer
        '/min_score'
    """


class InputError(PhimaskError, ValueError):
    """An input cannot be processed: too large, or a ``str`` that UTF-8 cannot encode.

    The message names the input (``texts[3]`` in a batch) and the index of the
    fault, never its text.

    Example:
        >>> import phimask
        >>> try:
        ...     phimask.redact("SSN 123-45-6789 \\ud800")
        ... except phimask.InputError as e:
        ...     print(e)
        input error: the text has a lone surrogate at index 16, which UTF-8 cannot encode
    """


class EngineFileError(PhimaskError):
    """A serialized engine is corrupt, or was built by another phimask or
    Hyperscan version, for another CPU platform, or for another policy.

    Example:
        >>> import phimask
        >>> try:
        ...     phimask.Engine.from_bytes(b"not an engine")
        ... except phimask.EngineFileError as e:
        ...     print(e)
        engine_file error: not a phimask engine file
    """


class HashKeyError(PhimaskError):
    """A required key is missing or unusable: a policy with a ``hash`` action
    needs ``hash_key``.

    Example:
        >>> import phimask
        >>> try:
        ...     phimask.Engine({"packs": [], "actions": {"default": "hash"},
        ...                     "detectors": [{"name": "id", "type": "ID", "pattern": "ID-[0-9]+"}]})
        ... except phimask.HashKeyError:
        ...     print("pass hash_key=...")
        pass hash_key=...
    """


class FileError(PhimaskError, OSError):
    """A policy or engine file could not be read or written.

    Example:
        >>> import phimask
        >>> try:
        ...     phimask.Engine("/nonexistent/policy.json")
        ... except phimask.FileError as e:
        ...     print(e)
        io error: cannot open policy file /nonexistent/policy.json
    """


class InternalError(PhimaskError):
    """A library failure (Hyperscan, ICU, OpenSSL, out of memory). Nothing of
    the input is returned.

    Example:
        >>> import phimask
        >>> issubclass(phimask.InternalError, phimask.PhimaskError)
        True
    """


class VaultError(PhimaskError, ValueError):
    """A sealed vault does not open: a key that is not 32 bytes, the wrong key,
    altered bytes, not a vault, or a newer format (the message says which).

    Example:
        >>> import phimask
        >>> try:
        ...     phimask.Vault.unseal(b"not a vault", b"k" * 32)
        ... except phimask.VaultError as e:
        ...     print(e)
        vault error: not a sealed phimask vault
    """


class BlockedError(PhimaskError):
    """The policy's ``block`` action fired on a text that cannot be returned
    blocked: a Bedrock request or answer (nothing of it is sent or returned),
    or a stream (:func:`phimask.redact_stream`; nothing from the blocking value
    on was yielded, and what was yielded before it should be discarded).
    ``pointer`` is the JSON pointer of the text (Bedrock), ``types`` the entity
    types whose action is ``block`` (type names only, never values).

    Example:
        >>> import phimask
        >>> engine = phimask.Engine({"packs": ["us_core"], "actions": {"US_SOCIAL_SECURITY_NUMBER": "block"}})
        >>> try:
        ...     "".join(phimask.redact_stream(["SSN 219-45-", "8832"], engine=engine))
        ... except phimask.BlockedError as e:
        ...     e.types
        ('US_SOCIAL_SECURITY_NUMBER',)
    """

    def __init__(self, message: str, pointer: str = "", types: tuple[str, ...] = ()) -> None:
        super().__init__(message, pointer)
        self.types = types
