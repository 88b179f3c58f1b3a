"""The two plain-data walks agree: the quick `is_plain` says yes exactly when `problems` finds none
(for the exact builtin types), and `plain_copy` gives a fresh tree that shares no node."""

from __future__ import annotations

import json
from collections import OrderedDict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nip.parameters._validation.plain_data import (
    MAX_DEPTH,
    MAX_INT,
    MAX_STRING_LENGTH,
    is_plain,
    plain_copy,
    problems,
)

_odd_text = st.sampled_from(["ok", "é", "\ud800", "x\udfff", "a" * (MAX_STRING_LENGTH + 1)])
_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=5), _odd_text,
)
_keys = st.one_of(st.text(max_size=5), _odd_text, st.integers(0, 3))
_trees = st.recursive(
    _scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_keys, inner, max_size=4)),
    max_leaves=20,
)


@settings(max_examples=400, deadline=None)
@pytest.mark.slow
@given(_trees)
def test_the_quick_answer_is_exactly_the_full_walk(tree: object) -> None:
    found = problems(tree)
    assert is_plain(tree) == (not found), found


def test_each_kind_of_fault_is_found_at_its_address() -> None:
    tree = {"a": [1, {"b": float("nan")}], "c": 2**70, "d": "x\ud800", "e": {"f": b"bytes"}}
    messages = {p.address: p.message for p in problems(tree)}
    assert "finite" in messages["a.1.b"]
    assert "64-bit" in messages["c"]
    assert "surrogate" in messages["d"]
    assert "bytes is not a config value" in messages["e.f"]
    assert [p.address for p in problems({1: "x"})] == ["<root>"]


def test_depth_is_counted_from_the_object_checked() -> None:
    def nested(levels: int) -> object:
        return json.loads("[" * levels + "]" * levels)

    assert is_plain(nested(MAX_DEPTH)) and not problems(nested(MAX_DEPTH))
    assert not is_plain(nested(MAX_DEPTH + 1)) and problems(nested(MAX_DEPTH + 1))


def test_subclasses_and_other_mappings_are_plain_data_of_their_base_type() -> None:
    class Name(str):
        pass

    class Count(int):
        pass

    tree = OrderedDict(n=Name("x"), c=Count(3), t=(1, 2))
    assert not is_plain(tree)  # not the exact types: the full walk decides
    assert problems(tree) == []
    copy, found = plain_copy(tree)
    assert found == [] and copy == {"n": "x", "c": 3, "t": [1, 2]}
    assert [type(v) for v in copy.values()] == [str, int, list] and type(copy) is dict


def test_a_copy_shares_no_node_with_the_input_or_with_itself() -> None:
    shared = {"min_message_rounds": 1}
    tree = {"debate_protocol": shared, "mnip_protocol": shared, "seeds": [MAX_INT]}
    copy, found = plain_copy(tree)
    assert found == [] and copy == tree
    assert copy["debate_protocol"] is not copy["mnip_protocol"]
    assert copy["debate_protocol"] is not shared and copy["seeds"] is not tree["seeds"]


def test_a_copy_stops_at_the_value_limit() -> None:
    _, found = plain_copy({"a": list(range(10))}, max_values=5)
    assert [p.message for p in found] == ["more than 5 values"]
