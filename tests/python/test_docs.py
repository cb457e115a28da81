"""Every example in the package's docstrings runs and gives what it shows."""

from __future__ import annotations

import doctest

import phimask
import phimask._default
import phimask._engine
import phimask._phimask
import phimask._stream
import phimask.errors
import pytest

MODULES = [phimask, phimask._engine, phimask._default, phimask.errors, phimask._phimask, phimask._stream]


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_docstring_examples(module: object) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)  # type: ignore[arg-type]
    assert result.attempted > 0
    assert result.failed == 0
