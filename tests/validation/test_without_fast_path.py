"""jsonschema-rs is an accelerator: without it (an interpreter that lacks the wheel), the package
imports and gives the same verdicts and problems, from jsonschema alone."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sample_data import load_samples

SCRIPT = r"""
import json, sys
sys.modules["jsonschema_rs"] = None  # makes `import jsonschema_rs` fail, as if it were not installed
from nip.parameters import HyperParameters, iter_errors
from nip.parameters._validation import validators as validation
assert validation.jsonschema_rs is None
cases = json.loads(sys.stdin.read())
out = {}
for case_id, config in cases:
    out[case_id] = [p.address for p in iter_errors(config)]
    if not out[case_id]:  # a valid config still round-trips
        assert HyperParameters.from_dict(config).to_dict() == config, case_id
print(json.dumps(out))
"""


def test_same_problems_without_jsonschema_rs():
    cases = [(s["id"], s["to_dict"]) for s in load_samples("current")]
    cases += [(s["id"], s["input"]) for s in load_samples("invalid")]
    bad = dict(cases[0][1], seed=float("nan"))
    cases.append(("nan-seed", bad))
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT], input=json.dumps(cases), capture_output=True, text=True,
        cwd=Path(__file__).parent, timeout=300, check=True,
    )
    without = json.loads(run.stdout)
    from nip.parameters import iter_errors

    with_fast = {case_id: [p.address for p in iter_errors(config)] for case_id, config in cases}
    assert without == with_fast
    assert with_fast["nan-seed"] == ["seed"]
    assert any(with_fast[s["id"]] for s in load_samples("invalid"))
