"""Helpers for the migration tests: old-version configs built from small fragments, the samples."""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
MIGRATE_SAMPLES = REPO / "tests" / "data" / "reference_samples" / "migrate"

BASE = {"scenario": "graph_isomorphism", "trainer": "vanilla_ppo", "dataset": "eru10000"}


def config(version: str | None, **fragment: Any) -> dict[str, Any]:
    """A minimal config stating ``version`` (None: no _package_version), plus ``fragment``."""
    out: dict[str, Any] = dict(copy.deepcopy(BASE), **copy.deepcopy(fragment))
    if version is not None:
        out["_package_version"] = version
    return out


def load_migrate_samples() -> list[dict[str, Any]]:
    return [json.loads(p.read_text()) for p in sorted(MIGRATE_SAMPLES.glob("*.json"))]


def get(data: dict[str, Any], address: str) -> Any:
    node: Any = data
    for part in address.split("."):
        node = node[part]
    return node


MISSING = object()


def get_or_missing(data: dict[str, Any], address: str) -> Any:
    try:
        return get(data, address)
    except (KeyError, TypeError):
        return MISSING


def copy_repo(target: Path) -> None:
    """What the generator and the package need of the repository, copied to ``target``."""
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", ".mypy_cache", ".ruff_cache")
    for name in ("schema", "codegen", "src"):
        shutil.copytree(REPO / name, target / name, ignore=ignore)
    for name in ("pyproject.toml", "Makefile"):
        shutil.copy2(REPO / name, target / name)
    if (REPO / "docs").is_dir():
        shutil.copytree(REPO / "docs", target / "docs", ignore=ignore)


def repo_env(repo: Path) -> dict[str, str]:
    """An environment in which ``python`` imports the copy's package and generator, not ours."""
    return dict(os.environ, PYTHONPATH=os.pathsep.join([str(repo / "src"), str(repo)]),
                PYTHONDONTWRITEBYTECODE="1")


def run_python(repo: Path, *argv: str, expect: int | None = 0) -> subprocess.CompletedProcess[str]:
    """``python ARGV`` in the copy (this interpreter: the worktree's venv, never a new one)."""
    result = subprocess.run([sys.executable, *argv], cwd=repo, env=repo_env(repo), capture_output=True,
                            text=True, timeout=600, check=False)
    if expect is not None:
        assert result.returncode == expect, f"{' '.join(argv)} exited {result.returncode}:\n{result.stdout}\n{result.stderr}"
    return result


def run_make(repo: Path, *targets: str, expect: int | None = 0) -> subprocess.CompletedProcess[str]:
    """``make TARGETS`` in the copy, with this interpreter: ``-o`` keeps make from building a venv."""
    argv = ["make", "--no-print-directory", "-o", ".venv/.installed", f"PY={sys.executable}", *targets]
    result = subprocess.run(argv, cwd=repo, env=repo_env(repo), capture_output=True, text=True, timeout=600,
                            check=False)
    if expect is not None:
        assert result.returncode == expect, f"make {' '.join(targets)} exited {result.returncode}:\n{result.stdout}\n{result.stderr}"
    return result
