"""check-jsonschema, a real non-Python-API consumer, validates configs against the shipped bundle.

It runs offline on the bundle copied alone into an empty directory: every `$ref` in the bundle
points into the file itself (the project's `$id` host does not exist, so any download attempt
would fail these tests).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sample_data import DATA

from nip.parameters import iter_errors
from nip.parameters._validation import schemas as schema_store

pytestmark = pytest.mark.slow  # runs check-jsonschema processes
REPO = Path(__file__).resolve().parents[2]
CASES = [json.loads(p.read_text()) for p in sorted((DATA / "cases").rglob("*.json"))]
EXAMPLES = sorted((REPO / "examples").glob("*.json")) + sorted((REPO / "examples").glob("*.yaml"))
CHECK = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))  # pinned; `make` installs it


def _run(*files: Path, output: str = "text") -> subprocess.CompletedProcess[str]:
    assert CHECK is not None, "check-jsonschema is missing: run `make test`, which installs it"
    alone = Path(files[0]).parent / "_schema" / "bundle.json" if output == "json" else None
    schema = schema_store.bundle_path()
    if alone is not None:  # the bundle with no sibling file it could reach for
        alone.parent.mkdir()
        shutil.copyfile(schema, alone)
        schema = alone
    command = [str(CHECK), "-o", output, "--schemafile", str(schema), *map(str, files)]
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


def _parts(json_path: str) -> tuple[str | int, ...]:
    """`$.agents['_default'].d_gnn[0]` -> ("agents", "_default", "d_gnn", 0)."""
    parts: list[str | int] = []
    for name, quoted, index in re.findall(r"\.([^.\[]+)|\['((?:[^'\\]|\\.)*)'\]|\[(\d+)\]", json_path):
        parts.append(int(index) if index else name or quoted)
    return tuple(parts)


def test_every_case_gets_the_python_verdict_at_the_same_place(tmp_path):
    """Same verdict as `nip.parameters.iter_errors` on every case, and each of our problems lies
    at or below a place check-jsonschema names."""
    files = {}
    for case in CASES:
        files[case["id"]] = tmp_path / f"{case['id']}.json"
        files[case["id"]].write_text(json.dumps(case["input"]))
    run = _run(*files.values(), output="json")
    report = json.loads(run.stdout)
    assert not report["parse_errors"], report["parse_errors"]
    places: dict[str, list[tuple[str | int, ...]]] = {}
    for error in report["errors"]:
        places.setdefault(Path(error["filename"]).stem, []).append(_parts(error["path"]))
    disagreements = []
    for case in CASES:
        ours = [p.path for p in iter_errors(case["input"])]
        theirs = places.get(case["id"], [])
        if bool(ours) != bool(theirs) or bool(ours) != ("pointer" in case):
            disagreements.append(f"{case['id']}: ours {ours}, check-jsonschema {theirs}")
        elif any(not any(path[: len(t)] == t for t in theirs) for path in ours):
            disagreements.append(f"{case['id']}: ours at {ours}, check-jsonschema at {theirs}")
    assert len(CASES) > 100
    assert disagreements == []


def test_examples_are_valid():
    assert EXAMPLES
    run = _run(*EXAMPLES)
    assert run.returncode == 0, run.stdout + run.stderr


def test_a_broken_config_is_rejected_at_its_address(tmp_path):
    config = json.loads((REPO / "examples" / "graph_isomorphism_ppo.json").read_text())
    config["agents"]["prover"]["d_gnn"] = "wide"
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(config))
    run = _run(broken)
    assert run.returncode == 1
    assert "agents.prover.d_gnn" in run.stdout or "$.agents.prover.d_gnn" in run.stdout, run.stdout


def test_a_config_of_another_version_gets_one_error_that_says_to_migrate_it(tmp_path):
    """The bundle states the `_package_version`s it accepts: a 0.1 file gets no field errors, only
    the version's, and the message carries the advice."""
    old = REPO / "examples" / "old" / "pvg_v0.1_code_validation.json"
    run = _run(old)
    assert run.returncode == 1
    errors = [line for line in run.stdout.splitlines() if "::$" in line]
    assert len(errors) == 1, run.stdout
    assert errors[0].split("::", 1)[1].startswith("$['_package_version']: '0.1.0' should not be valid")
    assert "migrate it with `nip-params migrate FILE`" in errors[0]
    valid = json.loads((DATA / "cases" / "valid" / "current-group-rl-dict-meta.json").read_text())["input"]
    files = []
    for stated in ("1.0", "1.0.3", "1"):
        files.append(tmp_path / f"v{stated}.json")
        files[-1].write_text(json.dumps({**valid, "_package_version": stated}))
    accepted = _run(*files)
    assert accepted.returncode == 0, accepted.stdout
