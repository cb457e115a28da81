"""phimask.Engine: a policy compiled once, then shared by every thread."""

from __future__ import annotations

import os

from . import _phimask
from ._phimask import Result, Span
from ._vault import Vault

# `import phimask` stays fast: typing (with re, functools, collections) is
# imported by type checkers only. At run time @overload is the identity, and
# the last definition of an overloaded method is the one that runs, as with
# typing.overload.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from typing import Any, AnyStr, NoReturn, Union, overload

    PolicyArg = Union[None, Mapping[str, Any], str, "os.PathLike[str]"]
    KeyArg = Union[None, str, bytes]
else:

    def overload(function):
        return function

#: The detector packs installed with the package (us_core, us_names, us_places and their lexicons).
MODELS_DIR: str = os.path.join(os.path.dirname(os.path.abspath(__file__)), "models")


def model_dirs() -> list[str]:
    """Folders searched for detector packs, in order.

    ``$PHIMASK_MODELS_PATH`` (colon-separated, as the C++ library and the CLI
    read it) when set, then the packs installed with the package. The
    environment is read, never changed.

    Example:
        >>> import phimask
        >>> phimask.model_dirs()[-1].endswith("models")
        True
    """
    env = os.environ.get("PHIMASK_MODELS_PATH", "")
    return [d for d in env.split(":") if d] + [MODELS_DIR]


def _key_bytes(hash_key: KeyArg, call: str) -> bytes | None:
    if hash_key is None or isinstance(hash_key, bytes):
        return hash_key
    if isinstance(hash_key, str):
        return hash_key.encode("utf-8")
    raise TypeError(f"{call} expects hash_key as str, bytes or None, not {type(hash_key).__name__}")


def _max_bytes(max_input_bytes: int | None, call: str) -> int | None:
    if max_input_bytes is None:
        return None
    if not isinstance(max_input_bytes, int) or isinstance(max_input_bytes, bool):
        raise TypeError(f"{call} expects max_input_bytes as int or None, not {type(max_input_bytes).__name__}")
    if max_input_bytes < 0:
        raise ValueError(f"{call}: max_input_bytes must be >= 0")
    return max_input_bytes


class Engine:
    """A policy compiled into one Hyperscan database: immutable, thread-safe.

    Build it once and share it: any number of threads may call :meth:`redact`,
    :meth:`detect` and :meth:`redact_many` on one engine at once. Every call
    releases the GIL while it scans.

    Args:
        policy: ``None`` for the default policy (every detector of the packs
            us_core, us_names and us_places, the ``{TYPE}`` placeholder); a
            ``dict`` holding a policy document (the JSON format in the README);
            or a ``str`` / ``os.PathLike`` path to a policy JSON file.
        hash_key: the secret for the ``hash`` action (HMAC-SHA-256); required
            when the policy hashes any type (:class:`HashKeyError` otherwise).
        max_input_bytes: inputs whose UTF-8 is longer than this are refused
            with :class:`InputError` (default 16 GiB).

    Raises:
        PolicyError: the policy is invalid (``.pointer`` and ``.detector`` say where).
        FileError: the policy file cannot be read.
        HashKeyError: the policy needs ``hash_key``.
        TypeError: ``policy`` is of another type.

    Compiling the default policy takes about a second; :func:`phimask.redact`
    uses a packaged, precompiled engine instead, and :meth:`save` /
    :meth:`load` do the same for your own policy.

    Example:
        >>> import phimask
        >>> engine = phimask.Engine({
        ...     "packs": [],
        ...     "detectors": [{"name": "mrn", "type": "MEDICAL_RECORD_NUMBER", "pattern": "MRN-[0-9]{6}"}],
        ...     "actions": {"MEDICAL_RECORD_NUMBER": {"action": "mask", "char": "*", "keep_last": 2}}})
        >>> engine.redact("chart MRN-123456 reviewed").text
        'chart ********56 reviewed'

    Engines cannot be pickled (their hash key is never written out): send the
    policy, or an engine file from :meth:`save`, to other processes instead.
    """

    __slots__ = ("_core",)

    def __init__(
        self, policy: PolicyArg = None, *, hash_key: KeyArg = None, max_input_bytes: int | None = None
    ) -> None:
        call = "Engine()"
        key = _key_bytes(hash_key, call)
        limit = _max_bytes(max_input_bytes, call)
        if policy is None:
            self._core = _phimask.Engine.from_policy_json("{}", model_dirs(), key, limit)
        elif isinstance(policy, (str, os.PathLike)):
            self._core = _phimask.Engine.from_policy_file(os.fspath(policy), model_dirs(), key, limit)
        else:
            # Here, not at module level: import phimask stays fast.
            import json
            from collections.abc import Mapping

            if not isinstance(policy, Mapping):
                raise TypeError(f"{call} expects policy as None, a dict or a path, not {type(policy).__name__}")
            document = json.dumps(dict(policy))
            self._core = _phimask.Engine.from_policy_json(document, model_dirs(), key, limit)

    @classmethod
    def load(
        cls, path: str | os.PathLike[str], *, hash_key: KeyArg = None, max_input_bytes: int | None = None
    ) -> Engine:
        """Loads an engine file written by :meth:`save` or ``phimask compile``, without compiling.

        Raises:
            EngineFileError: the file is corrupt, or was built by another
                phimask or Hyperscan version or for another CPU platform.
            FileError: the file cannot be read.
            HashKeyError: the policy hashes and ``hash_key`` is missing.

        Example:
            >>> import phimask, tempfile, os
            >>> path = os.path.join(tempfile.mkdtemp(), "engine.bin")
            >>> phimask.default_engine().save(path)
            >>> phimask.Engine.load(path).redact("SSN 123-45-6789").text
            'SSN {US_SOCIAL_SECURITY_NUMBER}'
        """
        if not isinstance(path, (str, os.PathLike)):
            raise TypeError(f"Engine.load() expects a path, not {type(path).__name__}")
        call = "Engine.load()"
        core = _phimask.Engine.load(os.fspath(path), _key_bytes(hash_key, call), _max_bytes(max_input_bytes, call))
        return cls._wrap(core)

    @classmethod
    def from_bytes(cls, data: bytes, *, hash_key: KeyArg = None, max_input_bytes: int | None = None) -> Engine:
        """Loads an engine from the bytes :meth:`to_bytes` returned (same checks as :meth:`load`).

        Example:
            >>> import phimask
            >>> data = phimask.default_engine().to_bytes()
            >>> phimask.Engine.from_bytes(data).redact("SSN 123-45-6789").text
            'SSN {US_SOCIAL_SECURITY_NUMBER}'
        """
        if not isinstance(data, bytes):
            raise TypeError(f"Engine.from_bytes() expects bytes, not {type(data).__name__}")
        call = "Engine.from_bytes()"
        return cls._wrap(
            _phimask.Engine.from_bytes(data, _key_bytes(hash_key, call), _max_bytes(max_input_bytes, call))
        )

    @classmethod
    def _wrap(cls, core: _phimask.Engine) -> Engine:
        engine = cls.__new__(cls)
        engine._core = core
        return engine

    def save(self, path: str | os.PathLike[str]) -> None:
        """Writes the compiled engine (policy and database, never the hash key) to ``path``.

        Example:
            >>> import phimask, tempfile, os
            >>> phimask.default_engine().save(os.path.join(tempfile.mkdtemp(), "e.bin"))
        """
        if not isinstance(path, (str, os.PathLike)):
            raise TypeError(f"Engine.save() expects a path, not {type(path).__name__}")
        self._core.save(os.fspath(path))

    def to_bytes(self) -> bytes:
        """The engine file's bytes, for :meth:`from_bytes`.

        Example:
            >>> import phimask
            >>> phimask.default_engine().to_bytes()[:14]
            b'PHIMASK-ENGINE'
        """
        return self._core.to_bytes()

    @property
    def policy_version(self) -> str:
        """The policy's content hash (16 hex digits), as in every result's summary.

        Example:
            >>> import phimask
            >>> len(phimask.default_engine().policy_version)
            16
        """
        return self._core.policy_version

    @property
    def entity_types(self) -> list[str]:
        """The entity types the policy can report, sorted.

        Example:
            >>> import phimask
            >>> "EMAIL" in phimask.default_engine().entity_types
            True
        """
        return self._core.entity_types

    @overload
    def redact(self, text: str, vault: Vault | None = None) -> Result[str]: ...
    @overload
    def redact(self, text: bytes, vault: Vault | None = None) -> Result[bytes]: ...

    def redact(self, text: AnyStr, vault: Vault | None = None) -> Result[AnyStr]:
        """Finds PHI in ``text`` and returns it redacted, with the spans and a summary.

        ``result.text`` has the input's type (str or bytes) and equals the input
        outside the spans. Span offsets are str indices for str input and byte
        offsets for bytes input. When a ``block`` action fires, ``result.blocked``
        is True and ``result.text`` is empty.

        A ``token`` action numbers values in ``vault`` (one per conversation;
        see :class:`Vault`), or within this call alone when there is none.

        Raises:
            InputError: the input is over ``max_input_bytes``, or is a str with a
                lone surrogate (the message gives its index, never the text).
            TypeError: ``text`` is neither str nor bytes.

        Example:
            >>> import phimask
            >>> engine = phimask.default_engine()
            >>> r = engine.redact("Pt SSN 123-45-6789, call 617-555-0123")
            >>> r.text
            'Pt SSN {US_SOCIAL_SECURITY_NUMBER}, call {PHONE}'
            >>> [(s.type, s.start, s.end) for s in r.spans]
            [('US_SOCIAL_SECURITY_NUMBER', 7, 18), ('PHONE', 25, 37)]
        """
        if vault is None:
            return self._core.redact(text)
        if not isinstance(vault, Vault):
            raise TypeError(f"Engine.redact() expects vault as a phimask.Vault, not {type(vault).__name__}")
        return self._core.redact_in(text, vault._core)

    @overload
    def detect(self, text: str) -> list[Span]: ...
    @overload
    def detect(self, text: bytes) -> list[Span]: ...

    def detect(self, text: str | bytes) -> list[Span]:
        """The spans :meth:`redact` would act on, sorted and non-overlapping, without redacting.

        Example:
            >>> import phimask
            >>> text = "email jane.roe@example.org"
            >>> [text[s.start:s.end] for s in phimask.default_engine().detect(text)]
            ['jane.roe@example.org']
        """
        return self._core.detect(text)

    def redact_many(self, texts: Iterable[AnyStr], threads: int = 0) -> list[Result[AnyStr]]:
        """Redacts many texts in parallel in C++; results in input order.

        The GIL is released while the threads work; results become Python
        objects in input order as they finish. ``threads=0`` uses one thread
        per CPU (never more than there are texts); each thread has its own
        scanner. Items may mix str and bytes; each result has its input's type.

        All or nothing: if any item fails (a wrong type, a lone surrogate, over
        the size limit), the call raises for the first failing item, naming its
        index (``texts[3]``) and never its text, and returns nothing.

        Example:
            >>> import phimask
            >>> engine = phimask.default_engine()
            >>> [r.text for r in engine.redact_many(["SSN 123-45-6789", "fine"], threads=2)]
            ['SSN {US_SOCIAL_SECURITY_NUMBER}', 'fine']
        """
        if isinstance(texts, (str, bytes)):
            raise TypeError(
                "Engine.redact_many() expects an iterable of str or bytes, not a single "
                f"{type(texts).__name__}; use Engine.redact()"
            )
        if not isinstance(threads, int) or isinstance(threads, bool):
            raise TypeError(f"Engine.redact_many() expects threads as int, not {type(threads).__name__}")
        if threads < 0:
            raise ValueError("Engine.redact_many(): threads must be >= 0")
        return self._core.redact_many(texts, threads)

    def __repr__(self) -> str:
        return f"phimask.Engine(policy_version={self.policy_version!r})"

    def __reduce__(self) -> NoReturn:
        raise TypeError(
            "phimask.Engine cannot be pickled: save it with engine.save(path) "
            "and load it with phimask.Engine.load(path), or pass the policy"
        )
