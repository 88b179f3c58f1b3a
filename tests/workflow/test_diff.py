"""`nip.parameters.diff(a, b)`: leaf differences after migration and defaults, agents after the
`_default` fallback; the fast walk over dicts agrees with comparing the built objects."""

from __future__ import annotations

import copy
import json
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nip.parameters import Difference, HyperParameters, ParameterValidationError, diff
from nip.parameters._migration.report import ABSENT

BASE = {"scenario": "graph_isomorphism", "trainer": "vanilla_ppo", "dataset": "eru10000"}
CASES = Path(__file__).resolve().parents[1] / "data" / "cases" / "valid"
OLD = Path(__file__).resolve().parents[2] / "examples" / "old" / "pvg_v0.1_code_validation.json"


def valid_configs() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8"))["input"] for p in sorted(CASES.glob("*.json"))]


def by_address(found: list[Difference]) -> dict[str, tuple]:
    return {d.address: (d.left, d.right) for d in found}


def test_leaf_differences_with_both_values():
    a = HyperParameters(**BASE).to_dict()
    b = HyperParameters(**BASE, rl={"lr": 0.01}, agents={"prover": {"d_gnn": 32}}).to_dict()
    found = by_address(diff(a, b))
    assert found["rl.lr"] == (0.003, 0.01)
    assert found["agents.prover.d_gnn"] == (16, 32)
    assert str(Difference("rl.lr", 0.003, 0.01)) == "rl.lr: 0.003 -> 0.01"
    assert diff(a, a) == [] and diff(b, copy.deepcopy(b)) == []


def test_an_explicit_default_and_an_absent_key_are_the_same():
    sparse = dict(BASE)
    full = HyperParameters(**BASE).to_dict()
    assert diff(sparse, full) == [] and diff(full, sparse) == []
    assert diff({**BASE, "rl": None}, {**BASE, "rl": {}}) == []
    assert diff({**BASE, "trainer": "ppo"}, BASE) == []  # a deprecated alias means the same


def test_agents_are_compared_after_the_default_fallback():
    entry = {"d_gnn": 32}
    one = {**BASE, "agents": {"_default": entry}}
    named = {**BASE, "agents": {"prover": entry, "verifier": entry}}
    assert diff(one, named) == []
    other = {**BASE, "agents": {"prover": {"d_gnn": 8}, "verifier": entry}}
    assert by_address(diff(one, other)) == {"agents.prover.d_gnn": (32, 8)}
    lonely = {**BASE, "agents": {"prover": entry}}  # no verifier and no `_default`
    found = diff(named, lonely)
    assert [d.address for d in found] == ["agents.verifier"]
    assert found[0].right is ABSENT and found[0].to_json()["change"] == "removed"


def test_objects_dicts_and_mixed_pairs_agree():
    a = {**BASE, "seed": 1}
    b = HyperParameters(**BASE, seed=2, rl={"num_epochs": 7})
    expected = {"seed": (1, 2), "rl.num_epochs": (4, 7)}
    assert by_address(diff(a, b)) == expected
    assert by_address(diff(HyperParameters.from_dict(a), b)) == expected
    assert by_address(diff(a, b.to_dict())) == expected


def test_an_old_version_is_migrated_before_comparing():
    old = json.loads(OLD.read_text(encoding="utf-8"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        current = HyperParameters.from_dict(old).to_dict()
        assert diff(old, current) == []
        found = by_address(diff(old, {**current, "interaction_protocol": "debate"}))
    assert found == {"interaction_protocol": ("nip", "debate")}


def test_w_and_b_bookkeeping_is_not_a_difference():
    assert diff({**BASE, "_wandb": {"t": 1}}, {**BASE, "_package_version": "1.0.0"}) == []


def test_a_changed_scenario_lists_the_agent_fields_of_both_classes():
    found = by_address(diff(BASE, {**BASE, "scenario": "code_validation"}))
    assert found["scenario"] == ("graph_isomorphism", "code_validation")
    assert found["agents._default._type"] == ("GraphIsomorphismAgentParameters",
                                              "CodeValidationAgentParameters")
    assert found["agents._default.d_gnn"] == (16, ABSENT)


def test_an_invalid_config_names_which_one():
    with pytest.raises(ParameterValidationError, match="invalid config b"):
        diff(BASE, {**BASE, "rl": {"lr": "fast"}})


def test_ints_and_floats_are_equal_values_but_booleans_are_not_numbers():
    assert diff({**BASE, "rl": {"lr": 1}}, {**BASE, "rl": {"lr": 1.0}}) == []
    assert Difference("x", True, 1).same is False and Difference("x", [1], (1,)).same is True


# ---- the fast walk against the reference (built objects, then their to_dict) -----------------------
CONFIGS = valid_configs()


def reference(a: dict, b: dict) -> list[Difference]:
    return diff(HyperParameters.from_dict(a), HyperParameters.from_dict(b))


def test_every_pair_of_valid_cases_agrees_with_the_reference():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pairs = [(a, b) for a in CONFIGS for b in CONFIGS if a.get("scenario") == b.get("scenario")]
        assert len(pairs) > 300
        for a, b in pairs:
            assert diff(a, b) == reference(a, b)


LEAF_CHANGES = [
    ("seed", 7), ("rl", None), ("rl", {}), ("trainer", "ppo"), ("agents", None),
    ("interaction_protocol", "debate"), ("dataset_options", {"selected_classes": [0, 1]}),
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(range(len(CONFIGS))), st.data())
def test_dropped_keys_and_changed_leaves_agree_with_the_reference(index, data):
    a = copy.deepcopy(CONFIGS[index])
    b = copy.deepcopy(a)
    for key in data.draw(st.lists(st.sampled_from(sorted(b)), max_size=6)):
        if key not in ("scenario", "trainer", "dataset"):
            b.pop(key, None)  # absent: the default applies
    for key, value in data.draw(st.lists(st.sampled_from(LEAF_CHANGES), max_size=3)):
        b[key] = value
    agents = b.get("agents")
    if isinstance(agents, dict) and agents:
        name = data.draw(st.sampled_from(sorted(agents)))
        if isinstance(agents[name], dict) and not agents[name].get("is_random"):
            agents[name] = {k: v for k, v in agents[name].items() if data.draw(st.booleans())}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            expected = reference(a, b)
        except ParameterValidationError:
            return  # the edit made `b` invalid: diff refuses it too
        assert diff(a, b) == expected
        assert diff(b, a) == reference(b, a)
