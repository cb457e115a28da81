"""phimask.logging.RedactingFilter with the real logging module: what handlers see.

Every value below is synthetic.
"""

from __future__ import annotations

import doctest
import io
import json
import logging
import logging.config
import sys
import threading
import traceback
from collections.abc import Iterator
from dataclasses import dataclass

import phimask
import phimask.logging
import pytest
from phimask.logging import BLOCKED_MESSAGE, RedactingFilter

NAME = "Maria Alvarez"
SSN = "219-45-8832"
PHONE = "(617) 555-0142"
EMAIL = "m.alvarez@example.org"
VALUES = (NAME, "Alvarez", SSN, PHONE, "555-0142", EMAIL)


#: A plugin-only policy (compiles in milliseconds): SSN-shaped values are blocked, phone-shaped ones replaced.
BLOCK_SSN = {
    "packs": [],
    "detectors": [
        {"name": "ssn_like", "type": "US_SOCIAL_SECURITY_NUMBER", "pattern": r"\b\d{3}-\d{2}-\d{4}\b"},
        {"name": "phone_like", "type": "PHONE", "pattern": r"\(\d{3}\) \d{3}-\d{4}"},
    ],
    "actions": {"US_SOCIAL_SECURITY_NUMBER": "block"},
}


@pytest.fixture(scope="module")
def blocking_engine() -> phimask.Engine:
    return phimask.Engine(BLOCK_SSN)


def assert_no_phi(text: str) -> None:
    for value in VALUES:
        assert value not in text


class Captured:
    """A logger whose one handler writes formatted records to a string."""

    def __init__(self, name: str, fmt: str = "%(message)s") -> None:
        self.stream = io.StringIO()
        self.handler = logging.StreamHandler(self.stream)
        self.handler.setFormatter(logging.Formatter(fmt))
        self.logger = logging.getLogger(name)
        self.logger.setLevel(logging.DEBUG)
        self.logger.propagate = False
        self.logger.addHandler(self.handler)

    @property
    def text(self) -> str:
        return self.stream.getvalue()

    def close(self) -> None:
        self.logger.removeHandler(self.handler)
        for f in list(self.logger.filters):
            self.logger.removeFilter(f)
        self.logger.propagate = True


@pytest.fixture
def captured(request: pytest.FixtureRequest) -> Iterator[Captured]:
    c = Captured(f"phimask_test.{request.node.name}")
    c.handler.addFilter(RedactingFilter())
    yield c
    c.close()


@pytest.fixture
def raw(request: pytest.FixtureRequest) -> Iterator[Captured]:
    c = Captured(f"phimask_test_raw.{request.node.name}")
    yield c
    c.close()


class CountingEngine:
    """Wraps an engine and counts its redact calls."""

    def __init__(self, engine: phimask.Engine) -> None:
        self.engine = engine
        self.calls = 0

    def redact(self, text: str) -> phimask.Result[str]:
        self.calls += 1
        return self.engine.redact(text)


@dataclass
class FakeResult:
    text: str
    blocked: bool = False


class FailingEngine:
    def redact(self, text: str) -> phimask.Result[str]:
        raise phimask.InternalError("internal error: simulated")


def test_docstring_examples() -> None:
    result = doctest.testmod(phimask.logging, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


def test_submodule_name_leaves_the_stdlib_logging_module_alone() -> None:
    assert issubclass(RedactingFilter, logging.Filter)
    assert sys.modules["logging"] is logging
    assert vars(phimask.logging)["logging"] is logging  # the submodule's own `import logging` is the stdlib


def test_args_are_redacted_with_the_format_string_as_context(captured: Captured) -> None:
    captured.logger.info("patient %s, SSN %s, call %s", NAME, SSN, PHONE)
    assert captured.text == "patient {NAME}, SSN {US_SOCIAL_SECURITY_NUMBER}, call {PHONE}\n"


def test_values_in_the_message_itself_are_redacted(captured: Captured) -> None:
    captured.logger.warning(f"Patient {NAME} wrote from {EMAIL}")
    assert_no_phi(captured.text)
    assert "{EMAIL}" in captured.text


def test_dict_args(captured: Captured) -> None:
    captured.logger.info("callback for %(who)s at %(phone)s", {"who": NAME, "phone": PHONE})
    assert_no_phi(captured.text)
    assert captured.text.endswith("at {PHONE}\n")


def test_text_without_phi_is_unchanged_and_percent_signs_survive(captured: Captured) -> None:
    captured.logger.info("100%% of %d claims done, 5%% retried; SSN %s", 42, SSN)
    captured.logger.info("plain 50% text, no args")
    assert captured.text == (
        "100% of 42 claims done, 5% retried; SSN {US_SOCIAL_SECURITY_NUMBER}\nplain 50% text, no args\n"
    )


def test_a_non_string_message_is_redacted(captured: Captured) -> None:
    captured.logger.info({"patient": NAME, "ssn": SSN})
    assert_no_phi(captured.text)


def test_record_is_rewritten_before_the_handler_formats_it(captured: Captured) -> None:
    seen: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(record)

    keep = Keep()
    keep.addFilter(RedactingFilter())
    captured.logger.addHandler(keep)
    try:
        captured.logger.info("SSN %s", SSN)
    finally:
        captured.logger.removeHandler(keep)
    (record,) = seen
    assert record.msg == "SSN {US_SOCIAL_SECURITY_NUMBER}"
    assert not record.args
    assert record.getMessage() == "SSN {US_SOCIAL_SECURITY_NUMBER}"


def test_exception_message_with_phi_is_redacted(captured: Captured) -> None:
    try:
        raise ValueError(f"no chart for SSN {SSN}, phone {PHONE}")
    except ValueError:
        captured.logger.exception("lookup failed for %s", NAME)
    text = captured.text
    assert_no_phi(text)
    assert "Traceback (most recent call last)" in text
    assert "ValueError: no chart for SSN {US_SOCIAL_SECURITY_NUMBER}, phone {PHONE}" in text


def test_formatters_that_read_exc_info_get_a_redacted_stand_in(captured: Captured) -> None:
    class JsonFormatter(logging.Formatter):  # as the Lambda runtime's JSON log format reads exceptions
        def format(self, record: logging.LogRecord) -> str:
            entry: dict[str, object] = {"message": record.getMessage()}
            if record.exc_info:
                exc_type, exc_value, exc_tb = record.exc_info
                entry["errorType"] = exc_type.__name__ if exc_type else None
                entry["errorMessage"] = str(exc_value)
                entry["stackTrace"] = traceback.format_tb(exc_tb)
                entry["frames"] = len(traceback.extract_tb(exc_tb))
            return json.dumps(entry)

    captured.handler.setFormatter(JsonFormatter())
    try:
        raise KeyError(SSN)
    except KeyError:
        captured.logger.exception("failed for %s", NAME)
    assert_no_phi(captured.text)
    assert json.loads(captured.text) == {
        "message": "failed for {NAME}",
        "errorType": "RedactedException",
        "errorMessage": "KeyError: '{US_SOCIAL_SECURITY_NUMBER}'",
        "stackTrace": [],
        "frames": 0,
    }


def test_exc_text_cached_by_an_earlier_handler_is_redacted(raw: Captured) -> None:
    # The first handler (no filter) formats and caches exc_text; the second must not reuse it raw.
    second = io.StringIO()
    handler = logging.StreamHandler(second)
    handler.addFilter(RedactingFilter())
    raw.logger.addHandler(handler)
    try:
        try:
            raise RuntimeError(f"SSN {SSN}")
        except RuntimeError:
            raw.logger.exception("boom")
    finally:
        raw.logger.removeHandler(handler)
    assert SSN in raw.text  # the unfiltered handler: the reason to filter every handler
    assert_no_phi(second.getvalue())
    assert "RuntimeError: SSN {US_SOCIAL_SECURITY_NUMBER}" in second.getvalue()


def test_stack_info_is_redacted(captured: Captured) -> None:
    captured.logger.warning("SSN 219-45-8832 seen", stack_info=True)  # the source line is in the stack
    text = captured.text
    assert "Stack (most recent call last)" in text
    assert_no_phi(text)


def test_extra_attributes_are_redacted(captured: Captured) -> None:
    captured.handler.setFormatter(logging.Formatter("%(message)s|%(patient)s|%(contact)s|%(visits)s"))
    captured.logger.info("visit", extra={"patient": NAME, "contact": {"phone": PHONE, "n": 2}, "visits": 3})
    text = captured.text
    assert_no_phi(text)
    assert "{'phone': '{PHONE}', 'n': 2}|3" in text


def test_extra_attributes_kept_when_disabled(raw: Captured) -> None:
    raw.handler.addFilter(RedactingFilter(redact_extra=False))
    raw.handler.setFormatter(logging.Formatter("%(message)s|%(patient)s"))
    raw.logger.info("SSN %s", SSN, extra={"patient": NAME})
    assert raw.text == f"SSN {{US_SOCIAL_SECURITY_NUMBER}}|{NAME}\n"


def test_fail_closed_when_the_engine_raises(raw: Captured) -> None:
    raw.handler.addFilter(RedactingFilter(FailingEngine()))
    raw.handler.setFormatter(logging.Formatter("%(message)s|%(patient)s"))
    try:
        raise ValueError(SSN)
    except ValueError:
        raw.logger.exception("SSN %s", SSN, extra={"patient": NAME})
    text = raw.text
    assert_no_phi(text)
    assert text.startswith("[phimask: log message withheld, redaction failed: InternalError]|")
    assert "Traceback" not in text


def test_fail_closed_when_args_do_not_match_the_format(raw: Captured, capsys: pytest.CaptureFixture[str]) -> None:
    raw.handler.addFilter(RedactingFilter())
    raw.logger.info("SSN %s %s", SSN)  # noqa: PLE1206 - one arg short: getMessage raises inside the filter
    assert raw.text == "[phimask: log message withheld, redaction failed: TypeError]\n"
    assert_no_phi(capsys.readouterr().err)  # no '--- Logging error ---' dump of the args


def test_fail_closed_on_a_lone_surrogate(captured: Captured) -> None:
    captured.logger.info("SSN %s \ud800", SSN)
    assert captured.text == "[phimask: log message withheld, redaction failed: InputError]\n"


def test_fail_closed_when_an_argument_str_raises(captured: Captured) -> None:
    class Bad:
        def __str__(self) -> str:
            raise RuntimeError(SSN)

    captured.logger.info("value %s, SSN %s", Bad(), SSN)
    assert captured.text == "[phimask: log message withheld, redaction failed: RuntimeError]\n"


def test_blocked_records_get_the_blocked_message(raw: Captured, blocking_engine: phimask.Engine) -> None:
    raw.handler.addFilter(RedactingFilter(blocking_engine))
    raw.logger.info("SSN %s", SSN)
    raw.logger.info("call %s", PHONE)
    assert raw.text == f"{BLOCKED_MESSAGE}\ncall {{PHONE}}\n"


def test_filter_on_logger_and_handler_redacts_once(raw: Captured) -> None:
    engine = CountingEngine(phimask.default_engine())
    f = RedactingFilter(engine)
    raw.logger.addFilter(f)
    raw.handler.addFilter(f)
    raw.logger.info("SSN %s", SSN)
    assert raw.text == "SSN {US_SOCIAL_SECURITY_NUMBER}\n"
    assert engine.calls == 1


def test_logger_filter_does_not_see_child_records_but_install_covers_them(raw: Captured) -> None:
    child = logging.getLogger(raw.logger.name + ".child")
    raw.logger.addFilter(RedactingFilter())
    child.info("SSN %s", SSN)
    assert SSN in raw.text  # the standard library's rule, which install() exists for
    raw.stream.truncate(0)
    raw.stream.seek(0)
    returned = phimask.logging.install(raw.logger)
    again = phimask.logging.install(raw.logger)
    child.info("SSN %s", SSN)
    assert raw.text == "SSN {US_SOCIAL_SECURITY_NUMBER}\n"
    assert returned in raw.handler.filters
    assert again not in raw.handler.filters  # no second filter


def test_with_caplog(caplog: pytest.LogCaptureFixture) -> None:
    caplog.handler.addFilter(RedactingFilter())
    log = logging.getLogger("phimask_test.caplog")
    with caplog.at_level(logging.INFO, logger=log.name):
        log.info("patient %s, phone %s, email %s", NAME, PHONE, EMAIL)
    assert_no_phi(caplog.text)
    assert caplog.records[0].getMessage() == "patient {NAME}, phone {PHONE}, email {EMAIL}"


def test_dict_config_factory(raw: Captured) -> None:
    # The path dictConfig takes for {"filters": {"phi": {"()": "phimask.logging.RedactingFilter"}}},
    # without reconfiguring the process's logging (dictConfig would close pytest's handlers).
    configurator = logging.config.DictConfigurator({"version": 1})
    made = configurator.configure_filter({"()": "phimask.logging.RedactingFilter", "redact_extra": False})
    assert isinstance(made, RedactingFilter) and made.redact_extra is False
    raw.handler.addFilter(made)
    raw.logger.info("SSN %s", SSN)
    assert raw.text == "SSN {US_SOCIAL_SECURITY_NUMBER}\n"


def test_records_logged_while_redacting_do_not_deadlock_or_leak(raw: Captured) -> None:
    # The default engine's first build may log a warning on the 'phimask' logger while
    # the filter is running; such records pass (phimask's messages hold no input
    # text), and any other record logged from inside the filter is withheld.
    class LoggingEngine:
        def redact(self, text: str) -> FakeResult:
            raw.logger.warning("inner %s", SSN)
            logging.getLogger("phimask").warning("phimask: engine note")
            return FakeResult(text.upper())

    phimask_log = logging.getLogger("phimask")
    phimask_log.addHandler(raw.handler)
    raw.handler.addFilter(RedactingFilter(LoggingEngine()))
    try:
        raw.logger.info("outer")
    finally:
        phimask_log.removeHandler(raw.handler)
    lines = raw.text.splitlines()
    assert lines == [
        "[phimask: log message withheld, redaction failed: RecursionError]",
        "phimask: engine note",
        "OUTER",
    ]


def test_many_threads_get_the_same_output() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactingFilter())
    logger = logging.getLogger("phimask_test.threads")
    logger.propagate = False
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)

    def work() -> None:
        for _ in range(50):
            logger.info("SSN %s call %s", SSN, PHONE)

    threads = [threading.Thread(target=work) for _ in range(4)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        logger.removeHandler(handler)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 200
    assert set(lines) == {"SSN {US_SOCIAL_SECURITY_NUMBER} call {PHONE}"}
