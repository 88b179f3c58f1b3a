"""Applying the operations of a step file to a config dict (already a private deep copy).

Addresses are dotted paths into the dict (``spg.sos_a_param``); ``*`` matches every key at its level
(``agents.*.d_gnn``). A missing parent means "nothing to do here"; a value a step cannot place is an
error, never dropped.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, MutableMapping
from typing import Any

from .._migration_ops import migration_ops
from ..errors import MigrationError, warn
from .hooks import HOOKS
from .report import ABSENT, Change
from .steps import DataStep, Operation

__all__ = ["applier_of", "apply_step", "like"]

Path = tuple[str, ...]


def _dotted(path: Path) -> str:
    return ".".join(path)


def like(old: Any, new: Any) -> Any:
    """``new`` in the style of ``old``: a quoted YAML string stays quoted (ruamel.yaml keeps the
    quoting in a ``str`` subclass)."""
    if isinstance(old, str) and isinstance(new, str) and type(old) is not str:
        try:
            return type(old)(new)
        except TypeError:
            return new
    return new


def _same(a: Any, b: Any) -> bool:
    """Equal and of the same JSON type (``1``, ``1.0`` and ``true`` are three different values)."""
    return type(a) is type(b) and a == b


def _matches(node: Any, parts: list[str], path: Path) -> Iterator[tuple[MutableMapping[str, Any], str, Path]]:
    """Every (parent mapping, key, full path) an address names; the key itself may be absent."""
    if not isinstance(node, MutableMapping):
        return
    head, rest = parts[0], parts[1:]
    keys = list(node) if head == "*" else [head]
    for key in keys:
        if not rest:
            yield node, key, (*path, key)
        elif key in node:
            yield from _matches(node[key], rest, (*path, key))


def _rename(parent: MutableMapping[str, Any], old: str, new: str, keep_order: bool) -> None:
    if not keep_order:  # nip's behaviour: the renamed key moves to the end
        parent[new] = parent.pop(old)
        return
    keys = list(parent)
    position = keys.index(old)
    comments = getattr(getattr(parent, "ca", None), "items", None)
    if hasattr(parent, "insert"):  # ruamel.yaml CommentedMap: keep the key's comment with it
        value = parent.pop(old)
        parent.insert(position, new, value)
        if comments is not None and old in comments:
            comments[new] = comments.pop(old)
        return
    items = [(new if key == old else key, value) for key, value in parent.items()]
    parent.clear()
    parent.update(items)


class _Applier:
    def __init__(self, data: dict[str, Any], step: DataStep, keep_key_order: bool) -> None:
        self.data = data
        self.step = step
        self.keep_key_order = keep_key_order
        self.changes: list[Change] = []
        self.warnings: list[str] = []

    def error(self, op: Operation, message: str) -> MigrationError:
        return MigrationError(f"migration {self.step.name}: {message}")

    def record(self, op: Operation, address: Path, old: Any, new: Any, new_address: Path | None = None,
               note: str | None = None) -> None:
        self.changes.append(Change(
            kind=op.op,
            address=_dotted(address),
            old=copy.deepcopy(old),
            new=copy.deepcopy(new),
            step=self.step.name,
            new_address=_dotted(new_address) if new_address is not None else None,
            note=note if note is not None else op.why,
        ))

    def each(self, op: Operation, present: bool = True) -> Iterator[tuple[MutableMapping[str, Any], str, Path]]:
        for address in op.at:
            for parent, key, path in list(_matches(self.data, address.split("."), ())):
                if not present or key in parent:
                    yield parent, key, path

    # --- operations -------------------------------------------------------------------------

    def rename_key(self, op: Operation) -> None:
        new = op.params["to"]
        for parent, key, path in self.each(op):
            if key == new:
                continue
            target = (*path[:-1], new)
            if new in parent:
                raise self.error(op, f"cannot rename {_dotted(path)} to {_dotted(target)}: "
                                     f"{_dotted(target)} already exists (value {parent[new]!r})")
            value = parent[key]
            _rename(parent, key, new, self.keep_key_order)
            self.record(op, path, value, value, new_address=target)

    def move(self, op: Operation) -> None:
        destination = tuple(op.params["to"].split("."))
        for parent, key, path in self.each(op):
            node: Any = self.data
            for depth, part in enumerate(destination[:-1]):
                if part not in node:
                    node[part] = {}
                node = node[part]
                if not isinstance(node, MutableMapping):
                    raise self.error(op, f"cannot move {_dotted(path)} to {_dotted(destination)}: "
                                         f"{_dotted(destination[:depth + 1])} is not an object")
            last = destination[-1]
            if last in node:
                raise self.error(op, f"cannot move {_dotted(path)} to {_dotted(destination)}: "
                                     f"{_dotted(destination)} already exists")
            value = parent[key]
            if node is parent:
                _rename(parent, key, last, self.keep_key_order)
            else:
                node[last] = parent.pop(key)
            self.record(op, path, value, value, new_address=destination)

    def map_values(self, op: Operation) -> None:
        mapping = op.params["map"]
        for parent, key, path in self.each(op):
            old = parent[key]
            if isinstance(old, str) and old in mapping:
                parent[key] = like(old, mapping[old])
                self.record(op, path, old, mapping[old])

    def set_value(self, op: Operation) -> None:
        value = op.params["value"]
        for parent, key, path in self.each(op, present=False):
            old = parent.get(key, ABSENT)
            if old is not ABSENT and _same(old, value):
                continue
            parent[key] = like(old, copy.deepcopy(value))
            self.record(op, path, old, value)

    def remove_key(self, op: Operation) -> None:
        for parent, key, path in self.each(op):
            _keep_comments_below(parent, key)
            old = parent.pop(key)
            comments = getattr(getattr(parent, "ca", None), "items", None)
            if comments is not None:
                comments.pop(key, None)
            self.record(op, path, old, ABSENT)

    def set_default_if_absent(self, op: Operation) -> None:
        value = op.params["value"]
        if op.params.get("create_parents"):
            for address in op.at:
                self._create_parents(op, address.split("."))
        for parent, key, path in self.each(op, present=False):
            if key not in parent:
                parent[key] = copy.deepcopy(value)
                self.record(op, path, ABSENT, value)

    def _create_parents(self, op: Operation, parts: list[str]) -> None:
        """Make each exact parent of ``parts`` an object: an absent or ``null`` group means defaults."""
        def walk(node: MutableMapping[str, Any], rest: list[str], path: Path) -> None:
            if len(rest) == 1:
                return
            head = rest[0]
            keys = list(node) if head == "*" else [head]
            for key in keys:
                if head != "*" and node.get(key) is None:
                    old = node.get(key, ABSENT)
                    node[key] = {}
                    self.record(op, (*path, key), old, {}, note="created to hold the default below")
                child = node.get(key)
                if isinstance(child, MutableMapping):
                    walk(child, rest[1:], (*path, key))

        walk(self.data, parts, ())

    def reject_value(self, op: Operation) -> None:
        values = op.params["values"]
        for parent, key, path in self.each(op):
            value = parent[key]
            if any(_same(value, bad) for bad in values):
                message = str(op.params["message"]).format(value=value, address=_dotted(path))
                raise self.error(op, f"{_dotted(path)}: {message}")

    def hook(self, op: Operation) -> None:
        func = HOOKS[op.params["name"]]
        args = op.params.get("args", {})
        for parent, key, path in self.each(op):
            old = parent[key]
            try:
                new = func(copy.deepcopy(old), address=_dotted(path), **args)
            except MigrationError as err:
                raise self.error(op, str(err)) from None
            if not _same(old, new):
                parent[key] = new
                self.record(op, path, old, new, note=op.why or f"hook {op.params['name']}")

    def reject_invalid(self, op: Operation) -> None:
        """A declaration, checked after the last step: a value at or below ``at`` that the new
        version's schema refuses (a narrowed range) is not converted; the check of the result
        reports it at its address, with ``why`` as the note."""

    def warn(self, op: Operation) -> None:
        message = str(op.params["message"])
        self.warnings.append(message)
        warn(message)


def _tail(node: Any, key: Any) -> tuple[Any, Any, int]:
    """Where ruamel.yaml keeps the comments under an entry: with the entry, or with the last entry
    inside its value (a mapping's in slot 2 of ``ca.items[key]``, a list's in slot 0)."""
    value = node[key]
    while isinstance(value, (dict, list)) and value and hasattr(value, "ca"):
        node, key = value, (list(value)[-1] if isinstance(value, dict) else len(value) - 1)
        value = node[key]
    return node, key, 0 if isinstance(node, list) else 2


def _keep_comments_below(parent: Any, key: str) -> None:
    """Removing a key of a ruamel.yaml mapping must not drop the full-line comments under it
    (ruamel.yaml files them with the key above them): they go to the entry before it, or before
    the entry after it. The comment on the key's own line goes with the key."""
    owner, at, slot = _tail(parent, key)
    entry = getattr(getattr(owner, "ca", None), "items", {}).get(at)
    token: Any = entry[slot] if entry and len(entry) > slot else None
    if token is None or "\n" not in token.value:
        return
    below = token.value.split("\n", 1)[1]
    if not below.strip():
        return
    keys = list(parent)
    place = keys.index(key)
    if place > 0:  # after the entry above: the comments keep their place in the text
        owner, at, slot = _tail(parent, keys[place - 1])
        entry = owner.ca.items.setdefault(at, [None, None, None, None])
        if entry[slot] is None:
            entry[slot] = type(token)("\n" + below, token.start_mark)
        else:
            entry[slot].value += below
    elif place + 1 < len(keys):  # before the entry below, one comment line at a time
        lines = []
        for line in below.splitlines():
            text = line.lstrip(" ")
            mark = copy.copy(token.start_mark)
            mark.column = len(line) - len(text)
            lines.append(type(token)(text + "\n" if text else "\n", mark))
        entry = parent.ca.items.setdefault(keys[place + 1], [None, None, None, None])
        entry[1] = lines + (entry[1] or [])


def apply_step(data: dict[str, Any], step: DataStep, *, keep_key_order: bool = False) -> tuple[list[Change], list[str]]:
    """Apply every operation of ``step`` to ``data`` in place; return the changes and warnings."""
    applier = _Applier(data, step, keep_key_order)
    for op in step.operations:
        applier_of(op.op)(applier, op)
    return applier.changes, applier.warnings


def applier_of(name: str) -> Any:
    """How the op ``name`` of the table (`_migration_ops`) is applied: the method of that name."""
    if name not in migration_ops():
        raise MigrationError(f"unknown migration op {name!r}")
    return getattr(_Applier, name)
