"""The "scale" section: whole run histories through `nip-params`, next to check-jsonschema and ajv-cli.

    .venv/bin/python benchmarks/_many.py                 # 100,000 run directories (several minutes)
    .venv/bin/python benchmarks/_many.py --runs 10000    # a quicker run
    make bench SECTION=scale [SCALE_RUNS=10000]     (the full `make bench` runs it too)

A tree of W&B-style run directories is generated in a temporary directory: each
`wandb/run-NNNNNN/files/` holds W&B's `config.yaml` (every key as `{desc, value}`) and a
`wandb-metadata.json` that the default selection skips. Configs are the full benchmark config
(about 8 kB as W&B writes it), 5% of them old (schema 0.1, migrated while read), 1% invalid.

Timed, each as one process on the whole tree, with its peak resident memory (``ru_maxrss`` of the
process and the workers it waited for, through ``os.wait4``): `nip-params validate -q DIR` with
``--jobs 1`` and ``--jobs 2``, and `nip-params migrate --dry-run --format jsonl DIR` with
``--jobs 1`` and ``--jobs 2`` on a fixed subset (it reads each file with its layout, for the
rewrite, and is slower). check-jsonschema (from the project's environment) and ajv-cli (installed
by this benchmark in `benchmarks/node/`, apart from the test environment) are far slower, so
they run on a fixed subset of the same files and are compared per file. Neither can unwrap a W&B
config or pick a schema version, so their verdicts differ from ours: the time is what is compared.
Also: the start-up of `nip-params validate ONE.yaml` next to `python -c pass`, with byte code
cached, as CPU time (user + system) of the process, the minimum of several runs.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml
from _configs import REPO, full_config
from _process import process_env

from nip.parameters._validation import schemas as schema_store

BIN = Path(sys.executable).parent
#: The environment of every timed process: byte code cached, any download fails at once.
ENV: dict[str, str] = {}
NODE_DIR = Path(__file__).resolve().parent / "node"
AJV = NODE_DIR / "node_modules" / ".bin" / "ajv"
OLD_SAMPLE = REPO / "tests" / "data" / "reference_samples" / "migrate" / "real-v0.1-pvg-min-rounds-2.json"

#: Peers and migrate run on this many files of the tree (the first ones, in walk order).
PEER_FILES = 1_000
MIGRATE_FILES = 2_000
#: The issue's targets: ratios in one run.
TARGETS = {"check-jsonschema": 20.0, "ajv-cli": 3.0, "jobs": 1.7, "million_minutes": 5.0,
           "startup": 4.0}


@dataclass
class Timed:
    name: str
    files: int
    seconds: float
    cpu: float  # user + system seconds of the process and the workers it waited for
    peak_mib: float
    returncode: int
    note: str = ""

    @property
    def per_file_ms(self) -> float:
        return self.seconds / self.files * 1e3

    @property
    def rate(self) -> float:
        return self.files / self.seconds


def _wandb(config: dict) -> str:
    wrapped = {"wandb_version": 1, **{k: {"desc": None, "value": v} for k, v in config.items()}}
    return yaml.safe_dump(wrapped, sort_keys=False)


def make_tree(root: Path, runs: int) -> dict[str, int]:
    """`runs` W&B run directories under root/wandb; returns how many of each kind."""
    current = full_config().data
    old = json.loads(OLD_SAMPLE.read_text())["input"]
    # One rendered text per kind; each file gets its own seed by replacing a marker.
    texts = {
        "current": _wandb({**current, "seed": 123456789}),
        "old": _wandb({**old, "seed": 123456789}),
        "invalid": _wandb({**current, "seed": "x123456789"}),
    }
    metadata = json.dumps({"program": "train.py", "host": "node-1", "gpu": "none"}) + "\n"
    counts = dict.fromkeys(texts, 0)
    wandb = root / "wandb"
    for i in range(runs):
        kind = "invalid" if i % 100 == 37 else "old" if i % 20 == 3 else "current"
        counts[kind] += 1
        files = wandb / f"run-{i:06d}" / "files"
        files.mkdir(parents=True)
        (files / "config.yaml").write_text(texts[kind].replace("123456789", str(i)))
        (files / "wandb-metadata.json").write_text(metadata)
    return counts


def timed(name: str, cmd: list[str], files: int, *, cwd: Path | None = None) -> Timed:
    """Run cmd, its output discarded; wall time and the peak RSS of it and its workers."""
    started = time.perf_counter()
    with open(os.devnull, "wb") as null:
        process = subprocess.Popen(cmd, stdout=null, stderr=subprocess.PIPE, cwd=cwd,
                                   env=ENV or None)
        assert process.stderr is not None
        err = process.stderr.read()
        _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    tail = err.decode(errors="replace").strip().splitlines()[-1:] if err else []
    return Timed(name, files, seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
                 code, " ".join(tail)[:160])


def cpu_ms(cmd: list[str], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        with open(os.devnull, "wb") as null:
            process = subprocess.Popen(cmd, stdout=null, stderr=null, env=ENV or None)
            _, _, usage = os.wait4(process.pid, 0)
        best = min(best, usage.ru_utime + usage.ru_stime)
    return best * 1e3


def install_ajv(log: Callable[[str], None]) -> str | None:
    """ajv-cli into benchmarks/node (npm ci from its lock file); None if that cannot be done."""
    if AJV.exists():
        return None
    npm = shutil.which("npm")
    if npm is None:
        return "npm not found"
    log("installing ajv-cli into benchmarks/node (npm ci)")
    done = subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                          cwd=NODE_DIR, capture_output=True, text=True, check=False)
    return None if done.returncode == 0 else f"npm ci failed: {done.stderr.strip()[-200:]}"


def run(runs: int, log: Callable[[str], None] = lambda _: None) -> str:
    """Build the tree, time everything, return the printed section."""
    nip = str(BIN / "nip-params")
    with tempfile.TemporaryDirectory(prefix="nip-bench-scale-") as tmp:
        root = Path(tmp)
        ENV.clear()
        ENV.update(process_env(root / "pycache"))
        log(f"scale: writing {runs:,} W&B run directories")
        started = time.perf_counter()
        counts = make_tree(root, runs)
        written = time.perf_counter() - started
        tree = str(root / "wandb")
        subset = sorted(str(p) for p in (root / "wandb").glob("run-*/files/config.yaml"))
        peer_files = subset[:PEER_FILES]
        migrate_files = subset[:MIGRATE_FILES]
        lists = {}
        for name, files in (("peers", peer_files), ("migrate", migrate_files)):
            lists[name] = root / f"{name}.txt"
            lists[name].write_text("\n".join(files) + "\n")
        # Warm the OS cache and the byte code once, untimed.
        timed("warm", [nip, "validate", "-q", "--jobs", "1", "--files-from",
                       str(lists["peers"])], len(peer_files))
        rows: list[Timed] = []
        for jobs in ("1", "2"):
            log(f"scale: nip-params validate --jobs {jobs} on {runs:,} runs")
            rows.append(timed(f"nip-params validate --jobs {jobs} DIR", [
                nip, "validate", "-q", "--jobs", jobs, tree], runs))
        for jobs in ("1", "2"):
            log(f"scale: nip-params migrate --dry-run --jobs {jobs} on {len(migrate_files):,}")
            rows.append(timed(
                f"nip-params migrate --dry-run --jobs {jobs} (first {len(migrate_files):,})", [
                    nip, "migrate", "--dry-run", "--format", "jsonl", "--jobs", jobs,
                    "--files-from", str(lists["migrate"])], len(migrate_files)))
        log(f"scale: nip-params validate --jobs 2 on the peers' {len(peer_files):,} files")
        ours_subset = timed(f"nip-params validate --jobs 2 (first {len(peer_files):,})", [
            nip, "validate", "-q", "--jobs", "2", "--files-from", str(lists["peers"])],
            len(peer_files))
        rows.append(ours_subset)
        peers: dict[str, Timed] = {}
        bundle = str(schema_store.bundle_path())
        check = BIN / "check-jsonschema"
        if check.exists():
            log(f"scale: check-jsonschema on {len(peer_files):,} files")
            peers["check-jsonschema"] = timed(
                f"check-jsonschema --schemafile bundle.json (first {len(peer_files):,})",
                [str(check), "--schemafile", bundle, *peer_files], len(peer_files))
        problem = install_ajv(log)
        if problem is None:
            log(f"scale: ajv-cli on {len(peer_files):,} files")
            data = [arg for path in peer_files for arg in ("-d", path)]
            peers["ajv-cli"] = timed(
                f"ajv-cli validate --spec=draft2020 (first {len(peer_files):,})",
                [str(AJV), "validate", "--spec=draft2020", "--strict=false", "--errors=no",
                 "-s", bundle, *data], len(peer_files))
        rows += peers.values()
        log("scale: start-up of one validate")
        one = subset[0]
        pass_ms = cpu_ms([sys.executable, "-c", "pass"], 15)
        validate_ms = cpu_ms([nip, "validate", one], 15)
    return _render(runs, counts, written, rows, peers, ours_subset, pass_ms, validate_ms,
                   problem)


def _render(runs: int, counts: dict[str, int], written: float, rows: list[Timed],
            peers: dict[str, Timed], ours_subset: Timed, pass_ms: float, validate_ms: float,
            ajv_problem: str | None) -> str:
    lines = [
        f"tree: {runs:,} W&B run directories ({counts['current']:,} current, {counts['old']:,} "
        f"schema 0.1, {counts['invalid']:,} invalid; each also holds a wandb-metadata.json), "
        f"written in {written:.0f} s",
        "",
        f"| {'command':<62} | {'files':>7} | {'wall s':>7} | {'files/s':>8} | {'ms/file':>7} "
        f"| {'CPU s':>7} | {'peak MiB':>8} | exit |",
        f"|{'-' * 64}|{'-' * 9}|{'-' * 9}|{'-' * 10}|{'-' * 9}|{'-' * 9}|{'-' * 10}|------|",
    ]
    for row in rows:
        lines.append(
            f"| {row.name:<62} | {row.files:>7,} | {row.seconds:>7.1f} | {row.rate:>8,.0f} | "
            f"{row.per_file_ms:>7.3f} | {row.cpu:>7.1f} | {row.peak_mib:>8.0f} | "
            f"{row.returncode:>4} |")
    by_name = {row.name.split(" DIR")[0]: row for row in rows}
    one = by_name["nip-params validate --jobs 1"]
    two = by_name["nip-params validate --jobs 2"]
    million_minutes = two.seconds / runs * 1e6 / 60
    checks = [
        ("--jobs 2 / --jobs 1 throughput", one.seconds / two.seconds, TARGETS["jobs"]),
    ]
    for name, peer in peers.items():
        checks.append((f"--jobs 2 vs {name}, per file (same {peer.files:,} files)",
                       peer.per_file_ms / ours_subset.per_file_ms, TARGETS[name]))
    lines += ["", "wall time is what the targets use; CPU s shows the work itself when the machine is "
              "shared", "targets (ratios of this run):"]
    for label, value, target in checks:
        verdict = "met" if value >= target else "NOT met"
        lines.append(f"  {label}: {value:.1f}x (target >= {target}x: {verdict})")
    verdict = "met" if million_minutes <= TARGETS["million_minutes"] else "NOT met"
    lines.append(f"  1,000,000 configs with --jobs 2, projected from {runs:,}: "
                 f"{million_minutes:.1f} min (target <= 5 min: {verdict})")
    ratio = validate_ms / pass_ms
    verdict = "met" if ratio <= TARGETS["startup"] else "NOT met"
    lines.append(f"  start-up, CPU time: `nip-params validate ONE.yaml` {validate_ms:.0f} ms / "
                 f"`python -c pass` {pass_ms:.0f} ms = {ratio:.1f}x (target <= 4x: {verdict})")
    for row in rows:
        if row.returncode not in (0, 1, 2) or (row.returncode == 2 and "nip-params" in row.name):
            lines.append(f"  note: {row.name} exited {row.returncode}: {row.note}")
    if ajv_problem:
        lines.append(f"  ajv-cli not measured: {ajv_problem}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100_000,
                        help="run directories to generate (default 100,000)")
    args = parser.parse_args()
    print(run(args.runs, lambda m: print(f"[bench] {m}", file=sys.stderr, flush=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
