"""The examples of nip's documentation page (the seed), run as tests."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from nip.parameters import (
    AgentsParams,
    GraphIsomorphismAgentParameters,
    HyperParameters,
    ParameterValidationError,
    SubParameters,
    register_parameter_class,
)
from nip.parameters.parameters_base import get_parameter_class


def test_first_example_builds_with_the_deprecated_trainer_alias():
    with pytest.warns(DeprecationWarning, match="vanilla_ppo"):
        hyper_params = HyperParameters(
            scenario="graph_isomorphism",
            trainer="ppo",
            dataset="eru10000",
            agents=AgentsParams(
                prover=GraphIsomorphismAgentParameters(d_gnn=128),
                verifier=GraphIsomorphismAgentParameters(num_gnn_layers=2),
            ),
        )
    as_dict = hyper_params.to_dict()
    assert list(as_dict)[:3] == ["scenario", "trainer", "dataset"]
    assert as_dict["trainer"] == "vanilla_ppo"
    assert as_dict["agents"]["prover"]["d_gnn"] == 128
    assert as_dict["agents"]["verifier"]["num_gnn_layers"] == 2
    assert HyperParameters.from_dict(as_dict).to_dict() == as_dict


def test_third_example_names_the_misplaced_keys_and_their_groups():
    with pytest.raises(ParameterValidationError) as info:
        HyperParameters(
            scenario="graph_isomorphism",
            trainer="vanilla_ppo",
            dataset="eru10000",
            ppo={"num_epochs": 100, "batch_size": 256},
        )
    by_address = {p.address: p for p in info.value.problems}
    assert set(by_address) == {"ppo.num_epochs", "ppo.batch_size"}
    assert "rl.num_epochs" in by_address["ppo.num_epochs"].hint
    assert "solo_agent.batch_size" in by_address["ppo.batch_size"].hint
    assert "ppo.num_epochs" in str(info.value)


def test_default_agent_answers_for_every_name():
    params = HyperParameters(scenario="graph_isomorphism", trainer="vanilla_ppo", dataset="d")
    assert list(params.agents) == ["_default"]
    assert params.agents["prover"] is params.agents["_default"]
    assert "anyone" in params.agents
    assert params.agents.get("prover") is None  # plain dict behaviour, as in nip


@register_parameter_class
@dataclass
class MyNewParameters(SubParameters):
    my_param: int = 10


def test_user_defined_parameters_round_trip():
    assert get_parameter_class("MyNewParameters") is MyNewParameters
    params = MyNewParameters(my_param=5)
    assert params.to_dict() == {"my_param": 5, "_type": "MyNewParameters"}
    assert MyNewParameters.from_dict(params.to_dict()) == params
    with pytest.raises(ParameterValidationError, match="my_parm"):
        MyNewParameters.from_dict({"my_parm": 5})


def test_a_user_class_that_shadows_a_generated_name_is_not_checked_against_its_schema():
    @dataclass
    class LrFactors(SubParameters):  # same name as nip's class, different fields
        warmup: int = 3

    assert LrFactors(warmup=5).to_dict() == {"warmup": 5, "_type": "LrFactors"}
    with pytest.raises(ParameterValidationError, match="actor"):
        LrFactors.from_dict({"actor": 1.0})
