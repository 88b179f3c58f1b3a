"""The generated `_from_checked_dict` builders give exactly the objects the constructors give.

`from_dict` fills objects directly from a dict the schema has accepted (codegen/builders.py), without
`__init__`/`__post_init__`. Here both ways build the same checked dicts, and must agree value for
value and type for type (5e3 for an integer field is the int 5000 either way), in the same field
order, with the same warnings, sharing no list with the input.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import random
import warnings
from typing import Any

import pytest
from sample_data import DATA, load_samples

import nip.parameters as nip_params
from nip.parameters import HyperParameters
from nip.parameters._objects import build
from nip.parameters._objects.values import PARAMETER_CLASSES
from nip.parameters._validation import iter_errors

VALID = [json.loads(p.read_text())["input"] for p in sorted((DATA / "cases" / "valid").glob("*.json"))]
VALID += [s["to_dict"] for s in load_samples("current")]


def shape(value: Any) -> Any:
    """Everything `==` can miss: each value's type, each object's attribute order."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = dataclasses.fields(value)
        return (type(value).__name__, list(vars(value)), [shape(getattr(value, f.name)) for f in fields])
    if isinstance(value, dict):
        return (type(value).__name__, [(k, shape(v)) for k, v in value.items()])
    if isinstance(value, list | tuple):
        return (type(value).__name__, [shape(v) for v in value])
    return (type(value).__name__, value)


def containers(value: Any) -> list[int]:
    """The ids of the lists and dicts inside a plain value."""
    if isinstance(value, dict):
        return [id(value), *(i for v in value.values() for i in containers(v))]
    if isinstance(value, list):
        return [id(value), *(i for v in value for i in containers(v))]
    return []


def held(obj: Any) -> list[int]:
    """The ids of the lists and dicts an object holds."""
    if dataclasses.is_dataclass(obj):
        return [i for f in dataclasses.fields(obj) for i in held(getattr(obj, f.name))]
    if isinstance(obj, dict):
        return [id(obj), *(i for v in obj.values() for i in held(v))]
    if isinstance(obj, list | tuple):
        return [id(obj), *(i for v in obj for i in held(v))]
    return []


def both_ways(cls: Any, data: dict[str, Any]) -> tuple[Any, Any]:
    checked = build.check_class(cls, cls._prepare_dict(data))
    results = []
    for way in (lambda: cls._from_checked_dict(checked), lambda: _by_constructor(cls, checked)):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            obj = way()
        results.append((obj, [(w.category, str(w.message)) for w in caught]))
    (fast, fast_warnings), (slow, slow_warnings) = results
    assert shape(fast) == shape(slow)
    assert fast == slow and fast_warnings == slow_warnings
    assert not set(held(fast)) & set(containers(data))  # nothing shared with the input
    return fast, slow


def _by_constructor(cls: Any, checked: Any) -> Any:
    with build._already_checked():
        return build.build_by_constructor(cls, checked)


def variants(config: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """A config with the same meaning, written differently: integral floats for integers, groups
    and keys left out or null, keys in another order, the deprecated trainer alias."""
    out = copy.deepcopy(config)

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            items = list(node.items())
            if rng.random() < 0.3:
                items.reverse()
            kept = {}
            for key, value in items:
                roll = rng.random()
                if roll < 0.1 and key not in ("_type", "scenario", "dataset", "is_random"):
                    continue  # left out: its default
                if roll < 0.2 and isinstance(value, dict) and "_type" in value and "Schedule" not in value["_type"]:
                    kept[key] = None  # a group given as null: its defaults
                    continue
                kept[key] = walk(value)
            return kept
        if isinstance(node, list):
            return [walk(v) for v in node]
        if type(node) is int and rng.random() < 0.5:
            return float(node)  # 16.0 for an integer field
        return node

    out = walk(out)
    if rng.random() < 0.2 and out.get("trainer") == "vanilla_ppo":
        out["trainer"] = "ppo"
    return out


def test_the_corpus_builds_the_same_both_ways():
    for config in VALID:
        if not list(iter_errors(config)):
            both_ways(HyperParameters, config)


@pytest.mark.parametrize("seed", range(3))
def test_rewritten_configs_build_the_same_both_ways(seed):
    rng = random.Random(seed)
    built = converted = 0
    for _ in range(150):
        config = variants(rng.choice(VALID), rng)
        if list(iter_errors(config)):
            continue  # the rewrite broke a rule (a required key left out, a float where an int is due)
        fast, _ = both_ways(HyperParameters, config)
        built += 1
        converted += isinstance(fast.seed, int) and isinstance(config.get("seed"), float)
    assert built > 60 and converted > 5


def test_each_generated_class_builds_the_same_both_ways():
    rng = random.Random(1)
    config = HyperParameters.from_dict(VALID[0]).to_dict()
    groups = {type(v).__name__: v.to_dict() for v in vars(HyperParameters.from_dict(config)).values()
              if dataclasses.is_dataclass(v)}
    assert len(groups) > 15
    for name, data in groups.items():
        both_ways(PARAMETER_CLASSES[name], variants(data, rng))
        both_ways(PARAMETER_CLASSES[name], {})


def test_agents_left_out_get_the_scenarios_default_agent():
    config = {"scenario": "code_validation", "trainer": "pure_text_ei", "dataset": "d"}
    fast, _ = both_ways(HyperParameters, config)
    assert list(fast.agents) == ["_default"]
    assert type(fast.agents["_default"]).__name__ == "CodeValidationAgentParameters"


def test_a_users_subclass_is_built_through_its_constructor():
    @dataclasses.dataclass
    class Mine(nip_params.LrFactors):
        extra: int = 7

        def __post_init__(self) -> None:
            super().__post_init__()
            self.seen = True

    obj = Mine.from_dict({"actor": 2.0})
    assert (obj.actor, obj.extra, obj.seen) == (2.0, 7, True)
    assert "_from_checked_dict" not in Mine.__dict__
