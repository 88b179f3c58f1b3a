"""Property-based round trips, with configs generated from the published schema.

Each group class, agent class and update schedule is generated from its own published definition
(`schema_store.class_schema`, `$ref`s inlined by robust_support), and whole configs are composed from
them: the root's scalars, any subset of groups (or null), and agents of the scenario's class or random
agents. Properties:

* a generated config is valid (`validate`), and `from_dict` -> `to_dict` keeps every value it gave,
  byte for byte as JSON (1 stays 1, 1.0 stays 1.0), fills in the rest, and validates again; a second
  round trip changes nothing;
* an object survives `to_dict` -> `json.dumps` -> `json.loads` -> `from_dict` equal, whether it was
  built by `from_dict` or by the constructor from group dicts;
* every class on its own does the same.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from robust_support import (
    CONFIG_PROFILE,
    PROFILE,
    class_strategy,
    count,
    inline,
    strategy_for,
    strict,
)

import nip.parameters
from nip.parameters import AgentUpdateSchedule, HyperParameters, validate
from nip.parameters._validation import schemas as schema_store
from nip.parameters.parameters_base import PARAMETER_CLASSES, BaseHyperParameters
from nip.parameters.version import get_version

# Generated configs pair any agent names with any protocol: the agent-name warning is expected.
pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore:agents\\..*not an agent of")]

VERSION = schema_store.CURRENT_VERSION
ROOT = schema_store.class_schema(VERSION, "HyperParameters")
assert ROOT is not None
UPDATE_REPR = "agents_update_repr"
RANDOM_AGENT = "RandomAgentParameters"


def _agent_class_by_scenario() -> dict[str, str]:
    """Read from the root's `if scenario == X then agents are of class Y` rules."""
    table = {}
    for rule in ROOT.get("allOf", []):
        if rule.get("x-completion"):  # agent names for editors to offer: no rule for values
            continue
        scenario = rule["if"]["properties"]["scenario"]["const"]
        entry = rule["then"]["properties"]["agents"]["additionalProperties"]
        table[scenario] = entry["else"]["$ref"].rsplit("/", 1)[-1]
    return table


AGENT_CLASS = _agent_class_by_scenario()


@cache
def _root_strategy() -> Any:
    """The root's own keys: scalars from the schema, groups as a dict of their class or null."""
    schema = {k: v for k, v in ROOT.items() if k != "allOf"}
    schema["properties"] = {
        k: v for k, v in ROOT["properties"].items()
        if k not in ("agents", "_package_version", "_package_name")
    }
    return strategy_for(inline(schema, schema_store.ROOT_GROUP))


@cache
def _random_agent() -> Any:
    return class_strategy(RANDOM_AGENT).map(lambda d: d if "_type" in d else {**d, "is_random": True})


@cache
def _agents(scenario: str) -> Any:
    name = st.text(min_size=1, max_size=12).filter(lambda n: n != UPDATE_REPR) | st.sampled_from(
        ["_default", "prover", "verifier", "prover0", "prover1"])
    entry = class_strategy(AGENT_CLASS[scenario]) | _random_agent()
    return st.none() | st.just({}) | st.dictionaries(name, entry, min_size=1, max_size=4)


@st.composite
def configs(draw: Any) -> dict[str, Any]:
    config = draw(_root_strategy())
    if draw(st.integers(0, 3)):  # agents given 3 times out of 4
        config["agents"] = draw(_agents(config["scenario"]))
    if draw(st.booleans()):
        config["_package_version"] = get_version()  # the current version: nothing to migrate
    return config


def _assert_kept(given: Any, produced: Any, path: str = "") -> None:
    """Every value the config gave is in the output as it was given (defaults fill the rest)."""
    if isinstance(given, dict):
        assert isinstance(produced, dict), f"{path}: {strict(produced)}"
        for key, value in given.items():
            where = f"{path}.{key}" if path else key
            if key in (UPDATE_REPR, "_package_version", "_package_name", "$schema"):
                continue  # recomputed on writing / metadata that to_dict() leaves out
            if key == "is_random" and isinstance(produced, dict) and "is_random" in produced:
                assert produced["is_random"] is bool(value), where
                continue
            assert key in produced, f"{where} was dropped"
            if value is None and isinstance(produced[key], dict):
                continue  # a null group (or agents) is the default object
            _assert_kept(value, produced[key], where)
    else:
        assert strict(produced) == strict(given), f"{path}: gave {strict(given)}, got {strict(produced)}"


@CONFIG_PROFILE
@given(configs())
def test_a_generated_config_round_trips_unchanged_and_stays_valid(config: dict[str, Any]) -> None:
    count("generated inputs tried")
    before = strict(config)
    validate(config)  # the generator only makes valid configs
    written = HyperParameters.from_dict(config).to_dict()
    assert strict(config) == before, "from_dict modified its input"
    _assert_kept(config, written)
    validate(written)
    validate(HyperParameters.from_dict(config).to_dict(include_package_meta=True))
    again = HyperParameters.from_dict(written).to_dict()
    assert strict(again) == strict(written)


def _constructor_kwargs(config: dict[str, Any]) -> dict[str, Any]:
    """The config as keyword arguments, groups and agents left as dicts (the constructor converts
    them). Update schedules become objects: as in nip, the constructor keeps a schedule given as a
    dict a dict (it is not a group), so that object would not equal its own round trip."""
    kwargs = {k: v for k, v in config.items() if not k.startswith("_") and k != "$schema"}
    if isinstance(kwargs.get("agents"), dict):
        kwargs["agents"] = {
            name: {**entry, "update_schedule": AgentUpdateSchedule.from_dict(entry["update_schedule"])}
            if "update_schedule" in entry else entry
            for name, entry in kwargs["agents"].items() if name != UPDATE_REPR
        }
    return kwargs


@CONFIG_PROFILE
@given(configs(), st.booleans())
def test_an_object_survives_json_and_from_dict_equal(config: dict[str, Any], by_constructor: bool) -> None:
    count("generated inputs tried")
    if by_constructor:
        params = HyperParameters(**_constructor_kwargs(config))
    else:
        params = HyperParameters.from_dict(config)
    text = json.dumps(params.to_dict(), allow_nan=False)
    again = HyperParameters.from_dict(json.loads(text))
    assert again == params
    assert json.dumps(again.to_dict(), allow_nan=False) == text


def _schematised_classes() -> dict[str, type]:
    """Every exported parameters dataclass with a published definition (registered or not)."""
    found = {}
    for name in nip.parameters.__all__:
        cls = getattr(nip.parameters, name)
        if (isinstance(cls, type) and issubclass(cls, BaseHyperParameters) and cls is not HyperParameters
                and schema_store.class_schema(VERSION, name) is not None):
            found[name] = cls
    return found


CLASSES = _schematised_classes()


def test_the_classes_cover_the_registry() -> None:
    own = {n for n, c in PARAMETER_CLASSES.items() if c.__module__.startswith("nip.parameters.")}
    assert own - {"HyperParameters"} <= set(CLASSES)  # other tests register classes of their own


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_every_class_round_trips_on_its_own(name: str) -> None:
    cls = CLASSES[name]

    @PROFILE
    @given(class_strategy(name))
    def check(data: dict[str, Any]) -> None:
        count("generated inputs tried")
        before = strict(data)
        obj = cls.from_dict(data)
        assert strict(data) == before, "from_dict modified its input"
        written = obj.to_dict()
        _assert_kept(data, written)
        again = cls.from_dict(json.loads(json.dumps(written, allow_nan=False)))
        assert again == obj
        assert strict(again.to_dict()) == strict(written)

    check()
