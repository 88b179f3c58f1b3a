"""Does a migration step cover every breaking change of its schema version?

Each breaking change needs an op of the newer version's ``migration.json`` at its address:

| change | covered by |
|---|---|
| field removed | ``remove_key`` or ``rename_key`` (or ``move``) |
| field renamed | ``rename_key`` to the new name (or ``move``) |
| default changed | ``set_default_if_absent`` with the old default; a ``map_values`` or a ``hook`` that turns the old default into the new one |
| enum values removed | ``map_values`` or ``reject_value`` naming each removed value |
| type or constraint narrowed | a ``hook`` or ``reject_value`` (a constraint also ``reject_invalid`` at it or above) |
| class renamed / removed | ``map_values`` (or ``reject_value``) of its name at ``<address>._type`` |
| field now required | ``set_default_if_absent`` or ``set_value`` |

Ops run in order and a ``rename_key``/``move`` changes the address later ops use, so each change's
address is carried through the ops as they go. Removing an enclosing object covers everything in it.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .._migration_ops import migration_ops
from .._schema_files import MIGRATION_FILE
from .domain import json_type
from .keywords import canonical
from .model import BREAKING, SchemaChange, SchemaDiff, brief, display_address

__all__ = ["TODO", "Coverage", "Covered", "CoveringOp", "check_coverage", "coverage_json", "suggest_operations",
           "todos"]

Hooks = Mapping[str, Callable[..., Any]]

#: What a scaffolded op says where a person must decide; a step that still says it is not finished.
TODO = "TODO"


def todos(step: Any) -> list[str]:
    """Where a migration step still says ``TODO``: ``"operation 2 (remove_key at rl.x), why: TODO: ..."``."""
    found: list[str] = []
    if not isinstance(step, Mapping):
        return found
    for key, value in step.items():
        if key != "operations" and TODO in str(value):
            found.append(f"{key}: {value}")
    operations = step.get("operations")
    for number, op in enumerate(operations if isinstance(operations, list) else [], start=1):
        if not isinstance(op, Mapping):
            continue
        for key, value in op.items():
            if TODO in (value if isinstance(value, str) else repr(value)):
                found.append(f"operation {number} ({op.get('op')} at {op.get('at')}), {key}: {value}")
    return found


@dataclass(frozen=True)
class _Op:
    index: int
    op: str
    at: tuple[tuple[str, ...], ...]
    params: Mapping[str, Any]

    def label(self, at: tuple[str, ...]) -> CoveringOp:
        return CoveringOp(self.op, ".".join(at), self.index + 1)


@dataclass(frozen=True)
class CoveringOp:
    """An op of the step that covers a change: its name, the address it names, its 1-based position."""

    op: str
    at: str
    number: int

    def __str__(self) -> str:
        return f"{self.op} at {self.at} (operation {self.number})"


def _parse_ops(step: Mapping[str, Any] | None) -> list[_Op]:
    """The ops of a step that fits the step format (callers check it first: `steps.load_step`)."""
    ops = []
    for index, op in enumerate((step or {}).get("operations", [])):
        at = op.get("at", [])
        ats = [at] if isinstance(at, str) else list(at)
        ops.append(_Op(index, op["op"], tuple(tuple(a.split(".")) for a in ats), op))
    return ops


def _matches(pattern: tuple[str, ...], address: tuple[str, ...]) -> bool:
    """An op address names the same place (its ``*`` stands for any key, including a tracked ``*``)."""
    return len(pattern) == len(address) and all(p in (a, "*") for p, a in zip(pattern, address, strict=True))


def _is_prefix(pattern: tuple[str, ...], address: tuple[str, ...]) -> bool:
    return len(pattern) <= len(address) and _matches(pattern, address[:len(pattern)])


def _same(a: Any, b: Any) -> bool:
    return canonical(a) == canonical(b)


@dataclass(frozen=True)
class Covered:
    """One breaking change and what covers it (``by``), or what it still needs (``missing``)."""

    change: SchemaChange
    address: str  # where an op appended to the step would act (after the step's renames)
    needs: str
    by: tuple[CoveringOp, ...]

    @property
    def covered(self) -> bool:
        return bool(self.by)


@dataclass(frozen=True)
class Coverage:
    diff: SchemaDiff
    step_name: str
    items: tuple[Covered, ...]

    def uncovered(self) -> list[Covered]:
        return [item for item in self.items if not item.covered]

    def problems(self) -> list[str]:
        return [f"{item.change.where}: {item.change.title} ({item.change.detail}) is not covered by "
                f"{self.step_name}: needs {item.needs}" for item in self.uncovered()]


class _Tracker:
    """Checks one change against the ops, carrying its address through renames and moves."""

    def __init__(self, change: SchemaChange, ops: Sequence[_Op], hooks: Hooks | None) -> None:
        self.change, self.ops, self.hooks = change, ops, hooks
        self.address: tuple[str, ...] = tuple(change.address.split(".")) if change.address else ()
        self.by: list[CoveringOp] = []
        self.values_left = [canonical(v) for v in change.old or []] if change.kind == "values_removed" else []

    def run(self) -> None:
        for op in self.ops:
            for at in op.at:
                if self._covers(op, at):
                    self.by.append(op.label(at))
            for at in op.at:
                self._follow(op, at)
        if self.change.kind == "values_removed" and self.values_left:
            self.by.clear()  # partly covered is not covered

    def _follow(self, op: _Op, at: tuple[str, ...]) -> None:
        if not migration_ops()[op.op].moves_addresses:
            return
        if op.op == "rename_key" and _is_prefix(at, self.address) and isinstance(op.params.get("to"), str):
            self.address = (*self.address[:len(at) - 1], op.params["to"], *self.address[len(at):])
        elif op.op == "move" and _is_prefix(at, self.address) and isinstance(op.params.get("to"), str):
            self.address = (*op.params["to"].split("."), *self.address[len(at):])

    def _covers(self, op: _Op, at: tuple[str, ...]) -> bool:
        """Whether ``op`` at ``at`` covers the change: only the kinds the op table says it can
        cover are tried, then the rule of that kind says whether this op's parameters do."""
        spec = migration_ops()[op.op]
        exact = _matches(at, self.address)
        if spec.covers_enclosed and _is_prefix(at, self.address) and not exact:
            return True  # the enclosing object is gone, and everything in it
        kind, old, new = self.change.kind, self.change.old, self.change.new
        if kind not in spec.covers:
            return False
        if kind == "field_removed":
            return exact and op.op in ("remove_key", "rename_key", "move")
        if kind == "field_renamed":
            if op.op == "rename_key":
                return exact and op.params.get("to") == new
            return exact and op.op == "move" and op.params.get("to", "").split(".")[-1] == new
        if kind in ("class_renamed", "class_removed"):
            if kind == "class_removed" and (exact and op.op in ("remove_key", "rename_key", "move", "hook")):
                return True
            if not _matches(at, (*self.address, "_type")):
                return False
            if op.op == "map_values":
                target = op.params.get("map", {}).get(old)
                return target == new if kind == "class_renamed" else target is not None
            return op.op == "reject_value" and old in op.params.get("values", [])
        if kind == "values_removed":
            if not exact:
                return False
            if op.op == "hook":
                self.values_left = []
                return True
            key = "map" if op.op == "map_values" else "values" if op.op == "reject_value" else None
            if key is None:
                return False
            handled = op.params.get(key, {})
            texts = {canonical(v) for v in (handled if isinstance(handled, list) else list(handled))}
            hit = [v for v in self.values_left if v in texts]
            self.values_left = [v for v in self.values_left if v not in texts]
            return bool(hit)
        if kind == "default_changed":
            return exact and self._keeps_default(op, old, new)
        if kind == "field_required":
            return exact and op.op in ("set_default_if_absent", "set_value")
        # a narrowed type or constraint: a hook converts, a reject names what no longer fits; a
        # narrowed range may also be declared refused (`reject_invalid`, at the address or above)
        if kind in ("constraint_narrowed", "constraint_changed") and op.op == "reject_invalid":
            return _is_prefix(at, self.address)
        if not self.address:
            return op.op == "hook"
        return (op.op == "hook" and _is_prefix(at, self.address)) or (exact and op.op == "reject_value")

    def _keeps_default(self, op: _Op, old: Any, new: Any) -> bool:
        if op.op in ("set_default_if_absent", "set_value"):
            return _same(op.params.get("value"), old)
        if op.op == "map_values":
            mapping = op.params.get("map", {})
            return isinstance(old, str) and old in mapping and _same(mapping[old], new)
        if op.op == "hook" and self.hooks is not None and op.params.get("name") in self.hooks:
            try:
                result = self.hooks[op.params["name"]](copy.deepcopy(old), address=self.change.address,
                                                      **op.params.get("args", {}))
            except ValueError:
                return False
            return _same(result, new)
        return False


def _needs(change: SchemaChange, address: str) -> str:
    at = display_address(address)
    kind, old, new = change.kind, change.old, change.new
    if kind == "field_removed":
        return f"remove_key (or rename_key) at {at}"
    if kind == "field_renamed":
        return f"rename_key at {at} to {new!r}"
    if kind == "class_renamed":
        return f"map_values at {at}._type: {old!r} -> {new!r}"
    if kind == "class_removed":
        return f"remove_key at {at}, or map_values/reject_value of {old!r} at {at}._type"
    if kind == "values_removed":
        return f"map_values or reject_value at {at} for {', '.join(brief(v) for v in old or [])}"
    if kind == "default_changed":
        return (f"set_default_if_absent at {at} with value {brief(old)} (a pin of the old default), "
                "or a map_values/hook that turns it into the new default")
    if kind == "field_required":
        return f"set_default_if_absent (or set_value) at {at}"
    if kind in ("constraint_narrowed", "constraint_changed"):
        return f"a hook, reject_value or reject_invalid at {at}"
    return f"a hook or reject_value at {at}"


def check_coverage(diff: SchemaDiff, step: Mapping[str, Any] | None, *, step_name: str = MIGRATION_FILE,
                   hooks: Hooks | None = None) -> Coverage:
    """Which breaking changes of ``diff`` the step's operations cover. ``hooks`` (name -> function)
    lets a hook count as keeping a changed default when it turns the old default into the new one."""
    ops = _parse_ops(step)
    items = []
    for change in diff.changes:
        if change.classification != BREAKING or not change.placed:
            continue
        tracker = _Tracker(change, ops, hooks)
        tracker.run()
        address = ".".join(tracker.address)
        items.append(Covered(change, address, _needs(change, address), tuple(tracker.by)))
    return Coverage(diff, step_name, tuple(items))


def suggest_operations(coverage: Coverage) -> list[dict[str, Any]]:
    """Ops that cover what can be inferred among the uncovered changes, to append to the step.

    Renames come last, so the other ops can use the addresses the step leaves before them.
    """
    version = coverage.diff.new
    first: list[dict[str, Any]] = []
    last: list[dict[str, Any]] = []
    lost = {(c.address, t) for c in coverage.diff.changes if c.kind == "type_narrowed" for t in c.old or []}
    for item in coverage.uncovered():
        change, at = item.change, item.address
        if change.kind == "default_changed" and (change.address, json_type(change.old)) in lost:
            continue  # the old default is no longer a valid value: only a hook can say what it becomes
        if change.kind == "field_removed":
            first.append({"op": "remove_key", "at": at,
                          "why": f"{TODO}: removed in {version}; say why (or rename_key, if it lives on under another name)"})
        elif change.kind == "field_renamed":
            last.append({"op": "rename_key", "at": at, "to": change.new, "why": f"renamed in {version}"})
        elif change.kind == "class_renamed":
            first.append({"op": "map_values", "at": f"{at}._type", "map": {change.old: change.new},
                          "why": f"class renamed in {version}"})
        elif change.kind == "default_changed":
            op: dict[str, Any] = {"op": "set_default_if_absent", "at": at, "value": change.old}
            if "." in at:
                op["create_parents"] = True  # an absent group meant its defaults, the old default too
            op["why"] = (f"the default changed in {version}; configs that did not set it keep the old "
                         f"default ({TODO}: drop create_parents if an absent group meant something else)")
            first.append(op)
        elif change.kind == "values_removed" or (change.kind == "type_narrowed" and change.old == ["null"]):
            values = change.old if change.kind == "values_removed" else [None]
            first.append({"op": "reject_value", "at": at, "values": values,
                          "message": f"{{value}} at {{address}} is no longer accepted in {version}; choose another value",
                          "why": f"{TODO}: if the value has a replacement, map_values it instead"})
    return first + last


def coverage_json(coverage: Coverage, *, step_known: bool) -> dict[str, Any]:
    """The diff as JSON, each breaking change with what it ``needs`` and (when the step is known)
    the ops that cover it (``covered_by``, empty when none does)."""
    out = coverage.diff.to_json()
    out["step"] = coverage.step_name if step_known else None
    items = {id(item.change): item for item in coverage.items}
    for change, entry in zip(coverage.diff.changes, out["changes"], strict=True):
        item = items.get(id(change))
        entry["needs"] = item.needs if item is not None else None
        entry["covered_by"] = [str(op) for op in item.by] if item is not None and step_known else None
    return out
