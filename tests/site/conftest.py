"""The documentation site, built once per test session exactly as `make docs` builds it.

Under pytest-xdist every worker asks for it: the first one builds it into the session's shared
temporary folder, under a file lock, and the others wait for that build and reuse it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from filelock import FileLock
from site_html import INSTALL_BROWSER, have_browser

REPO = Path(__file__).resolve().parents[2]


def _build(out: Path) -> None:
    steps = [
        [sys.executable, "-m", "codegen.site", str(out / "src")],
        [sys.executable, "-m", "sphinx", "-q", "-W", "--keep-going", "-n", "-b", "html",
         str(out / "src"), str(out / "html")],
    ]
    for command in steps:
        done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
        if done.returncode != 0 or done.stderr.strip():
            (out / "failed").write_text(f"{' '.join(command[1:4])} failed:\n{done.stdout}\n{done.stderr}")
            return
    (out / "built").touch()


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    """The built HTML folder. The build treats every warning as an error, so a passing fixture
    already means a warning-free, nitpicky build."""
    if not hasattr(request.config, "workerinput"):  # not an xdist worker: this session's own folder
        out = tmp_path_factory.mktemp("site")
    else:  # the folder every worker of this run shares
        out = tmp_path_factory.getbasetemp().parent / "site"
    out.mkdir(exist_ok=True)
    with FileLock(str(out) + ".lock"):
        if not (out / "built").exists() and not (out / "failed").exists():
            _build(out)
    if (out / "failed").exists():
        pytest.fail((out / "failed").read_text(), pytrace=False)
    return out / "html"


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say it at the end of the run, not only in the skip reason (`make test` runs pytest -q)."""
    if not have_browser():
        terminalreporter.write_line(
            "tests/site: the documentation site's browser test was skipped: no headless Chromium. "
            f"Install it with: {INSTALL_BROWSER}", yellow=True)
