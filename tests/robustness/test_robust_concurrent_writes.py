"""Two `migrate --in-place` runs on one file at once (issue 17, item 2).

Both read the original; the first writes FILE.bak and the migrated file. The second must not then
back up the migrated text as if it were the original: FILE.bak is exactly the text that was
migrated, or the second run writes nothing and says why. Many pairs, started together through a
pipe, so that every interleaving the scheduler makes is tried.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from robust_support import count

from nip.parameters.cli import main

OLD = Path(__file__).resolve().parents[2] / "examples" / "old" / "pvg_v0.1_code_validation.json"
PAIRS = 40

pytestmark = pytest.mark.slow  # 40 pairs of processes


def _start_together(argv: list[str], runs: int, log: Path) -> list[int]:
    read, write = os.pipe()
    children = []
    for index in range(runs):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            os.close(write)
            os.read(read, 1)
            code = 99
            try:
                with open(f"{log}.{index}", "w", encoding="utf-8") as out:
                    sys.stdout = sys.stderr = out  # the test runner's capture is not fd 1
                    code = main(argv)
            finally:
                os._exit(code)
        children.append(pid)
    os.close(read)
    os.write(write, b"x" * runs)
    os.close(write)
    return [os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in children]


def test_concurrent_in_place_runs_never_lose_the_original(tmp_path: Path) -> None:
    original = OLD.read_bytes()
    expected = tmp_path / "expected.json"
    shutil.copy(OLD, expected)
    assert main(["migrate", "--in-place", str(expected)]) == 0
    migrated = expected.read_bytes()
    refused = 0
    for pair in range(PAIRS):
        work = tmp_path / f"pair-{pair}"
        work.mkdir()
        target = work / "run.json"
        target.write_bytes(original)
        codes = sorted(_start_together(["migrate", "--in-place", str(target)], 2, work / "log"))
        count("concurrent migrate --in-place pairs")
        assert target.read_bytes() == migrated, pair
        assert (work / "run.json.bak").read_bytes() == original, f"pair {pair}: the original is lost"
        assert codes in ([0, 0], [0, 1]), (pair, codes)
        if codes == [0, 1]:
            refused += 1
            logs = "".join(p.read_text() for p in work.glob("log.*"))
            assert "changed since it was read" in logs and "internal error" not in logs
        assert sorted(p.name for p in work.iterdir() if not p.name.startswith("log.")) == [
            "run.json", "run.json.bak"]
    assert refused > 0, "no pair overlapped: the race was not exercised"
