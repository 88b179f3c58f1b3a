"""What a field holds after construction or `from_dict`: integers as ints (JSON Schema calls 5000.0 an
integer, `range()` does not)."""

from __future__ import annotations

import json

import pytest

from nip.parameters import (
    AlternatingPeriodicUpdateSchedule,
    ContiguousPeriodicUpdateSchedule,
    GraphIsomorphismAgentParameters,
    HyperParameters,
    ParameterValidationError,
    RlTrainerParameters,
)

BASE = {"scenario": "graph_isomorphism", "trainer": "vanilla_ppo", "dataset": "eru10000"}


def _ways(**groups):
    """The same config through the constructor (groups as dicts) and through from_dict."""
    built = HyperParameters(**BASE, **groups)
    loaded = HyperParameters.from_dict({**BASE, **groups})
    return built, loaded


def test_integral_floats_for_integer_fields_are_stored_as_ints():
    for params in _ways(seed=7.0, rl={"num_iterations": 5e3, "lr": 1.0},
                        agents={"prover": {"d_gnn": 16.0}},
                        dataset_options={"selected_classes": [1.0, 2.0]}):
        assert type(params.seed) is int and params.seed == 7
        assert type(params.rl.num_iterations) is int and list(range(params.rl.num_iterations))[-1] == 4999
        assert type(params.agents["prover"].d_gnn) is int
        assert [type(c) for c in params.dataset_options.selected_classes] == [int, int]
        assert type(params.rl.lr) is float  # a number field keeps what it was given
        text = json.dumps(params.to_dict())
        assert '"num_iterations": 5000,' in text and '"seed": 7,' in text and '"d_gnn": 16,' in text


def test_an_int_for_a_number_field_stays_an_int_as_in_nip():
    for params in _ways(rl={"lr": 1}):
        assert type(params.rl.lr) is int
        assert params.to_dict()["rl"]["lr"] == 1 and '"lr": 1,' in json.dumps(params.to_dict())


def test_objects_built_directly_and_schedules_hold_ints():
    assert type(RlTrainerParameters(num_iterations=10.0).num_iterations) is int
    assert type(GraphIsomorphismAgentParameters(d_gnn=8.0).d_gnn) is int
    schedule = ContiguousPeriodicUpdateSchedule(period=4.0, start=0.0, stop=2.0)
    assert [type(v) for v in (schedule.period, schedule.start, schedule.stop)] == [int, int, int]
    alternating = AlternatingPeriodicUpdateSchedule.from_dict(
        {"_type": "AlternatingPeriodicUpdateSchedule",
         "AlternatingPeriodicUpdateSchedule": {"period": 6e0, "first_agent_num_rounds": 2.0}})
    assert type(alternating.stop) is int and list(range(alternating.start, alternating.stop)) == [0, 1]


def test_a_fractional_float_for_an_integer_field_is_still_refused():
    with pytest.raises(ParameterValidationError, match=r"rl\.num_iterations"):
        HyperParameters(**BASE, rl={"num_iterations": 2.5})
    with pytest.raises(ParameterValidationError, match=r"rl\.num_iterations"):
        HyperParameters.from_dict({**BASE, "rl": {"num_iterations": 1e300}})
