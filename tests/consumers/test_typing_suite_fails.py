"""The typing suite (tests/typing, run by `make lint`) can fail: mypy run on it against a copy of the
package in which one field has lost its type reports that field's `assert_type` line."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import nip.parameters

pytestmark = pytest.mark.slow  # a mypy run on a copy of the package

REPO = Path(__file__).resolve().parents[2]
SUITE = REPO / "tests" / "typing" / "assert_types.py"


def _mypy(package_root: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MYPYPATH": str(package_root)}
    command = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", str(cache),
               "--config-file", os.devnull, "--no-site-packages", "--follow-imports=silent",
               "--ignore-missing-imports", str(SUITE)]  # the copy only, not the installed package
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=600, cwd=REPO)


def test_a_field_that_loses_its_type_fails_the_suite(tmp_path) -> None:
    copy_root = tmp_path / "src"
    package = Path(nip.parameters.__file__).parent
    shutil.copytree(package.parent, copy_root / "nip", ignore=shutil.ignore_patterns("__pycache__"))
    trainers = copy_root / "nip" / "parameters" / "trainers.py"
    text = trainers.read_text(encoding="utf-8")
    loose, count = re.subn(r"^(    lr): float = ", r"\1: Any = ", text, flags=re.MULTILINE)
    assert count == 1, "the learning-rate field of RlTrainerParameters was not found"
    trainers.write_text(loose, encoding="utf-8")

    result = _mypy(copy_root, tmp_path / "cache")
    assert result.returncode == 1, result.stdout + result.stderr
    line = next(i for i, text in enumerate(SUITE.read_text().splitlines(), 1)
                if "assert_type(params.rl.lr, float)" in text)
    assert f"assert_types.py:{line}: error: Expression is of type \"Any\", not \"float\"" in result.stdout
    assert result.stdout.count(": error:") == 1, result.stdout
