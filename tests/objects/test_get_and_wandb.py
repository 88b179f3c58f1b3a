"""nip's smaller methods: `get(address)`, agents' `_default` lookups, `load_from_wandb_config`."""

from __future__ import annotations

import pytest

from nip.parameters import (
    AgentsParameters,
    GraphIsomorphismAgentParameters,
    HyperParameters,
    LrFactors,
    RandomAgentParameters,
    RlTrainerParameters,
)

BASE = {"scenario": "graph_isomorphism", "trainer": "vanilla_ppo", "dataset": "eru10000"}


def test_get_follows_groups_and_agents():
    params = HyperParameters(**BASE, rl={"lr": 0.01},
                             agents={"prover": {"d_gnn": 32}, "_default": {"d_gnn": 8}})
    assert params.get("rl.lr") == 0.01
    assert isinstance(params.get("rl"), RlTrainerParameters)
    assert params.get("agents.prover.d_gnn") == 32
    assert params.get("agents.verifier.d_gnn") == 8  # falls back to `_default`
    assert params.get("agents.prover.agent_lr_factor.actor") == 1.0
    assert RlTrainerParameters(lr=0.5).get("lr") == 0.5


def test_get_names_a_missing_address_and_suggests():
    params = HyperParameters(**BASE)
    with pytest.raises(KeyError, match="did you mean 'lr'"):
        params.get("rl.lrr")
    with pytest.raises(KeyError, match="not found"):
        params.get("nothing")


def test_agents_lookups_fall_back_to_default_only_for_item_access():
    agents = AgentsParameters(_default=GraphIsomorphismAgentParameters())
    assert agents["anyone"] is agents["_default"]
    assert "anyone" in agents
    assert agents.get("anyone") is None
    with pytest.raises(KeyError, match="Agent 'x' not found"):
        AgentsParameters()["x"]


def test_load_from_wandb_config_keeps_the_checkpoint_fields():
    agent = GraphIsomorphismAgentParameters(checkpoint_run_id="keep-me")
    config = GraphIsomorphismAgentParameters(d_gnn=64, checkpoint_run_id="other").to_dict()
    config["is_random"] = True
    agent.load_from_wandb_config(config)
    assert agent.d_gnn == 64
    assert agent.checkpoint_run_id == "keep-me"  # in LOAD_PRESERVED_PARAMETERS
    assert agent.is_random is True and GraphIsomorphismAgentParameters.is_random is False


def test_random_agents_are_allowed_in_every_scenario():
    for scenario in ("graph_isomorphism", "image_classification", "code_validation"):
        params = HyperParameters(**{**BASE, "scenario": scenario},
                                 agents={"verifier": RandomAgentParameters(agent_lr_factor=LrFactors(2.0))})
        assert params.to_dict()["agents"]["verifier"]["is_random"] is True
        assert HyperParameters.from_dict(params.to_dict()).to_dict() == params.to_dict()


def test_get_reads_list_items_and_json_pointers():
    params = HyperParameters(**BASE, message_regression={"agents": ["prover", "verifier"]},
                             agents={"_default": {"d_gnn": 8}})
    assert params.get("message_regression.agents.1") == "verifier"
    assert params.get("message_regression.agents.-1") == "verifier"
    assert params.get("/agents/prover/d_gnn") == 8  # `_default` answers for the prover
    assert params.get("/rl/body_lr_factor/actor") == 1.0


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("rl.lrr", "rl has no key 'lrr' (did you mean 'lr'?)"),
        ("message_regression.agents.--0", "'--0' is not an index"),
        ("message_regression.agents.²", "'²' is not an index"),
        ("message_regression.agents." + "9" * 5000, "is not an index"),
        ("seed.x", "seed is a single value, it has no 'x'"),
    ],
)
def test_a_missing_address_is_a_key_error_of_the_family_with_its_reason(address, reason):
    from nip.parameters import AddressNotFoundError, NipParametersError

    params = HyperParameters(**BASE, message_regression={"agents": ["prover"]})
    with pytest.raises(AddressNotFoundError) as info:
        params.get(address)
    assert isinstance(info.value, KeyError) and isinstance(info.value, NipParametersError)
    assert reason in info.value.reason
    assert len(str(info.value)) < 400
