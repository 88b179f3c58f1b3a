"""Update schedules as nip's training loop uses them, built the same way by every entry point."""

from __future__ import annotations

import json

import pytest

from nip.parameters import (
    AgentsParameters,
    AgentUpdateSchedule,
    AlternatingPeriodicUpdateSchedule,
    ConstantUpdateSchedule,
    ContiguousPeriodicUpdateSchedule,
    GraphIsomorphismAgentParameters,
    HyperParameters,
    ParameterValidationError,
)

BASE = {"scenario": "graph_isomorphism", "trainer": "vanilla_ppo", "dataset": "eru10000"}
ALTERNATING = "AlternatingPeriodicUpdateSchedule"


def _alternating(period: int, rounds: int, first: bool) -> dict:
    return {"_type": ALTERNATING,
            ALTERNATING: {"period": period, "first_agent_num_rounds": rounds, "first_agent": first}}


def _dispatch(schedule: AgentUpdateSchedule, iteration: int) -> bool:
    """What nip's training loop does: contiguous schedules (alternating ones too) by start/stop."""
    if isinstance(schedule, ConstantUpdateSchedule):
        return True
    if isinstance(schedule, ContiguousPeriodicUpdateSchedule):
        return schedule.start <= iteration % schedule.period < schedule.stop
    raise ValueError("Unknown update schedule")


def test_the_alternating_schedule_is_a_contiguous_one_as_in_nip():
    first, second = AlternatingPeriodicUpdateSchedule(5, 2), AlternatingPeriodicUpdateSchedule(5, 2, False)
    assert isinstance(first, ContiguousPeriodicUpdateSchedule)
    assert (first.start, first.stop, second.start, second.stop) == (0, 2, 2, 5)
    assert [_dispatch(first, i) for i in range(5)] == [True, True, False, False, False]
    assert [_dispatch(second, i) for i in range(5)] == [False, False, True, True, True]


def test_start_and_stop_are_derived_not_written_nor_shown():
    schedule = AlternatingPeriodicUpdateSchedule(period=4, first_agent_num_rounds=1, first_agent=False)
    assert schedule.to_dict() == _alternating(4, 1, False)
    assert json.dumps(schedule.to_dict()) == (
        '{"_type": "AlternatingPeriodicUpdateSchedule", "AlternatingPeriodicUpdateSchedule": '
        '{"period": 4, "first_agent_num_rounds": 1, "first_agent": false}}')
    expected = "AlternatingPeriodicUpdateSchedule(period=4, first_agent_num_rounds=1, first_agent=False)"
    assert str(schedule) == repr(schedule) == expected
    with pytest.raises(TypeError):
        AlternatingPeriodicUpdateSchedule(period=4, first_agent_num_rounds=1, start=0)
    assert AlternatingPeriodicUpdateSchedule.from_dict(schedule.to_dict()) == schedule


def test_agents_update_repr_of_alternating_and_custom_agents_is_nips():
    agents = AgentsParameters(
        verifier=GraphIsomorphismAgentParameters(update_schedule=AlternatingPeriodicUpdateSchedule(4, 2)),
        prover=GraphIsomorphismAgentParameters(
            update_schedule=AlternatingPeriodicUpdateSchedule(4, 2, first_agent=False)),
    )
    assert agents.to_dict()["agents_update_repr"] == "Alternating(4, 2, 'verifier', 'prover')"
    agents["prover"] = GraphIsomorphismAgentParameters(
        update_schedule=ContiguousPeriodicUpdateSchedule(7, 2, 5))
    assert agents.to_dict()["agents_update_repr"] == (
        "Custom('verifier': AlternatingPeriodicUpdateSchedule(period=4, first_agent_num_rounds=2, "
        "first_agent=True), 'prover': ContiguousPeriodicUpdateSchedule(period=7, start=2, stop=5))")


def test_the_constructor_builds_schedules_as_from_dict_does():
    agents = {"prover": {"update_schedule": _alternating(4, 2, False)},
              "verifier": {"update_schedule": _alternating(4, 2, True)}}
    built = HyperParameters(**BASE, agents=agents)
    loaded = HyperParameters.from_dict(built.to_dict())
    assert isinstance(built.agents["prover"].update_schedule, AlternatingPeriodicUpdateSchedule)
    assert built.agents["prover"].update_schedule == loaded.agents["prover"].update_schedule
    assert built.to_dict()["agents"]["agents_update_repr"] == "Alternating(4, 2, 'verifier', 'prover')"
    assert built.to_dict() == loaded.to_dict()
    direct = GraphIsomorphismAgentParameters(update_schedule={"_type": "ConstantUpdateSchedule"})
    assert direct.update_schedule == ConstantUpdateSchedule()


def test_a_bad_schedule_dict_in_the_constructor_is_reported_at_its_address():
    with pytest.raises(ParameterValidationError) as info:
        GraphIsomorphismAgentParameters(update_schedule={"_type": "ContiguousPeriodicUpdateSchedule"})
    assert [p.address for p in info.value.problems] == [
        "update_schedule.ContiguousPeriodicUpdateSchedule"]
