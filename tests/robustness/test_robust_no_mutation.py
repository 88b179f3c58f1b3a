"""No mutation, no loss: the library never changes what it is given, and a migration loses nothing.

nip's own `from_dict` pops `_type`, `_package_version` and `is_random` from the caller's dict and
replaces its group dicts by objects; its constructor pops `is_random` from agent dicts; its
`convert_hyper_param_dict` edits the dict in place. Here none of them touches its argument: checked
on every reference sample (current, migrate, invalid), as deep equality and as exact JSON text (key
order and `1` vs `1.0` included), and the results share no mutable part with the input.
"""

from __future__ import annotations

import copy
import json
import warnings
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from robust_support import count, every_sample_input, load, strict

from nip.parameters import (
    AgentsParameters,
    ConstantUpdateSchedule,
    GraphIsomorphismAgentParameters,
    HyperParameters,
    RlTrainerParameters,
    iter_errors,
    validate,
)
from nip.parameters._migration import migrate
from nip.parameters.errors import NipParametersError
from nip.parameters.version import convert_hyper_param_dict

SAMPLES = every_sample_input()


def _quietly(call: Callable[[], Any]) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return call()
        except NipParametersError as error:
            return error


CALLS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "from_dict": HyperParameters.from_dict,
    "from_dict(ignore_extra_keys)": lambda d: HyperParameters.from_dict(d, ignore_extra_keys=True),
    "validate": validate,
    "iter_errors": lambda d: list(iter_errors(d)),
    "iter_errors(0.1)": lambda d: list(iter_errors(d, version="0.1")),
    "convert_hyper_param_dict": convert_hyper_param_dict,
}


@pytest.mark.parametrize("call", sorted(CALLS))
@pytest.mark.parametrize("sample", [s for s, _ in SAMPLES])
def test_the_input_is_never_modified(sample: str, call: str) -> None:
    given = copy.deepcopy(dict(SAMPLES)[sample])
    before_text, before = strict(given), copy.deepcopy(given)
    count("inputs checked for mutation")
    _quietly(lambda: CALLS[call](given))
    assert given == before
    assert strict(given) == before_text  # key order, 1 vs 1.0, true vs 1


def _containers(value: Any) -> Iterator[Any]:
    if isinstance(value, dict):
        yield value
        for child in value.values():
            yield from _containers(child)
    elif isinstance(value, list):
        yield value
        for child in value:
            yield from _containers(child)


def _vandalise(value: Any) -> None:
    """Change every dict and list inside `value`, in place."""
    for container in list(_containers(value)):
        if isinstance(container, dict):
            container["zz_vandal"] = 1
        else:
            container.append("zz_vandal")


@pytest.mark.parametrize("sample", [s for s, _ in SAMPLES if not s.startswith("invalid/")])
def test_results_share_nothing_with_the_input(sample: str) -> None:
    """Changing what came out (the object's dict form, a migrated dict) never reaches the input."""
    given = copy.deepcopy(dict(SAMPLES)[sample])
    before = strict(given)
    ignore = sample.startswith("migrate/")
    params = _quietly(lambda: HyperParameters.from_dict(given, ignore_extra_keys=ignore))
    assert isinstance(params, HyperParameters), params
    _vandalise(params.to_dict())  # to_dict shares lists with the object (as nip's does) ...
    converted = _quietly(lambda: convert_hyper_param_dict(given))
    if isinstance(converted, dict):
        _vandalise(converted)
    assert strict(given) == before  # ... but neither shares anything with the input


def _agents_input() -> dict[str, Any]:
    return {
        "prover": {"is_random": True, "update_schedule": ConstantUpdateSchedule()},
        "verifier": {"is_random": False, "d_gnn": 3, "agent_lr_factor": {"actor": 2.0}},
        "_default": {"_type": "GraphIsomorphismAgentParameters", "is_random": False},
        "prover0": {"_type": "RandomAgentParameters"},
    }


def _group_inputs() -> dict[str, Any]:
    return {
        "rl": {"lr": 0.1, "body_lr_factor": {"actor": 1, "critic": 0.5}, "_type": "RlTrainerParameters"},
        "spg": {"stackelberg_sequence": [["verifier"], ["prover"]], "variant": "sos"},
        "message_regression": {"agents": ["prover"]},
        "protocol_common": None,
    }


def test_constructor_arguments_are_never_modified() -> None:
    agents, groups = _agents_input(), _group_inputs()
    agents_before, groups_before = strict_like(agents), strict_like(groups)
    count("inputs checked for mutation", 2)
    params = HyperParameters(scenario="graph_isomorphism", trainer="spg", dataset="d", agents=agents,
                             **groups)
    assert strict_like(agents) == agents_before  # nip pops `is_random` from each agent dict
    assert strict_like(groups) == groups_before
    assert type(params.agents["prover"]).__name__ == "RandomAgentParameters"
    assert params.agents["verifier"].d_gnn == 3


def test_group_and_agent_constructors_leave_their_dicts_alone() -> None:
    lr = {"actor": 0.5}
    rl = {"lr": 0.2, "body_lr_factor": lr}
    before = strict_like(rl)
    RlTrainerParameters(**rl)
    GraphIsomorphismAgentParameters(agent_lr_factor=lr, body_lr_factor=lr)
    AgentsParameters({"prover": GraphIsomorphismAgentParameters()})
    count("inputs checked for mutation", 3)
    assert strict_like(rl) == before


def strict_like(value: Any) -> str:
    """JSON text of a value that may hold parameter objects (by their dict form)."""
    return json.dumps(value, default=lambda o: o.to_dict(), allow_nan=False)


# ---- a migration never drops a key silently ---------------------------------------------------------
def _leaves(value: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    if isinstance(value, dict) and value:
        for key, child in value.items():
            yield from _leaves(child, (*path, str(key)))
    else:
        yield path


def _has(value: Any, path: tuple[str, ...]) -> bool:
    for part in path:
        if not isinstance(value, dict) or part not in value:
            return False
        value = value[part]
    return True


MIGRATE = load("migrate")


@pytest.mark.parametrize("case", MIGRATE, ids=[c["id"] for c in MIGRATE])
def test_a_migration_accounts_for_every_key(case: dict[str, Any]) -> None:
    """Every key of the old config is still there, or the report names a change at it (or above)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = migrate(case["input"], validate=False)
    touched = {tuple(c.address.split(".")) for c in result.report.changes}
    for leaf in _leaves(case["input"]):
        count("migrated keys accounted for")
        if _has(result.data, leaf):
            continue
        assert any(leaf[: len(t)] == t for t in touched), (
            f"{'.'.join(leaf)} is gone and no change mentions it:\n{result.report}")
