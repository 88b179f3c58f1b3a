"""The fast path (jsonschema-rs) and the explaining path (jsonschema) agree on every test case.

`validate` asks jsonschema-rs "is it valid?" and only asks jsonschema for the details when it says
no; so the two must give the same verdict, and our problems must sit where jsonschema's errors are.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sample_data import DATA, load_samples

from nip.parameters import iter_errors
from nip.parameters._validation import schemas as schema_store
from nip.parameters._validation import validators as validation

CASES = [json.loads(p.read_text()) for p in sorted((DATA / "cases").rglob("*.json"))]
CONFIGS = [(c["id"], c["input"]) for c in CASES]
CONFIGS += [(s["id"], s["to_dict"]) for s in load_samples("current")]
CONFIGS += [(s["id"], s["input"]) for s in load_samples("invalid")]


def _leaf_paths(error) -> list[tuple]:
    if error.context:
        return [p for sub in error.context for p in _leaf_paths(sub)]
    return [tuple(error.absolute_path)]


def test_there_are_cases():
    assert len(CONFIGS) > 100
    assert any(Path(p).parent.name == "invalid" for p in (DATA / "cases").rglob("*.json"))


@pytest.mark.slow
@pytest.mark.parametrize(("case_id", "config"), CONFIGS, ids=[c[0] for c in CONFIGS])
def test_same_verdict_and_places(case_id, config):
    version = schema_store.CURRENT_VERSION
    fast = validation._fast_validator(version, None).is_valid(config)
    slow = validation._validator(version, None)
    assert fast == slow.is_valid(config), case_id
    ours = [p.path for p in iter_errors(config)]
    assert (not ours) == fast
    theirs = [path for error in slow.iter_errors(config) for path in _leaf_paths(error)]
    for path in ours:  # each of our problems is at a jsonschema error, or one key below it
        assert any(path[: len(q)] == q and len(path) - len(q) <= 1 for q in theirs), path
    tops = {tuple(e.absolute_path) for e in slow.iter_errors(config)}
    for top in tops:  # and every jsonschema error is explained by at least one problem of ours
        assert any(path[: len(top)] == top for path in ours), top
