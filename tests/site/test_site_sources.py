"""`python -m codegen.site OUT` rebuilds OUT only when it made it: it never deletes anything else."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # runs the site generator several times

REPO = Path(__file__).resolve().parents[2]


def _assemble(out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "codegen.site", str(out)], cwd=REPO,
                          capture_output=True, text=True, check=False)


@pytest.mark.parametrize("make", ["folder with a file", "file", "symlink to a folder", "repository"])
def test_an_output_it_did_not_make_is_refused_and_kept(tmp_path: Path, make: str) -> None:
    keep = tmp_path / "mine"
    keep.mkdir()
    (keep / "notes.txt").write_text("precious")
    out = {"folder with a file": keep, "file": keep / "notes.txt", "repository": REPO}.get(make)
    if make == "symlink to a folder":
        out = tmp_path / "link"
        out.symlink_to(keep)
    assert out is not None
    done = _assemble(out)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("python -m codegen.site: error: ") and "Traceback" not in done.stderr
    assert (keep / "notes.txt").read_text() == "precious"
    assert (REPO / "README.md").is_file()


def test_its_own_output_is_rebuilt(tmp_path: Path) -> None:
    out = tmp_path / "src"
    assert _assemble(out).returncode == 0
    (out / "stale.md").write_text("left from an older build")
    assert _assemble(out).returncode == 0
    assert not (out / "stale.md").exists() and (out / "reference" / "index.rst").is_file()


def test_a_build_killed_half_way_is_replaced_by_the_next(tmp_path: Path) -> None:
    """The marker is written before anything else, so a `kill -9` mid-copy never blocks the next run."""
    out = tmp_path / "src"
    build = subprocess.Popen([sys.executable, "-m", "codegen.site", str(out)], cwd=REPO)
    while not (out / ".nip-site-sources").exists() and build.poll() is None:
        time.sleep(0.001)
    build.kill()
    build.wait()
    assert _assemble(out).returncode == 0
    assert (out / "reference" / "index.rst").is_file()
