"""Checked assignment (issue 18): setting a field of a built object converts and checks the value as
the constructor would, and the error is addressed from the outermost config; nip's own assignments
keep working; `to_file` never writes a config that `from_file` refuses."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest

from nip.parameters import (
    BaseRunParameters,
    GraphIsomorphismAgentParameters,
    HyperParameters,
    LrFactors,
    NipParametersError,
    ParameterValidationError,
    RlTrainerParameters,
)


def _params() -> HyperParameters:
    return HyperParameters("graph_isomorphism", "vanilla_ppo", "eru10000")


def _addresses(error: ParameterValidationError) -> list[str]:
    return [p.address for p in error.problems]


def test_a_bad_value_in_a_group_raises_at_its_full_address_and_is_not_stored() -> None:
    params = _params()
    with pytest.raises(ParameterValidationError) as caught:
        params.rl.lr = -5
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, NipParametersError)
    assert _addresses(caught.value) == ["rl.lr"]
    assert caught.value.subject == "HyperParameters"
    assert params.rl.lr == RlTrainerParameters().lr


def test_the_address_is_found_in_a_config_read_from_a_dict() -> None:
    params = HyperParameters.from_dict(_params().to_dict())
    with pytest.raises(ParameterValidationError) as caught:
        params.rl.body_lr_factor.actor = "fast"
    assert _addresses(caught.value) == ["rl.body_lr_factor.actor"]
    with pytest.raises(ParameterValidationError) as caught:
        params.agents["_default"].d_gnn = -1
    assert _addresses(caught.value) == ["agents._default.d_gnn"]


def test_a_standalone_group_is_addressed_from_itself() -> None:
    group = RlTrainerParameters()
    with pytest.raises(ParameterValidationError) as caught:
        group.gamma = 2.0
    assert _addresses(caught.value) == ["gamma"]


@pytest.mark.parametrize(
    ("field", "value"),
    [("seed", "abc"), ("seed", -1), ("seed", None), ("interaction_protocol", "pvg"),
     ("trainer", "ppo3"), ("test_size", 1.5), ("dataset", 3), ("rl", 7), ("rl", [1])],
)
def test_values_the_schema_refuses_are_refused_when_set(field: str, value: object) -> None:
    params = _params()
    before = params.to_dict()
    with pytest.raises(ParameterValidationError) as caught:
        setattr(params, field, value)
    assert _addresses(caught.value)[0].split(".")[0] == field
    assert params.to_dict() == before


def test_a_dict_becomes_the_groups_object_and_none_its_defaults() -> None:
    params = _params()
    params.rl = {"lr": 0.25}
    assert type(params.rl) is RlTrainerParameters and params.rl.lr == 0.25
    params.rl.body_lr_factor = {"actor": 0.5}
    assert params.rl.body_lr_factor == LrFactors(actor=0.5, critic=1.0)
    params.rl.body_lr_factor = None
    assert params.rl.body_lr_factor == LrFactors()
    with pytest.raises(ParameterValidationError) as caught:
        params.rl = {"lrr": 1}
    assert _addresses(caught.value) == ["rl.lrr"]


def test_values_are_converted_as_the_constructor_converts_them() -> None:
    params = _params()
    params.rl.num_iterations = 5e3
    assert params.rl.num_iterations == 5000 and type(params.rl.num_iterations) is int
    with pytest.warns(DeprecationWarning):
        params.trainer = "ppo"
    assert params.trainer == "vanilla_ppo"


def test_nips_own_assignments_keep_working() -> None:
    """`hyper_params.dataset = name` in a script; `new.base_run = old.base_run` when resuming."""
    old = _params()
    old.base_run = BaseRunParameters(base_run_type="parameters", run_id="abc123")
    new = HyperParameters.from_dict(old.to_dict())
    new.dataset = "eru10000_other"
    new.base_run = old.base_run
    assert new.base_run is old.base_run  # the object itself, not a copy
    new.agents = {"prover": GraphIsomorphismAgentParameters(d_gnn=4)}
    assert new.agents["prover"].d_gnn == 4
    new.rl = RlTrainerParameters(lr=0.5)
    assert HyperParameters.from_dict(new.to_dict()) == new


def test_a_change_that_breaks_a_rule_across_fields_is_refused() -> None:
    """The scenario decides the agents' class: changing it under graph agents is refused."""
    params = _params()
    with pytest.raises(ParameterValidationError):
        params.scenario = "code_validation"
    assert params.scenario == "graph_isomorphism"


def test_building_and_copying_set_no_field_through_the_check() -> None:
    params = _params()
    assert copy.deepcopy(params) == params
    assert pickle.loads(pickle.dumps(params)) == params
    assert dataclasses.replace(params, seed=3).seed == 3
    with pytest.raises(NipParametersError):
        dataclasses.replace(params, seed=-3)


def test_attributes_that_are_not_fields_are_stored_as_given() -> None:
    agent = GraphIsomorphismAgentParameters()
    agent.is_random = True  # nip shadows the class constant when loading from W&B
    assert agent.is_random is True


def test_to_file_never_writes_a_config_from_file_refuses(tmp_path) -> None:
    params = _params()
    params.agents["prover"] = {"d_gnn": "x"}  # the agents are a dict: changed in place, unchecked
    target = tmp_path / "run.json"
    with pytest.raises(ParameterValidationError) as caught:
        params.to_file(target)
    assert _addresses(caught.value) == ["agents.prover.d_gnn"]
    assert not target.exists()


def test_a_config_changed_by_assignment_reads_back_equal(tmp_path) -> None:
    params = _params()
    params.rl.lr = 0.01
    params.seed = 7
    params.agents["_default"].d_gnn = 32
    target = tmp_path / "run.yaml"
    params.to_file(target)
    assert HyperParameters.from_file(target) == params


def test_a_field_cannot_be_deleted_but_other_attributes_can() -> None:
    params = _params()
    with pytest.raises(ParameterValidationError) as caught:
        del params.rl.lr
    assert _addresses(caught.value) == ["rl.lr"]
    assert params.rl.lr == RlTrainerParameters().lr
    agent = GraphIsomorphismAgentParameters()
    agent.note = "mine"
    del agent.note
    assert not hasattr(agent, "note")


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [("seed", 10**100, "64-bit range"), ("dataset", "x" * 100_000, "longer than the limit"),
     ("dataset", b"abc", "not a config value")],
)
def test_hostile_values_are_refused_with_the_readers_limits(field: str, value: object, words: str) -> None:
    params = _params()
    with pytest.raises(ParameterValidationError, match=words):
        setattr(params, field, value)


def test_a_dict_nested_past_the_limit_or_holding_itself_is_refused() -> None:
    params = _params()
    looped: dict = {}
    looped["lr"] = looped
    deep: dict = {}
    node = deep
    for _ in range(10_000):
        node["x"] = node = {}
    for value in (looped, deep):
        with pytest.raises(ParameterValidationError, match="nested deeper"):
            params.rl = value
    assert isinstance(params.rl, RlTrainerParameters)
