"""The package's types, as a type checker sees them: mypy --strict on a typed example."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def mypy(path: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--cache-dir", str(cache), str(path)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_typed_example_passes_strict_mypy(tmp_path: Path) -> None:
    done = mypy(HERE / "typing_example.py", tmp_path / "cache")
    assert done.returncode == 0, done.stdout + done.stderr


def test_overloads_keep_str_and_bytes_apart(tmp_path: Path) -> None:
    # The check above must be able to fail: bytes input does not give str text.
    bad = tmp_path / "bad.py"
    shutil.copy(HERE / "typing_example.py", bad)
    with bad.open("a") as f:
        f.write('wrong: str = phimask.redact(b"x").text\n')
    done = mypy(bad, tmp_path / "cache")
    assert done.returncode == 1
    assert 'Incompatible types in assignment (expression has type "bytes", variable has type "str")' in done.stdout
