"""Every way of building parameters is checked against the schema, at the right address."""

from __future__ import annotations

import pytest

from nip.parameters import (
    GraphIsomorphismAgentParameters,
    HyperParameters,
    LrFactors,
    ParameterValidationError,
    RlTrainerParameters,
    SpgParameters,
)

BASE = {"scenario": "graph_isomorphism", "trainer": "vanilla_ppo", "dataset": "eru10000"}


@pytest.mark.parametrize(
    ("kwargs", "address"),
    [
        ({"dataset": 3}, "dataset"),
        ({"seed": "x"}, "seed"),
        ({"test_size": True}, "test_size"),
        ({"scenario": "tabular"}, "scenario"),
        ({"rl": {"num_epochs": 2.5}}, "rl.num_epochs"),
        ({"rl": RlTrainerParameters(num_epochs=3), "ppo": SpgParameters()}, "ppo._type"),
        ({"agents": {"prover": {"d_gnn": "wide"}}}, "agents.prover.d_gnn"),
        ({"agents": {"prover": {"is_random": True, "d_gnn": 3}}}, "agents.prover.d_gnn"),
        ({"agents": {"prover": LrFactors()}}, "agents.prover"),
        ({"agents": [1]}, "agents"),
    ],
)
def test_root_constructor_rejects(kwargs, address):
    with pytest.raises(ParameterValidationError) as info:
        HyperParameters(**{**BASE, **kwargs})
    assert address in [p.address for p in info.value.problems], str(info.value)


def test_sub_parameter_constructors_check_themselves():
    with pytest.raises(ParameterValidationError, match="num_epochs"):
        RlTrainerParameters(num_epochs="ten")
    with pytest.raises(ParameterValidationError, match="d_gnn"):
        GraphIsomorphismAgentParameters(d_gnn=None)
    with pytest.raises(ParameterValidationError, match=r"agent_lr_factor\.actor"):
        GraphIsomorphismAgentParameters(agent_lr_factor={"actor": "fast"})


def test_a_checked_object_changed_later_is_checked_again_inside_a_new_config():
    agent = GraphIsomorphismAgentParameters()
    object.__setattr__(agent, "d_gnn", "wide")  # past the checked assignment (test_assignment.py)
    with pytest.raises(ParameterValidationError, match=r"agents\.prover\.d_gnn"):
        HyperParameters(**BASE, agents={"prover": agent})


def test_a_constructor_keyword_typo_gets_the_dict_keys_addressed_did_you_mean():
    from nip.parameters import NipParametersError

    with pytest.raises(ParameterValidationError) as from_dict:
        HyperParameters.from_dict({**BASE, "sede": 3})
    with pytest.raises(ParameterValidationError) as constructed:
        HyperParameters(**BASE, sede=3)
    assert isinstance(constructed.value, TypeError) and isinstance(constructed.value, NipParametersError)
    [problem] = constructed.value.problems
    assert (problem.address, problem.hint) == ("sede", "did you mean 'seed'?")
    assert problem.hint == from_dict.value.problems[0].hint
    assert "sede: unknown keyword 'sede' for HyperParameters (did you mean 'seed'?)" in str(constructed.value)
    with pytest.raises(ParameterValidationError, match=r"num_epochs: .*did you mean rl\.num_epochs"):
        HyperParameters(**BASE, num_epochs=3)
    with pytest.raises(ParameterValidationError, match=r"lrr: .*did you mean 'lr'"):
        RlTrainerParameters(lrr=0.1)


def test_a_missing_required_argument_is_addressed():
    with pytest.raises(ParameterValidationError) as info:
        HyperParameters(scenario="graph_isomorphism", trainer="vanilla_ppo")
    assert [p.address for p in info.value.problems] == ["dataset"]
    assert isinstance(info.value, TypeError)


@pytest.mark.parametrize("build", ["dict", "constructor", "agent"])
def test_an_agent_field_of_another_scenario_names_that_scenario(build):
    from nip.parameters import CodeValidationAgentParameters

    with pytest.raises(ParameterValidationError) as info:
        if build == "dict":
            HyperParameters.from_dict({**BASE, "scenario": "code_validation",
                                       "agents": {"prover": {"d_gnn": 8}}})
        elif build == "constructor":
            HyperParameters(**{**BASE, "scenario": "code_validation"}, agents={"prover": {"d_gnn": 8}})
        else:
            CodeValidationAgentParameters(d_gnn=8)
    [problem] = info.value.problems
    assert problem.address.endswith("d_gnn")
    assert "scenario graph_isomorphism" in problem.hint and "CodeValidationAgentParameters" in problem.hint


def test_a_scenario_field_on_a_random_agent_names_the_scenario():
    with pytest.raises(ParameterValidationError) as info:
        HyperParameters(**{**BASE, "scenario": "image_classification"},
                        agents={"verifier": {"is_random": True, "num_blocks_per_group": 2}})
    [problem] = info.value.problems
    assert "scenario image_classification" in problem.hint and "RandomAgentParameters" in problem.hint
