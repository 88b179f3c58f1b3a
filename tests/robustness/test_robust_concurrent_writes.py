"""Two `migrate --in-place` runs on one file at once (issue 17, item 2).

Both read the original; the first writes FILE.bak and the migrated file. The second must not then
back up the migrated text as if it were the original: FILE.bak is exactly the text that was
migrated, or the second run writes nothing and says why. Many pairs, started together through a
pipe, so that every interleaving the scheduler makes is tried.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from robust_support import count, run_together

from nip.parameters.cli import main

OLD = Path(__file__).resolve().parents[2] / "examples" / "old" / "pvg_v0.1_code_validation.json"
PAIRS = 40

pytestmark = pytest.mark.slow  # 40 pairs of processes


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
        argv = ["migrate", "--in-place", str(target)]
        codes = sorted(run_together([argv, argv], [f"{work / 'log'}.{i}" for i in range(2)]))
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
