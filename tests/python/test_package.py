"""The installed package: versions, packaged models, typing files, nothing else installed."""

from __future__ import annotations

import importlib.metadata
import os

import phimask


def test_versions_agree() -> None:
    assert phimask.__version__ == importlib.metadata.version("phimask")
    assert phimask._phimask.hyperscan_version()


def test_models_are_packaged() -> None:
    assert phimask.model_dirs()[-1] == phimask.MODELS_DIR
    for name in ("us_core.json", "us_names.json", "us_places.json", "lexicons/first_names.txt"):
        assert os.path.isfile(os.path.join(phimask.MODELS_DIR, name)), name


def test_typing_files_are_installed() -> None:
    root = os.path.dirname(phimask.__file__)
    assert os.path.isfile(os.path.join(root, "py.typed"))
    assert os.path.isfile(os.path.join(root, "_phimask.pyi"))


def test_no_cli_headers_or_cmake_files_installed() -> None:
    files = [str(f) for f in (importlib.metadata.files("phimask") or [])]
    assert files
    assert not [f for f in files if f.endswith((".h", ".cmake", ".a")) or "/bin/" in f or f.startswith("bin/")]


def test_public_names_have_docstrings() -> None:
    for name in phimask.__all__:
        obj = getattr(phimask, name)
        if callable(obj) or isinstance(obj, type):
            assert obj.__doc__ and len(obj.__doc__) > 40, name
    for name in ("redact", "detect", "redact_many", "load", "save", "from_bytes", "to_bytes"):
        assert ">>>" in (getattr(phimask.Engine, name).__doc__ or ""), name
