"""The module-level default engine: one line, created once, thread-safe, fast to load."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading

import phimask


def test_redact_and_detect_in_one_line() -> None:
    assert phimask.redact("Pt SSN 123-45-6789").text == "Pt SSN {US_SOCIAL_SECURITY_NUMBER}"
    assert [s.type for s in phimask.detect("call (617) 555-0142")] == ["PHONE"]
    assert phimask.redact(b"SSN 123-45-6789").text == b"SSN {US_SOCIAL_SECURITY_NUMBER}"


def test_created_once_across_threads() -> None:
    seen: list[phimask.Engine] = []
    threads = [threading.Thread(target=lambda: seen.append(phimask.default_engine())) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(e) for e in seen}) == 1


def test_packaged_engine_file_is_the_default_policy() -> None:
    assert os.path.isfile(phimask.DEFAULT_ENGINE_FILE)
    loaded = phimask.Engine.load(phimask.DEFAULT_ENGINE_FILE)
    compiled = phimask.Engine()
    assert loaded.policy_version == compiled.policy_version == phimask.default_engine().policy_version
    text = "Jane Roe, SSN 123-45-6789, seen 01/15/2023 at 12 Elm Street, Springfield, IL 62704."
    assert loaded.redact(text) == compiled.redact(text)


def run_fresh(code: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-W", "error::RuntimeWarning", "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_fresh_interpreter_loads_the_packaged_engine() -> None:
    env = {k: v for k, v in os.environ.items() if k != "PHIMASK_MODELS_PATH"}
    out = run_fresh("import phimask; print(phimask.redact('SSN 123-45-6789').text)", env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "SSN {US_SOCIAL_SECURITY_NUMBER}"


def test_refused_engine_file_falls_back_to_compiling(tmp_path) -> None:
    bad = tmp_path / "default.engine"
    bad.write_bytes(b"not an engine")
    code = (
        "import warnings, phimask, phimask._default as d\n"
        f"d.DEFAULT_ENGINE_FILE = {str(bad)!r}\n"
        "with warnings.catch_warnings(record=True) as w:\n"
        "    warnings.simplefilter('always')\n"
        "    print(phimask.redact('SSN 123-45-6789').text)\n"
        "print(len(w), 'cannot be used' in str(w[0].message))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PHIMASK_MODELS_PATH"}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[:2] == ["SSN {US_SOCIAL_SECURITY_NUMBER}", "1 True"]


def test_models_path_environment_is_honoured_and_not_changed(tmp_path) -> None:
    pack = {
        "pack": "site_pack",
        "version": 1,
        "detectors": [{"name": "badge", "type": "BADGE_ID", "pattern": "BADGE-[0-9]{5}"}],
    }
    (tmp_path / "site_pack.json").write_text(json.dumps(pack))
    env = {**os.environ, "PHIMASK_MODELS_PATH": str(tmp_path)}
    code = (
        "import os, phimask\n"
        "e = phimask.Engine({'packs': ['site_pack']})\n"
        "print(e.redact('BADGE-12345 SSN 123-45-6789').text)\n"
        "print(os.environ['PHIMASK_MODELS_PATH'] == " + repr(str(tmp_path)) + ")\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[:2] == ["{BADGE_ID} SSN 123-45-6789", "True"]
