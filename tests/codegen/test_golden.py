"""The generator's output for a tiny fixture schema, byte for byte, and its determinism."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from codegen.outputs import generate_all

HERE = Path(__file__).parent
FIXTURE = HERE / "fixture"
GOLDEN = HERE / "golden"
REPO = HERE.parent.parent
REGENERATE = "UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/codegen/test_golden.py"


def test_fixture_output_matches_golden_files():
    outputs = generate_all(FIXTURE)
    if os.environ.get("UPDATE_GOLDEN"):
        for path, text in outputs.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_text(text, encoding="utf-8")
    golden = {
        str(p.relative_to(GOLDEN)): p.read_text(encoding="utf-8")
        for p in sorted(GOLDEN.rglob("*"))
        if p.is_file()
    }
    assert sorted(outputs) == sorted(golden), f"generated file set changed; regenerate: {REGENERATE}"
    for path, text in outputs.items():
        assert text == golden[path], f"{path} differs from its golden copy; regenerate: {REGENERATE}"


_DIGEST = (
    "import hashlib, json, sys; from pathlib import Path; from codegen.outputs import generate_all;"
    "out = generate_all(Path(sys.argv[1]));"
    "print(hashlib.sha256(json.dumps(out, sort_keys=True).encode()).hexdigest())"
)


@pytest.mark.slow
@pytest.mark.parametrize("root", [FIXTURE, REPO], ids=["fixture", "project"])
def test_output_does_not_depend_on_hash_seed(root):
    digests = set()
    for seed in ("1", "4242"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        run = subprocess.run(
            [sys.executable, "-c", _DIGEST, str(root)],
            cwd=REPO, env=env, capture_output=True, text=True, check=True,
        )
        digests.add(run.stdout.strip())
    assert len(digests) == 1
