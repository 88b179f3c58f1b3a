"""The "writes" section: what the one output layer costs when a sweep writes many configs.

`write_sweep` of N configs into a new directory (staged, one sync, one rename) and again with
`--force` over the earlier sweep (each config staged, one sync, each renamed), against the bare
cost of making the same files (`open`/`write`/`close`, no sync, no rename). The configs are dumped
once beforehand, so only writing is timed. Runs alone:

    .venv/bin/python benchmarks/_writes.py           # 1,000 configs
    .venv/bin/python benchmarks/_writes.py 5000
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from nip.parameters import HyperParameters
from nip.parameters._workflow import write as sweep_write

REPO = Path(__file__).resolve().parents[1]


class _Combination:
    def __init__(self, name: str, params: Any) -> None:
        self.name, self.overrides, self.params = name, {"seed": int(name)}, params


class _Dumped:
    """A stand-in for a config object whose `to_dict` is already made: only the writing is timed."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    def to_dict(self, **_: Any) -> dict[str, Any]:
        return self.data


def _bare(directory: Path, files: dict[str, str]) -> None:
    directory.mkdir()
    for name, text in files.items():
        (directory / name).write_text(text, encoding="utf-8")


def main(count: int) -> None:
    data = HyperParameters.from_file(REPO / "examples" / "sweeps" / "ppo_gi_base.yaml").to_dict(
        include_package_meta=True)
    combinations = [_Combination(f"{i:05d}", _Dumped(dict(data, seed=i))) for i in range(count)]
    texts = {sweep_write.config_file(c.name, "json"): sweep_write.dump_config(c.params.to_dict(), "json")
             for c in combinations}
    work = Path(tempfile.mkdtemp(prefix="nip-bench-writes-"))
    try:
        rows = []
        start = time.perf_counter()
        _bare(work / "bare", texts)
        rows.append(("open/write/close each file (no sync, no rename)", time.perf_counter() - start))
        start = time.perf_counter()
        sweep_write.write_sweep(work / "new", combinations, "json")  # type: ignore[arg-type]
        rows.append(("write_sweep into a new directory", time.perf_counter() - start))
        start = time.perf_counter()
        sweep_write.write_sweep(work / "new", combinations, "json", force=True)  # type: ignore[arg-type]
        rows.append(("write_sweep --force over the earlier sweep", time.perf_counter() - start))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"writes: a sweep of {count:,} configs of {len(next(iter(texts.values()))):,} bytes")
    for what, seconds in rows:
        print(f"  {what:<52} {seconds:7.2f} s  {seconds / count * 1e3:6.2f} ms a config")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000)
