"""phimask.Vault: a conversation's tokens and the values they stand for."""

from __future__ import annotations

from . import _phimask

TYPE_CHECKING = False  # typing is imported by type checkers only (_vault.pyi has the generic types)
if TYPE_CHECKING:
    from typing import AnyStr


class Restored:
    """What :meth:`Vault.restore` did. Its repr never shows the text.

    Attributes:
        text: the text with each known token replaced by its original value
            (str or bytes, as given); every other character as given.
        restored: how many tokens and surrogates were replaced.
        unknown: tokens found that the vault does not hold, once each in order,
            written canonically (``"{NAME_7}"``): a model invented or altered
            them. They carry no PHI and are left in the text as they were.
    """

    __slots__ = ("text", "restored", "unknown")
    __class_getitem__ = classmethod(type(list[int]))  # Restored[str] at run time (types.GenericAlias)

    def __init__(self, text: AnyStr, restored: int, unknown: tuple[str, ...]) -> None:
        self.text = text
        self.restored = restored
        self.unknown = unknown

    def __repr__(self) -> str:
        return f"Restored(restored={self.restored}, unknown={self.unknown!r})"


class Vault:
    """One conversation's mapping from tokens (``{NAME_1}``, ``{DATE_2}``...) to the values they replaced.

    Pass it to :meth:`Engine.redact` with a policy whose action is ``"token"``:
    the same value gets the same token in every message of the conversation
    (names compared without case and spacing, phone and ID numbers by their
    digits, dates by their calendar date). With ``"surrogate"`` the same value
    gets the same realistic replacement instead (names from the name lexicons,
    dates shifted by one offset per vault, identifiers with valid check
    digits), drawn from a secret of this vault. Send the redacted prompt to
    the model, then :meth:`restore` its answer: tokens, and surrogates written
    as they were sent (names in any case) on word boundaries. The mapping never leaves the
    process in plaintext: between turns (another Lambda invocation) keep
    :meth:`seal`'s encrypted bytes and :meth:`unseal` them.

    A vault may be shared by threads (each use is locked); different
    conversations need different vaults. Vaults do not pickle.

    Example:
        >>> import os, phimask
        >>> engine = phimask.Engine({"packs": ["us_core"], "actions": {"default": "token"}})
        >>> vault = phimask.Vault()
        >>> engine.redact("SSN 219-45-8832, call 617-555-0142", vault=vault).text
        'SSN {US_SOCIAL_SECURITY_NUMBER_1}, call {PHONE_1}'
        >>> engine.redact("Call (617) 555-0142 again", vault=vault).text
        'Call {PHONE_1} again'
        >>> vault.restore("I will call { phone_1 } about {US_SOCIAL_SECURITY_NUMBER_1}.").text
        'I will call 617-555-0142 about 219-45-8832.'
        >>> key = os.urandom(32)
        >>> later = phimask.Vault.unseal(vault.seal(key), key)
        >>> len(later)
        2
    """

    __slots__ = ("_core",)

    def __init__(self) -> None:
        self._core = _phimask.Vault()

    @classmethod
    def unseal(cls, data: bytes, key: bytes) -> Vault:
        """Opens bytes :meth:`seal` wrote, with the same 32-byte key.

        Raises:
            VaultError: the key is not 32 bytes, or is the wrong key; the bytes
                were altered, are not a sealed vault, or are of a newer format.
            TypeError: ``data`` or ``key`` is not bytes.
        """
        _check_bytes(data, "Vault.unseal()", "data")
        _check_bytes(key, "Vault.unseal()", "key")
        vault = cls.__new__(cls)
        vault._core = _phimask.Vault.unseal(bytes(data), bytes(key))
        return vault

    def seal(self, key: bytes) -> bytes:
        """The vault encrypted with AES-256-GCM under ``key`` (32 bytes): authenticated and versioned.

        Each call uses a fresh nonce, so two seals of the same vault differ.

        Raises:
            VaultError: ``key`` is not 32 bytes.
            TypeError: ``key`` is not bytes.
        """
        _check_bytes(key, "Vault.seal()", "key")
        return self._core.seal(bytes(key))

    def restore(self, text: AnyStr) -> Restored[AnyStr]:
        """Puts the original values back in place of the tokens in ``text`` (a model's answer).

        Tolerates what models do to tokens: case and spacing inside the braces
        (``{ name_1 }``), a line break inside them, quotes or a possessive
        around them (``'{NAME_1}'s``). Tokens the vault does not hold are left
        as they are and listed in ``unknown``; no value is ever invented.
        Surrogates are put back where written as they were sent (names in
        any case), on word boundaries, longest first; a surrogate the model
        rewrote (another date format, a shortened name) stays as it is.

        Raises:
            TypeError: ``text`` is neither str nor bytes.
        """
        restored_text, count, unknown = self._core.restore(text)
        return Restored(restored_text, count, unknown)

    def __len__(self) -> int:
        """The number of distinct values held."""
        return len(self._core)

    def __repr__(self) -> str:
        return f"Vault(values={len(self)})"

    def __reduce__(self) -> object:
        raise TypeError("a Vault does not pickle (it holds PHI): use seal() and Vault.unseal()")


def _check_bytes(value: object, call: str, name: str) -> None:
    if not isinstance(value, (bytes, bytearray, memoryview)):
        raise TypeError(f"{call} expects {name} as bytes, not {type(value).__name__}")
