"""phimask: find PHI in text and redact it, in-process, in microseconds.

One line with the default policy (HIPAA Safe Harbor identifiers, ``{TYPE}``
placeholders)::

    >>> import phimask
    >>> phimask.redact("Pt SSN 123-45-6789, call (617) 555-0142").text
    'Pt SSN {US_SOCIAL_SECURITY_NUMBER}, call {PHONE}'

Your own policy, compiled once and shared by every thread::

    >>> engine = phimask.Engine({"packs": [], "detectors": [
    ...     {"name": "encounter", "type": "ENCOUNTER_ID", "pattern": "ENC-[0-9]{8}"}]})
    >>> engine.redact("visit ENC-20230115").text
    'visit {ENCOUNTER_ID}'

Offsets are str indices for str input and byte offsets for bytes input, so
``text[span.start:span.end]`` is always the matched text. Errors are
:class:`PhimaskError` subclasses whose messages never contain input text.
"""

from __future__ import annotations

from . import _phimask
from ._default import DEFAULT_ENGINE_FILE, default_engine, detect, redact, redact_many
from ._engine import MODELS_DIR, Engine, model_dirs
from ._phimask import Result, Span, Summary
from ._stream import StreamRedactor, StreamRestorer, redact_stream, restore_stream
from ._vault import Restored, Vault
from .errors import (
    BlockedError,
    EngineFileError,
    FileError,
    HashKeyError,
    InputError,
    InternalError,
    VaultError,
    PhimaskError,
    PolicyError,
)

#: The version of the phimask library inside the extension.
__version__: str = _phimask.version()

__all__ = [
    "BlockedError",
    "DEFAULT_ENGINE_FILE",
    "MODELS_DIR",
    "Engine",
    "EngineFileError",
    "FileError",
    "HashKeyError",
    "InputError",
    "InternalError",
    "PhimaskError",
    "PolicyError",
    "Restored",
    "Result",
    "Span",
    "StreamRedactor",
    "StreamRestorer",
    "Summary",
    "Vault",
    "VaultError",
    "__version__",
    "default_engine",
    "detect",
    "model_dirs",
    "redact",
    "redact_many",
]
