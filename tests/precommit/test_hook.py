"""The pre-commit hook of .pre-commit-hooks.yaml, run by pre-commit itself in a scratch repository.

The hook is used as written, except `language: system` (a `repo: local` hook): it then runs the
`nip-params` that `make` installed, where `language: python` would build an environment from the
network. Which files it sees is decided by pre-commit from the hook's own `files` and `types`.
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.slow  # runs pre-commit in temporary repositories

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PRE_COMMIT = BIN / "pre-commit"  # pinned in requirements/lock.txt; `make` installs it
HOOK = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())[0]
VALID = {"scenario": "graph_isomorphism", "trainer": "vanilla_ppo", "dataset": "eru10000"}
NOT_CONFIGS = {  # what every repository has, and the hook must leave alone
    "package.json": '{"name": "tool", "version": "1.0.0"}\n',
    ".github/workflows/ci.yml": "on: push\njobs: {}\n",
    "pyproject.toml": '[project]\nname = "tool"\n',
    "data/labels.yaml": "- cat\n- dog\n",
}
CONFIGS = {
    "runs/a.nip.json": json.dumps(VALID),
    "runs/b.nip.yaml": "scenario: graph_isomorphism\ntrainer: vanilla_ppo\ndataset: d\n",
    "runs/c.nip.yml": "scenario: code_validation\ntrainer: pure_text_ei\ndataset: d\n",
    "runs/d.nip.toml": 'scenario = "image_classification"\ntrainer = "vanilla_ppo"\ndataset = "d"\n',
}


def _scratch(tmp_path: Path, hook_overrides: dict[str, object], files: dict[str, str]) -> Path:
    repo = tmp_path / "repo"
    hook = {**HOOK, "language": "system", **hook_overrides}
    config = {"repos": [{"repo": "local", "hooks": [hook]}]}
    for name, text in {**files, ".pre-commit-config.yaml": yaml.safe_dump(config)}.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text)
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    return repo


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def _pre_commit(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert PRE_COMMIT.exists(), "pre-commit is missing: `make test` installs it"
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
               PRE_COMMIT_HOME=str(repo.parent / "cache"), PRE_COMMIT_COLOR="never")
    return subprocess.run([str(PRE_COMMIT), *args], cwd=repo, env=env, capture_output=True,
                          text=True, timeout=300)


def _checked(run: subprocess.CompletedProcess[str]) -> set[str]:
    """The files nip-params reported on (`FILE: ok` or `FILE:LINE:COLUMN: address: problem`)."""
    names = {*CONFIGS, *NOT_CONFIGS, "configs/exp.json", "runs/e.nip.yaml"}
    return {name for name in names if re.search(rf"^{re.escape(name)}(:\d+:\d+)?: ", run.stdout, re.MULTILINE)}


def test_the_manifest_is_valid_for_the_pinned_pre_commit():
    run = _pre_commit(REPO, "validate-manifest", str(REPO / ".pre-commit-hooks.yaml"))
    assert run.returncode == 0, run.stdout + run.stderr


def test_by_default_the_hook_checks_nip_configs_only(tmp_path):
    repo = _scratch(tmp_path, {}, {**NOT_CONFIGS, **CONFIGS})
    run = _pre_commit(repo, "run", "--all-files", "--verbose")
    assert run.returncode == 0, run.stdout + run.stderr
    assert _checked(run) == set(CONFIGS), run.stdout


def test_a_broken_config_fails_the_commit_at_its_address(tmp_path):
    broken = {"runs/e.nip.yaml": "scenario: graph_isomorphism\ntrainer: vanilla_ppo\ndataset: d\nseed: x\n"}
    repo = _scratch(tmp_path, {}, {**NOT_CONFIGS, **CONFIGS, **broken})
    run = _pre_commit(repo, "run", "--all-files", "--verbose")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "runs/e.nip.yaml:4:7: seed: expected integer" in run.stdout, run.stdout
    assert _checked(run) == {*CONFIGS, *broken}


def test_the_old_version_note_only_where_a_config_looks_old(tmp_path):
    """Issue 21, item 3: a current config with one out-of-range value is not told to migrate; a
    config with a 0.1 value is, in the hook's output as in `nip-params validate`."""
    files = {"runs/lr.nip.yaml": "scenario: graph_isomorphism\ntrainer: vanilla_ppo\ndataset: d\nrl:\n  lr: -1.0e-4\n",
             "runs/old.nip.yaml": "scenario: graph_isomorphism\ntrainer: vanilla_ppo\ndataset: d\n"
                                  "interaction_protocol: pvg\n"}
    repo = _scratch(tmp_path, {}, files)
    run = _pre_commit(repo, "run", "--all-files", "--verbose")
    assert run.returncode == 1, run.stdout + run.stderr
    noted = [line for line in run.stdout.splitlines() if "looks like a version 0.1 config" in line]
    assert [line.split(":")[0] for line in noted] == ["runs/old.nip.yaml"], run.stdout
    assert re.search(r"^runs/lr\.nip\.yaml:5:7: rl\.lr: expected a number ≥ 0", run.stdout, re.M), run.stdout


def test_files_widens_the_scope(tmp_path):
    """As docs/cli.md says: a repository whose configs are plain `configs/*.json` names them."""
    widened = {"files": r"(^configs/.*\.(json|ya?ml|toml)|\.nip\.(json|ya?ml|toml))$"}
    repo = _scratch(tmp_path, widened, {**NOT_CONFIGS, **CONFIGS, "configs/exp.json": json.dumps(VALID)})
    run = _pre_commit(repo, "run", "--all-files", "--verbose")
    assert run.returncode == 0, run.stdout + run.stderr
    assert _checked(run) == {*CONFIGS, "configs/exp.json"}


@pytest.mark.parametrize("name", ["run.nip.json", "a/b.nip.yaml", "c.nip.yml", "d.nip.toml",
                                  "run.json", "x.yaml", "package.json", "nip.json", "a.nip.json.bak"])
def test_the_hook_and_the_catalog_name_the_same_files(name):
    catalog = json.loads((REPO / "src/nip/parameters/_schemas/catalog.json").read_text())
    globs = catalog["schemas"][0]["fileMatch"]
    by_catalog = any(fnmatch.fnmatch(Path(name).name, pattern) for pattern in globs)
    assert bool(re.search(HOOK["files"], name)) == by_catalog, (name, HOOK["files"], globs)
