"""Keeps PHI out of logs: a :class:`logging.Filter` that redacts each record before a handler formats it.

Attach :class:`RedactingFilter` to a handler (it then sees every record that
reaches the handler, from any logger) or to a logger (it then sees only the
records logged on that very logger: the standard library does not run a
logger's filters on records propagated from its children). :func:`install`
does both for the root logger, which is what a Lambda function wants::

    import logging
    import phimask.logging

    logging.getLogger().setLevel(logging.INFO)
    phimask.logging.install()          # every handler of the root logger, and the root logger
    log = logging.getLogger(__name__)
    log.info("patient %s, SSN %s", "Jane Roe", "123-45-6789")
    # -> patient {NAME}, SSN {US_SOCIAL_SECURITY_NUMBER}

Or in a ``dictConfig``::

    "filters": {"phi": {"()": "phimask.logging.RedactingFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["phi"]}},

What is redacted, in place on the record:

- the message: ``record.getMessage()`` (``msg % args``) is redacted as one text,
  so a label in the format string gives context to a value in the args
  (``"SSN %s"``); the result becomes ``record.msg`` and ``record.args`` is
  cleared, so no handler formats the raw args again. A ``%`` in the redacted
  text stays as it is (with no args, ``getMessage`` does not format).
- an exception: ``exc_info`` is formatted once (as :class:`logging.Formatter`
  does) and redacted into ``record.exc_text``, which formatters print instead
  of formatting ``exc_info`` again (so a custom ``formatException`` is not
  used for these records). ``exc_info`` itself becomes a
  :class:`RedactedException` holding the redacted last line and no traceback,
  so a formatter or error tracker that reads ``exc_info`` (the Lambda
  runtime's JSON log format, frame-local capture) gets no raw text or frames.
- ``stack_info``, and any ``exc_text`` a handler already cached.
- ``extra`` attributes (``log.info("...", extra={"patient": ...})``): string
  values, and strings inside dicts, lists and tuples; other objects are kept.
- ``record.message``, when a formatter already set it.

Fail closed: if anything goes wrong (the engine raises, the args do not match
the format, an object's ``__str__`` raises), the message becomes a fixed
placeholder naming only the exception class, the args, exception and stack
are dropped, and every extra attribute becomes the placeholder too. The
filter never raises into the code that logs and never drops a record. A
record whose text the policy blocks gets :data:`BLOCKED_MESSAGE`.
"""

from __future__ import annotations

import logging
import threading
import traceback

from ._walk import Redactor, redact_document, resolve_engine

__all__ = ["BLOCKED_MESSAGE", "WITHHELD_MESSAGE", "RedactedException", "RedactingFilter", "install"]

#: The message of a record whose redaction failed; ``{error}`` is the exception's class name.
WITHHELD_MESSAGE = "[phimask: log message withheld, redaction failed: {error}]"
#: The message (or exception, stack, extra value) of a record whose text the policy blocks.
BLOCKED_MESSAGE = "[phimask: blocked by policy]"

# Attributes every LogRecord has (plus those formatters add); the rest came from extra=.
_STANDARD_ATTRS = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime", "taskName"}
# The record's msg once redacted: a second filter on the same record (logger and
# handler both) sees it and does nothing.
_MARK = "_phimask_redacted"
_FORMATTER = logging.Formatter()
_state = threading.local()


class RedactedException(Exception):
    """Stands in for a logged exception in ``record.exc_info`` once the record is redacted.

    Its message is the redacted last line of the original traceback
    (``ValueError: no chart for SSN {US_SOCIAL_SECURITY_NUMBER}``); it has no
    traceback, so formatters and error trackers that read ``exc_info`` (JSON
    log formats, frame-local capture) get neither the raw message nor the
    frames' variables. The full redacted traceback is ``record.exc_text``.

    Example:
        >>> import phimask.logging
        >>> str(phimask.logging.RedactedException("ValueError: SSN {US_SOCIAL_SECURITY_NUMBER}"))
        'ValueError: SSN {US_SOCIAL_SECURITY_NUMBER}'
    """


def _redacted_exc_info(message: str) -> tuple[type[BaseException], BaseException, None]:
    return RedactedException, RedactedException(message), None


class RedactingFilter(logging.Filter):
    """Redacts every record it sees with a phimask engine; never rejects a record.

    Args:
        engine: the engine to redact with; ``None`` (the default) uses the
            module-level default engine (:func:`phimask.default_engine`),
            created on the first record, not when the filter is.
        name: as :class:`logging.Filter`'s ``name``: records of other loggers
            pass through **unredacted**; leave it empty (the default) to
            redact everything.
        redact_extra: also redact attributes given with ``extra=`` (default True).

    Thread-safe: one filter may serve every thread. Records logged while this
    thread is inside the filter (the engine's own warning when the default
    engine is first built) are passed through if they come from the
    ``phimask`` logger, whose messages hold no input text, and withheld otherwise.

    Example:
        >>> import io, logging, phimask.logging
        >>> stream = io.StringIO()
        >>> handler = logging.StreamHandler(stream)
        >>> handler.addFilter(phimask.logging.RedactingFilter())
        >>> log = logging.getLogger("doctest.phimask")
        >>> log.addHandler(handler)
        >>> log.warning("callback %s", "(617) 555-0142")
        >>> stream.getvalue()
        'callback {PHONE}\\n'
        >>> log.removeHandler(handler)
    """

    def __init__(self, engine: Redactor | None = None, name: str = "", *, redact_extra: bool = True) -> None:
        super().__init__(name)
        self.engine = engine
        self.redact_extra = redact_extra

    def filter(self, record: logging.LogRecord) -> bool:
        """Redacts ``record`` in place and returns True (never drops it)."""
        if not super().filter(record):
            return True  # another logger's record, by the caller's choice of name
        mark = getattr(record, _MARK, None)
        if mark is not None and mark[0] is record.msg and mark[1] is self.engine and not record.args:
            return True  # this record was already redacted with this engine (filter on logger and handler)
        if getattr(_state, "active", False):
            if not (record.name == "phimask" or record.name.startswith("phimask.")):
                _withhold(record, "RecursionError")
            return True
        _state.active = True
        try:
            self._redact_record(record)
        except Exception as e:  # noqa: BLE001 - fail closed on anything
            _withhold(record, type(e).__name__)
        finally:
            _state.active = False
        return True

    def _redact_record(self, record: logging.LogRecord) -> None:
        engine = resolve_engine(self.engine)
        message = _redact_text(engine, record.getMessage())
        exc_text = record.exc_text
        exc_info = None
        if record.exc_info:
            exc_text = exc_text or _FORMATTER.formatException(record.exc_info)
            exc_type, exc_value = record.exc_info[0], record.exc_info[1]
            if exc_type is not None:
                last = "".join(traceback.format_exception_only(exc_type, exc_value)).strip()
                exc_info = _redacted_exc_info(_redact_text(engine, last))
        exc_text = _redact_text(engine, exc_text) if exc_text else exc_text
        stack_info = _redact_text(engine, record.stack_info) if record.stack_info else record.stack_info
        extras: dict[str, object] = {}
        if self.redact_extra:
            for key, value in vars(record).items():
                if key not in _STANDARD_ATTRS and key != _MARK and isinstance(value, (str, dict, list, tuple)):
                    extras[key] = redact_document(value, lambda t, _w: _redact_any(engine, t), "")
        # Nothing is changed until everything is redacted: a failure above leaves
        # the record to _withhold, never half redacted.
        record.msg = message
        record.args = None
        record.exc_info = exc_info
        record.exc_text = exc_text
        record.stack_info = stack_info
        for key, value in extras.items():
            setattr(record, key, value)
        if "message" in vars(record):
            record.message = message
        setattr(record, _MARK, (message, self.engine))


def _redact_text(engine: Redactor, text: str) -> str:
    result = engine.redact(text)
    return BLOCKED_MESSAGE if result.blocked else result.text


def _redact_any(engine: Redactor, value: object) -> str:
    # Only strings reach here (redact_document hands over str leaves only).
    return _redact_text(engine, value) if isinstance(value, str) else BLOCKED_MESSAGE


def _withhold(record: logging.LogRecord, error: str) -> None:
    placeholder = WITHHELD_MESSAGE.format(error=error)
    for key in [k for k in vars(record) if k not in _STANDARD_ATTRS and k != _MARK]:
        vars(record)[key] = placeholder
    record.msg = placeholder
    record.args = None
    record.exc_info = None
    record.exc_text = None
    record.stack_info = None
    if "message" in vars(record):
        record.message = placeholder
    setattr(record, _MARK, (placeholder, None))


def install(
    logger: logging.Logger | str | None = None, *, engine: Redactor | None = None, redact_extra: bool = True
) -> RedactingFilter:
    """Adds one :class:`RedactingFilter` to ``logger`` and to each of its current handlers.

    ``logger`` is a logger or its name; ``None`` means the root logger, whose
    handlers see the records of every logger that propagates (the AWS Lambda
    Python runtime puts its handler there). The handler filters cover records
    propagated from child loggers; the logger filter covers its own records
    even before a handler is added. Handlers added later are not covered:
    call ``install`` again, or add the returned filter to them. Calling it
    twice adds no second filter to a logger or handler that has one.
    Returns the filter it added, to add to handlers created later.

    Example:
        >>> import logging, phimask.logging
        >>> log = logging.getLogger("doctest.install")
        >>> f = phimask.logging.install(log)
        >>> f in log.filters
        True
        >>> log.removeFilter(f)
    """
    if logger is None or isinstance(logger, str):
        logger = logging.getLogger(logger)
    new = RedactingFilter(engine, redact_extra=redact_extra)
    for target in [logger, *logger.handlers]:
        if not any(isinstance(f, RedactingFilter) for f in target.filters):
            target.addFilter(new)
    return new
