"""Issue 17, item 15: a `pattern` means the same in every engine. Without jsonschema-rs,
python-jsonschema's `re` let `trainer: "ppo\n"` match `^ppo$` (Python's `$` matches before a final
newline). The table ecma_patterns.json (written by JavaScript's RegExp, checked against ajv in
tests/js/ecma-patterns.test.js) is the truth both Python engines must give, edge string by edge
string: final newlines, `\r`, Unicode line separators, non-ASCII digits and letters, spaces."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema_rs
import pytest

from nip.parameters._validation import engines
from nip.parameters._validation.ecma_regex import (
    UnsupportedPattern,
    ecma_search,
    translate,
)

TABLE = json.loads((Path(__file__).parent / "ecma_patterns.json").read_text(encoding="utf-8"))
ROWS = TABLE["rows"]


def _disagreements(matches) -> list[str]:
    return [f"{row['pattern']!r} on {text!r}: table {expected}"
            for row in ROWS for text, expected in zip(TABLE["strings"], row["matches"], strict=True)
            if matches(row["pattern"], text) != expected]


def test_the_fallback_reads_every_pattern_as_ecma_does():
    assert _disagreements(ecma_search) == []


def test_python_jsonschema_validates_patterns_as_ecma_does():
    validator = engines._explaining_validator_class()
    assert _disagreements(lambda p, t: validator({"pattern": p}).is_valid(t)) == []


def test_jsonschema_rs_agrees_with_the_table():
    assert _disagreements(lambda p, t: jsonschema_rs.validator_for({"pattern": p}).is_valid(t)) == []


@pytest.mark.parametrize("pattern", ["\\bx", "x\\B", "(a)\\1", "(?<n>a)", "(?<=a)b", "\\p{L}", "[]", "[^]",
                                     "[\\D]", "(?i)a", "a\\Z", "[a", "\\", "\\uD83D\\uDE00"])
def test_a_pattern_the_engines_read_differently_is_refused(pattern):
    with pytest.raises(UnsupportedPattern):
        translate(pattern)


def test_every_published_pattern_is_one_the_engines_read_alike():
    from nip.parameters._validation import schemas

    found = []

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("pattern"), str):
                found.append(node["pattern"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for version in schemas.available_versions():
        for name in schemas.group_names(version):
            walk(schemas.load_group(version, name))
    assert "^ppo$" in found
    for pattern in found:
        translate(pattern)


SCRIPT = r"""
import json, sys
sys.modules["jsonschema_rs"] = None  # as if the wheel were not installed
from nip.parameters import HyperParameters, iter_errors
base = {"scenario": "graph_isomorphism", "dataset": "eru10000"}
out = {t: [str(p) for p in iter_errors({**base, "trainer": t})] for t in ["ppo", "ppo\n", "ppo\r", "ppo\u2028"]}
print(json.dumps(out))
"""


def test_without_jsonschema_rs_a_final_newline_is_refused():
    run = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300, check=True)
    out = json.loads(run.stdout)
    assert out["ppo"] == []  # the deprecated alias of vanilla_ppo
    for text in ("ppo\n", "ppo\r", "ppo\u2028"):
        assert out[text] and all(problem.startswith("trainer:") for problem in out[text]), out
