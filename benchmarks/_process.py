"""Cases that time whole processes: start-up, the CLI on many files, and code generation.

Nothing here needs the network: check-jsonschema gets the bundle file (every group is embedded
with its `$id`) and runs with a proxy that points nowhere, so a fetch would fail loudly.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from _configs import REPO

BIN = Path(sys.executable).parent
BUILD_ONE = (
    "import nip.parameters as p; p.HyperParameters(scenario='graph_isomorphism', "
    "trainer='vanilla_ppo', dataset='eru10000', agents={'prover': "
    "p.GraphIsomorphismAgentParameters(), 'verifier': p.GraphIsomorphismAgentParameters()})"
    ".to_dict()"
)


def process_env(pycache: Path) -> dict[str, str]:
    """The environment of every timed process.

    Byte code goes to (and is read from) `pycache`, as an installed package has it: with
    PYTHONDONTWRITEBYTECODE set and no __pycache__ in src/, each process would compile the package
    again. Any download attempt goes to a closed local port and fails at once.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"):
        env[name] = "http://127.0.0.1:9"
    env["NO_PROXY"] = env["no_proxy"] = ""
    return env


ENV: dict[str, str] = dict(os.environ)


def use_pycache(pycache: Path) -> None:
    ENV.clear()
    ENV.update(process_env(pycache))


@dataclass
class Run:
    seconds: float
    returncode: int
    stdout: str
    stderr: str


def run(
    cmd: list[str], *, cwd: Path | None = None, env: dict[str, str] | None = None
) -> Run:
    started = time.perf_counter()
    done = subprocess.run(
        cmd,
        cwd=cwd,
        env=ENV if env is None else env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    return Run(time.perf_counter() - started, done.returncode, done.stdout, done.stderr)


def startup(commands: dict[str, list[str]], repeats: int) -> dict[str, list[float]]:
    """Wall time of each command, interleaved, `repeats` times; failures raise."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for name, cmd in commands.items():  # warm the OS caches once
        result = run(cmd)
        if result.returncode != 0:
            raise RuntimeError(f"{name} failed: {result.stderr.strip()[-500:]}")
    for _ in range(repeats):
        for name, cmd in commands.items():
            times[name].append(run(cmd).seconds)
    return times


def startup_commands() -> dict[str, list[str]]:
    py = sys.executable
    return {
        "python -c pass": [py, "-c", "pass"],
        "import nip.parameters + build + to_dict": [py, "-c", BUILD_ONE],
        "import jsonschema": [py, "-c", "import jsonschema"],
    }


def happy_path_modules() -> dict[str, bool]:
    """Which heavy modules the build-and-serialise process imports."""
    probe = BUILD_ONE + (
        "; import sys, json; print(json.dumps({m: m in sys.modules for m in "
        "('jsonschema', 'jsonschema_rs', 'referencing', 'yaml', 'ruamel.yaml')}))"
    )
    result = run([sys.executable, "-c", probe])
    return json.loads(result.stdout) if result.returncode == 0 else {}


@dataclass
class ImportProfile:
    total_ms: float
    by_self: list[tuple[str, float]]  # any module, by its own time
    packages: list[
        tuple[str, float]
    ]  # top-level packages (jsonschema, yaml...), cumulative
    ours: list[tuple[str, float]]  # nip.parameters' direct submodules, cumulative


def import_profile(top: int = 8) -> ImportProfile:
    """`python -X importtime -c 'import nip.parameters'`, summarised (best of 3 runs)."""
    best: list[tuple[str, int, int]] = []
    for _ in range(3):
        result = run(
            [sys.executable, "-X", "importtime", "-c", "import nip.parameters"]
        )
        rows = []  # name, self µs, cumulative µs
        for line in result.stderr.splitlines():
            match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \| *(\S.*)$", line)
            if match:
                rows.append(
                    (match.group(3).strip(), int(match.group(1)), int(match.group(2)))
                )
        total = next((c for n, _s, c in rows if n == "nip.parameters"), 0)
        if not best or total < next(c for n, _s, c in best if n == "nip.parameters"):
            best = rows
    ms = 1000.0
    total_ms = next((c for n, _s, c in best if n == "nip.parameters"), 0) / ms
    by_self = sorted(((n, s_ / ms) for n, s_, _c in best), key=lambda r: -r[1])[:top]
    packages = sorted(
        (
            (n, c / ms)
            for n, _s, c in best
            if "." not in n and n != "nip" and not n.startswith("_")
        ),
        key=lambda r: -r[1],
    )[:top]
    ours = sorted(
        (
            (n, c / ms)
            for n, _s, c in best
            if n.startswith("nip.parameters.") and n.count(".") == 2
        ),
        key=lambda r: -r[1],
    )[:top]
    return ImportProfile(total_ms, by_self, packages, ours)


# ---- the CLI on many files -----------------------------------------------------------------------
def write_config_files(
    directory: Path, count: int, full: dict[str, Any], small: dict[str, Any]
) -> list[Path]:
    """Half full configs as JSON, half small ones as YAML, each with its own seed."""
    paths = []
    for i in range(count):
        if i % 2 == 0:
            path = directory / f"run_{i:04d}.json"
            path.write_text(json.dumps({**full, "seed": i}, indent=2), encoding="utf-8")
        else:
            path = directory / f"run_{i:04d}.yaml"
            path.write_text(
                yaml.safe_dump({**small, "seed": i}, sort_keys=False), encoding="utf-8"
            )
        paths.append(path)
    return paths


def cli_commands(files: list[Path], bundle: Path) -> dict[str, list[str]]:
    names = [str(p) for p in files]
    return {
        "check-jsonschema": [
            str(BIN / "check-jsonschema"),
            "--schemafile",
            str(bundle),
            *names,
        ],
        "nip-params validate": [str(BIN / "nip-params"), "validate", "-q", *names],
    }


def time_cli(
    files: list[Path], bundle: Path, repeats: int
) -> tuple[dict[str, list[float]], list[str]]:
    commands = cli_commands(files, bundle)
    notes: list[str] = []
    for name, cmd in list(commands.items()):
        if not Path(cmd[0]).exists():
            notes.append(f"{name}: not installed ({cmd[0]})")
            del commands[name]
    times: dict[str, list[float]] = {name: [] for name in commands}
    for cmd in cli_commands(
        files[:2], bundle
    ).values():  # byte code and OS caches, untimed
        if Path(cmd[0]).exists():
            run(cmd)
    for _ in range(repeats):
        for name, cmd in commands.items():
            if name not in times:
                continue
            result = run(cmd)
            if result.returncode != 0:
                tail = (result.stderr or result.stdout).strip().splitlines()[-3:]
                notes.append(f"{name} exited {result.returncode}: {' / '.join(tail)}")
                del times[name]
                continue
            times[name].append(result.seconds)
    return times, notes


# ---- make generate -------------------------------------------------------------------------------
GENERATE_INPUTS = ("schema", "codegen", "src", "docs", "pyproject.toml")


def generate_times(work: Path, repeats: int) -> tuple[list[float], str]:
    """`python -m codegen` (what `make generate` runs) in a copy of the tree.

    A copy, so that the benchmark never rewrites files in the working tree of someone who is
    editing the schema; the command and its inputs are the same.
    """
    tree = work / "tree"
    for name in GENERATE_INPUTS:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(
                source,
                tree / name,
                ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"),
            )
        elif source.exists():
            shutil.copy2(source, tree / name)
    times: list[float] = []
    last = ""
    for _ in range(repeats):
        result = run([sys.executable, "-m", "codegen"], cwd=tree)
        if result.returncode != 0:
            return times, f"failed: {result.stderr.strip()[-300:]}"
        times.append(result.seconds)
        last = result.stdout.strip()
    return times, last
