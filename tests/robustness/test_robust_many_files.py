"""Many files at once, attacked: 10^5 names through --files-from, a worker killed mid-run."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # 100,000 names and 3,000 files through subprocesses

EXAMPLE = Path(__file__).parents[2] / "examples" / "code_validation_ei.yaml"
NIP = [sys.executable, "-m", "nip.parameters.cli"]


def _peak_rss(args: list[str], stdin_file: Path) -> tuple[int, list[bytes], float]:
    """Run `args` with stdin from a file and stdout to a file; (exit, stdout lines, peak MiB)."""
    out_path = stdin_file.with_suffix(".out")
    with open(stdin_file, "rb") as stdin, open(out_path, "wb") as stdout:
        process = subprocess.Popen(args, stdin=stdin, stdout=stdout, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
    return os.waitstatus_to_exitcode(status), out_path.read_bytes().splitlines(), \
        usage.ru_maxrss / 1024


def test_a_hundred_thousand_names_stream_in_order_with_flat_memory(tmp_path) -> None:
    def names(count: int) -> Path:
        listing = tmp_path / f"names-{count}.txt"
        listing.write_bytes(b"".join(b"%s/missing-%06d.nip.yaml\0" % (bytes(tmp_path), i)
                                     for i in range(count)))
        return listing

    command = [*NIP, "validate", "--format", "jsonl", "--jobs", "2", "--files-from", "-"]
    code, lines, small = _peak_rss(command, names(1_000))
    assert code == 2 and len(lines) == 1_001
    code, lines, large = _peak_rss(command, names(100_000))
    assert code == 2
    assert len(lines) == 100_001
    files = [json.loads(line)["file"] for line in lines[:-1:997]]
    assert files == sorted(files)  # the order of the list, whatever the workers did
    summary = json.loads(lines[-1])["summary"]
    assert (summary["files"], summary["unreadable"]) == (100_000, 100_000)
    # 100 times the files: the memory of the largest process grows by a few MiB (the set of files
    # seen), not with the results.
    assert large - small < 40, (small, large)


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def _run_and_kill_a_worker(tree: Path, out_path: Path) -> tuple[int | None, subprocess.Popen[bytes], bytes]:
    # The report goes to a file, not a pipe: a pipe nobody drains would stop the run with idle
    # workers, and a kill then lands where nothing is in flight.
    with out_path.open("wb") as out_file:
        process = subprocess.Popen([*NIP, "validate", "--format", "jsonl", "--jobs", "2", str(tree)],
                                   stdout=out_file, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        victim = None
        while victim is None and time.monotonic() < deadline and process.poll() is None:
            workers = _children(process.pid)
            if len(workers) >= 2:
                time.sleep(0.3)  # let it get going
                victim = workers[0]
                with contextlib.suppress(ProcessLookupError):
                    os.kill(victim, signal.SIGKILL)
            time.sleep(0.02)
        process.wait(timeout=300)
    return victim, process, out_path.read_bytes()


def test_a_worker_killed_mid_run_is_reported_and_the_run_ends(tmp_path) -> None:
    tree = tmp_path / "tree"
    tree.mkdir()
    for i in range(3_000):
        shutil.copy(EXAMPLE, tree / f"run-{i:05d}.nip.yaml")
    # On a loaded machine the kill can land after the last chunk is done: then nothing is lost
    # and the run must simply be whole. Up to three tries for a kill that lands mid-run.
    deaths = 0
    for _ in range(3):
        victim, process, out = _run_and_kill_a_worker(tree, tmp_path / "report.jsonl")
        assert victim is not None, "no worker seen"
        lines = [json.loads(line) for line in out.splitlines()]
        results, summary = lines[:-1], lines[-1]["summary"]
        assert len(results) == 3_000  # every file has its line: checked, or reported as lost
        lost = [r for r in results if r["error"] and "worker process died" in r["error"]["message"]]
        assert summary["unreadable"] == len(lost)
        assert summary["valid"] == 3_000 - len(lost)
        assert process.returncode == (2 if lost else 0)
        if lost:
            deaths += 1
            break
    assert deaths, "no kill landed mid-run in three tries"
