"""Span, Summary and Result: immutable values with PHI-free reprs."""

from __future__ import annotations

import copy
import pickle

import phimask
import pytest

TEXT = "Pt SSN 123-45-6789, call (617) 555-0142"


@pytest.fixture(scope="module")
def result() -> phimask.Result[str]:
    return phimask.redact(TEXT)


def test_span_fields(result: phimask.Result[str]) -> None:
    s = result.spans[0]
    assert (s.start, s.end, s.type, s.action, s.detector) == (
        7,
        18,
        "US_SOCIAL_SECURITY_NUMBER",
        "placeholder",
        "us_ssn",
    )
    assert isinstance(s.start, int) and isinstance(s.score, float) and 0.0 <= s.score <= 1.0


def test_span_is_immutable(result: phimask.Result[str]) -> None:
    s = result.spans[0]
    for name in ("start", "end", "type", "score", "action", "detector"):
        with pytest.raises(AttributeError):
            setattr(s, name, 0)
    with pytest.raises(AttributeError):
        s.extra = 1  # type: ignore[attr-defined]


def test_span_equality_and_hash(result: phimask.Result[str]) -> None:
    s = result.spans[0]
    twin = phimask.Span(s.start, s.end, s.type, s.score, s.action, s.detector)
    assert s == twin and hash(s) == hash(twin)
    assert s != result.spans[1]
    assert s != "not a span"
    assert len({s, twin, result.spans[1]}) == 2
    with pytest.raises(ValueError):
        phimask.Span(5, 2, "X", 1.0, "placeholder", "d")


def test_reprs_never_show_text(result: phimask.Result[str]) -> None:
    for value in (result, result.summary, *result.spans):
        assert "123-45" not in repr(value) and "555-0142" not in repr(value)
    assert repr(result.spans[0]).startswith("Span(start=7, end=18, type='US_SOCIAL_SECURITY_NUMBER'")


def test_summary_is_immutable(result: phimask.Result[str]) -> None:
    summary = result.summary
    assert dict(summary.counts) == {"US_SOCIAL_SECURITY_NUMBER": 1, "PHONE": 1}
    with pytest.raises(TypeError):
        summary.counts["PHONE"] = 5  # type: ignore[index]
    with pytest.raises(AttributeError):
        summary.blocked = True  # type: ignore[misc]
    assert summary.blocking_types == ()
    assert summary.policy_version == phimask.default_engine().policy_version
    assert hash(summary) == hash(pickle.loads(pickle.dumps(summary)))


def test_result_is_immutable(result: phimask.Result[str]) -> None:
    for name in ("text", "spans", "summary", "blocked"):
        with pytest.raises(AttributeError):
            setattr(result, name, None)
    assert isinstance(result.spans, tuple)


def test_values_pickle_and_copy(result: phimask.Result[str]) -> None:
    for value in (result, result.summary, result.spans[0]):
        assert pickle.loads(pickle.dumps(value)) == value
        assert copy.deepcopy(value) == value
    assert pickle.loads(pickle.dumps(result)).text == result.text


def test_result_is_generic_in_annotations() -> None:
    assert phimask.Result[str] is not None


def test_values_can_be_rebuilt_from_their_fields(result: phimask.Result[str]) -> None:
    summary = result.summary
    twin = phimask.Summary(dict(summary.counts), summary.policy_version, summary.blocked, list(summary.blocking_types))
    assert twin == summary and hash(twin) == hash(summary)
    assert phimask.Result(result.text, list(result.spans), summary) == result
    with pytest.raises(TypeError):
        phimask.Summary({"PHONE": "one"}, "v", False, ())
    with pytest.raises(TypeError):
        phimask.Result(result.text, ["not a span"], summary)
    with pytest.raises(TypeError):
        phimask.Result(42, (), summary)
    with pytest.raises(ValueError):
        phimask.Span(-1, 2, "X", 1.0, "placeholder", "d")


def test_result_is_not_hashable_and_types_are_final(result: phimask.Result[str]) -> None:
    with pytest.raises(TypeError):
        hash(result)
    for cls in (phimask.Span, phimask.Summary, phimask.Result):
        with pytest.raises(TypeError):
            type("Sub", (cls,), {})
    assert str(phimask.Result[bytes]) == "phimask._phimask.Result[bytes]"
