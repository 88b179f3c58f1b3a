"""The documentation site, built once per test session exactly as `make docs` builds it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built HTML folder. The build treats every warning as an error, so a passing fixture
    already means a warning-free, nitpicky build."""
    out = tmp_path_factory.mktemp("site")
    steps = [
        [sys.executable, "-m", "codegen.site", str(out / "src")],
        [sys.executable, "-m", "sphinx", "-q", "-W", "--keep-going", "-n", "-b", "html",
         str(out / "src"), str(out / "html")],
    ]
    for command in steps:
        done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
        if done.returncode != 0 or done.stderr.strip():
            pytest.fail(f"{' '.join(command[1:4])} failed:\n{done.stdout}\n{done.stderr}", pytrace=False)
    return out / "html"
