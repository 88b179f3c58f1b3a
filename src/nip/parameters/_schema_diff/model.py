"""The differ's results: one `SchemaChange` per change at one config address, and the whole `SchemaDiff`."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "ANNOTATION",
    "BREAKING",
    "CLASSIFICATIONS",
    "COMPATIBLE",
    "KINDS",
    "SchemaChange",
    "SchemaDiff",
    "display_address",
]

ANNOTATION = "annotation"  # documentation only
COMPATIBLE = "compatible"  # every old config stays valid and keeps its meaning
BREAKING = "breaking"      # an old config may become invalid or change meaning: it needs a migration op
CLASSIFICATIONS = (BREAKING, COMPATIBLE, ANNOTATION)

#: kind -> (what it is, its classification). The classification of a few kinds depends on the case
#: (a removed class that no config could hold is compatible); those are decided where they are found.
KINDS: dict[str, tuple[str, str]] = {
    "class_added": ("class added", COMPATIBLE),
    "class_removed": ("class removed", BREAKING),
    "class_renamed": ("class renamed", BREAKING),
    "type_added": ("named type added", COMPATIBLE),
    "type_removed": ("named type removed", COMPATIBLE),
    "type_renamed": ("named type renamed", COMPATIBLE),
    "field_added": ("field added", COMPATIBLE),
    "field_removed": ("field removed", BREAKING),
    "field_renamed": ("field renamed", BREAKING),
    "field_required": ("field now required", BREAKING),
    "field_optional": ("field no longer required", COMPATIBLE),
    "type_narrowed": ("type narrowed", BREAKING),
    "type_widened": ("type widened", COMPATIBLE),
    "values_removed": ("enum values removed", BREAKING),
    "values_added": ("enum values added", COMPATIBLE),
    "default_changed": ("default changed", BREAKING),
    "constraint_narrowed": ("constraint narrowed", BREAKING),
    "constraint_widened": ("constraint widened", COMPATIBLE),
    "constraint_changed": ("constraint changed", BREAKING),
    "vendor_changed": ("generator keyword changed", COMPATIBLE),
    "annotation_changed": ("annotation changed", ANNOTATION),
}


def display_address(address: str) -> str:
    return address or "<root>"


@dataclass(frozen=True)
class SchemaChange:
    """One change, seen at one place of a config.

    ``address`` is where an old config holds the thing (``pvg_protocol.min_message_rounds``);
    ``new_address`` where a new config holds it, when that differs (a rename); an added thing has
    only ``new_address``'s value in both. ``classes`` are the classes concerned. ``old``/``new``
    depend on the kind: the two defaults, the removed values, the old and new names...
    """

    kind: str
    classification: str
    address: str
    new_address: str
    detail: str
    classes: tuple[str, ...] = ()
    old: Any = None
    new: Any = None
    placed: bool = True  # False: the class stands nowhere in a config (only its subclasses do)

    @property
    def title(self) -> str:
        return KINDS[self.kind][0]

    @property
    def where(self) -> str:
        old, new = display_address(self.address), display_address(self.new_address)
        return old if old == new else f"{old} -> {new}"

    def __str__(self) -> str:
        return f"{self.where}: {self.title}: {self.detail}"

    def to_json(self) -> dict[str, Any]:
        return {
            "address": display_address(self.address),
            "new_address": display_address(self.new_address),
            "kind": self.kind,
            "classification": self.classification,
            "classes": list(self.classes),
            "detail": self.detail,
            "old": self.old,
            "new": self.new,
        }


@dataclass(frozen=True)
class SchemaDiff:
    """Every change from schema ``old`` to schema ``new``, breaking ones first."""

    old: str
    new: str
    changes: tuple[SchemaChange, ...] = field(default_factory=tuple)

    def counts(self) -> dict[str, int]:
        counted = Counter(change.classification for change in self.changes)
        return {name: counted.get(name, 0) for name in CLASSIFICATIONS}

    def by_kind(self) -> dict[str, int]:
        return dict(sorted(Counter(change.kind for change in self.changes).items()))

    def of(self, classification: str) -> list[SchemaChange]:
        return [change for change in self.changes if change.classification == classification]

    def summary(self) -> str:
        counts = self.counts()
        total = len(self.changes)
        parts = ", ".join(f"{counts[name]} {name}" for name in CLASSIFICATIONS)
        return f"schema {self.old} -> {self.new}: {total} change{'s' if total != 1 else ''} ({parts})"

    def to_json(self) -> dict[str, Any]:
        return {
            "from": self.old,
            "to": self.new,
            "counts": self.counts(),
            "kinds": self.by_kind(),
            "changes": [change.to_json() for change in self.changes],
        }


def brief(value: Any) -> str:
    """A JSON value for a one-line message, cut to 80 characters."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= 80 else text[:77] + "..."
