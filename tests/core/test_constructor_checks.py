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
    agent.d_gnn = "wide"  # dataclasses do not check assignments
    with pytest.raises(ParameterValidationError, match=r"agents\.prover\.d_gnn"):
        HyperParameters(**BASE, agents={"prover": agent})
