"""`diff`: every change from one published schema version to the next, at its config address."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .compare import Comparer
from .model import BREAKING, COMPATIBLE, KINDS, SchemaChange, SchemaDiff
from .tree import SchemaTree, join

__all__ = ["diff", "diff_trees"]

_ORDER = {BREAKING: 0, COMPATIBLE: 1, "annotation": 2}


def diff(old_files: Mapping[str, Any], new_files: Mapping[str, Any], *, old_label: str = "old",
         new_label: str = "new") -> SchemaDiff:
    """Compare two published versions, each given as ``{file name: document}``."""
    return diff_trees(SchemaTree.from_files(old_label, old_files), SchemaTree.from_files(new_label, new_files))


def _pair_definitions(old: SchemaTree, new: SchemaTree) -> dict[str, str]:
    """old name -> new name, for every definition in both (same name, or `x-renamed-from`)."""
    pairs = {name: name for name in new.definitions if name in old.definitions}
    for name, definition in new.definitions.items():
        source = definition.get("x-renamed-from")
        if name not in old.definitions and isinstance(source, str) and source in old.definitions \
                and source not in new.definitions:
            pairs[source] = name
    return pairs


class _Addresses:
    """Carries an old config address into the new tree, through the fields renamed on the way."""

    def __init__(self) -> None:
        self.renames: dict[str, dict[str, str]] = {}  # old parent address -> {old key: new key}

    def add(self, parent: str, old_key: str, new_key: str) -> None:
        self.renames.setdefault(parent, {})[old_key] = new_key

    def translate(self, address: str) -> str:
        if not address:
            return address
        old_prefix, new_parts = "", []
        for part in address.split("."):
            new_parts.append(self.renames.get(old_prefix, {}).get(part, part))
            old_prefix = join(old_prefix, part)
        return ".".join(new_parts)


def _extend(address: str, path: tuple[str, ...]) -> str:
    for part in path:
        address = join(address, part)
    return address


def diff_trees(old: SchemaTree, new: SchemaTree) -> SchemaDiff:
    return _Differ(old, new).run()


class _Differ:
    def __init__(self, old: SchemaTree, new: SchemaTree) -> None:
        self.old, self.new = old, new
        self.pairs = _pair_definitions(old, new)
        self.renamed = {o: n for o, n in self.pairs.items() if o != n}
        self.addresses = _Addresses()
        self.found: list[SchemaChange] = []

    def run(self) -> SchemaDiff:
        comparer = Comparer(self.old, self.new, self.renamed)
        relative = {o: comparer.compare_class(o, n) for o, n in self.pairs.items()
                    if self.old.is_class(o) and self.new.is_class(n)}
        for old_name, changes in relative.items():
            for change in changes:
                if change.kind == "field_renamed":
                    for place in self.old.places.get(old_name, []):
                        self.addresses.add(_extend(place, change.old_path[:-1]), str(change.old), str(change.new))
        self._definitions()
        for old_name, changes in relative.items():
            # a class no config holds (an abstract base) is left out: its heirs show its changes
            for place in self.old.places.get(old_name, []):
                new_place = self.addresses.translate(place)
                for change in changes:
                    self._add(change.kind, _extend(place, change.old_path), _extend(new_place, change.new_path),
                              change.detail, (self.pairs[old_name],), change.old, change.new,
                              change.classified())
        return SchemaDiff(self.old.label, self.new.label, _merged(self.found))

    def _add(self, kind: str, address: str, new_address: str, detail: str, classes: tuple[str, ...],
             old_value: Any = None, new_value: Any = None, classification: str | None = None,
             placed: bool = True) -> None:
        self.found.append(SchemaChange(kind, classification or KINDS[kind][1], address, new_address, detail,
                                       classes, old_value, new_value, placed))

    def _definitions(self) -> None:
        """Classes and named types added, removed or renamed, at each place a config holds them."""
        for name in self.new.definitions:
            if name not in self.pairs.values():
                kind = "class_added" if self.new.is_class(name) else "type_added"
                places = self.new.places.get(name, [])
                for place in places:
                    self._add(kind, place, place, name, (name,), None, name)
                if not places:
                    self._add(kind, name, name, name, (name,), None, name, placed=False)
        for name in self.old.definitions:
            if name in self.pairs:
                continue
            if not self.old.is_class(name):
                self._add("type_removed", name, name, name, (name,), name, None, placed=False)
            self._each_place(name, name, "class_removed", name, (name,), name, None)
        for old_name, new_name in self.renamed.items():
            names = (old_name, new_name)
            if not self.old.is_class(old_name):
                self._add("type_renamed", old_name, new_name, f"{old_name} -> {new_name}", names, *names,
                          placed=False)
            else:
                self._each_place(old_name, new_name, "class_renamed", f"{old_name} -> {new_name}", names, *names)

    def _each_place(self, old_name: str, new_name: str, kind: str, detail: str, classes: tuple[str, ...],
                    old_value: Any, new_value: Any) -> None:
        """A change of a whole class at each place it held; once, as compatible, if it held none."""
        if not self.old.is_class(old_name):
            return
        places = self.old.places.get(old_name, [])
        for place in places:
            self._add(kind, place, self.addresses.translate(place), detail, classes, old_value, new_value)
        if not places:
            self._add(kind, old_name, new_name, detail, classes, old_value, new_value, COMPATIBLE, placed=False)


def _merged(changes: list[SchemaChange]) -> tuple[SchemaChange, ...]:
    """One entry per (address, kind, detail): the same change in several classes names them all."""
    merged: dict[tuple[str, str, str, str], SchemaChange] = {}
    for change in changes:
        key = (change.address, change.new_address, change.kind, change.detail)
        if key in merged:
            before = merged[key]
            classes = tuple(dict.fromkeys(before.classes + change.classes))
            merged[key] = SchemaChange(before.kind, before.classification, before.address, before.new_address,
                                       before.detail, classes, before.old, before.new, before.placed)
        else:
            merged[key] = change
    return tuple(sorted(merged.values(), key=lambda c: (_ORDER[c.classification], c.address, c.kind, c.detail)))
