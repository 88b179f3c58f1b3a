"""Field values as their annotations type them, and owned by the object that holds them.

JSON Schema calls 5000.0 an integer (so `5e3` in a YAML file, or `16.0` from a sweep, is valid), but
downstream code passes integer fields to `range()`: an integral float given for an `int` field is
stored as an `int`. A list, tuple or dict stored in an object is a fresh copy, so that later changes
by the caller do not reach a validated object (and `to_dict` hands out copies the same way).

The conversions are compiled once per field from its annotation (generated from the schema); a field
that needs none (a `str`, a `float`, a group) gets None and costs nothing.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from typing import Any

from .._validation.plain_data import MAX_DEPTH

__all__ = ["Fix", "container_fields", "field_fix_map", "field_fixes", "fresh", "value_fix"]

Fix = Callable[[Any], Any]

_UNIONS = (typing.Union, types.UnionType)
_FIXES: dict[type, tuple[tuple[str, Fix], ...]] = {}


def field_fixes(cls: Any) -> tuple[tuple[str, Fix], ...]:
    """(attribute name, conversion) for every field of a dataclass that may need one."""
    found = _FIXES.get(cls)
    if found is None and not dataclasses.is_dataclass(cls):
        found = _FIXES[cls] = ()  # `AgentUpdateSchedule()` itself: no fields
    if found is None:
        hints = _hints(cls)
        found = _FIXES[cls] = tuple(
            (f.name, fix)
            for f in dataclasses.fields(cls)
            if f.init and not _is_object_field(f)
            and (fix := value_fix(hints.get(f.name, f.type))) is not None
        )
    return found


def container_fields(cls: Any) -> frozenset[str]:
    """The attribute names of the fields that may hold a list, tuple or dict (not an object)."""
    hints = _hints(cls)
    return frozenset(
        f.name for f in dataclasses.fields(cls)
        if not _is_object_field(f) and _holds_container(hints.get(f.name, f.type))
    )


def _holds_container(annotation: Any) -> bool:
    if isinstance(annotation, str):
        return True  # unknown: copy, to be safe
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated or origin in _UNIONS:
        return any(_holds_container(arg) for arg in typing.get_args(annotation))
    return origin in (list, tuple, dict) or annotation in (list, tuple, dict, Any)


_FIX_MAPS: dict[type, dict[str, Fix]] = {}


def field_fix_map(cls: Any) -> dict[str, Fix]:
    """`field_fixes` as a dict (do not modify it)."""
    found = _FIX_MAPS.get(cls)
    if found is None:
        found = _FIX_MAPS[cls] = dict(field_fixes(cls))
    return found


def _hints(cls: Any) -> dict[str, Any]:
    fields = dataclasses.fields(cls)
    if not any(isinstance(f.type, str | typing.ForwardRef) for f in fields):
        return {f.name: f.type for f in fields}  # evaluated already (the generated classes)
    try:
        return typing.get_type_hints(cls, include_extras=True)
    except Exception:  # a user class whose string annotations do not resolve: no conversions
        return {}


def _is_object_field(f: dataclasses.Field[Any]) -> bool:
    """Groups, schedules and the agents are built into objects, not converted here."""
    return any(key in f.metadata for key in ("nip_class", "nip_value_class", "nip_collection"))


def value_fix(annotation: Any) -> Fix | None:
    """The conversion a value of this annotation needs, or None."""
    if isinstance(annotation, str):
        return None
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return value_fix(typing.get_args(annotation)[0])
    if origin in _UNIONS:
        parts = [fix for arg in typing.get_args(annotation) if (fix := value_fix(arg))]
        if len(parts) <= 1:
            return parts[0] if parts else None
        return lambda value: _chain(parts, value)
    if annotation is int:
        return _integral
    if origin in (list, tuple):
        args = typing.get_args(annotation)
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            fixed = [value_fix(arg) for arg in args]
            return lambda value: _sequence(value, lambda i: fixed[i] if i < len(fixed) else None)
        item = value_fix(args[0]) if args else None
        return lambda value: _sequence(value, lambda _i: item)
    if origin is dict or annotation in (list, tuple, dict):
        return fresh
    return None


def _chain(parts: list[Fix], value: Any) -> Any:
    for fix in parts:  # each part changes only values of its own kind
        value = fix(value)
    return value


def _integral(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _sequence(value: Any, item_fix: Callable[[int], Fix | None]) -> Any:
    """A fresh list (or tuple: nip writes tuples as they are) with its items converted."""
    if not isinstance(value, (list, tuple)):
        return fresh(value)
    items = []
    for index, item in enumerate(value):
        fix = item_fix(index)
        items.append(fix(item) if fix is not None else fresh(item))
    return tuple(items) if isinstance(value, tuple) else items


def fresh(value: Any, depth: int = 1) -> Any:
    """`value` with every list, tuple and dict in it copied (lists stay lists, tuples tuples).

    Below the depth limit a value is left as it is: the plain-data check reports it, with its path.
    """
    if depth > MAX_DEPTH:
        return value
    if isinstance(value, list):
        return [fresh(item, depth + 1) for item in value]
    if isinstance(value, tuple):
        return tuple(fresh(item, depth + 1) for item in value)
    if isinstance(value, dict):
        return {key: fresh(item, depth + 1) for key, item in value.items()}
    return value
