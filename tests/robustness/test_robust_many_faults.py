"""Issue 11, finding 4: a config with thousands of faulty agents is reported whole, fault by fault.

Explaining 6,400 faulty agents used to take about 90 seconds, because the cut-down copy that
python-jsonschema explains compared every fault with every other. Now the problems are read off
jsonschema-rs's errors, and the cut-down copy (kept for the rare problem worded by python-jsonschema)
asks set lookups. No timing is asserted here (`make bench` shows the growth, in its "scaling"
section); what is asserted is that every fault gets its own problem, at its own address, with the same
words on both paths, from the library and from the command line.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from nip.parameters import iter_errors
from nip.parameters._validation import engines, schemas

pytestmark = pytest.mark.slow  # thousands of faults, and the command in a process

COUNT = 6_400  # the size of the file issue 11 found
BASE = {"scenario": "code_validation", "trainer": "pure_text_ei", "dataset": "d"}
KINDS = {
    "wrong type": ({"temperature": "hot"}, "temperature", "expected number or null, got string 'hot'", None),
    "misspelt key": ({"temperatur": 0.7}, "temperatur",
                     "unknown key 'temperatur' for CodeValidationAgentParameters",
                     "did you mean 'temperature'?"),
}


def _config(entry: dict[str, object]) -> dict[str, object]:
    return {**BASE, "agents": {f"agent_{i:05d}": dict(entry) for i in range(COUNT)}}


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_fault_of_thousands_is_reported(kind):
    entry, key, message, hint = KINDS[kind]
    problems = list(iter_errors(_config(entry)))
    assert len(problems) == COUNT
    assert {p.path for p in problems} == {("agents", f"agent_{i:05d}", key) for i in range(COUNT)}
    assert {p.message for p in problems} == {message}
    assert {p.hint for p in problems} == {hint}


def test_python_jsonschema_explains_thousands_of_faults_the_same():
    config = _config(KINDS["misspelt key"][0])
    version = schemas.CURRENT_VERSION
    errors = list(engines._fast_validator(version, None).iter_errors(config))
    assert engines.explained(version, None, config, errors) == engines.read_off(version, config, errors)


def test_the_command_line_reports_every_fault(tmp_path: Path):
    path = tmp_path / "many.json"
    path.write_text(json.dumps(_config(KINDS["wrong type"][0])), encoding="utf-8")
    assert 150_000 < path.stat().st_size < 300_000  # the size of issue 11's file
    done = subprocess.run([sys.executable, "-m", "nip.parameters.cli", "validate", str(path)],
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert len(lines) == COUNT
    column = path.read_text(encoding="utf-8").index('"hot"') + 1  # one line of JSON: the first fault
    assert lines[0] == (f"{path}:1:{column}: agents.agent_00000.temperature: expected number or null, "
                        "got string 'hot'")
