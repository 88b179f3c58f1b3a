"""Where a dotted address points in a config, and the type the schema gives the value there.

An address goes through the parameter classes (their generated field metadata): groups, agents by
name (the class of an entry follows from the config, as when it is built) and, inside a field's
value, list items by index and keys. The type comes from the published schema of the class that has
the field; no field name appears here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from .._validation import class_keys, class_problems, closest
from .._validation import schemas as shipped
from .._validation.messages import json_type
from .._validation.versions import VERSION_KEY
from ..errors import ParameterValidationError, Problem, brief, counted
from .agents import DEFAULT_AGENT
from .fields import FieldInfo, field_infos

__all__ = ["Target", "convert", "json_types", "resolve"]

# YAML 1.2 core numbers, for a number field given text that an older YAML reader left a string.
_YAML12_NUMBER = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")


@dataclass(frozen=True)
class Target:
    """The field an address reaches, and what lies below it in the address."""

    owner: type  # the parameters class that has the field
    field: str  # the field's key in the dict form of `owner`
    depth: int  # how many parts of the address lead to the field (inclusive)
    kinds: tuple[str, ...]  # per part: "field", "entry" (an agent name), "key" or "index"
    schema: Mapping[str, Any]  # the schema of the addressed value (of the field, or below it)


def resolve(root: type, data: Mapping[str, Any] | None, parts: Sequence[str], *,
            context: Mapping[str, Any] | None = None, any_entry_class: bool = False) -> Target:
    """Follow `parts` from the root class through `data`; the class of an agent entry follows
    from `context` (default: `data`) as it does when the config is built.

    With `any_entry_class`, an agent field is looked up in every agent class when the entry's
    own class does not have it: for a sweep file that does not fix the scenario.
    Raises `ParameterValidationError` at the first part that does not exist.
    """
    cls, node, kinds = root, data, list[str]()
    context = data if context is None else context
    i = 0
    while True:
        part = parts[i]
        info = _infos(cls).get(part)
        if info is None and kinds and kinds[-1] == "entry":
            others = [c for c in root._collection_entry_classes() if part in _infos(c)]  # type: ignore[attr-defined]
            if others and any_entry_class:
                cls, info = others[0], _infos(others[0])[part]
            elif others:
                raise ParameterValidationError.single(
                    parts[: i + 1], f"unknown key {brief(part)} for {cls.__name__}",
                    hint=f"{part!r} is a field of {' and '.join(c.__name__ for c in others)}; "
                    f"the agent class here follows from the scenario (and is_random)")
        if info is None and part in class_keys(cls.__name__):
            return _meta_key(root, cls, parts, i, kinds)
        if info is None:
            raise ParameterValidationError([_unknown(cls, parts[: i + 1])], subject="address")
        kinds.append("field")
        prop = _property(cls, part)
        node = _child(node, part)
        if i + 1 == len(parts):
            return Target(cls, part, i + 1, tuple(kinds), prop)
        if info.group_class is not None:
            cls, i = info.group_class, i + 1
            continue
        if info.collection_class is not None:
            name = parts[i + 1]
            kinds.append("entry")
            entry = _child(node, name) if _child(node, name) is not None else _child(node, DEFAULT_AGENT)
            if i + 2 == len(parts):
                return Target(cls, part, i + 1, tuple(kinds), {"type": ["object", "null"]})
            cls = root._collection_entry_class(  # type: ignore[attr-defined]
                context if isinstance(context, Mapping) else {},
                entry if isinstance(entry, Mapping) else {})
            node, i = entry, i + 2
            continue
        return _below_field(cls, part, prop, parts, i, kinds, node)


def _meta_key(root: type, cls: type, parts: Sequence[str], i: int, kinds: list[str]) -> Target:
    """A key of the dict form that is not a field (`_type`, an agent's `is_random`): set in the
    dict, as a dict given to `from_dict` sets it. An agent's key takes any value some agent class
    allows there (`is_random: true` makes the entry a random agent). The version of a config is
    not a value of it, so it is not set by address."""
    part = parts[i]
    if part == VERSION_KEY:
        raise ParameterValidationError.single(
            parts[: i + 1], f"{VERSION_KEY} cannot be set by address: it says which version a file "
            "was written for, and every base is read at its own version and carried to the current "
            f"one ({shipped.CURRENT_VERSION}) before overrides apply",
            hint=f"to read a file as another version, give {VERSION_KEY} in that file")
    if i + 1 != len(parts):
        raise ParameterValidationError.single(
            parts[: i + 2], f"{'.'.join(parts[: i + 1])} is a single value: it has no {parts[i + 1]!r}")
    owners = [cls]
    if kinds and kinds[-1] == "entry":
        owners = [c for c in root._collection_entry_classes()  # type: ignore[attr-defined]
                  if part in class_keys(c.__name__)]
    schema = {"anyOf": [_property(c, part) for c in owners]}
    return Target(cls, part, i + 1, (*kinds, "meta"), schema)


def _below_field(cls: type, field: str, prop: Mapping[str, Any], parts: Sequence[str], i: int,
                 kinds: list[str], node: Any) -> Target:
    """An address that goes on inside a field's value: list items, keys of a plain dict."""
    schema = prop
    for j in range(i + 1, len(parts)):
        part = parts[j]
        container = node
        is_index = part.isdigit() and isinstance(container, (list, tuple))
        if isinstance(container, (list, tuple)) and not is_index:
            raise ParameterValidationError.single(
                parts[:j + 1], f"{'.'.join(parts[:j])} is a list of {counted(len(container), 'item')}: "
                f"{part!r} is not an index of it")
        if is_index and int(part) >= len(container):
            raise ParameterValidationError.single(
                parts[:j + 1], f"{'.'.join(parts[:j])} has {counted(len(container), 'item')}, no item {part}",
                hint="set the whole list instead")
        if container is not None and not isinstance(container, (Mapping, list, tuple)):
            raise ParameterValidationError.single(
                parts[:j + 1], f"{'.'.join(parts[:j])} is {brief(container)}: it has no {part!r}")
        kinds.append("index" if is_index else "key")
        schema = _subschema(schema, int(part) if is_index else part)
        node = _child(node, int(part) if is_index else part)
    return Target(cls, field, i + 1, tuple(kinds), schema)


def _child(node: Any, key: Any) -> Any:
    if isinstance(node, Mapping):
        return node.get(key)
    if isinstance(node, (list, tuple)) and isinstance(key, int) and 0 <= key < len(node):
        return node[key]
    return None


@cache
def _infos(cls: type) -> dict[str, FieldInfo]:
    return {info.json_name: info for info in field_infos(cls)}


def _property(cls: type, key: str) -> Mapping[str, Any]:
    schema = shipped.class_schema(shipped.CURRENT_VERSION, cls.__name__) or {}
    return dict(schema.get("properties", {}).get(key, {}))


def _unknown(cls: type, path: tuple[str, ...] | Sequence[str]) -> Problem:
    """The validator's own message for an unknown key (with its did-you-mean hints)."""
    key = path[-1]
    if class_keys(cls.__name__):
        found = [p for p in class_problems(cls.__name__, {key: None}) if p.path == (key,)]
        if found:
            return found[0].prefixed(*path[:-1])
    guess = closest(key, list(_infos(cls)))
    return Problem(tuple(path), f"unknown key {brief(key)} for {cls.__name__}",
                   hint=f"did you mean {guess!r}?" if guess else None)


# ---- the schema type at an address ------------------------------------------------------------------
def _resolve_ref(ref: str) -> Mapping[str, Any]:
    group, _, pointer = ref.partition("#")
    if not group or not pointer.startswith("/$defs/"):
        return {}
    return shipped.load_group(shipped.CURRENT_VERSION, group).get("$defs", {}).get(pointer[7:], {})


def _branches(schema: Mapping[str, Any], depth: int = 0) -> list[Mapping[str, Any]]:
    """`schema` and every schema it stands for: through `$ref`, `anyOf`, `oneOf` and `allOf`."""
    out = [schema]
    if depth > 16:
        return out
    if isinstance(schema.get("$ref"), str):
        out += _branches(_resolve_ref(schema["$ref"]), depth + 1)
    for key in ("anyOf", "oneOf", "allOf"):
        for sub in schema.get(key, ()):
            if isinstance(sub, Mapping):
                out += _branches(sub, depth + 1)
    return out


def _subschema(schema: Mapping[str, Any], part: str | int) -> Mapping[str, Any]:
    found: list[Mapping[str, Any]] = []
    for branch in _branches(schema):
        if isinstance(part, int):
            prefix = branch.get("prefixItems", ())
            item = prefix[part] if part < len(prefix) else branch.get("items")
        else:
            item = branch.get("properties", {}).get(part, branch.get("additionalProperties"))
        if isinstance(item, Mapping):
            found.append(item)
    return {"anyOf": found} if found else {}


def json_types(schema: Mapping[str, Any]) -> frozenset[str]:
    """The JSON types a schema allows (empty: it does not say)."""
    out: set[str] = set()
    for branch in _branches(schema):
        kind = branch.get("type")
        out.update([kind] if isinstance(kind, str) else kind if isinstance(kind, list) else ())
        if "const" in branch:
            out.add(json_type(branch["const"]))
        out.update(json_type(v) for v in branch.get("enum", ()))
    return frozenset(out)


def convert(value: Any, schema: Mapping[str, Any], raw: str | None = None) -> Any:
    """`value` as the type the schema gives its address: a string field keeps the text as
    written; an integer field takes an integral number, converted exactly (through its text, never
    through a float: ``"9007199254740993"`` stays itself); a number field takes an int as a float
    (and a YAML 1.2 number an older YAML reader left as text). Anything else (a float past the
    range of floats, say) is left for the schema check to report."""
    types = json_types(schema)
    kind = json_type(value)
    if value is None or not types or kind in types:
        return value
    if kind == "integer" and "number" in types:
        return _as_float(value)
    if kind == "number" and "integer" in types and float(value).is_integer():
        if raw is not None and _YAML12_NUMBER.match(raw.strip()):  # the text, not the float YAML made
            exact = _exact_integer(raw.strip())
            return raw.strip() if exact is None else exact
        return int(value)
    if kind in ("integer", "number", "boolean") and "string" in types and raw is not None:
        return raw
    if kind == "string" and types & {"integer", "number"} and _YAML12_NUMBER.match(value.strip()):
        if "number" in types:
            return _as_float(value.strip())
        exact = _exact_integer(value.strip())
        return value if exact is None else exact
    return value


# An integer of more digits than this is outside every integer field's range: left as it is, for
# the schema check to report, rather than built digit by digit (``1e999999999``).
_MAX_INTEGER_DIGITS = 40


def _exact_integer(text: str) -> int | float | None:
    """The number a YAML 1.2 number's text names, exactly: an int when it is integral (``"1e3"``
    is 1000), else the float (for the schema check to refuse); None when no int or float says it
    exactly (too many digits, or a fraction a float rounds to a whole number: ``1e-400``)."""
    try:
        number = Decimal(text)
        if number.adjusted() > _MAX_INTEGER_DIGITS:
            return None
        if number == number.to_integral_value():
            return int(number)
    except ArithmeticError:  # an exponent past what Decimal holds
        return None
    approximate = float(number)
    return None if approximate.is_integer() else approximate


def _as_float(value: Any) -> Any:
    """`value` as a float; left as it is when no float can hold it (the schema check says why)."""
    try:
        number = float(value)
    except OverflowError:
        return value
    return number if math.isfinite(number) else value
