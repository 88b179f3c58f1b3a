"""The migration ops, as the step-file schema declares them (``_schemas/migration.schema.json``):
each op once, with its parameters, the breaking changes it can cover and whether it moves
addresses. Applying (`_migration/ops.py`), checking a step file (`_migration/steps.py`), the
coverage check and the scaffold (`_schema_diff/coverage.py`) all read this table.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ._schema_files import MIGRATION_SCHEMA_FILE

__all__ = ["OpSpec", "migration_ops"]


@dataclass(frozen=True)
class OpSpec:
    name: str
    parameters: tuple[str, ...]  # besides "op", in the schema's order
    required: frozenset[str]
    covers: frozenset[str]  # kinds of breaking change (`_schema_diff.model.KINDS`)
    covers_enclosed: bool  # also covers every change inside the object it names
    moves_addresses: bool  # later ops see what it names at a new address


@cache
def migration_ops() -> dict[str, OpSpec]:
    """op name -> its declaration, in the order of the schema."""
    path = Path(__file__).resolve().parent / "_schemas" / MIGRATION_SCHEMA_FILE
    defs = json.loads(path.read_text(encoding="utf-8"))["$defs"]
    names = defs["operation"]["properties"]["op"]["enum"]
    return {
        name: OpSpec(
            name=name,
            parameters=tuple(key for key in defs[name]["properties"] if key != "op"),
            required=frozenset(defs[name]["required"]) - {"op"},
            covers=frozenset(defs[name].get("x-covers", ())),
            covers_enclosed=bool(defs[name].get("x-covers-enclosed", False)),
            moves_addresses=bool(defs[name].get("x-moves-addresses", False)),
        )
        for name in names
    }
