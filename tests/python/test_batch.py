"""Engine.redact_many: parallel in C++, input order, all-or-nothing errors."""

from __future__ import annotations

import phimask
import pytest
from conftest import SSN_LIKE


def texts(n: int) -> list[str]:
    return [f"row {i}: SSN {100 + i % 800:03d}-45-6789 " + "x" * (i % 37) for i in range(n)]


@pytest.mark.parametrize("threads", [0, 1, 2, 3, 16])
def test_results_in_input_order(ssn_engine: phimask.Engine, threads: int) -> None:
    items = texts(500)
    results = ssn_engine.redact_many(items, threads=threads)
    assert results == [ssn_engine.redact(t) for t in items]


def test_mixed_str_and_bytes_keep_their_types(default_engine: phimask.Engine) -> None:
    items = ["SSN 123-45-6789 😀", b"call 617-555-0123", "nothing", b""]
    results = default_engine.redact_many(items)
    assert [type(r.text) for r in results] == [str, bytes, str, bytes]
    assert results[0].text == "SSN {US_SOCIAL_SECURITY_NUMBER} 😀"
    assert results[1].text == b"call {PHONE}"
    s = results[0].spans[0]
    assert items[0][s.start : s.end] == "123-45-6789"


def test_any_iterable_and_empty(ssn_engine: phimask.Engine) -> None:
    assert ssn_engine.redact_many([]) == []
    gen = (t for t in texts(5))
    assert len(ssn_engine.redact_many(gen, threads=2)) == 5


def test_default_engine_batch() -> None:
    [r] = phimask.redact_many(["SSN 123-45-6789"])
    assert r.text == "SSN {US_SOCIAL_SECURITY_NUMBER}"


def test_bad_item_fails_the_call_naming_its_index() -> None:
    engine = phimask.Engine(SSN_LIKE, max_input_bytes=40)
    items = ["ok 123-45-6789", "Jane Roe SSN 987-65-4320 lives at 12 Elm Street", "ok"]
    with pytest.raises(phimask.InputError) as info:
        engine.redact_many(items, threads=2)
    assert str(info.value).startswith("texts[1]: ")
    assert "Jane" not in str(info.value) and "987-65" not in str(info.value)


def test_lone_surrogate_item_is_named() -> None:
    engine = phimask.Engine(SSN_LIKE)
    with pytest.raises(phimask.InputError, match=r"^texts\[2\]: .*index 4"):
        engine.redact_many(["a", "b", "SSN \ud800 123-45-6789"])


def test_argument_errors(ssn_engine: phimask.Engine) -> None:
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        ssn_engine.redact_many(["a", 5])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="single str"):
        ssn_engine.redact_many("abc")
    with pytest.raises(ValueError, match="threads"):
        ssn_engine.redact_many(["a"], threads=-1)
    with pytest.raises(TypeError, match="threads"):
        ssn_engine.redact_many(["a"], threads=1.5)  # type: ignore[arg-type]


def test_gil_is_released_during_the_batch(default_engine: phimask.Engine) -> None:
    import sys
    import threading

    items = ["Pt Jane Roe, SSN 123-45-6789, seen 01/15/2023 at 12 Elm Street, Springfield, IL. " * 25] * 300
    old = sys.getswitchinterval()
    sys.setswitchinterval(0.0005)
    try:
        worker = threading.Thread(target=default_engine.redact_many, args=(items,), kwargs={"threads": 1})
        spins = 0
        worker.start()
        while worker.is_alive():
            spins += 1
        worker.join()
    finally:
        sys.setswitchinterval(old)
    # Holding the GIL for the batch would leave this thread one switch interval (a few thousand spins).
    assert spins > 50_000


@pytest.mark.parametrize("threads", [1, 2])
def test_first_failing_item_in_order_is_reported(threads: int) -> None:
    # Results are handed back while the workers go on: the first failure in
    # input order is raised, and the engine is usable afterwards.
    engine = phimask.Engine(SSN_LIKE, max_input_bytes=64)
    items = ["ok 123-45-6789"] * 400
    items[150] = items[300] = "x" * 65
    for _ in range(3):
        with pytest.raises(phimask.InputError, match=r"^texts\[150\]: "):
            engine.redact_many(items, threads=threads)
    assert engine.redact_many(items[:150], threads=threads) == [engine.redact(t) for t in items[:150]]
