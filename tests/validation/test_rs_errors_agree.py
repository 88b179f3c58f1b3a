"""Problems read off jsonschema-rs's errors are exactly the problems python-jsonschema's errors give:
the same addresses, messages, expected and actual values, and hints.

`iter_errors` reads the problems off jsonschema-rs's errors (microseconds); python-jsonschema stays as
the fallback for a message in its own words, and is the other side here. Both sides are compared on
the test corpus and on a few thousand seeded mutations of valid configs (several faults each, at
every kind of place), for the current schema, for the older one, and for single classes.
"""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Iterator
from typing import Any

import jsonschema_rs
import pytest
from sample_data import DATA, load_samples

from nip.parameters import iter_errors
from nip.parameters._validation import plain_data, rs_errors, schemas, validators
from nip.parameters._validation.rs_errors import NeedsWording

CURRENT = schemas.CURRENT_VERSION
OLDER = schemas.available_versions()[0]

VALID = [json.loads(p.read_text())["input"] for p in sorted((DATA / "cases" / "valid").glob("*.json"))]
CORPUS = [json.loads(p.read_text())["input"] for p in sorted((DATA / "cases").rglob("*.json"))]
CORPUS += [s["input"] for s in load_samples("invalid")]
OLD = [s["input"] for s in load_samples("migrate") if str(s["input"].get("_package_version", "")).startswith(OLDER)]

# Values a mutation puts somewhere: wrong types, near misses, out of range, schedules, nested objects.
VALUES: list[Any] = [
    "x", "", "relu", "vanilla_ppo", "pvg", 0, 1, -1, 2.5, -0.5, 1e30, 2**70, None, True, False,
    [], [1, 2], [1, 2, 3], ["a"], [[1]], {}, {"a": 1}, {"_type": "Nope"}, {"_type": "LrFactors"},
    {"actor": "x"}, "ConstantUpdateSchedule", {"_type": "ContiguousPeriodicUpdateSchedule"},
    {"_type": "AlternatingPeriodicUpdateSchedule", "AlternatingPeriodicUpdateSchedule": {"period": "x"}},
    {"_type": "ConstantUpdateSchedule", "extra": 1}, 3.0, "graph_isomorphism", "RandomAgentParameters",
]
KEYS = ["seed", "lr", "d_gnn", "rl", "scenario", "is_random", "_type", "temperature", "agents",
        "num_epochz", "trainr", "max_response_words", "update_schedule", "prover"]


def _places(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _places(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _places(value, (*path, index))


def mutated(config: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """`config` with 1 to 8 faults: values replaced, keys removed, misspelt or added."""
    out = copy.deepcopy(config)
    for _ in range(rng.choice([1, 1, 2, 3, 5, 8])):
        places = list(_places(out))[1:]
        if not places:
            break
        path = rng.choice(places)
        parent = out
        for part in path[:-1]:
            parent = parent[part]
        roll = rng.random()
        if roll < 0.6 or not isinstance(parent, dict):
            parent[path[-1]] = copy.deepcopy(rng.choice(VALUES))
        elif roll < 0.75:
            del parent[path[-1]]
        elif roll < 0.9:
            parent[f"{path[-1]}x"] = copy.deepcopy(rng.choice(VALUES))
        else:
            parent[rng.choice(KEYS)] = copy.deepcopy(rng.choice(VALUES))
    return out


def both_sides(version: str, class_name: str | None, config: Any) -> tuple[list[Any], list[Any]] | None:
    """(problems read off jsonschema-rs, problems python-jsonschema explains); None when valid."""
    plain, not_plain = plain_data.plain_copy(config)
    fast = validators._fast_validator(version, class_name)
    if not_plain or fast.is_valid(plain):
        return None
    errors = list(fast.iter_errors(plain))
    whole = validators.problem_maker(version).convert(validators._validator(version, class_name).iter_errors(plain))
    assert validators.explained(version, class_name, plain, errors) == whole  # the cut-down copy too
    return validators.read_off(version, plain, errors), whole


def _assert_same(ours: list[Any], theirs: list[Any]) -> None:
    assert [p.__dict__ for p in ours] == [p.__dict__ for p in theirs]


def test_corpus_agrees():
    compared = 0
    for config in CORPUS:
        sides = both_sides(CURRENT, None, config)
        if sides is not None:
            _assert_same(*sides)
            compared += 1
    assert compared > 140


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(4))
def test_mutations_agree(seed):
    rng = random.Random(seed)
    compared = hints = 0
    for _ in range(500):
        sides = both_sides(CURRENT, None, mutated(rng.choice(VALID), rng))
        if sides is not None:
            _assert_same(*sides)
            compared += 1
            hints += sum(p.hint is not None for p in sides[0])
    assert compared > 400 and hints > 50


@pytest.mark.slow
def test_older_version_agrees():
    rng = random.Random(7)
    compared = 0
    for config in OLD * 100:
        sides = both_sides(OLDER, None, mutated(config, rng))
        if sides is not None:
            _assert_same(*sides)
            compared += 1
    assert compared > 150


@pytest.mark.parametrize("class_name", ["LrFactors", "RlTrainerParameters", "CodeValidationAgentParameters",
                                        "AgentUpdateSchedule", "DatasetParameters"])
def test_single_classes_agree(class_name):
    rng = random.Random(class_name)
    groups = [group for config in VALID for group in _values_of_class(config, class_name)]
    assert groups
    compared = 0
    for _ in range(200):
        sides = both_sides(CURRENT, class_name, mutated(rng.choice(groups), rng))
        if sides is not None:
            _assert_same(*sides)
            compared += 1
    assert compared > 50


def _values_of_class(config: Any, class_name: str) -> list[Any]:
    wanted = "ConstantUpdateSchedule" if class_name == "AgentUpdateSchedule" else class_name
    found = []
    for path in _places(config):
        node = config
        for part in path:
            node = node[part]
        if isinstance(node, dict) and node.get("_type") == wanted:
            found.append(node)
    return found


# ---- the fallback ---------------------------------------------------------------------------------
def test_a_keyword_python_jsonschema_words_needs_the_fallback():
    schema = {"$id": "urn:test", "type": "object", "properties": {
        "name": {"type": "string", "pattern": "^[a-z]+$"}, "n": {"type": "integer"}}}
    validator = jsonschema_rs.Draft202012Validator(schema)
    data = {"name": "ABC", "n": "x"}
    errors = list(validator.iter_errors(data))
    maker = validators.problem_maker(CURRENT)
    with pytest.raises(NeedsWording):
        rs_errors.problems(errors, data, rs_errors.Schemas([schema]), maker)
    only_type = [e for e in errors if type(e.kind).__name__ == "Type"]
    [problem] = rs_errors.problems(only_type, data, rs_errors.Schemas([schema]), maker)
    assert (problem.path, problem.message) == (("n",), "expected integer, got string 'x'")


def test_check_falls_back_to_python_jsonschema(monkeypatch):
    config = mutated(VALID[0], random.Random(3))
    expected = list(iter_errors(config))
    assert expected

    def needs_wording(*_args: Any) -> Any:
        raise NeedsWording("test")

    monkeypatch.setattr(validators, "rs_problems", needs_wording)
    assert list(iter_errors(config)) == expected


def test_an_item_past_prefix_items_is_reported_in_a_single_class():
    """Found by this comparison: the cut-down copy used to drop it, so the object was built."""
    from nip.parameters import DatasetParameters, ParameterValidationError

    with pytest.raises(ParameterValidationError) as caught:
        DatasetParameters(selected_classes=[1, 2, 3])
    assert [str(p) for p in caught.value.problems] == ["selected_classes: expected at most 2 items, got 3"]
