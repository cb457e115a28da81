"""No leaks under repeated calls: Python allocations and process RSS stay bounded."""

from __future__ import annotations

import gc
import tracemalloc

import phimask
import pytest

TEXTS = [
    "Pt Jane Roe, SSN 123-45-6789, call (617) 555-0142, seen 01/15/2023 😀 at 12 Elm Street.",
    "SSN １２３-４５-６７８９ and j.doe@example.org".encode(),
]


def rss_kib() -> int:
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    import os

    return pages * os.sysconf("SC_PAGE_SIZE") // 1024


def exercise(engine: phimask.Engine, rounds: int) -> None:
    for _ in range(rounds):
        for text in TEXTS:
            r = engine.redact(text)
            engine.detect(text)
            assert r.spans
        engine.redact_many(TEXTS * 4, threads=2)
        try:
            engine.redact("x \ud800")
        except phimask.InputError:
            pass


def test_repeated_calls_do_not_leak(default_engine: phimask.Engine) -> None:
    exercise(default_engine, 300)  # warm up pools, caches and scratch
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    rss_before = rss_kib()
    exercise(default_engine, 3000)
    gc.collect()
    after = tracemalloc.take_snapshot()
    rss_after = rss_kib()
    tracemalloc.stop()
    grown = sum(stat.size_diff for stat in after.compare_to(before, "filename"))
    assert grown < 64 * 1024, f"Python allocations grew by {grown} bytes"
    # 3000 rounds redact ~100,000 texts: a leak of even 16 bytes a call would show.
    assert rss_after - rss_before < 4 * 1024, f"RSS grew by {rss_after - rss_before} KiB"


@pytest.mark.skipif(not hasattr(tracemalloc, "start"), reason="tracemalloc unavailable")
def test_engines_are_freed() -> None:
    from conftest import SSN_LIKE

    rss_before = rss_kib()
    for _ in range(200):
        phimask.Engine(SSN_LIKE).redact("123-45-6789")
    gc.collect()
    assert rss_kib() - rss_before < 8 * 1024
