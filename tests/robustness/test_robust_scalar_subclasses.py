"""Issue 11, item 7: subclasses of the JSON scalar types (`numpy.float64`, an `IntEnum`, a `str`
subclass) and mappings that are not dicts are config data of their base type, as documented: they
are accepted and stored as that base type. What is not such a subclass (`numpy.int64`) is refused at
its address. Before, jsonschema-rs answered "Unsupported type" and the caller got a plain ValueError.
"""

from __future__ import annotations

import enum
import json
import types
from collections import OrderedDict, UserDict
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from robust_support import count, record_error

from nip.parameters import (
    AgentsParameters,
    AgentUpdateSchedule,
    HyperParameters,
    NipParametersError,
    RlTrainerParameters,
    validate,
)

BASE = {"scenario": "graph_isomorphism", "trainer": "vanilla_ppo", "dataset": "eru10000"}


class Level(enum.IntEnum):
    HIGH = 3


class Name(str):
    pass


# (label, place, value, what the object must then hold)
ACCEPTED: list[tuple[str, tuple[str, ...], Any, Any]] = [
    ("numpy.float64 for a number", ("rl", "lr"), np.float64(0.01), 0.01),
    ("numpy.float64 for an integer", ("rl", "num_iterations"), np.float64(5e3), 5000),
    ("IntEnum", ("rl", "num_epochs"), Level.HIGH, 3),
    ("str subclass", ("dataset",), Name("eru10000"), "eru10000"),
    ("str subclass in a list", ("message_regression", "agents"), [Name("prover")], ["prover"]),
    ("MappingProxyType group", ("rl",), types.MappingProxyType({"lr": 0.5}), None),
    ("UserDict group", ("rl",), UserDict({"lr": 0.5}), None),
    ("OrderedDict agent", ("agents", "prover"), OrderedDict(d_gnn=np.float64(8)), None),
]
REFUSED = [("numpy.int64", ("seed",), np.int64(3)), ("numpy.bool_", ("pretrain_agents",), np.bool_(True)),
           ("numpy array", ("message_regression", "agents"), np.array(["prover"]))]


def _config(place: tuple[str, ...], value: Any) -> dict[str, Any]:
    config: dict[str, Any] = json.loads(json.dumps(BASE))
    node = config
    for part in place[:-1]:
        node = node.setdefault(part, {})
    node[place[-1]] = value
    return config


def _construct(config: dict[str, Any]) -> Any:
    return HyperParameters(**config)


ENTRIES: dict[str, Callable[[dict[str, Any]], Any]] = {
    "from_dict": HyperParameters.from_dict,
    "constructor": _construct,
    "validate": validate,
}


def _exact(value: Any) -> bool:
    """Builtin types only, all the way down."""
    if isinstance(value, dict):
        return type(value) is dict and all(type(k) is str and _exact(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return type(value) in (list, tuple) and all(_exact(v) for v in value)
    return type(value) in (str, int, float, bool, type(None))


@pytest.mark.parametrize("entry", sorted(ENTRIES))
@pytest.mark.parametrize(("label", "place", "value", "held"), ACCEPTED, ids=[a[0] for a in ACCEPTED])
def test_subclasses_of_json_types_are_accepted_as_their_base_type(label, place, value, held, entry):
    count("scalar subclasses tried")
    result = ENTRIES[entry](_config(place, value))
    if entry == "validate":
        return
    out = result.to_dict()
    assert _exact(out), out
    if held is not None:
        stored = result.get(".".join(place))
        assert stored == held and type(stored) is type(held)
    json.dumps(out)  # what `to_dict` writes, any JSON writer takes


@pytest.mark.parametrize("entry", sorted(ENTRIES))
@pytest.mark.parametrize(("label", "place", "value"), REFUSED, ids=[r[0] for r in REFUSED])
def test_what_is_not_a_json_type_is_refused_at_its_address(label, place, value, entry):
    count("scalar subclasses tried")
    with pytest.raises(NipParametersError) as info:
        ENTRIES[entry](_config(place, value))
    record_error(info.value)
    assert ".".join(place) in [p.address for p in info.value.problems], str(info.value)


def test_the_classes_own_from_dicts_take_them_too():
    group = RlTrainerParameters.from_dict(UserDict({"lr": np.float64(0.5), "num_epochs": Level.HIGH}))
    assert (type(group.lr), type(group.num_epochs)) == (float, int)
    schedule = AgentUpdateSchedule.from_dict(types.MappingProxyType(
        {"_type": "ContiguousPeriodicUpdateSchedule",
         "ContiguousPeriodicUpdateSchedule": {"period": np.float64(4), "start": Level.HIGH, "stop": 4}}))
    assert (type(schedule.period), type(schedule.start)) == (int, int)
    agents = AgentsParameters.from_dict(UserDict(
        {"prover": {"_type": "GraphIsomorphismAgentParameters", "d_gnn": np.float64(8)}}))
    assert type(agents["prover"].d_gnn) is int
