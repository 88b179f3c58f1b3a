"""One test per kind of change, on a small fixture schema: what is found, where, and how it is classified."""

from __future__ import annotations

import pytest
from diff_support import FIXTURE, compare, group, only, publish, root

from nip.parameters._schema_diff import diff


def test_identical_versions_have_no_changes():
    result = diff(publish(FIXTURE), publish(FIXTURE))
    assert result.changes == ()
    assert result.counts() == {"breaking": 0, "compatible": 0, "annotation": 0}


def test_annotation_only():
    def reword(g):
        group(g)["properties"]["size"].update(description="How many, at most.", title="Size",
                                              examples=[4])

    change = only(compare(reword), skip_annotations=False)
    assert (change.kind, change.classification, change.address) == ("annotation_changed", "annotation", "group.size")
    assert change.detail == "description, examples, title"


def test_field_added_is_compatible():
    change = only(compare(lambda g: group(g)["properties"].update(
        depth={"title": "depth", "type": "integer", "default": 2})))
    assert (change.kind, change.classification, change.address) == ("field_added", "compatible", "group.depth")
    assert change.new == 2


def test_field_added_with_an_old_behaviour_is_a_changed_default():
    def add(g):
        group(g)["properties"]["strict"] = {"title": "strict", "type": "boolean", "default": True,
                                            "x-old-default": False}

    result = compare(add)
    [breaking] = result.of("breaking")
    assert (breaking.kind, breaking.address, breaking.old, breaking.new) == (
        "default_changed", "group.strict", False, True)
    assert [c.kind for c in result.of("compatible")] == ["field_added"]


def test_field_added_and_required_is_breaking():
    change = only(compare(lambda g: (root(g)["properties"].update(owner={"title": "owner", "type": "string"}),
                                     root(g)["required"].append("owner"))))
    assert (change.kind, change.classification, change.address) == ("field_required", "breaking", "owner")


def test_field_removed():
    change = only(compare(lambda g: group(g)["properties"].pop("label")))
    assert (change.kind, change.classification, change.address) == ("field_removed", "breaking", "group.label")
    assert change.old == "x"
    assert "default \"x\"" in change.detail


def test_field_renamed_when_the_new_schema_says_so():
    def rename(g):
        props = group(g)["properties"]
        props["caption"] = dict(props.pop("label"), title="caption", **{"x-renamed-from": "label"})

    change = only(compare(rename))
    assert (change.kind, change.classification) == ("field_renamed", "breaking")
    assert (change.address, change.new_address) == ("group.label", "group.caption")
    assert (change.old, change.new) == ("label", "caption")


def test_a_rename_not_declared_is_a_removal_and_an_addition():
    def rename(g):
        props = group(g)["properties"]
        props["caption"] = props.pop("label")

    result = compare(rename)
    assert sorted((c.kind, c.address) for c in result.changes if c.classification != "annotation") == [
        ("field_added", "group.caption"), ("field_removed", "group.label")]


def test_changes_inside_a_renamed_group_are_seen_at_both_addresses():
    def rename(g):
        props = root(g)["properties"]
        props["team"] = dict(props.pop("group"), **{"x-renamed-from": "group"})
        group(g)["properties"]["size"]["default"] = 4

    result = compare(rename)
    default = next(c for c in result.changes if c.kind == "default_changed")
    assert (default.address, default.new_address) == ("group.size", "team.size")
    assert default.where == "group.size -> team.size"


def test_class_added_where_a_config_holds_it():
    def add(g):
        g["groups"]["$defs"]["Extra"] = {"title": "Extra", "type": "object",
                                         "properties": {"on": {"type": "boolean", "default": False}}}
        root(g)["properties"]["extra"] = {"anyOf": [{"$ref": "groups.json#/$defs/Extra"}, {"type": "null"}],
                                          "default": None}

    result = compare(add)
    assert sorted((c.kind, c.address, c.classification) for c in result.changes) == [
        ("class_added", "extra", "compatible"), ("field_added", "extra", "compatible")]


def test_class_removed_where_a_config_held_it():
    def remove(g):
        del g["groups"]["$defs"]["Member"]
        root(g)["properties"]["members"]["additionalProperties"] = {"type": "object"}

    result = compare(remove)
    removed = next(c for c in result.changes if c.kind == "class_removed")
    assert (removed.address, removed.classification, removed.old) == ("members.*", "breaking", "Member")
    narrowed = next(c for c in result.changes if c.kind == "type_widened")
    assert narrowed.address == "members.*"  # any object is now accepted there


def test_class_renamed_when_the_new_schema_says_so():
    def rename(g):
        defs = g["groups"]["$defs"]
        defs["Team"] = dict(defs.pop("GroupParameters"), title="Team", **{"x-renamed-from": "GroupParameters"})
        root(g)["properties"]["group"]["anyOf"][0] = {"$ref": "groups.json#/$defs/Team"}

    change = only(compare(rename))
    assert (change.kind, change.classification, change.address) == ("class_renamed", "breaking", "group")
    assert (change.old, change.new) == ("GroupParameters", "Team")  # its `_type` is not reported again


@pytest.mark.parametrize(("before", "after", "kind", "classification"), [
    (["string", "null"], "string", "type_narrowed", "breaking"),
    ("string", ["string", "null"], "type_widened", "compatible"),
    ("number", "integer", "type_narrowed", "breaking"),
    ("integer", "number", "type_widened", "compatible"),
], ids=["null-dropped", "null-allowed", "number-to-integer", "integer-to-number"])
def test_type_narrowed_or_widened(before, after, kind, classification):
    def retype(g, t):
        root(g)["properties"]["tag"] = {"type": t}

    change = only(compare(lambda g: retype(g, after), base_edit=lambda g: retype(g, before)))
    assert (change.kind, change.classification, change.address) == (kind, classification, "tag")


def test_a_free_string_limited_to_values_is_narrowed():
    change = only(compare(lambda g: group(g)["properties"]["label"].update(enum=["x", "y"])))
    assert (change.kind, change.classification, change.address) == ("type_narrowed", "breaking", "group.label")


def test_enum_values_removed_and_added():
    def values(g):
        g["types"]["$defs"]["Colour"]["enum"] = ["red", "green", "violet"]

    result = compare(values)
    removed, = result.of("breaking")
    added, = result.of("compatible")
    assert (removed.kind, removed.address, removed.old) == ("values_removed", "group.shade", ["blue"])
    assert (added.kind, added.address, added.new) == ("values_added", "group.shade", ["violet"])


def test_default_changed():
    change = only(compare(lambda g: root(g)["properties"]["rate"].update(default=0.25)))
    assert (change.kind, change.classification, change.address) == ("default_changed", "breaking", "rate")
    assert (change.old, change.new) == (0.5, 0.25)


def test_a_default_of_another_json_type_is_a_change():
    change = only(compare(lambda g: root(g)["properties"]["rate"].update(default=1),
                          base_edit=lambda g: root(g)["properties"]["rate"].update(default=1.0)))
    assert change.kind == "default_changed"


@pytest.mark.parametrize(("edit", "kind", "classification"), [
    (lambda p: p.update(minimum=1), "constraint_narrowed", "breaking"),
    (lambda p: p.update(minimum=-1), "constraint_widened", "compatible"),
    (lambda p: p.pop("minimum"), "constraint_widened", "compatible"),
    (lambda p: p.update(maximum=10), "constraint_narrowed", "breaking"),
    (lambda p: p.update(multipleOf=0.5), "constraint_changed", "breaking"),
], ids=["minimum-raised", "minimum-lowered", "minimum-dropped", "maximum-added", "other-keyword"])
def test_constraint_changed(edit, kind, classification):
    def constrain(g):
        edit(g["groups"]["$defs"]["Member"]["properties"]["weight"])

    change = only(compare(constrain))
    assert (change.kind, change.classification, change.address) == (kind, classification, "members.*.weight")


def test_a_changed_pattern_is_breaking():
    result = compare(lambda g: group(g)["properties"]["label"].update(pattern="^[a-z]+$"),
                     base_edit=lambda g: group(g)["properties"]["label"].update(pattern="^[a-y]+$"))
    change = only(result)
    assert (change.kind, change.classification) == ("constraint_changed", "breaking")


def test_other_keys_no_longer_allowed_is_narrowed():
    result = compare(lambda g: root(g)["properties"]["members"].update(additionalProperties=False))
    assert ("constraint_narrowed", "members") in {(c.kind, c.address) for c in result.of("breaking")}


def test_a_generator_keyword_is_compatible():
    change = only(compare(lambda g: group(g).update(**{"x-python-mixin": "GroupBehaviour"})))
    assert (change.kind, change.classification, change.address) == ("vendor_changed", "compatible", "group")


def _rule(colour: str, cls: str) -> dict:
    return {"if": {"properties": {"mode": {"const": colour}}, "required": ["mode"]},
            "then": {"properties": {"group": {"anyOf": [{"$ref": f"groups.json#/$defs/{cls}"}, {"type": "null"}]}}}}


def _with_mode(g):
    root(g)["properties"]["mode"] = {"$ref": "types.json#/$defs/Colour", "default": "red"}
    root(g)["allOf"] = [_rule("red", "GroupParameters")]


def test_a_conditional_rule_for_a_new_value_only_is_compatible():
    def add_rule(g):
        g["types"]["$defs"]["Colour"]["enum"].append("violet")
        root(g)["allOf"].append(_rule("violet", "GroupParameters"))

    result = compare(add_rule, base_edit=_with_mode)
    rule = next(c for c in result.changes if c.kind == "constraint_narrowed")
    assert (rule.classification, rule.where) == ("compatible", "<root>")
    assert result.of("breaking") == []


def test_a_conditional_rule_for_an_old_value_is_breaking():
    result = compare(lambda g: root(g)["allOf"].append(_rule("green", "GroupParameters")), base_edit=_with_mode)
    [rule] = result.of("breaking")
    assert rule.kind == "constraint_narrowed" and "conditional rule added" in rule.detail


def test_restating_a_type_in_a_conditional_branch_is_no_change():
    def restate(g):
        root(g)["allOf"][0]["then"]["properties"]["group"]["type"] = ["object", "null"]

    assert compare(restate, base_edit=_with_mode).changes == ()


def test_a_conditional_branch_that_selects_another_class_narrows_the_type():
    def other_class(g):
        g["groups"]["$defs"]["Other"] = {"title": "Other", "type": "object", "properties": {}}
        root(g)["allOf"][0] = _rule("red", "Other")

    result = compare(other_class, base_edit=_with_mode)
    narrowed = [c for c in result.of("breaking") if c.kind == "type_narrowed"]
    assert [c.address for c in narrowed] == ["group"]
    assert "GroupParameters" in narrowed[0].detail


def test_json_output_names_every_field():
    change = only(compare(lambda g: root(g)["properties"]["rate"].update(default=0.25)))
    assert change.to_json() == {
        "address": "rate", "new_address": "rate", "kind": "default_changed", "classification": "breaking",
        "classes": ["HyperParameters"], "detail": "0.5 -> 0.25", "old": 0.5, "new": 0.25,
    }


def test_a_limit_that_every_old_enum_value_keeps_is_no_change():
    def free_string(g):  # the publisher gives a free string a maxLength, an enum none
        group(g)["properties"]["shade"] = {"type": "string", "default": "red", "maxLength": 8}

    result = compare(free_string)
    assert [(c.kind, c.classification) for c in result.changes if c.classification != "annotation"] == [
        ("type_widened", "compatible")]
    tight = compare(lambda g: group(g)["properties"].update(shade={"type": "string", "default": "red",
                                                                    "maxLength": 4}))
    assert ("constraint_narrowed", "group.shade") in {(c.kind, c.address) for c in tight.of("breaking")}
