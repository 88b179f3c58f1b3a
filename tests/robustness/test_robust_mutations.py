"""Mutation fuzzing: valid configs, broken at every address, end in the library's error, there.

Every current reference sample's `to_dict` is broken in every way below, at every place it applies:
types swapped, keys deleted, unknown keys added, huge ints, NaN/Infinity, very long strings, 10,000
levels of nesting, wrong `_type`s and `is_random`s. `HyperParameters.from_dict` and `validate` must
then raise a `NipParametersError` (a ValueError) whose message names the address of the mutation,
within a time limit, never another exception. A mutation that happens to stay valid (deleting an
optional key, an int in a float field) is recognised by an independent check of the published bundle
and must then be accepted.

By default a fixed, stratified sample runs (every kind, spread over every sample and depth); with
`NIP_SLOW=1` every mutation runs.
"""

from __future__ import annotations

import copy
import math
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from robust_support import (
    SLOW,
    count,
    current_configs,
    load,
    normalise_message,
    record_error,
    time_limit,
)

from nip.parameters import HyperParameters, iter_errors, validate
from nip.parameters._migration import migrate
from nip.parameters._validation import schemas as schema_store
from nip.parameters._validation.plain_data import problems as plain_data_problems
from nip.parameters.errors import NipParametersError
from nip.parameters.parameters_base import PARAMETER_CLASSES, PARAMETER_VALUE_CLASSES
from nip.parameters.version import convert_hyper_param_dict

pytestmark = pytest.mark.slow  # every sample broken at every address

PER_KIND_DEFAULT = 160  # mutations of each kind in the default run (all of them with NIP_SLOW=1)
TIME_LIMIT = 20.0  # seconds for one call; a real one takes milliseconds
MAX_MESSAGE = 20_000  # characters: a 1,000,000-character value must not be echoed back whole

UNKNOWN_KEY = "zz_not_a_field"
HUGE_INT = 10**400
LONG_STRING = "x" * 1_000_000
NESTING = 10_000


def _deep_list() -> Any:
    value: Any = 0
    for _ in range(NESTING):
        value = [value]
    return value


def _deep_dict() -> Any:
    value: Any = 0
    for _ in range(NESTING):
        value = {"a": value}
    return value


DEEP_LIST, DEEP_DICT = _deep_list(), _deep_dict()  # shared: the library must not modify them
WRONG_TYPES = sorted(PARAMETER_CLASSES) + sorted(PARAMETER_VALUE_CLASSES) + [
    "os.system", "builtins.eval", "__import__", "subprocess.Popen",
    "nip.parameters.HyperParameters", "", "HyperParameters ",
]

_ORACLE = Draft202012Validator(schema_store.load_bundle(schema_store.CURRENT_VERSION))


@dataclass(frozen=True)
class Mutation:
    kind: str
    sample: str
    path: tuple[str | int, ...]
    make: Callable[[], dict[str, Any]] = field(repr=False)  # built when checked, not kept
    must_fail: bool  # False: the published bundle decides whether it is still valid
    blame: tuple[str | int, ...]  # the address the message must name

    @property
    def address(self) -> str:
        return ".".join(map(str, self.blame)) or "<root>"

    def describe(self) -> str:
        return f"{self.kind} at {'.'.join(map(str, self.path)) or '<root>'} of {self.sample}"


def _paths(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    yield path, value
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, (*path, index))


def _replace(config: dict[str, Any], path: tuple[str | int, ...], new: Any) -> dict[str, Any]:
    out = copy.deepcopy(config)
    node: Any = out
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = new
    return out


def _delete(config: dict[str, Any], path: tuple[str | int, ...]) -> dict[str, Any]:
    out = copy.deepcopy(config)
    node: Any = out
    for part in path[:-1]:
        node = node[part]
    del node[path[-1]]
    return out


def _swap(value: Any) -> Any:
    """A value of another JSON type."""
    if isinstance(value, bool):
        return "yes"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return [value]
    if isinstance(value, str):
        return 12345
    if value is None:
        return {UNKNOWN_KEY: True}
    if isinstance(value, list):
        return "not a list"
    return "not an object"


def _agent_entries(config: dict[str, Any]) -> Iterator[str]:
    agents = config.get("agents") or {}
    return (name for name, entry in agents.items() if isinstance(entry, dict))


def mutations(sample: str, config: dict[str, Any]) -> Iterator[Mutation]:
    for path, value in _paths(config):
        parent = path[:-1]
        if path:
            yield Mutation("swap-type", sample, path, partial(_replace, config, path, _swap(value)), False, path)
            yield Mutation("delete-key", sample, path, partial(_delete, config, path), False, path) if isinstance(
                path[-1], str) else Mutation("delete-item", sample, path, partial(_delete, config, path), False, path)
            for kind, deep in (("deep-list", DEEP_LIST), ("deep-dict", DEEP_DICT)):
                yield Mutation(kind, sample, path, partial(_replace, config, path, deep), True, path)
        if isinstance(value, dict):
            key_path = (*path, UNKNOWN_KEY)
            yield Mutation("unknown-key", sample, key_path, partial(_replace, config, key_path, 1), True, key_path)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            for kind, bad in (("huge-int", HUGE_INT), ("huge-negative-int", -HUGE_INT),
                              ("nan", math.nan), ("infinity", math.inf),
                              ("-infinity", -math.inf)):
                yield Mutation(kind, sample, path, partial(_replace, config, path, bad), True, path)
        if isinstance(value, str) and path:
            yield Mutation("long-string", sample, path, partial(_replace, config, path, LONG_STRING), True, path)
        if path and path[-1] == "_type":
            for name in WRONG_TYPES:
                if name != value:
                    # the position decides the class: a wrong name is an error at that object
                    yield Mutation("wrong-_type", sample, path, partial(_replace, config, path, name), True,
                                   parent or path)
    for name in _agent_entries(config):
        entry = config["agents"][name]
        path = ("agents", name, "is_random")
        flipped = not entry.get("is_random", False)
        yield Mutation("flip-is_random", sample, path, partial(_replace, config, path, flipped), False,
                       ("agents", name))
    for path, value in _paths(config):
        if isinstance(value, dict) and "_type" not in value and path and path[0] != "agents":
            type_path = (*path, "_type")
            for name in ("os.system", "RandomAgentParameters", "HyperParameters"):
                yield Mutation("added-_type", sample, type_path, partial(_replace, config, type_path, name),
                               True, path)


def _all_mutations() -> list[Mutation]:
    return [m for sample, config in current_configs() for m in mutations(sample, config)]


def _selected() -> list[Mutation]:
    everything = _all_mutations()
    if SLOW:
        return everything
    by_kind: dict[str, list[Mutation]] = {}
    for mutation in everything:
        by_kind.setdefault(mutation.kind, []).append(mutation)
    rng = random.Random(20240611)  # fixed: the default run is the same every time
    chosen: list[Mutation] = []
    for kind in sorted(by_kind):
        group = by_kind[kind]
        chosen.extend(group if len(group) <= PER_KIND_DEFAULT else rng.sample(group, PER_KIND_DEFAULT))
    return chosen


def _oracle_valid(config: dict[str, Any]) -> bool:
    return _ORACLE.is_valid(config)


def _outcome(call: Any, config: dict[str, Any]) -> BaseException | None:
    started = time.perf_counter()
    try:
        with time_limit(TIME_LIMIT):
            call(config)
    except NipParametersError as error:
        return error
    except Exception as error:  # anything else is the failure under test
        raise AssertionError(f"{type(error).__name__} instead of NipParametersError: {error!r:.300}") from error
    finally:
        elapsed = time.perf_counter() - started
        assert elapsed < TIME_LIMIT, f"took {elapsed:.1f} s"
    return None


def _check(mutation: Mutation, call: Any, also: Callable[[dict[str, Any]], set[str]] | None = None) -> str:
    """Run one mutation. `also`: other acceptable addresses (an old config's, after migrating)."""
    config = mutation.make()
    snapshot = copy.deepcopy(config) if mutation.kind not in ("deep-list", "deep-dict") else None
    error = _outcome(call, config)
    if snapshot is not None:
        assert config == snapshot, "the input was modified"
    if error is None:
        assert not mutation.must_fail, "accepted"
        assert _oracle_valid(config), "accepted, but the published schema rejects it"
        return "still-valid"
    assert isinstance(error, ValueError)
    record_error(error)
    message = str(error)
    assert len(message) < MAX_MESSAGE, f"a message of {len(message):,} characters"
    addresses = {mutation.address} | (also(config) if also else set())
    assert any(a in message for a in addresses), f"{addresses} not named in:\n{message[:2000]}"
    if not mutation.must_fail:
        assert not _oracle_valid(config), f"rejected, but the published schema takes it:\n{message}"
    return "rejected"


SELECTED = _selected()


@pytest.mark.parametrize("kind", sorted({m.kind for m in SELECTED}))
def test_every_mutation_ends_in_a_library_error_at_its_address(kind: str) -> None:
    failures: list[str] = []
    outcomes: dict[str, int] = {}
    batch = [m for m in SELECTED if m.kind == kind]
    for mutation in batch:
        for name, call in (("from_dict", HyperParameters.from_dict), ("validate", validate)):
            count("mutated inputs tried")
            try:
                outcome = _check(mutation, call)
            except AssertionError as failure:
                failures.append(f"{name}: {mutation.describe()}: {failure}"[:1500])
                continue
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
    assert not failures, f"{len(failures)} of {2 * len(batch)} failed:\n" + "\n".join(failures[:15])
    assert outcomes.get("rejected", 0) > 0


def _construct(mutation: Mutation) -> Any:
    """The mutated group (or agents) handed to the constructor as a dict, as scripts do."""
    config = mutation.make()
    group = mutation.path[0]
    return lambda _config: HyperParameters(
        scenario=config.get("scenario"), trainer=config.get("trainer"), dataset=config.get("dataset"),
        **{group: config[group]},
    )


def _in_a_group(mutation: Mutation) -> bool:
    base = dict(current_configs())[mutation.sample]
    return len(mutation.path) >= 2 and isinstance(base.get(mutation.path[0]), dict)


def test_groups_given_to_the_constructor_as_dicts_fail_the_same_way() -> None:
    failures: list[str] = []
    # `agents_update_repr` is not a constructor argument: the constructor drops it unread
    batch = [m for m in SELECTED if _in_a_group(m) and m.path[:2] != ("agents", "agents_update_repr")]
    batch = batch[:: 1 if SLOW else 3]
    for mutation in batch:
        count("mutated inputs tried")
        try:
            _check(mutation, _construct(mutation))
        except AssertionError as failure:
            failures.append(f"constructor: {mutation.describe()}: {failure}"[:1500])
    assert not failures, f"{len(failures)} of {len(batch)} failed:\n" + "\n".join(failures[:15])


LIMIT_KINDS = ("deep-list", "deep-dict", "huge-int", "huge-negative-int", "nan", "infinity",
               "-infinity", "long-string", "unknown-key")


def _old_mutations() -> list[tuple[Mutation, bool]]:
    """The must-fail mutations of the old-version samples (migrated before they are checked)."""
    out = []
    for case in load("migrate"):
        for mutation in mutations(f"migrate/{case['id']}", case["input"]):
            if mutation.kind in LIMIT_KINDS and mutation.path[-1] != "_package_version":
                out.append((mutation, case["ignore_extra_keys"]))
    rng = random.Random(7)
    return out if SLOW else rng.sample(out, min(len(out), 150))


class _Dropped(NipParametersError):
    """Stands for "ignore_extra_keys dropped the broken value": as good as an error here."""


def _from_dict_dropping_is_fine(ignore_extra_keys: bool, address: str, config: dict[str, Any]) -> None:
    result = HyperParameters.from_dict(config, ignore_extra_keys=ignore_extra_keys)
    if ignore_extra_keys:
        # a key that this version does not know (in an unmarked config, read as current) was dropped
        assert plain_data_problems(result.to_dict()) == [], "a broken value was carried over"
        raise _Dropped(f"dropped: {address}")


def _convert_then_from_dict(config: dict[str, Any]) -> None:
    """Conversion keeps a key the schema does not know (with a warning): from_dict refuses it."""
    HyperParameters.from_dict(convert_hyper_param_dict(config))


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_old_version_configs_fail_the_same_way_before_migrating() -> None:
    """from_dict migrates an old config first, and convert_hyper_param_dict only migrates: both
    meet the broken value before any check, and must still end in the library's error at its address
    (not a RecursionError from copying, not NaN carried into the new version)."""
    failures: list[str] = []
    batch = _old_mutations()
    for mutation, ignore_extra_keys in batch:
        for name, call in (
            ("from_dict", partial(_from_dict_dropping_is_fine, ignore_extra_keys, mutation.address)),
            ("convert_hyper_param_dict",
             _convert_then_from_dict if mutation.kind == "unknown-key" else convert_hyper_param_dict),
        ):
            count("mutated inputs tried")
            try:
                _check(mutation, call, also=partial(_migrated_address, mutation))
            except AssertionError as failure:
                failures.append(f"{name}: {mutation.describe()}: {failure}"[:1500])
    assert not failures, f"{len(failures)} of {2 * len(batch)} failed:\n" + "\n".join(failures[:15])


def _migrated_address(mutation: Mutation, config: dict[str, Any]) -> set[str]:
    """Where the mutated place is after migrating (`pvg_protocol.x` becomes `nip_protocol.x`): the
    strict check runs on the migrated config, so its addresses are the new version's."""
    try:
        report = migrate(config, validate=False).report
    except NipParametersError:
        return set()
    address = mutation.address
    for change in report.changes:
        if change.new_address and (address == change.address or address.startswith(change.address + ".")):
            address = change.new_address + address[len(change.address):]
    return {address}


def test_iter_errors_lists_the_same_problems_as_validate() -> None:
    """The problems `validate` raises are exactly those `iter_errors` yields, for every kind."""
    seen: set[str] = set()
    for mutation in SELECTED:
        if mutation.kind in seen:
            continue
        seen.add(mutation.kind)
        count("mutated inputs tried")
        config = mutation.make()
        with time_limit(TIME_LIMIT):
            problems = list(iter_errors(config))
        try:
            validate(config)
        except NipParametersError as error:
            assert list(getattr(error, "problems", ())) == problems
        else:
            assert problems == []


def test_messages_are_normalised_for_counting() -> None:
    assert normalise_message("rl.lr: expected 3 got 4.5e10") == normalise_message("rl.lr: expected 7 got 1")
