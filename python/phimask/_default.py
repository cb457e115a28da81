"""The module-level default engine behind phimask.redact() and phimask.detect()."""

from __future__ import annotations

import _thread
import os
import warnings

from ._engine import Engine
from ._phimask import Result, Span
from .errors import EngineFileError, FileError

TYPE_CHECKING = False  # typing is imported by type checkers only: see _engine.py
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import AnyStr

    from ._vault import Vault

#: The default policy compiled when the package was built.
DEFAULT_ENGINE_FILE: str = os.path.join(os.path.dirname(os.path.abspath(__file__)), "default.engine")

_lock = _thread.allocate_lock()  # threading.Lock, without importing threading
_engine: Engine | None = None


def _build_default() -> tuple[Engine, str | None]:
    """The default engine, and why the packaged engine file was not used (if it was refused)."""
    # The packaged engine file holds the default policy over the packaged packs;
    # with PHIMASK_MODELS_PATH set the packs may differ, so compile instead.
    refused = None
    if not os.environ.get("PHIMASK_MODELS_PATH"):
        try:
            return Engine.load(DEFAULT_ENGINE_FILE), None
        except (EngineFileError, FileError) as e:
            refused = str(e)
    return Engine(), refused


def default_engine() -> Engine:
    """The default-policy engine shared by :func:`redact`, :func:`detect` and :func:`redact_many`.

    Created on first use, once, thread-safely. It loads the engine file
    precompiled when the package was built (milliseconds); if that file is
    refused (built for another CPU platform, or missing), or
    ``$PHIMASK_MODELS_PATH`` is set, it compiles the default policy instead
    (about a second), with a RuntimeWarning in the first case.

    Example:
        >>> import phimask
        >>> phimask.default_engine() is phimask.default_engine()
        True
    """
    global _engine
    engine = _engine
    if engine is None:
        refused = None
        with _lock:
            if _engine is None:
                _engine, refused = _build_default()
            engine = _engine
        # Warned outside the lock: a warning may be logged, and a log filter may
        # redact with this very engine.
        if refused is not None:
            warnings.warn(
                f"phimask: the packaged default engine cannot be used ({refused}); "
                "compiling the default policy instead (about a second)",
                RuntimeWarning,
                stacklevel=2,
            )
    return engine


def redact(text: AnyStr, vault: Vault | None = None) -> Result[AnyStr]:
    """Redacts ``text`` with the default policy: :meth:`Engine.redact` on :func:`default_engine`.

    Example:
        >>> import phimask
        >>> phimask.redact("Pt SSN 123-45-6789, call (617) 555-0142").text
        'Pt SSN {US_SOCIAL_SECURITY_NUMBER}, call {PHONE}'
    """
    return default_engine().redact(text, vault)


def detect(text: str | bytes) -> list[Span]:
    """Detects PHI in ``text`` with the default policy: :meth:`Engine.detect` on :func:`default_engine`.

    Example:
        >>> import phimask
        >>> text = "call (617) 555-0142"
        >>> [(s.type, text[s.start:s.end]) for s in phimask.detect(text)]
        [('PHONE', '(617) 555-0142')]
    """
    return default_engine().detect(text)


def redact_many(texts: Iterable[AnyStr], threads: int = 0) -> list[Result[AnyStr]]:
    """Redacts many texts in parallel with the default policy: :meth:`Engine.redact_many`.

    Example:
        >>> import phimask
        >>> [r.text for r in phimask.redact_many(["SSN 123-45-6789", "no PHI here"])]
        ['SSN {US_SOCIAL_SECURITY_NUMBER}', 'no PHI here']
    """
    return default_engine().redact_many(texts, threads)
