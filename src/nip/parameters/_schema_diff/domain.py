"""What values a schema accepts, as far as its type goes: JSON types, literal values and classes.

A field may be ``{"type": ["integer", "null"]}``, an enum behind a ``$ref``, a class or null
(``anyOf``), or an enum plus a deprecated alias. `domain` reduces each of these to a `Domain`;
`compare` says what was narrowed and what was widened. Constraints (bounds, patterns) are compared
elsewhere.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .keywords import canonical
from .tree import SchemaTree

__all__ = ["Domain", "DomainChange", "compare", "domain", "json_type"]

_TYPES = ("null", "boolean", "integer", "number", "string", "array", "object")


def json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def _covers(types: frozenset[str], kind: str) -> bool:
    return kind in types or (kind == "integer" and "number" in types)


@dataclass(frozen=True)
class Domain:
    """``any``: no restriction; else the union of whole JSON types, literal values and classes."""

    any: bool = False
    types: frozenset[str] = frozenset()
    literals: frozenset[str] = frozenset()  # canonical JSON texts
    classes: frozenset[str] = frozenset()

    def union(self, other: Domain) -> Domain:
        if self.any or other.any:
            return ANY
        return Domain(False, self.types | other.types, self.literals | other.literals,
                      self.classes | other.classes)

    def intersect(self, other: Domain) -> Domain:
        if self.any:
            return other
        if other.any:
            return self
        types = frozenset(t for t in self.types if _covers(other.types, t)) | frozenset(
            t for t in other.types if _covers(self.types, t))
        literals = frozenset(
            lit for lit in self.literals
            if lit in other.literals or _covers(other.types, _literal_type(lit))
        ) | frozenset(lit for lit in other.literals if _covers(self.types, _literal_type(lit)))
        classes = frozenset(c for c in self.classes if c in other.classes or "object" in other.types)
        classes |= frozenset(c for c in other.classes if "object" in self.types)
        return Domain(False, types, literals, classes)

    def accepts_literal(self, text: str) -> bool:
        return self.any or text in self.literals or _covers(self.types, _literal_type(text))

    def value_types(self) -> frozenset[str]:
        """Every JSON type some accepted value has."""
        if self.any:
            return frozenset(_TYPES)
        return (self.types | frozenset(_literal_type(lit) for lit in self.literals)
                | (frozenset({"object"}) if self.classes else frozenset()))


ANY = Domain(any=True)


def _literal_type(text: str) -> str:
    return json_type(json.loads(text))


def domain(node: Any, tree: SchemaTree, *, depth: int = 0) -> Domain:
    """The domain of a schema node (its type keywords only; conditionals are left out)."""
    if node is True or not isinstance(node, Mapping) or depth > 16:
        return ANY
    if node is False:
        return Domain()
    alias = tree.alias_literal(node)
    if alias is not None:
        return Domain(literals=frozenset({canonical(alias)}))
    parts: list[Domain] = []
    if "type" in node:
        types = node["type"] if isinstance(node["type"], list) else [node["type"]]
        parts.append(Domain(types=frozenset(str(t) for t in types)))
    if "enum" in node:
        parts.append(Domain(literals=frozenset(canonical(v) for v in node["enum"])))
    if "const" in node:
        parts.append(Domain(literals=frozenset({canonical(node["const"])})))
    ref = node.get("$ref")
    if isinstance(ref, str):
        target = tree.target(ref)
        if target is None:
            parts.append(ANY)
        elif tree.is_class(target):
            parts.append(Domain(classes=frozenset({target})))
        else:
            parts.append(domain(tree.definitions[target], tree, depth=depth + 1))
    for key in ("anyOf", "oneOf"):
        if isinstance(node.get(key), list):
            union = Domain()
            for branch in node[key]:
                union = union.union(domain(branch, tree, depth=depth + 1))
            parts.append(union)
    for branch in node.get("allOf", []) or []:
        if isinstance(branch, Mapping) and "if" not in branch:
            parts.append(domain(branch, tree, depth=depth + 1))
    result = ANY
    for part in parts:
        result = result.intersect(part)
    return result


@dataclass(frozen=True)
class DomainChange:
    """What changed between two domains (each list is sorted and holds display texts)."""

    types_removed: tuple[str, ...] = ()
    types_added: tuple[str, ...] = ()
    values_removed: tuple[Any, ...] = ()
    values_added: tuple[Any, ...] = ()
    classes_removed: tuple[str, ...] = ()
    classes_added: tuple[str, ...] = ()


def compare(old: Domain, new: Domain, renamed: Mapping[str, str]) -> DomainChange:
    """How ``new`` differs from ``old``; ``renamed`` maps old class names to their new names."""
    if old.any and new.any:
        return DomainChange()
    if old.any or new.any:
        if old.any:
            return DomainChange(types_removed=tuple(sorted(set(_TYPES) - new.value_types()))
                                or ("(any value)",))
        return DomainChange(types_added=tuple(sorted(set(_TYPES) - old.value_types())) or ("(any value)",))
    old_classes = frozenset(renamed.get(c, c) for c in old.classes)
    types_removed = sorted(t for t in old.types if not _covers(new.types, t))
    types_added = sorted(t for t in new.types if not _covers(old.types, t))
    values_removed = sorted((lit for lit in old.literals if not new.accepts_literal(lit)), key=str)
    values_added = sorted(
        (lit for lit in new.literals if lit not in old.literals
         and not _covers(old.types, _literal_type(lit))), key=str)
    classes_removed = sorted(c for c in old_classes if c not in new.classes and "object" not in new.types)
    classes_added = sorted(c for c in new.classes if c not in old_classes and "object" not in old.types)
    return DomainChange(
        tuple(types_removed), tuple(types_added),
        tuple(json.loads(v) for v in values_removed), tuple(json.loads(v) for v in values_added),
        tuple(classes_removed), tuple(classes_added),
    )
