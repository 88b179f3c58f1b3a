"""Each migration op is declared once, in the step-file schema (schema/migration.schema.json), and
every reader of that table has what it needs: applying has a method, the coverage check a rule for
each kind the op claims, and the scaffold suggests only what an op can cover."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nip.parameters._migration.ops import _Applier, applier_of
from nip.parameters._migration_ops import migration_ops
from nip.parameters._schema_diff.coverage import Coverage, Covered, suggest_operations
from nip.parameters._schema_diff.model import BREAKING, KINDS, SchemaChange, SchemaDiff

REPO = Path(__file__).resolve().parents[2]
OPS = migration_ops()


def test_the_table_is_read_from_the_authoring_schema():
    source = json.loads((REPO / "schema" / "migration.schema.json").read_text())
    assert list(OPS) == source["$defs"]["operation"]["properties"]["op"]["enum"]
    assert set(OPS) <= set(source["$defs"]), "each op has its definition"


@pytest.mark.parametrize("name", list(OPS))
def test_every_op_has_its_apply(name):
    assert callable(applier_of(name))


def test_no_apply_without_its_declaration():
    methods = {n for n in vars(_Applier) if not n.startswith("_") and callable(getattr(_Applier, n))}
    helpers = {"error", "record", "each"}
    assert methods - helpers == set(OPS)


@pytest.mark.parametrize("name", list(OPS))
def test_every_op_covers_only_breaking_kinds(name):
    breaking = {kind for kind, (_, classification) in KINDS.items() if classification == BREAKING}
    assert OPS[name].covers <= breaking, OPS[name].covers - breaking


def test_every_breaking_kind_has_an_op_that_covers_it():
    breaking = {kind for kind, (_, classification) in KINDS.items() if classification == BREAKING}
    claimed = set().union(*(op.covers for op in OPS.values()))
    assert breaking <= claimed, breaking - claimed


def test_only_moving_ops_are_followed():
    assert {name for name, op in OPS.items() if op.moves_addresses} == {"rename_key", "move"}


@pytest.mark.parametrize("kind", ["field_removed", "field_renamed", "class_renamed", "default_changed",
                                  "values_removed"])
def test_the_scaffold_suggests_an_op_that_covers_the_change(kind):
    old, new = {"field_renamed": ("a", "b"), "class_renamed": ("A", "B"), "default_changed": (1, 2),
                "values_removed": (["x"], None)}.get(kind, (None, None))
    change = SchemaChange(kind=kind, classification=BREAKING, address="g.f", new_address="g.f", detail="",
                          old=old, new=new)
    diff = SchemaDiff("1.0", "1.1", (change,))
    coverage = Coverage(diff, "step", (Covered(change, "g.f", "", ()),))
    (suggested,) = suggest_operations(coverage)
    assert kind in OPS[suggested["op"]].covers


# An example of each (kind, op) pair the table declares: the change (old, new) and the op that
# should cover it at `g.f` (or at `g`, the object, for a class). The coverage check must agree.
HOOK = "round_minimum_counts_from_one"  # turns 1 into 2
EXAMPLES: dict[tuple[str, str], tuple[str, object, object, dict]] = {
    ("field_removed", "rename_key"): ("g.f", None, None, {"at": "g.f", "to": "f2"}),
    ("field_removed", "move"): ("g.f", None, None, {"at": "g.f", "to": "h.f"}),
    ("field_removed", "remove_key"): ("g.f", None, None, {"at": "g.f", "why": "gone"}),
    ("field_renamed", "rename_key"): ("g.f", "f", "f2", {"at": "g.f", "to": "f2"}),
    ("field_renamed", "move"): ("g.f", "f", "f2", {"at": "g.f", "to": "g.f2"}),
    ("class_removed", "rename_key"): ("g", "C", None, {"at": "g", "to": "g2"}),
    ("class_removed", "move"): ("g", "C", None, {"at": "g", "to": "h"}),
    ("class_removed", "remove_key"): ("g", "C", None, {"at": "g", "why": "gone"}),
    ("class_removed", "hook"): ("g", "C", None, {"at": "g", "name": HOOK}),
    ("class_removed", "map_values"): ("g", "C", None, {"at": "g._type", "map": {"C": "D"}}),
    ("class_removed", "reject_value"): ("g", "C", None, {"at": "g._type", "values": ["C"], "message": "m"}),
    ("class_renamed", "map_values"): ("g", "C", "D", {"at": "g._type", "map": {"C": "D"}}),
    ("class_renamed", "reject_value"): ("g", "C", "D", {"at": "g._type", "values": ["C"], "message": "m"}),
    ("values_removed", "map_values"): ("g.f", ["x"], None, {"at": "g.f", "map": {"x": "y"}}),
    ("values_removed", "reject_value"): ("g.f", ["x"], None, {"at": "g.f", "values": ["x"], "message": "m"}),
    ("values_removed", "hook"): ("g.f", ["x"], None, {"at": "g.f", "name": HOOK}),
    ("default_changed", "set_value"): ("g.f", 1, 2, {"at": "g.f", "value": 1}),
    ("default_changed", "set_default_if_absent"): ("g.f", 1, 2, {"at": "g.f", "value": 1}),
    ("default_changed", "map_values"): ("g.f", "a", "b", {"at": "g.f", "map": {"a": "b"}}),
    ("default_changed", "hook"): ("g.f", 1, 2, {"at": "g.f", "name": HOOK}),
    ("field_required", "set_value"): ("g.f", None, None, {"at": "g.f", "value": 1}),
    ("field_required", "set_default_if_absent"): ("g.f", None, None, {"at": "g.f", "value": 1}),
    ("type_narrowed", "hook"): ("g.f", ["string"], None, {"at": "g.f", "name": HOOK}),
    ("type_narrowed", "reject_value"): ("g.f", ["string"], None, {"at": "g.f", "values": ["s"], "message": "m"}),
    ("constraint_narrowed", "hook"): ("g.f", None, None, {"at": "g.f", "name": HOOK}),
    ("constraint_narrowed", "reject_value"): ("g.f", None, None, {"at": "g.f", "values": [9], "message": "m"}),
    ("constraint_narrowed", "reject_invalid"): ("g.f", None, None, {"at": "g", "why": "refused"}),
    ("constraint_changed", "hook"): ("g.f", None, None, {"at": "g.f", "name": HOOK}),
    ("constraint_changed", "reject_value"): ("g.f", None, None, {"at": "g.f", "values": [9], "message": "m"}),
    ("constraint_changed", "reject_invalid"): ("g.f", None, None, {"at": "g.f", "why": "refused"}),
}
DECLARED = sorted((kind, name) for name, op in OPS.items() for kind in op.covers)


def test_every_declared_cover_has_an_example():
    assert sorted(EXAMPLES) == DECLARED


@pytest.mark.parametrize(("kind", "name"), DECLARED)
def test_every_declared_cover_has_its_rule(kind, name):
    """The coverage check has a rule for each kind an op says it covers, and the rule fires."""
    from nip.parameters._migration.hooks import HOOKS
    from nip.parameters._schema_diff.coverage import check_coverage

    address, old, new, params = EXAMPLES[(kind, name)]
    change = SchemaChange(kind=kind, classification=BREAKING, address=address, new_address=address,
                          detail="", old=old, new=new)
    covered = check_coverage(SchemaDiff("1.0", "1.1", (change,)), {"operations": [{"op": name, **params}]},
                             hooks=HOOKS)
    assert covered.items[0].covered, (kind, name)


@pytest.mark.parametrize("name", list(OPS))
def test_an_op_covers_no_kind_it_does_not_declare(name):
    """The table is the gate: an op is never counted for a kind it does not list."""
    from nip.parameters._migration.hooks import HOOKS
    from nip.parameters._schema_diff.coverage import check_coverage

    for (kind, other), (address, old, new, params) in EXAMPLES.items():
        if kind in OPS[name].covers or other == name:
            continue
        change = SchemaChange(kind=kind, classification=BREAKING, address=address, new_address=address,
                              detail="", old=old, new=new)
        op = {"op": name, **{k: v for k, v in params.items() if k in OPS[name].parameters}}
        if "at" in op:
            op["at"] = address  # the change's own place (an enclosing remove_key covers what it holds)
        covered = check_coverage(SchemaDiff("1.0", "1.1", (change,)), {"operations": [op]}, hooks=HOOKS)
        assert not covered.items[0].covered, (kind, name)
