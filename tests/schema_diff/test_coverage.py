"""Each breaking change needs an op of the newer version's step; the check says which, and where."""

from __future__ import annotations

import pytest
from diff_support import compare, group, root

from nip.parameters._schema_diff import check_coverage, suggest_operations


def _step(*ops: dict) -> dict:
    return {"from": "1.0", "to": "1.1", "operations": list(ops)}


def _remove_label(g):
    group(g)["properties"].pop("label")


def _new_rate_default(g):
    root(g)["properties"]["rate"]["default"] = 0.25


def _drop_blue(g):
    g["types"]["$defs"]["Colour"]["enum"] = ["red", "green"]


def _tag_not_null(g):
    root(g)["properties"]["tag"] = {"type": "string", "default": ""}


def _rename_group(g):
    props = root(g)["properties"]
    props["team"] = dict(props.pop("group"), **{"x-renamed-from": "group"})


def _covered(edit, *ops, hooks=None) -> bool:
    coverage = check_coverage(compare(edit), _step(*ops), hooks=hooks)
    return not coverage.uncovered()


def test_an_uncovered_change_names_its_address_and_the_op_it_needs():
    coverage = check_coverage(compare(lambda g: (_remove_label(g), _new_rate_default(g))), _step(),
                              step_name="schema/1.1/migration.json")
    problems = coverage.problems()
    assert len(problems) == 2
    assert any(p.startswith("group.label: field removed") and "schema/1.1/migration.json" in p
               and "needs remove_key (or rename_key) at group.label" in p for p in problems)
    assert any(p.startswith("rate: default changed") and "set_default_if_absent at rate with value 0.5" in p
               for p in problems)


@pytest.mark.parametrize(("op", "covered"), [
    ({"op": "remove_key", "at": "group.label", "why": "gone"}, True),
    ({"op": "rename_key", "at": "group.label", "to": "caption"}, True),
    ({"op": "remove_key", "at": "group", "why": "the whole group"}, True),
    ({"op": "remove_key", "at": "group.size", "why": "another field"}, False),
    ({"op": "set_value", "at": "group.label", "value": "y"}, False),
], ids=["remove_key", "rename_key", "enclosing-object-removed", "other-field", "wrong-op"])
def test_removed_field(op, covered):
    assert _covered(_remove_label, op) is covered


@pytest.mark.parametrize(("op", "covered"), [
    ({"op": "set_default_if_absent", "at": "rate", "value": 0.5}, True),
    ({"op": "set_default_if_absent", "at": "rate", "value": 0.25}, False),
    ({"op": "set_default_if_absent", "at": "rate", "value": "0.5"}, False),
    ({"op": "set_default_if_absent", "at": "tag", "value": 0.5}, False),
], ids=["old-default-pinned", "new-default", "other-json-type", "other-address"])
def test_changed_default_needs_a_pin_of_the_old_default(op, covered):
    assert _covered(_new_rate_default, op) is covered


def test_changed_default_covered_by_a_hook_that_turns_the_old_default_into_the_new():
    op = {"op": "hook", "at": "rate", "name": "halve"}
    assert _covered(_new_rate_default, op, hooks={"halve": lambda v, *, address: v / 2})
    assert not _covered(_new_rate_default, op, hooks={"halve": lambda v, *, address: v})
    assert not _covered(_new_rate_default, op, hooks={})


def test_changed_default_covered_by_a_value_map():
    def new_shade(g):
        group(g)["properties"]["shade"]["default"] = "green"

    assert _covered(new_shade, {"op": "map_values", "at": "group.shade", "map": {"red": "green"}})
    assert not _covered(new_shade, {"op": "map_values", "at": "group.shade", "map": {"red": "blue"}})


def test_removed_enum_value_needs_a_map_or_a_reject_naming_it():
    assert _covered(_drop_blue, {"op": "map_values", "at": "group.shade", "map": {"blue": "green"}})
    assert _covered(_drop_blue, {"op": "reject_value", "at": "group.shade", "values": ["blue"],
                                 "message": "gone"})
    assert not _covered(_drop_blue, {"op": "map_values", "at": "group.shade", "map": {"red": "green"}})


def test_every_removed_value_must_be_handled():
    def drop_two(g):
        g["types"]["$defs"]["Colour"]["enum"] = ["red"]

    half = {"op": "map_values", "at": "group.shade", "map": {"blue": "red"}}
    assert not _covered(drop_two, half)
    assert _covered(drop_two, half, {"op": "reject_value", "at": "group.shade", "values": ["green"],
                                     "message": "gone"})


@pytest.mark.parametrize(("op", "covered"), [
    ({"op": "hook", "at": "tag", "name": "null_to_empty"}, True),
    ({"op": "reject_value", "at": "tag", "values": [None], "message": "set a tag"}, True),
    ({"op": "set_default_if_absent", "at": "tag", "value": ""}, False),
], ids=["hook", "reject_value", "a-pin-is-not-enough"])
def test_narrowed_type_needs_a_hook_or_a_reject(op, covered):
    result = compare(_tag_not_null)
    assert {c.kind for c in result.of("breaking")} >= {"type_narrowed"}
    narrowed = check_coverage(result, _step(op))
    assert all(item.covered is covered for item in narrowed.items if item.change.kind == "type_narrowed")


def _size_at_least_one(g):
    group(g)["properties"]["size"]["minimum"] = 1


@pytest.mark.parametrize(("op", "covered"), [
    ({"op": "reject_invalid", "at": "group.size", "why": "zero meant nothing"}, True),
    ({"op": "reject_invalid", "at": "*", "why": "values that meant nothing are refused"}, True),
    ({"op": "reject_invalid", "at": "rate", "why": "elsewhere"}, False),
    ({"op": "hook", "at": "group.size", "name": "at_least_one"}, True),
], ids=["at-the-field", "above-it", "elsewhere", "hook"])
def test_narrowed_range_may_be_declared_refused(op, covered):
    result = compare(_size_at_least_one)
    assert [c.kind for c in result.of("breaking")] == ["constraint_narrowed"]
    assert (not check_coverage(result, _step(op)).uncovered()) == covered


def test_refusing_invalid_values_does_not_cover_a_narrowed_type():
    coverage = check_coverage(compare(_tag_not_null), _step({"op": "reject_invalid", "at": "*", "why": "no"}))
    assert any(item.change.kind == "type_narrowed" for item in coverage.uncovered())


def test_ops_after_a_rename_use_the_new_address():
    def rename_and_drop(g):
        _rename_group(g)
        _remove_label(g)

    rename = {"op": "rename_key", "at": "group", "to": "team"}
    assert _covered(rename_and_drop, rename, {"op": "remove_key", "at": "team.label", "why": "gone"})
    assert _covered(rename_and_drop, {"op": "remove_key", "at": "group.label", "why": "gone"}, rename)
    assert not _covered(rename_and_drop, rename, {"op": "remove_key", "at": "group.label", "why": "gone"})


def test_a_renamed_field_needs_a_rename_to_the_new_name():
    assert _covered(_rename_group, {"op": "rename_key", "at": "group", "to": "team"})
    assert _covered(_rename_group, {"op": "move", "at": "group", "to": "team"})
    assert not _covered(_rename_group, {"op": "rename_key", "at": "group", "to": "squad"})


def test_a_renamed_class_needs_its_type_name_mapped():
    def rename(g):
        defs = g["groups"]["$defs"]
        defs["Team"] = dict(defs.pop("GroupParameters"), **{"x-renamed-from": "GroupParameters"})
        root(g)["properties"]["group"]["anyOf"][0] = {"$ref": "groups.json#/$defs/Team"}

    assert _covered(rename, {"op": "map_values", "at": "group._type", "map": {"GroupParameters": "Team"}})
    assert not _covered(rename, {"op": "map_values", "at": "group", "map": {"GroupParameters": "Team"}})


def test_a_wildcard_op_covers_every_entry_of_a_map():
    def heavier(g):
        g["groups"]["$defs"]["Member"]["properties"]["weight"]["default"] = 2.0

    assert _covered(heavier, {"op": "set_default_if_absent", "at": "members.*.weight", "value": 1.0})
    assert not _covered(heavier, {"op": "set_default_if_absent", "at": "members.alice.weight", "value": 1.0})


def test_suggested_ops_cover_what_they_can_infer():
    def many(g):
        _remove_label(g)
        _new_rate_default(g)
        _drop_blue(g)
        _tag_not_null(g)
        g["groups"]["$defs"]["Member"]["properties"]["weight"]["minimum"] = 1  # needs a hand-written hook

    result = compare(many)
    ops = suggest_operations(check_coverage(result, _step()))
    assert [(op["op"], op["at"]) for op in ops] == [
        ("remove_key", "group.label"),
        ("reject_value", "group.shade"),
        ("set_default_if_absent", "rate"),
        ("reject_value", "tag"),
    ]
    pin = ops[2]
    assert pin["value"] == 0.5 and "create_parents" not in pin  # a root field has no group to create
    left = check_coverage(result, _step(*ops)).uncovered()
    # a bound and a default that is no longer a valid value (null) need a person's decision: a hook
    assert [(item.change.kind, item.change.address) for item in left] == [
        ("constraint_narrowed", "members.*.weight"), ("default_changed", "tag")]
    assert left[0].needs == "a hook, reject_value or reject_invalid at members.*.weight"


def test_a_suggested_pin_in_a_group_creates_the_group():
    def new_size(g):
        group(g)["properties"]["size"]["default"] = 4

    [op] = suggest_operations(check_coverage(compare(new_size), _step()))
    assert op == {"op": "set_default_if_absent", "at": "group.size", "value": 3, "create_parents": True,
                  "why": op["why"]}
