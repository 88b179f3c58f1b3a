"""Error messages stay readable whatever the input: bounded in size, and naming the right place.

A value can be up to 65,536 characters (the plain-data limit) or a list of thousands of items; the
message shows enough of it to recognise, not all of it. The address is always shown whole.
"""

from __future__ import annotations

import copy
import json
import math
from collections.abc import Callable
from typing import Any

import pytest
from robust_support import count, current_configs, record_error

from nip.parameters import ConfigFileError, HyperParameters, validate
from nip.parameters import _files as _io
from nip.parameters._validation import plain_data as _plain_data
from nip.parameters.errors import NipParametersError
from nip.parameters.version import convert_hyper_param_dict

BASE = dict(current_configs())["sched-alternating-pair"]
LONG = "y" * (_plain_data.MAX_STRING_LENGTH - 10)  # within the limit: the schema decides
BIG_LIST = list(range(20_000))
BIG_OBJECT = {str(i): i for i in range(5_000)}
MAX_LINE = 1_000  # characters in a line, not counting the address

SCHEDULE = ("agents", "prover", "update_schedule", "AlternatingPeriodicUpdateSchedule", "period")
CASES: dict[str, tuple[tuple[str, ...], Any]] = {
    "long string for an integer": (("seed",), LONG),
    "long string for an enum": (("scenario",), LONG),
    "long string for a _type": (("rl", "_type"), LONG),
    "long string for an agent": (("agents", "x"), LONG),
    "long string for a schedule argument": (SCHEDULE, LONG),
    "long list for a string": (("dataset",), BIG_LIST),
    "big object for an integer": (("seed",), BIG_OBJECT),
    "big object for a group": (("rl",), BIG_OBJECT),
    "long string for _package_version": (("_package_version",), LONG),
    "long string for a boolean": (("ppo", "normalize_advantage"), LONG),
}


def _set(path: tuple[str, ...], value: Any) -> dict[str, Any]:
    config = copy.deepcopy(BASE)
    node = config
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return config


def _check_lines(message: str, address: str) -> None:
    assert address in message, message[:500]
    for line in message.splitlines():
        text = line.strip()
        if text.startswith(address + ":"):
            text = text[len(address) + 1:]
        assert len(text) <= MAX_LINE, f"a line of {len(text):,} characters: {text[:300]}..."


CALLS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "from_dict": HyperParameters.from_dict,
    "validate": validate,
    "convert_hyper_param_dict": convert_hyper_param_dict,
}


@pytest.mark.filterwarnings("ignore::UserWarning")
@pytest.mark.parametrize("call", sorted(CALLS))
@pytest.mark.parametrize("case", sorted(CASES))
def test_a_huge_value_is_not_echoed_whole(case: str, call: str) -> None:
    path, value = CASES[case]
    count("mutated inputs tried")
    if (case, call) == ("big object for a group", "convert_hyper_param_dict"):
        # 5,000 unknown keys: conversion keeps them (from_dict decides), and its warning is bounded
        with pytest.warns(UserWarning, match="kept 5000 keys") as caught:
            CALLS[call](_set(path, value))
        texts = [str(w.message) for w in caught]
        assert any("and 4990 more" in text for text in texts)
        assert all(len(text) < 20 * MAX_LINE for text in texts), [len(t) for t in texts]
        return
    with pytest.raises(NipParametersError) as info:
        CALLS[call](_set(path, value))
    record_error(info.value)
    _check_lines(str(info.value), ".".join(path))


def test_a_long_unknown_key_is_cut_in_its_address() -> None:
    """The address names the key by its first 100 characters; the message quotes it shorter."""
    key = "k" * 60_000
    config = _set(("rl", key), 1)
    count("mutated inputs tried")
    with pytest.raises(NipParametersError) as info:
        HyperParameters.from_dict(config)
    message = str(info.value)
    assert f"rl.{'k' * 99}…: unknown key 'kkk" in message
    assert len(message) < 400, f"{len(message):,} characters"


@pytest.mark.parametrize("given", ["VanillaPpoParameters", "os.system"])
def test_a_misplaced_type_in_a_group_dict_is_reported_at_the_group(given: str) -> None:
    """A group given to the constructor is checked on its own, then reported from the root: the
    message must not speak of the root when the place is `rl._type`."""
    count("mutated inputs tried")
    with pytest.raises(NipParametersError) as info:
        HyperParameters(scenario="graph_isomorphism", trainer="vanilla_ppo", dataset="d",
                        rl={"_type": given})
    message = str(info.value)
    assert "rl._type" in message
    assert "the root" not in message, message


def test_in_memory_limits_are_the_file_limits() -> None:
    """One rule: a file may hold exactly what a dict may hold, at the depth limit and one past it."""
    for depth in (_plain_data.MAX_DEPTH, _plain_data.MAX_DEPTH + 1):
        text = '{"a": ' * (depth - 1) + "{}" + "}" * (depth - 1)
        in_memory_ok = not _plain_data.problems(json.loads(text))
        try:
            _io.parse_config(text, name="deep.json", format="json")
            file_ok = True
        except ConfigFileError:
            file_ok = False
        assert in_memory_ok == file_ok == (depth == _plain_data.MAX_DEPTH), depth


def test_values_at_the_limits_are_accepted_and_one_past_is_not() -> None:
    at_limit = _set(("dataset",), "d" * _plain_data.MAX_STRING_LENGTH)
    assert HyperParameters.from_dict(at_limit).dataset == at_limit["dataset"]
    # an integer field, and a float field (nip keeps an int given there), neither with a range of
    # its own (a seed or a fraction has one): the same integer range
    unbounded = (("dataset_options", "binarification_seed"), ("protocol_common", "prover_reward"))
    for path in unbounded:
        for value in (_plain_data.MAX_INT, _plain_data.MIN_INT):
            assert HyperParameters.from_dict(_set(path, value)).get(".".join(path)) == value
    too_far = [_set(("dataset",), "d" * (_plain_data.MAX_STRING_LENGTH + 1)),
               _set(("agents", "p" * (_plain_data.MAX_STRING_LENGTH + 1)), {})]
    for path in unbounded:
        too_far += [_set(path, _plain_data.MAX_INT + 1), _set(path, _plain_data.MIN_INT - 1)]
    too_far += [_set(("test_size",), bad) for bad in (math.nan, math.inf, -math.inf)]
    for config in too_far:
        for call in (HyperParameters.from_dict, validate):
            with pytest.raises(NipParametersError):
                call(config)
