"""Comparing two published schemas node by node: a class, a field, a subschema.

Every change is found relative to the node compared (``("anneal_lr",)`` inside a class); `differ`
then places it at each config address where the class stands. Conditional rules (``if``/``then``)
are matched by their condition; a keyword in a ``then`` branch that only restates what the field
itself declares (``type``, a limit) is not a change.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .domain import Domain, compare, domain, json_type
from .keywords import ANNOTATION_KEYWORDS, COMPLETION_KEYWORD, STEP_KEYWORDS, canonical
from .model import BREAKING, COMPATIBLE, KINDS, brief
from .tree import SchemaTree

__all__ = ["Comparer", "RelChange", "describe"]

Path = tuple[str, ...]

_LOWER = ("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties", "minContains")
_UPPER = ("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties", "maxContains")
_TYPE_KEYWORDS = frozenset({"type", "enum", "const", "$ref", "anyOf", "oneOf"})
_STRUCTURE = frozenset({"properties", "required", "additionalProperties", "items", "prefixItems",
                        "allOf", "if", "then", "else"})
_IDENTITY = frozenset({"$id", "$schema", "$anchor", "$defs"})
_DEFAULTS = frozenset({"default", "x-env-default"})
_FOLDED_VENDOR = frozenset({"x-alias-of"})  # part of the domain (a deprecated value)
_HANDLED = (ANNOTATION_KEYWORDS | _TYPE_KEYWORDS | _STRUCTURE | _IDENTITY | _DEFAULTS | STEP_KEYWORDS
            | _FOLDED_VENDOR | frozenset(_LOWER) | frozenset(_UPPER) | frozenset({"pattern", "uniqueItems"}))
_ABSENT = object()


@dataclass(frozen=True)
class RelChange:
    """A change found inside one node, at ``old_path``/``new_path`` relative to it."""

    old_path: Path
    new_path: Path
    kind: str
    detail: str
    old: Any = None
    new: Any = None
    classification: str | None = None  # None: the kind's usual classification

    def classified(self) -> str:
        return self.classification or KINDS[self.kind][1]


def describe(d: Domain) -> str:
    """A domain in words: ``integer or null``, ``one of "a", "b"``, ``RlTrainerParameters or null``."""
    if d.any:
        return "any value"
    parts = sorted(d.classes) + sorted(d.types)
    if d.literals:
        values = sorted(d.literals)
        parts.insert(0, ("one of " if len(values) > 1 else "") + ", ".join(values))
    return " or ".join(parts) if parts else "no value"


def _value(node: Mapping[str, Any], key: str) -> Any:
    return node.get(key, _ABSENT)


def _unchanged(before: Any, after: Any) -> bool:
    """The same JSON value, or absent on both sides (``_ABSENT``)."""
    if before is _ABSENT or after is _ABSENT:
        return before is after
    return canonical(before) == canonical(after)


def _show(value: Any) -> str:
    return "(absent)" if value is _ABSENT else brief(value)


def _jsonable(value: Any) -> Any:
    return None if value is _ABSENT else value


def _without_types(node: Any) -> Any:
    """A condition without its ``type`` keywords: they only decide which branch rejects a value of
    the wrong type, which both branches' classes reject anyway."""
    if isinstance(node, dict):
        return {k: _without_types(v) for k, v in node.items() if k != "type" and k not in ANNOTATION_KEYWORDS}
    if isinstance(node, list):
        return [_without_types(item) for item in node]
    return node


_APPLIES_TO = {
    **dict.fromkeys(("minLength", "maxLength", "pattern"), ("string",)),
    **dict.fromkeys(("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"), ("integer", "number")),
    **dict.fromkeys(("minItems", "maxItems", "uniqueItems", "minContains", "maxContains"), ("array",)),
    **dict.fromkeys(("minProperties", "maxProperties"), ("object",)),
}


def _fits(key: str, bound: Any, value: Any) -> bool:
    """Whether a literal ``value`` keeps the bound ``key: bound`` (True if the bound does not apply)."""
    if json_type(value) not in _APPLIES_TO[key]:
        return True
    size = len(value) if isinstance(value, str | list | dict) else value
    checks = {
        "minLength": lambda: size >= bound, "maxLength": lambda: size <= bound,
        "minimum": lambda: value >= bound, "maximum": lambda: value <= bound,
        "exclusiveMinimum": lambda: value > bound, "exclusiveMaximum": lambda: value < bound,
        "minItems": lambda: size >= bound, "maxItems": lambda: size <= bound,
        "minProperties": lambda: size >= bound, "maxProperties": lambda: size <= bound,
        "pattern": lambda: re.search(bound, value) is not None,
    }
    check = checks.get(key)
    return check() if check is not None else False


def _only_fitting_values(old: Domain, key: str, bound: Any) -> bool:
    """True when the old field held only literal values (an enum) and each keeps the new bound."""
    if old.any or old.classes or any(t in _APPLIES_TO[key] for t in old.types):
        return False
    try:
        return all(_fits(key, bound, json.loads(text)) for text in old.literals)
    except (TypeError, re.error):
        return False


def _rules(node: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    rules = [entry for entry in node.get("allOf", []) or []
             if isinstance(entry, Mapping) and "if" in entry and not entry.get(COMPLETION_KEYWORD)]
    if "if" in node:
        rules.append({key: node[key] for key in ("if", "then", "else") if key in node})
    return rules


class Comparer:
    """Compares nodes of ``old`` and ``new``; ``renamed`` maps old class names to new ones."""

    def __init__(self, old: SchemaTree, new: SchemaTree, renamed: Mapping[str, str]) -> None:
        self.old, self.new, self.renamed = old, new, renamed

    # --- entry points ---------------------------------------------------------------------------

    def compare_class(self, old_name: str, new_name: str) -> list[RelChange]:
        old_def = dict(self.old.definitions[old_name])
        new_def = self.new.definitions[new_name]
        if old_name != new_name:  # the class's own `_type` changes with its name: reported once, as the rename
            old_props, new_props = dict(old_def.get("properties", {})), new_def.get("properties", {})
            if "_type" in old_props and "_type" in new_props:
                old_props["_type"] = new_props["_type"]
                old_def["properties"] = old_props
        return self.node(old_def, new_def, (), (), optional=False)

    def node(self, old: Any, new: Any, old_path: Path, new_path: Path, *, optional: bool,
             declared: tuple[Any, Any] | None = None) -> list[RelChange]:
        if not isinstance(old, Mapping) or not isinstance(new, Mapping):
            if canonical(old) == canonical(new):
                return []
            return [RelChange(old_path, new_path, "constraint_changed",
                              f"schema {brief(old)} -> {brief(new)}", old, new)]
        out: list[RelChange] = []
        at = (old_path, new_path)
        out += self._annotations(old, new, at)
        out += self._domain(old, new, at, declared)
        if optional:
            out += self._default(old, new, at)
        out += self._bounds(old, new, at)
        out += self._properties(old, new, at)
        out += self._extra_keys(old, new, at)
        out += self._items(old, new, at)
        out += self._rules(old, new, at)
        out += self._others(old, new, at)
        return out

    # --- the parts of a node ----------------------------------------------------------------------

    def _annotations(self, old: Mapping[str, Any], new: Mapping[str, Any], at: tuple[Path, Path]) -> list[RelChange]:
        keys = sorted(k for k in ANNOTATION_KEYWORDS
                      if canonical(_jsonable(_value(old, k))) != canonical(_jsonable(_value(new, k))))
        if not keys:
            return []
        return [RelChange(*at, "annotation_changed", ", ".join(keys),
                          {k: old.get(k) for k in keys}, {k: new.get(k) for k in keys})]

    def _domain(self, old: Mapping[str, Any], new: Mapping[str, Any], at: tuple[Path, Path],
                declared: tuple[Any, Any] | None) -> list[RelChange]:
        old_d, new_d = domain(old, self.old), domain(new, self.new)
        if declared is not None:
            old_d = old_d.intersect(domain(declared[0], self.old)) if declared[0] is not None else old_d
            new_d = new_d.intersect(domain(declared[1], self.new)) if declared[1] is not None else new_d
        change = compare(old_d, new_d, self.renamed)
        out: list[RelChange] = []
        lost = [*change.types_removed, *change.classes_removed]
        if lost:
            out.append(RelChange(*at, "type_narrowed",
                                 f"{describe(old_d)} -> {describe(new_d)} (no longer accepts {', '.join(lost)})",
                                 list(lost), None))
        gained = [*change.types_added, *change.classes_added]
        if gained:
            out.append(RelChange(*at, "type_widened",
                                 f"{describe(old_d)} -> {describe(new_d)} (now also accepts {', '.join(gained)})",
                                 None, list(gained)))
        if change.values_removed:
            out.append(RelChange(*at, "values_removed",
                                 "no longer accepted: " + ", ".join(brief(v) for v in change.values_removed),
                                 list(change.values_removed), None))
        if change.values_added:
            out.append(RelChange(*at, "values_added",
                                 "now accepted: " + ", ".join(brief(v) for v in change.values_added),
                                 None, list(change.values_added)))
        return out

    def _default(self, old: Mapping[str, Any], new: Mapping[str, Any], at: tuple[Path, Path]) -> list[RelChange]:
        out = []
        for key in ("default", "x-env-default"):
            before, after = _value(old, key), _value(new, key)
            if _unchanged(before, after):
                continue
            what = "" if key == "default" else "environment variable "
            # without an old default, an absent key had no meaning to keep
            cls = COMPATIBLE if before is _ABSENT else None
            out.append(RelChange(*at, "default_changed", f"{what}{_show(before)} -> {_show(after)}",
                                 _jsonable(before), _jsonable(after), cls))
        return out

    def _bounds(self, old: Mapping[str, Any], new: Mapping[str, Any], at: tuple[Path, Path]) -> list[RelChange]:
        out = []
        old_domain = domain(old, self.old)
        for key in (*_LOWER, *_UPPER, "pattern", "uniqueItems"):
            before, after = _value(old, key), _value(new, key)
            if _unchanged(before, after):
                continue
            if before is _ABSENT and _only_fitting_values(old_domain, key, after):
                continue  # e.g. a length limit on a field that held only short enum values
            if before is _ABSENT or after is _ABSENT:
                narrowed = before is _ABSENT and after is not False
            elif key in _LOWER:
                narrowed = after > before
            elif key in _UPPER:
                narrowed = after < before
            elif key == "uniqueItems":
                narrowed = bool(after)
            else:  # a different pattern: nobody can say which is wider
                out.append(RelChange(*at, "constraint_changed", f"{key}: {_show(before)} -> {_show(after)}",
                                     _jsonable(before), _jsonable(after)))
                continue
            kind = "constraint_narrowed" if narrowed else "constraint_widened"
            out.append(RelChange(*at, kind, f"{key}: {_show(before)} -> {_show(after)}",
                                 _jsonable(before), _jsonable(after)))
        return out

    def _properties(self, old: Mapping[str, Any], new: Mapping[str, Any], at: tuple[Path, Path]) -> list[RelChange]:
        old_props: Mapping[str, Any] = old.get("properties") or {}
        new_props: Mapping[str, Any] = new.get("properties") or {}
        old_req, new_req = set(old.get("required", [])), set(new.get("required", []))
        op, np = at
        out: list[RelChange] = []
        paired: dict[str, str] = {}  # new name -> old name
        for name, schema in new_props.items():
            if name in old_props:
                paired[name] = name
                continue
            source = schema.get("x-renamed-from") if isinstance(schema, Mapping) else None
            if isinstance(source, str) and source in old_props and source not in new_props:
                paired[name] = source
                out.append(RelChange((*op, source), (*np, name), "field_renamed", "declared with x-renamed-from",
                                     source, name))
                continue
            out += self._added(name, schema, name in new_req, op, np)
        for name, schema in old_props.items():
            if name not in paired.values():
                was = describe(domain(schema, self.old))
                default = f", default {brief(schema['default'])}" if isinstance(schema, Mapping) and "default" in schema else ""
                out.append(RelChange((*op, name), (*np, name), "field_removed", f"was {was}{default}",
                                     _jsonable(_value(schema, "default")) if isinstance(schema, Mapping) else None))
        for name, source in paired.items():
            before_req, after_req = source in old_req, name in new_req
            where = ((*op, source), (*np, name))
            if after_req and not before_req:
                out.append(RelChange(*where, "field_required", "now required", None, None))
            elif before_req and not after_req:
                out.append(RelChange(*where, "field_optional", "no longer required", None, None))
            out += self.node(old_props[source], new_props[name], *where, optional=not (before_req or after_req))
        return out

    def _added(self, name: str, schema: Any, required: bool, op: Path, np: Path) -> list[RelChange]:
        where = ((*op, name), (*np, name))
        if not isinstance(schema, Mapping):
            return [RelChange(*where, "field_added", "new", None, schema)]
        if required and "default" not in schema:
            return [RelChange(*where, "field_required", "new and required", None, None)]
        default = _value(schema, "default")
        out = [RelChange(*where, "field_added", f"new, {describe(domain(schema, self.new))}"
                         + (f", default {brief(default)}" if default is not _ABSENT else ""),
                         None, _jsonable(default))]
        if "x-old-default" in schema and canonical(schema["x-old-default"]) != canonical(_jsonable(default)):
            out.append(RelChange(*where, "default_changed",
                                 f"{brief(schema['x-old-default'])} (what configs without it did, per "
                                 f"x-old-default) -> {_show(default)}", schema["x-old-default"], _jsonable(default)))
        return out

    def _extra_keys(self, old: Mapping[str, Any], new: Mapping[str, Any], at: tuple[Path, Path]) -> list[RelChange]:
        before, after = old.get("additionalProperties", True), new.get("additionalProperties", True)
        if before is False and after is not False:
            return [RelChange(*at, "constraint_widened", "other keys are now allowed", False, after)]
        if after is False and before is not False:
            return [RelChange(*at, "constraint_narrowed", "other keys are no longer allowed", before, False)]
        if isinstance(before, Mapping) or isinstance(after, Mapping):
            op, np = at
            return self.node(before if isinstance(before, Mapping) else {}, after if isinstance(after, Mapping) else {},
                             (*op, "*"), (*np, "*"), optional=False)
        return []

    def _items(self, old: Mapping[str, Any], new: Mapping[str, Any], at: tuple[Path, Path]) -> list[RelChange]:
        op, np = at
        out: list[RelChange] = []
        before, after = old.get("items", True), new.get("items", True)
        if canonical(before) != canonical(after):
            if isinstance(before, Mapping) and isinstance(after, Mapping):
                out += self.node(before, after, (*op, "[]"), (*np, "[]"), optional=False)
            else:
                kind = "constraint_narrowed" if after is False or before is True else "constraint_widened"
                out.append(RelChange(*at, kind, f"items: {brief(before)} -> {brief(after)}", before, after))
        old_prefix, new_prefix = old.get("prefixItems", []), new.get("prefixItems", [])
        for index, (b, a) in enumerate(zip(old_prefix, new_prefix, strict=False)):
            out += self.node(b, a, (*op, f"[{index}]"), (*np, f"[{index}]"), optional=False)
        if len(old_prefix) != len(new_prefix):
            out.append(RelChange(*at, "constraint_changed", f"prefixItems: {len(old_prefix)} -> {len(new_prefix)} items",
                                 len(old_prefix), len(new_prefix)))
        return out

    def _others(self, old: Mapping[str, Any], new: Mapping[str, Any], at: tuple[Path, Path]) -> list[RelChange]:
        out = []
        for key in sorted((set(old) | set(new)) - _HANDLED):
            before, after = _value(old, key), _value(new, key)
            if _unchanged(before, after):
                continue
            kind = "vendor_changed" if key.startswith("x-") else "constraint_changed"
            out.append(RelChange(*at, kind, f"{key}: {_show(before)} -> {_show(after)}",
                                 _jsonable(before), _jsonable(after)))
        return out

    # --- conditional rules ------------------------------------------------------------------------

    def _rules(self, old: Mapping[str, Any], new: Mapping[str, Any], at: tuple[Path, Path]) -> list[RelChange]:
        old_rules, new_rules = _rules(old), _rules(new)
        if not old_rules and not new_rules:
            return []
        unmatched = list(old_rules)
        out: list[RelChange] = []
        for rule in new_rules:
            key = canonical(_without_types(rule["if"]))
            match = next((r for r in unmatched if canonical(_without_types(r["if"])) == key), None)
            if match is None:
                out.append(self._rule_added(rule, old, at))
                continue
            unmatched.remove(match)
            for branch in ("then", "else"):
                out += self._branch(match.get(branch, True), rule.get(branch, True), old, new, at)
        for rule in unmatched:
            only_old = self._tests_only(rule["if"], new, self.new)
            out.append(RelChange(*at, "constraint_changed", f"conditional rule removed: if {brief(_without_types(rule['if']))}",
                                 rule["if"], None, COMPATIBLE if only_old else BREAKING))
        return out

    def _rule_added(self, rule: Mapping[str, Any], old: Mapping[str, Any], at: tuple[Path, Path]) -> RelChange:
        only_new = self._tests_only(rule["if"], old, self.old)
        note = " (it applies only to values new in this version)" if only_new else ""
        return RelChange(*at, "constraint_narrowed", f"conditional rule added: if {brief(_without_types(rule['if']))}{note}",
                         None, rule["if"], COMPATIBLE if only_new else BREAKING)

    def _tests_only(self, condition: Any, other: Mapping[str, Any], tree: SchemaTree) -> bool:
        """True when ``condition`` tests a field for a value the ``other`` side never accepts."""
        if not isinstance(condition, Mapping):
            return False
        props = condition.get("properties") or {}
        if len(props) != 1:
            return False
        [(name, test)] = props.items()
        if not isinstance(test, Mapping) or "const" not in test or name not in set(condition.get("required", [])):
            return False
        field = (other.get("properties") or {}).get(name)
        return field is not None and not domain(field, tree).accepts_literal(canonical(test["const"]))

    def _branch(self, before: Any, after: Any, old_owner: Mapping[str, Any], new_owner: Mapping[str, Any],
                at: tuple[Path, Path]) -> list[RelChange]:
        before = self._unrestated(before, old_owner, self.old)
        after = self._unrestated(after, new_owner, self.new)
        if canonical(before) == canonical(after):
            return []
        if not isinstance(before, Mapping) or not isinstance(after, Mapping):
            return [RelChange(*at, "constraint_changed", f"conditional branch {brief(before)} -> {brief(after)}",
                              before, after)]
        old_decl, new_decl = old_owner.get("properties") or {}, new_owner.get("properties") or {}
        out: list[RelChange] = []
        op, np = at
        own = {k: v for k, v in before.items() if k != "properties"}, {k: v for k, v in after.items() if k != "properties"}
        out += self.node(*own, op, np, optional=False)
        before_props, after_props = before.get("properties") or {}, after.get("properties") or {}
        for name in sorted(set(before_props) | set(after_props)):
            if name not in after_props or name not in before_props:
                kind = "constraint_widened" if name not in after_props else "constraint_narrowed"
                out.append(RelChange((*op, name), (*np, name), kind,
                                     f"conditional constraint {'removed' if kind == 'constraint_widened' else 'added'}",
                                     before_props.get(name), after_props.get(name)))
                continue
            out += self.node(before_props[name], after_props[name], (*op, name), (*np, name), optional=False,
                             declared=(old_decl.get(name), new_decl.get(name)))
        return out

    def _unrestated(self, branch: Any, owner: Mapping[str, Any], tree: SchemaTree) -> Any:
        """``branch`` without the keywords of its properties that repeat the owner's declaration."""
        if not isinstance(branch, Mapping) or not isinstance(branch.get("properties"), Mapping):
            return branch
        declared = owner.get("properties") or {}
        props = {}
        for name, sub in branch["properties"].items():
            decl = declared.get(name)
            if not isinstance(sub, Mapping) or not isinstance(decl, Mapping):
                props[name] = sub
                continue
            decl_domain = domain(decl, tree)
            sources = [decl, *(tree.definitions[c] for c in sorted(decl_domain.classes))]
            kept = {}
            for key, value in sub.items():
                if key == "type":
                    types = frozenset(value if isinstance(value, list) else [value])
                    if not decl_domain.any and decl_domain.value_types() <= types:
                        continue
                elif key not in _STRUCTURE and any(key in s and canonical(s[key]) == canonical(value)
                                                   for s in sources):
                    continue
                kept[key] = value
            props[name] = kept
        return {**branch, "properties": props}

