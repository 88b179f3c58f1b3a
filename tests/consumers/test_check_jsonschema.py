"""check-jsonschema, a real non-Python-API consumer, validates configs against the shipped bundle.

It runs offline: the bundle embeds every group file with its `$id`, so no `$ref` leaves the file
(the project's `$id` host does not exist, so any download attempt would fail these tests).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from nip.parameters._validation import schemas as schema_store

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((REPO / "examples").glob("*.json")) + sorted((REPO / "examples").glob("*.yaml"))
CHECK = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))  # pinned; `make` installs it


def _run(*files: Path) -> subprocess.CompletedProcess[str]:
    assert CHECK is not None, "check-jsonschema is missing: run `make test`, which installs it"
    command = [str(CHECK), "--schemafile", str(schema_store.bundle_path()), *map(str, files)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


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
