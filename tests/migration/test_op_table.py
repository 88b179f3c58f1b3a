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
