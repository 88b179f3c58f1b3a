"""`params.with_overrides(...)`: dotted addresses, values converted to the schema's type, null and
removal, agents by name and `_default`, list items; every bad override is an addressed error."""

from __future__ import annotations

import copy

import pytest

from nip.parameters import (
    GraphIsomorphismAgentParameters,
    HyperParameters,
    ParameterValidationError,
    RandomAgentParameters,
)

BASE = {"scenario": "graph_isomorphism", "trainer": "vanilla_ppo", "dataset": "eru10000"}


@pytest.fixture
def params() -> HyperParameters:
    return HyperParameters(**BASE, agents={"prover": {"d_gnn": 16}, "verifier": {"num_gnn_layers": 2}})


def test_a_new_object_is_returned_and_the_original_is_unchanged(params):
    before = copy.deepcopy(params.to_dict())
    changed = params.with_overrides({"rl.lr": 0.01, "agents.prover.d_gnn": 64})
    assert changed is not params
    assert params.to_dict() == before
    assert changed.rl.lr == 0.01 and changed.agents["prover"].d_gnn == 64
    assert changed.agents["verifier"].num_gnn_layers == 2  # everything else is kept


def test_the_list_form_reads_values_as_yaml(params):
    changed = params.with_overrides(["rl.gamma=0.5", "rl={num_epochs: 3}", "rl.lr=0.0001",
                                     "pretrain_agents=true",
                                     "spg.stackelberg_sequence=[[verifier], [prover]]"])
    assert changed.rl.lr == 0.0001 and changed.pretrain_agents is True
    assert changed.to_dict()["spg"]["stackelberg_sequence"] == [["verifier"], ["prover"]]
    # in order; a mapping value replaces the group: its other fields are the defaults again
    assert changed.rl.num_epochs == 3 and changed.rl.gamma == HyperParameters(**BASE).rl.gamma


@pytest.mark.parametrize(
    ("override", "address", "expected"),
    [
        ("dataset=1e3", "dataset", "1e3"),  # a string field keeps the text
        ("dataset=true", "dataset", "true"),
        ("dataset=010", "dataset", "010"),
        ("seed=12", "seed", 12),
        ("seed=1e3", "seed", 1000),  # an integer field takes an integral number as an int
        ("rl.lr=1", "rl.lr", 1.0),  # a number field takes an int as a float
        ("rl.lr=3e-4", "rl.lr", 0.0003),  # YAML 1.2 number, whatever the YAML reader
        ("rl.lr=.5", "rl.lr", 0.5),
        ("agents.prover.gnn_output_digits=null", "agents.prover.gnn_output_digits", None),
        ("agents.prover.gnn_output_digits=3", "agents.prover.gnn_output_digits", 3),
    ],
)
def test_values_take_the_type_of_their_address(params, override, address, expected):
    value = params.with_overrides([override]).get(address)
    assert value == expected and type(value) is type(expected)


def test_the_mapping_form_converts_python_values_the_same_way(params):
    changed = params.with_overrides({"seed": 3.0, "rl.lr": 2, "dataset": "1e3"})
    assert (changed.seed, type(changed.seed)) == (3, int)
    assert (changed.rl.lr, type(changed.rl.lr)) == (2.0, float)
    assert changed.dataset == "1e3"


def test_null_sets_null_and_removal_brings_the_default_back(params):
    changed = params.with_overrides(["agents.prover.gnn_output_digits=4", "rl.num_epochs=9"])
    again = changed.with_overrides(["~rl.num_epochs", "agents.prover.gnn_output_digits=null"])
    assert again.rl.num_epochs == HyperParameters(**BASE).rl.num_epochs
    assert again.agents["prover"].gnn_output_digits is None
    assert params.with_overrides({"~agents.verifier": None}).to_dict()["agents"].keys() == {
        "prover", "agents_update_repr"}
    assert params.with_overrides(["rl=null"]).rl == HyperParameters(**BASE).rl


def test_agents_default_and_new_agents(params):
    defaults = HyperParameters(**BASE)  # agents: {"_default": ...} only
    changed = defaults.with_overrides(["agents.prover.d_gnn=64"])
    # a new agent starts as `_default` answered for it; `_default` still answers for the rest
    assert changed.agents["prover"].d_gnn == 64
    assert changed.agents["verifier"] is changed.agents["_default"]
    assert defaults.with_overrides(["agents._default.d_gnn=8"]).agents["anyone"].d_gnn == 8
    # named agents do not fall back: `_default` answers only for the unnamed ones
    named = params.with_overrides(["agents._default.d_gnn=8"])
    assert named.agents["prover"].d_gnn == 16 and named.agents["other"].d_gnn == 8


def test_a_whole_agent_can_be_replaced(params):
    changed = params.with_overrides({"agents.verifier": RandomAgentParameters()})
    assert isinstance(changed.agents["verifier"], RandomAgentParameters)
    again = params.with_overrides(["agents.verifier={is_random: true}"])
    assert isinstance(again.agents["verifier"], RandomAgentParameters)
    group = params.with_overrides({"agents.prover": GraphIsomorphismAgentParameters(d_gnn=3)})
    assert group.agents["prover"].d_gnn == 3


def test_list_items_by_index(params):
    with_sequence = params.with_overrides(["spg.stackelberg_sequence=[[verifier], [prover]]"])
    changed = with_sequence.with_overrides(["spg.stackelberg_sequence.1.0=verifier"])
    assert changed.to_dict()["spg"]["stackelberg_sequence"] == [["verifier"], ["verifier"]]


def problems_of(params, overrides):
    with pytest.raises(ParameterValidationError) as caught:
        params.with_overrides(overrides)
    return caught.value.problems


def test_an_unknown_address_is_addressed_with_did_you_mean(params):
    (problem,) = problems_of(params, ["rl.lrr=0.1"])
    assert problem.address == "rl.lrr" and "did you mean 'lr'" in problem.hint
    assert "set by 'rl.lrr=0.1'" in problem.hint
    (problem,) = problems_of(params, ["ppo.num_epochs=3"])
    assert "rl.num_epochs" in problem.hint  # a field of another group
    (problem,) = problems_of(params, ["agents.prover.model_name=gpt"])
    assert "CodeValidationAgentParameters" in problem.hint  # a field of another agent class
    (problem,) = problems_of(params, {"nothing.here": 1})
    assert problem.address == "nothing"


def test_a_wrong_value_is_reported_at_its_address_with_its_override(params):
    problems = problems_of(params, ["rl.lr=fast", "agents.prover.activation_function=gelu"])
    by_address = {p.address: p for p in problems}
    assert "expected number" in by_address["rl.lr"].message
    assert "set by 'rl.lr=fast'" in by_address["rl.lr"].hint
    assert "agents.prover.activation_function" in by_address
    (problem,) = problems_of(params, ["~scenario"])
    assert problem.address == "scenario" and "missing" in problem.message


@pytest.mark.parametrize(
    ("override", "says"),
    [
        ("rl.lr", "expected ADDRESS=VALUE"),
        ("rl.lr=", "no VALUE"),
        ("rl.lr=[1", "not valid YAML"),
        ("rl lr=1", "not a dotted address"),
        ("rl..lr=1", "not a dotted address"),
        ("=1", "not a dotted address"),
        ("~", "not a dotted address"),
        ("spg.stackelberg_sequence.5=x", "no item 5"),
        ("~spg.stackelberg_sequence.0", "cannot be removed"),
        ("seed.x=1", "has no 'x'"),
    ],
)
def test_malformed_overrides_are_refused(override, says):
    params = HyperParameters(**BASE, spg={"stackelberg_sequence": [["verifier"], ["prover"]]})
    (problem,) = problems_of(params, [override])
    assert says in str(problem)


def test_a_single_string_is_not_taken_as_a_list_of_characters(params):
    with pytest.raises(ParameterValidationError, match="wrap a single override in a list"):
        params.with_overrides("rl.lr=0.1")  # type: ignore[arg-type]


def test_changing_the_scenario_needs_the_agents_removed(params):
    problems = problems_of(params, ["scenario=code_validation"])
    assert any(p.address.startswith("agents.") for p in problems)
    changed = params.with_overrides(["scenario=code_validation", "~agents"])
    assert type(changed.agents["_default"]).__name__ == "CodeValidationAgentParameters"
