"""Issue 11, item 8: every public `from_dict` checks its dict as `HyperParameters.from_dict` does
(nip's schedule and agents `from_dict` checked nothing: a schedule or a whole config passed as an
agent, `period="x"`)."""

from __future__ import annotations

import pytest

from nip.parameters import (
    AgentsParameters,
    AgentUpdateSchedule,
    AlternatingPeriodicUpdateSchedule,
    ConstantUpdateSchedule,
    ContiguousPeriodicUpdateSchedule,
    HyperParameters,
    ParameterValidationError,
)

BASE = {"scenario": "graph_isomorphism", "trainer": "vanilla_ppo", "dataset": "eru10000"}
ALTERNATING = "AlternatingPeriodicUpdateSchedule"


@pytest.mark.parametrize(
    ("cls", "data", "address"),
    [
        (AgentUpdateSchedule, {"_type": "ContiguousPeriodicUpdateSchedule",
                               "ContiguousPeriodicUpdateSchedule": {"period": "x", "start": 0, "stop": 1}},
         "ContiguousPeriodicUpdateSchedule.period"),
        (AgentUpdateSchedule, {"_type": "HyperParameters"}, "_type"),
        (AgentUpdateSchedule, {"_type": "os.system"}, "_type"),
        (AgentUpdateSchedule, {}, "_type"),
        (AgentUpdateSchedule, {"_type": "ConstantUpdateSchedule", "extra": 1}, "extra"),
        (ContiguousPeriodicUpdateSchedule, {"_type": "ConstantUpdateSchedule"}, "_type"),
        (AlternatingPeriodicUpdateSchedule, {"_type": ALTERNATING, ALTERNATING: {"period": 2}},
         f"{ALTERNATING}.first_agent_num_rounds"),
    ],
)
def test_a_schedules_own_from_dict_checks_like_hyper_parameters(cls, data, address):
    with pytest.raises(ParameterValidationError) as info:
        cls.from_dict(data)
    assert address in [p.address for p in info.value.problems], str(info.value)


def test_a_schedules_from_dict_with_ignore_extra_keys_drops_them_at_both_levels():
    data = {"_type": "ContiguousPeriodicUpdateSchedule", "note": "x",
            "ContiguousPeriodicUpdateSchedule": {"period": 4, "start": 0, "stop": 1, "phase": 9}}
    schedule = AgentUpdateSchedule.from_dict(data, ignore_extra_keys=True)
    assert schedule == ContiguousPeriodicUpdateSchedule(4, 0, 1)
    assert data["ContiguousPeriodicUpdateSchedule"]["phase"] == 9, "the argument is not modified"


def test_agents_from_dict_refuses_what_is_not_an_agent():
    params = HyperParameters(**BASE)
    for entry, address in [
        (ConstantUpdateSchedule().to_dict(), "prover._type"),
        (params.to_dict(), "prover._type"),
        ({"d_gnn": 3}, "prover._type"),
        (7, "prover"),
        ({"_type": "GraphIsomorphismAgentParameters", "d_gnn": "wide"}, "prover.d_gnn"),
    ]:
        with pytest.raises(ParameterValidationError) as info:
            AgentsParameters.from_dict({"prover": entry})
        assert [p.address for p in info.value.problems] == [address], str(info.value)
    again = AgentsParameters.from_dict(params.agents.to_dict())
    assert again.to_dict() == params.agents.to_dict()
