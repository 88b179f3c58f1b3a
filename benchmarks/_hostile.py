"""`make bench`, section "hostile inputs": time and peak memory of `nip-params` at each file limit.

Each case writes one file (at a limit, or past it), runs `nip-params validate FILE` (and, for the
alias cases, `get --raw`, which prints the expanded data) in its own process, and reports wall
time, the process's peak resident memory, the exit status and how much it printed. The peak is
`ru_maxrss` of that process from `os.wait4`, taken by a small launcher process: Linux carries a
process's peak over `fork` and `exec`, so a child of the (large) benchmark process itself would
report the benchmark's own peak. A table of measurements, not assertions: the limits and their
guarantees are tested in tests/robustness/test_robust_hostile_files.py.

    .venv/bin/python benchmarks/_hostile.py           # this section alone
    .venv/bin/python benchmarks/_hostile.py workflow  # its rows for the sweep and override limits
    .venv/bin/python benchmarks/_hostile.py schema    # its rows for `schema diff DIR`
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from nip.parameters._files import (
    MAX_DEPTH,
    MAX_EXPANDED_BYTES,
    MAX_FILE_BYTES,
    MAX_STRING_LENGTH,
    MAX_VALUES,
    MAX_YAML_ALIASES,
)
from nip.parameters._objects.overrides import MAX_OVERRIDES
from nip.parameters._workflow.spec import MAX_ADDRESSES
from nip.parameters._workflow.sweep import MAX_RUNS
from nip.parameters.cli.schema_diff import MAX_SCHEMA_FILES

NIP_PARAMS = str(Path(sys.executable).parent / "nip-params")
HEAD = "scenario: graph_isomorphism\ntrainer: vanilla_ppo\ndataset: d\n"


@dataclass(frozen=True)
class Case:
    limit: str
    name: str
    file: str
    make: Callable[[], str | bytes]
    argv: tuple[str, ...] = ("validate",)
    after: Callable[[], list[str]] | None = None  # arguments after the file (compose's overrides)
    directory: Callable[[Path], None] | None = None  # fills a directory (`schema diff DIR`) instead


def _yaml_list(count: int, item: str) -> str:
    return HEAD + "probe:\n" + f"  - {item}\n" * count


def _padded_json(size: int) -> bytes:
    """A JSON config of exactly `size` bytes: a list of strings, padded."""
    head = b'{"scenario": "graph_isomorphism", "trainer": "vanilla_ppo", "dataset": "d", "probe": ['
    item = b'"' + b"x" * 118 + b'", '
    count = (size - len(head) - 3) // len(item)
    body = head + item * count
    body = body[:-2] + b"]}"
    return body + b" " * (size - len(body))


def _string_bomb(aliases: int) -> str:
    return f'a: &a "{"x" * MAX_STRING_LENGTH}"\nb:\n' + "  - *a\n" * aliases


def _value_bomb() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]")
    return "\n".join(lines) + "\n"


SWEEP_BASE = "base: {scenario: graph_isomorphism, trainer: vanilla_ppo, dataset: d}\n"


def _grid(addresses: int) -> str:
    return SWEEP_BASE + "grid:\n" + "".join(f"  agents.a{i}.d_gnn: [8]\n" for i in range(addresses))


def _product(lists: int) -> str:
    """A grid of `lists` addresses with 10 values each: 10^lists combinations in a few hundred bytes."""
    fields = ["seed", "agents.prover.d_gnn", "agents.verifier.d_gnn", "agents.prover.num_gnn_layers",
              "agents.verifier.num_gnn_layers", "agents.prover.num_heads"]
    return SWEEP_BASE + "grid:\n" + "".join(f"  {f}: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n" for f in fields[:lists])


def _wandb(parameters: int) -> str:
    return "method: grid\nparameters:\n" + "".join(f"  agents.a{i}.d_gnn: {{value: 8}}\n"
                                                      for i in range(parameters))


def _overrides(count: int) -> list[str]:
    return [f"agents.a{i}.d_gnn=8" for i in range(count)]


WORKFLOW_CASES = [
    Case("sweep runs", f"{MAX_RUNS:,} combinations (at the limit), --dry-run", "runs.yaml",
         lambda: _product(5), ("sweep", "--dry-run")),
    Case("sweep runs", f"1,000,000 combinations in a {len(_product(6))}-byte spec", "runs-past.yaml",
         lambda: _product(6), ("sweep", "--dry-run")),
    Case("sweep addresses", f"grid of {MAX_ADDRESSES:,} addresses (at the limit)", "grid.yaml",
         lambda: _grid(MAX_ADDRESSES), ("sweep", "--dry-run")),
    Case("sweep addresses", f"grid of {MAX_ADDRESSES + 1:,} addresses", "grid-past.yaml",
         lambda: _grid(MAX_ADDRESSES + 1), ("sweep", "--dry-run")),
    Case("sweep addresses", f"W&B file of {MAX_ADDRESSES:,} parameters (at the limit)", "wandb.yaml",
         lambda: _wandb(MAX_ADDRESSES), ("sweep", "--check")),
    Case("sweep addresses", f"W&B file of {MAX_ADDRESSES + 1:,} parameters", "wandb-past.yaml",
         lambda: _wandb(MAX_ADDRESSES + 1), ("sweep", "--check")),
    Case("overrides", f"compose with {MAX_OVERRIDES:,} overrides (at the limit)", "base.yaml",
         lambda: HEAD, ("compose",), lambda: _overrides(MAX_OVERRIDES)),
    Case("overrides", f"compose with {MAX_OVERRIDES + 1:,} overrides", "base.yaml",
         lambda: HEAD, ("compose",), lambda: _overrides(MAX_OVERRIDES + 1)),
]


CASES = [
    Case("baseline", "a real config (15 kB)", "real.json", lambda: (Path(__file__).parents[1]
         / "examples" / "graph_isomorphism_ppo.json").read_text()),
    Case("file size", f"JSON of {MAX_FILE_BYTES:,} bytes (at the limit)", "size.json",
         lambda: _padded_json(MAX_FILE_BYTES)),
    Case("file size", f"YAML of {MAX_FILE_BYTES:,} bytes (at the limit)", "size.yaml",
         lambda: HEAD + "probe:\n" + ("  - " + "x" * 116 + "\n") * ((MAX_FILE_BYTES - len(HEAD) - 8) // 121)),
    Case("file size", "YAML of 8 MiB of comments", "comments.yaml",
         lambda: HEAD + ("# " + "c" * 77 + "\n") * ((MAX_FILE_BYTES - len(HEAD)) // 80)),
    Case("file size", f"TOML of ~{MAX_FILE_BYTES:,} bytes (at the limit)", "size.toml",
         lambda: 'scenario = "graph_isomorphism"\ntrainer = "vanilla_ppo"\ndataset = "d"\nprobe = ['
         + ('"' + "x" * 116 + '", ') * ((MAX_FILE_BYTES - 100) // 120) + "]\n"),
    Case("file size", "JSON of 8 MiB of small values (4 million)", "small.json",
         lambda: '{"probe": [' + "1," * ((MAX_FILE_BYTES - 20) // 2) + "1]}"),
    Case("file size", "TOML of 8 MiB of small values (4 million)", "small.toml",
         lambda: "probe = [" + "1," * ((MAX_FILE_BYTES - 20) // 2) + "1]\n"),
    Case("file size", "YAML of 8 MiB of small values (4 million)", "small.yaml",
         lambda: "probe: [" + "1," * ((MAX_FILE_BYTES - 20) // 2) + "1]\n"),
    Case("file size", "one byte past the limit", "past.json", lambda: _padded_json(MAX_FILE_BYTES + 1)),
    Case("nesting", f"{MAX_DEPTH} levels (at the limit), YAML", "deep.yaml",
         lambda: "".join("  " * i + "a:\n" for i in range(MAX_DEPTH - 1)) + "  " * (MAX_DEPTH - 1) + "- 1\n"),
    Case("nesting", "10,000 levels, JSON", "deep.json", lambda: "[" * 10_000 + "]" * 10_000),
    Case("nesting", "10,000 levels, YAML flow", "deep-flow.yaml", lambda: "[" * 10_000 + "]" * 10_000),
    Case("values", f"{MAX_VALUES:,} values (at the limit), YAML", "values.yaml",
         lambda: _yaml_list(MAX_VALUES - 5, "1")),
    Case("values", f"{MAX_VALUES + 1:,} values, YAML", "values-past.yaml", lambda: _yaml_list(MAX_VALUES, "1")),
    Case("values", "alias bomb (10^9 values), YAML", "laughs.yaml", _value_bomb),
    Case("aliases", f"{MAX_YAML_ALIASES:,} aliases (at the limit)", "aliases.yaml",
         lambda: HEAD + "x: &x 1\nprobe:\n" + "  - *x\n" * MAX_YAML_ALIASES),
    Case("aliases", f"{MAX_YAML_ALIASES + 1:,} aliases", "aliases-past.yaml",
         lambda: HEAD + "x: &x 1\nprobe:\n" + "  - *x\n" * (MAX_YAML_ALIASES + 1)),
    Case("expanded bytes", f"{MAX_EXPANDED_BYTES:,} bytes by 127 aliases (at the limit)", "bytes.yaml",
         lambda: f'- &a "{"x" * MAX_STRING_LENGTH}"\n' + "- *a\n" * 127),
    Case("expanded bytes", "the same, printed by get --raw", "bytes.yaml",
         lambda: f'- &a "{"x" * MAX_STRING_LENGTH}"\n' + "- *a\n" * 127, ("get", "--raw", "--format", "json")),
    Case("expanded bytes", "155 KB, 10,000 string aliases (655 MB expanded)", "amplify.yaml",
         lambda: _string_bomb(10_000)),
    Case("expanded bytes", "the same, printed by get --raw", "amplify.yaml",
         lambda: _string_bomb(10_000), ("get", "--raw", "--format", "json")),
    Case("string length", f"{MAX_STRING_LENGTH:,} characters (at the limit)", "string.yaml",
         lambda: HEAD.replace("dataset: d", "dataset: " + "x" * MAX_STRING_LENGTH)),
    Case("string length", "1,000,000 characters", "string-past.yaml",
         lambda: HEAD.replace("dataset: d", "dataset: " + "x" * 1_000_000)),
    Case("integers", "base 60, 1.28 MB (YAML 1.1: quadratic)", "b60.yaml",
         lambda: HEAD + "seed: " + ":".join(["1"] + ["0"] * 640_000) + "\n"),
    Case("integers", "hex integer of 1,000,000 digits, YAML", "hex.yaml",
         lambda: HEAD + "seed: 0x" + "f" * 1_000_000 + "\n"),
    Case("integers", "hex integer of 1,000,000 digits, TOML", "hex.toml",
         lambda: 'scenario = "graph_isomorphism"\nseed = 0x' + "f" * 1_000_000 + "\n"),
]


@dataclass(frozen=True)
class Measured:
    case: Case
    seconds: float
    peak_mib: float
    status: int
    printed: int


LAUNCHER = """
import json, os, subprocess, sys, time
with open(sys.argv[1], "wb") as out:
    started = time.perf_counter()
    child = subprocess.Popen(sys.argv[2:], stdout=out, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    printed = out.tell()
print(json.dumps({"seconds": seconds, "peak_kib": usage.ru_maxrss,
                  "status": os.waitstatus_to_exitcode(status), "printed": printed}))
"""


SCHEMA_DIFF = ("schema", "diff", "1.0")
SHIPPED_1_0 = Path(__file__).parents[1] / "src" / "nip" / "parameters" / "_schemas" / "1.0"


def _schema_dir(extra: Callable[[Path], None]) -> Callable[[Path], None]:
    """A published 1.0 directory with one hostile addition."""
    def fill(directory: Path) -> None:
        shutil.copytree(SHIPPED_1_0, directory)
        extra(directory)
    return fill


def _many_files(directory: Path) -> None:
    for n in range(MAX_SCHEMA_FILES + 1):
        (directory / f"x{n}.json").write_text("{}")


SCHEMA_CASES = [
    Case("schema dir", "a published 1.0 directory (baseline)", "pub", str, SCHEMA_DIFF,
         directory=_schema_dir(lambda d: None)),
    Case("schema dir", "a *.json link to /dev/zero", "zero", str, SCHEMA_DIFF,
         directory=_schema_dir(lambda d: (d / "zero.json").symlink_to("/dev/zero"))),
    Case("schema dir", "a file of 100,000 levels of nesting", "deep", str, SCHEMA_DIFF,
         directory=_schema_dir(lambda d: (d / "deep.json").write_text("[" * 100_000 + "]" * 100_000))),
    Case("schema dir", "a $ref loop", "loop", str, SCHEMA_DIFF,
         directory=_schema_dir(lambda d: (d / "loop.json").write_text(
             '{"$defs": {"A": {"$ref": "#/$defs/B"}, "B": {"$ref": "#/$defs/A"}}}'))),
    Case("schema dir", f"{MAX_SCHEMA_FILES + 1} files (past the limit)", "many", str, SCHEMA_DIFF,
         directory=_schema_dir(_many_files)),
]


def measure(case: Case, work: Path) -> Measured:
    path = work / case.file
    if case.directory is not None:
        if not path.exists():
            case.directory(path)
    elif not path.exists():
        content = case.make()
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    argv = [NIP_PARAMS, *case.argv, str(path)]
    if case.argv[0] == "get":
        argv.append("")  # the whole document
    if case.after is not None:
        argv += case.after()
    done = subprocess.run([sys.executable, "-S", "-c", LAUNCHER, str(work / "stdout"), *argv],
                          capture_output=True, text=True, check=True, timeout=600)
    got = json.loads(done.stdout)
    return Measured(case, got["seconds"], got["peak_kib"] / 1024, got["status"], got["printed"])


def table(results: list[Measured]) -> str:
    rows = [("limit", "input", "command", "exit", "wall", "peak RSS", "printed")]
    for r in results:
        rows.append((r.case.limit, r.case.name, " ".join(r.case.argv), str(r.status),
                     f"{r.seconds:.2f} s", f"{r.peak_mib:.0f} MiB", f"{r.printed:,} B"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
             for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def run(log: Callable[[str], None] = lambda _: None,
        cases: list[Case] | None = None) -> tuple[str, list[Measured]]:
    with tempfile.TemporaryDirectory(prefix="nip-hostile-") as tmp:
        results = []
        for case in CASES + WORKFLOW_CASES + SCHEMA_CASES if cases is None else cases:
            log(f"hostile: {case.name}")
            results.append(measure(case, Path(tmp)))
    return table(results), results


def main() -> int:
    sections = {"workflow": WORKFLOW_CASES, "schema": SCHEMA_CASES}  # `_hostile.py workflow`: its rows
    text, results = run(lambda m: print(m, file=sys.stderr, flush=True),
                        sections.get(sys.argv[1]) if sys.argv[1:] else None)
    print("hostile inputs: nip-params on one file per row, each in its own process")
    print(text)
    print(json.dumps({"worst_seconds": max(r.seconds for r in results),
                      "worst_peak_mib": max(r.peak_mib for r in results)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
