"""Every published schema version read into the facts the reference site shows.

The input is what the package ships under ``_schemas/<version>/`` (closed, inheritance flattened),
plus the ``allOf`` base of each class from ``schema/<version>/`` (the only place a class's base is
stated). Nothing here knows a field name: every fact comes from the schema keywords.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nip.parameters._schema_diff import diff
from nip.parameters._schema_diff.tree import SchemaTree, ref_name
from nip.parameters._schema_files import (
    BUNDLE_FILE,
    MIGRATION_FILE,
    NOT_GROUP_FILES,
    VOCABULARY_FILE,
)
from nip.parameters._validation.versions import version_key

__all__ = ["ClassDoc", "FieldDoc", "TypeDoc", "VersionDoc", "json_value", "load_versions"]

_FIELD_CHANGE_KINDS = {
    "field_added", "field_renamed", "field_required", "field_optional", "type_narrowed",
    "type_widened", "values_removed", "values_added", "default_changed", "constraint_narrowed",
    "constraint_widened", "constraint_changed",
}
_CLASS_CHANGE_KINDS = {"class_added", "class_renamed", "type_added", "type_renamed"}
_RANGE_WORDS = (("minimum", "≥"), ("exclusiveMinimum", ">"), ("maximum", "≤"), ("exclusiveMaximum", "<"))


def json_value(value: Any) -> str:
    """A value as a JSON/YAML config writes it (``false``, ``null``, ``"tanh"``)."""
    return json.dumps(value, ensure_ascii=False)


@dataclass
class Change:
    version: str
    added: bool  # "added in" rather than "changed in"
    text: str


@dataclass
class FieldDoc:
    name: str
    owner: str  # the class whose entry describes it (a base, for an inherited field)
    description: str
    type_text: str  # JSON/YAML type, in words ("integer or null")
    type_links: list[str]  # the named definitions the type refers to
    default: str | None  # JSON text; None when the field has no default
    required: bool
    range_text: str  # "≥ 0 and < 1", or ""
    enum: list[tuple[str, str]]  # (JSON text of a value, its meaning)
    deprecations: list[str]
    behaviours: list[tuple[str, str, str]]  # (x- keyword, its JSON value, what it means)
    addresses: list[str]
    changes: list[Change] = field(default_factory=list)
    schema: dict[str, Any] = field(default_factory=dict)  # the published property, for tests


@dataclass
class ClassDoc:
    name: str
    group: str
    description: str
    base: str | None
    subclasses: list[str]
    own: list[FieldDoc]
    inherited: list[FieldDoc]  # described on a base's entry; shown on this class too
    addresses: list[str]
    used_by: list[tuple[str, str]]  # (root field, JSON value): used when that field has that value
    behaviours: list[tuple[str, str, str]]
    changes: list[Change] = field(default_factory=list)


@dataclass
class TypeDoc:
    """A named definition that is not a class: an enum or a union of classes."""

    name: str
    group: str
    description: str
    values: list[tuple[str, str]]
    members: list[str]  # the classes of a union
    deprecations: list[str]


@dataclass
class VersionDoc:
    version: str
    current: bool
    description: str
    groups: list[str]
    classes: dict[str, ClassDoc]
    types: dict[str, TypeDoc]

    def in_group(self, group: str) -> tuple[list[ClassDoc], list[TypeDoc]]:
        return ([c for c in self.classes.values() if c.group == group],
                [t for t in self.types.values() if t.group == group])


def load_versions(published_root: Path, schema_root: Path) -> list[VersionDoc]:
    """Every shipped version, current (newest) first."""
    names = sorted((p.name for p in published_root.iterdir() if (p / BUNDLE_FILE).is_file()),
                   key=lambda name: version_key(name) or (-1, -1))
    files = {v: _read_dir(published_root / v) for v in names}
    docs = []
    for index, version in enumerate(names):
        previous = names[index - 1] if index else None
        changes = (diff(files[previous], files[version], old_label=previous, new_label=version).changes
                   if previous else ())
        docs.append(_Reader(version, files[version], schema_root / version, changes,
                            current=index == len(names) - 1).read())
    return list(reversed(docs))


def _read_dir(folder: Path) -> dict[str, Any]:
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))}


class _Reader:
    def __init__(self, version: str, files: dict[str, Any], source: Path, changes: Any,
                 *, current: bool) -> None:
        self.version, self.files, self.current = version, files, current
        self.tree = SchemaTree.from_files(version, files)
        self.defs = self.tree.definitions
        self.vocabulary = _vocabulary(files, source.parent)
        self.bases = _bases(source)
        self.changes = changes

    def read(self) -> VersionDoc:
        groups = [name.removesuffix(".json") for name in self.files if name not in NOT_GROUP_FILES
                  and isinstance(self.files[name], dict) and "$defs" in self.files[name]]
        group_of = {d: g for g in groups for d in self.files[f"{g}.json"]["$defs"]}
        order = {g: i for i, g in enumerate(self.files[BUNDLE_FILE].get("x-module-order", groups))}
        groups.sort(key=lambda g: order.get(g, len(order)))
        used_by = self._used_by()
        classes: dict[str, ClassDoc] = {}
        for name in self.tree.classes():
            classes[name] = self._class(name, group_of.get(name, ""), used_by.get(name, []))
        for doc in classes.values():
            doc.subclasses = [c.name for c in classes.values() if c.base == doc.name]
            doc.addresses = self._addresses(doc.name, classes)
        for doc in classes.values():
            for item in doc.own:
                item.addresses = [f"{a}.{item.name}" if a else item.name for a in doc.addresses]
        types = {name: self._type(name, group_of.get(name, "")) for name in self.defs
                 if not self.tree.is_class(name)}
        self._attach_changes(classes)
        description = str((self.files.get(MIGRATION_FILE) or {}).get("description", ""))
        return VersionDoc(self.version, self.current, description, groups, classes, types)

    # -- classes and fields ------------------------------------------------------------------

    def _class(self, name: str, group: str, used_by: list[tuple[str, str]]) -> ClassDoc:
        definition = self.defs[name]
        base = self.bases.get(name)
        base_props = self.defs[base].get("properties", {}) if base in self.defs else {}
        own: list[FieldDoc] = []
        inherited: list[FieldDoc] = []
        required = set(definition.get("required", []))
        for prop, node in definition.get("properties", {}).items():
            inherited_here = base_props.get(prop) == node
            owner = self._owner(base, prop, node) if inherited_here else name
            doc = self._field(prop, owner, node, prop in required)
            (inherited if inherited_here else own).append(doc)
        return ClassDoc(name, group, str(definition.get("$comment") or definition.get("description") or ""),
                        base, [], own, inherited, [], used_by, self._behaviours(definition))

    def _owner(self, base: str | None, prop: str, node: Any) -> str:
        """The highest class up the base chain that declares `prop` exactly so."""
        owner = base
        while owner is not None:
            parent = self.bases.get(owner)
            if parent is None or self.defs.get(parent, {}).get("properties", {}).get(prop) != node:
                return owner
            owner = parent
        raise AssertionError("unreachable: an inherited field has an owner")

    def _field(self, name: str, owner: str, node: dict[str, Any], required: bool) -> FieldDoc:
        type_text, links = self._type_text(node)
        deprecations = [str(b.get("deprecationMessage") or f"{_alias(b)} is deprecated")
                        for b in _branches(node) if b.get("deprecated")]
        if node.get("deprecated") and not deprecations:
            deprecations.append(str(node.get("deprecationMessage", "deprecated")))
        return FieldDoc(
            name=name, owner=owner, description=str(node.get("description", "")),
            type_text=type_text, type_links=links,
            default=json_value(node["default"]) if "default" in node else None,
            required=required, range_text=_range(node), enum=self._enum_of(node),
            deprecations=deprecations, behaviours=self._behaviours(node), addresses=[], schema=node)

    def _type_text(self, node: dict[str, Any]) -> tuple[str, list[str]]:
        parts: list[str] = []
        links: list[str] = []
        for branch in _branches(node):
            if branch.get("deprecated"):
                continue
            text = self._one_type(branch, links)
            if text and text not in parts:
                parts.append(text)
        return " or ".join(parts) or "any value", links

    def _one_type(self, node: dict[str, Any], links: list[str]) -> str:
        if "$ref" in node:
            target = ref_name(node["$ref"])[1]
            links.append(target)
            if self.tree.is_class(target):
                return f"object ({target})"
            values = self.defs.get(target, {}).get("enum")
            return f"string ({target})" if values else target
        if "const" in node:
            return f"the constant {json_value(node['const'])}"
        kinds = node.get("type")
        kinds = [kinds] if isinstance(kinds, str) else list(kinds or [])
        words = []
        for kind in kinds:
            if kind == "array" and isinstance(node.get("items"), dict):
                words.append(f"array of {self._one_type(node['items'], links)}")
            elif kind == "object" and isinstance(node.get("additionalProperties"), dict):
                words.append(f"object of {self._one_type(node['additionalProperties'], links)}")
            else:
                words.append(kind)
        if "enum" in node:
            words = [words[0] if words else "value"]
        return " or ".join(words)

    def _enum_of(self, node: dict[str, Any]) -> list[tuple[str, str]]:
        for branch in _branches(node):
            if branch.get("deprecated"):
                continue
            target = ref_name(branch["$ref"])[1] if "$ref" in branch else None
            source = self.defs.get(target, {}) if target else branch
            if "enum" in source:
                return _values(source)
        return []

    def _behaviours(self, node: dict[str, Any]) -> list[tuple[str, str, str]]:
        return [(key, json_value(value), self.vocabulary.get(key, ""))
                for key, value in node.items() if key.startswith("x-")]

    def _type(self, name: str, group: str) -> TypeDoc:
        definition = self.defs[name]
        members = sorted({ref_name(r)[1] for r in _refs(definition)} & set(self.tree.classes()))
        return TypeDoc(name, group, str(definition.get("$comment") or definition.get("description") or ""),
                       _values(definition), members,
                       [str(b.get("deprecationMessage")) for b in _branches(definition) if b.get("deprecated")])

    # -- where a class stands, and who uses it -----------------------------------------------

    def _addresses(self, name: str, classes: dict[str, ClassDoc]) -> list[str]:
        places = list(self.tree.places.get(name, []))
        if not places:  # a base that stands only through its subclasses
            for sub in classes[name].subclasses:
                places += [p for p in self._addresses(sub, classes) if p not in places]
        return [_display(p) for p in places]

    def _used_by(self) -> dict[str, list[tuple[str, str]]]:
        """Conditions of the root (``if scenario is X then agents are Y``) and root fields named
        after a value of a root enum (``spg`` is read when ``trainer`` is ``spg``)."""
        root = self.defs[self.tree.root]
        found: dict[str, list[tuple[str, str]]] = {}
        for rule in root.get("allOf", []):
            for key, cond in (rule.get("if", {}).get("properties") or {}).items():
                if "const" in cond:
                    for ref in _refs(rule.get("then", {})):
                        found.setdefault(ref_name(ref)[1], []).append(
                            (key, json_value(cond["const"])))
        enums: dict[Any, str] = {}  # a value of a root enum -> the root field it selects with
        for key, node in root.get("properties", {}).items():
            for value, _ in self._enum_of(node):
                enums.setdefault(json.loads(value), key)
        for key, node in root.get("properties", {}).items():
            for candidate in dict.fromkeys((key, key.removesuffix("_protocol"))):
                selector = enums.get(candidate)
                if selector is not None and selector != key:
                    for ref in _refs(node):
                        found.setdefault(ref_name(ref)[1], []).append(
                            (selector, json_value(candidate)))
                    break
        return {k: list(dict.fromkeys(v)) for k, v in found.items()}

    def _attach_changes(self, classes: dict[str, ClassDoc]) -> None:
        seen: set[tuple[str, str, str]] = set()
        for change in self.changes:
            if change.kind in _CLASS_CHANGE_KINDS:
                name = change.classes[-1]
                if name in classes and (name, "", change.kind) not in seen:
                    seen.add((name, "", change.kind))
                    classes[name].changes.append(
                        Change(self.version, change.kind == "class_added", f"{change.title}: {change.detail}"))
                continue
            if change.kind not in _FIELD_CHANGE_KINDS:
                continue
            field_name = change.new_address.rsplit(".", 1)[-1]
            for class_name in change.classes:
                target = _entry_of(classes, class_name, field_name)
                key = (class_name, field_name, f"{change.kind}{change.detail}")
                if target is None or key in seen:
                    continue
                seen.add(key)
                old = f" (was ``{change.address}``)" if change.address != change.new_address else ""
                target.changes.append(Change(self.version, change.kind == "field_added",
                                             f"{change.title}{old}: {change.detail}"))


def _entry_of(classes: dict[str, ClassDoc], class_name: str, field_name: str) -> FieldDoc | None:
    """The entry that describes a field of a class: its own, or its owner's when inherited."""
    doc = classes.get(class_name)
    if doc is None:
        return None
    for item in doc.own:
        if item.name == field_name:
            return item
    owner = next((f.owner for f in doc.inherited if f.name == field_name), None)
    return _entry_of(classes, owner, field_name) if owner else None


def _vocabulary(files: dict[str, Any], schema_root: Path) -> dict[str, str]:
    words: dict[str, str] = {}
    document = json.loads((schema_root / VOCABULARY_FILE).read_text(encoding="utf-8"))
    for section in document.values():
        if isinstance(section, dict):
            words.update({k: str(v) for k, v in section.items()})
    return words


def _bases(source: Path) -> dict[str, str]:
    """Class -> base class, from the authoring schema's ``allOf: [{"$ref": base}]``."""
    bases = {}
    for path in sorted(source.glob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        for name, definition in (document.get("$defs") or {}).items():
            for part in definition.get("allOf", []) if isinstance(definition, dict) else []:
                if isinstance(part, dict) and isinstance(part.get("$ref"), str):
                    bases[name] = ref_name(part["$ref"])[1]
    return bases


def _branches(node: dict[str, Any]) -> list[dict[str, Any]]:
    branches = node.get("anyOf") or node.get("oneOf")
    return [b for b in branches if isinstance(b, dict)] if branches else [node]


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return found + [r for key, value in node.items() if key != "$ref" for r in _refs(value)]
    if isinstance(node, list):
        return [r for item in node for r in _refs(item)]
    return []


def _values(definition: dict[str, Any]) -> list[tuple[str, str]]:
    values = definition.get("enum", [])
    meanings = definition.get("enumDescriptions") or [""] * len(values)
    return [(json_value(v), str(m)) for v, m in zip(values, meanings, strict=False)]


def _range(node: dict[str, Any]) -> str:
    for branch in _branches(node):
        words = [f"{sign} {json_value(branch[key])}" for key, sign in _RANGE_WORDS if key in branch]
        if words:
            return " and ".join(words)
    return ""


def _alias(branch: dict[str, Any]) -> str:
    match = re.fullmatch(r"\^(.*)\$", str(branch.get("pattern", "")))
    return json_value(match.group(1)) if match else "this value"


def _display(address: str) -> str:
    """``agents.*.update_schedule`` as a user writes it: ``agents.<name>.update_schedule``."""
    return ".".join("<name>" if p == "*" else "<index>" if p == "[]" else p
                    for p in address.split(".")) if address else ""
