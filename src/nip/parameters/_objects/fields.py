"""What the runtime needs to know about each field, read once per class from the generated code."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .coerce import Fix, field_fix_map


def env_value(variable: str, fallback: str) -> str:
    """The environment variable's value, or `fallback` when it is not set."""
    return os.environ.get(variable, fallback)


def env_default(variable: str, fallback: str) -> Callable[[], str]:
    """A default factory: the environment variable's value when the object is created."""

    def read() -> str:
        return env_value(variable, fallback)

    read.__qualname__ = f"env_default({variable!r})"
    return read


#: The default of a group field (and of the agents): None, which the constructor turns into the
#: default object. Typed `Any` because the field's annotation is the object it always holds.
BUILT_FROM_NONE: Any = None


class _FieldDefault:
    def __repr__(self) -> str:
        return "<the field's default>"


#: The default a generated `__init__` shows for a field whose default is an object (the field's
#: one shared instance) or is read when the object is made (from the environment).
FIELD_DEFAULT: Any = _FieldDefault()


@dataclass(frozen=True)
class FieldInfo:
    name: str
    json_name: str
    group_class: type | None  # `X | dict | None`: None -> X(), dict -> X(**dict)
    value_class: Any  # a value union keyed by `_type` (update schedules): its base class
    collection_class: type | None  # a keyed collection (agents)
    deprecated_values: dict[Any, Any]
    fix: Fix | None = None  # what a given value needs (`coerce`: int for 5e3, a copy of a list)


_INFOS: dict[type, tuple[FieldInfo, ...]] = {}  # per class; filled on first use


def field_infos(cls: Any) -> tuple[FieldInfo, ...]:
    found = _INFOS.get(cls)
    if found is None:
        found = _INFOS[cls] = _read_infos(cls)
    return found


_SPECIAL: dict[type, tuple[FieldInfo, ...]] = {}


def special_fields(cls: Any) -> tuple[FieldInfo, ...]:
    """The fields `__post_init__` may have to change: groups, update schedules and fields with
    deprecated values."""
    found = _SPECIAL.get(cls)
    if found is None:
        found = _SPECIAL[cls] = tuple(
            i for i in field_infos(cls)
            if i.group_class is not None or i.value_class is not None or i.deprecated_values
        )
    return found


_NAMES: dict[type, frozenset[str]] = {}


def field_names(cls: Any) -> frozenset[str]:
    """The dict keys of a class's fields."""
    found = _NAMES.get(cls)
    if found is None:
        found = _NAMES[cls] = frozenset(info.json_name for info in field_infos(cls))
    return found


def _read_infos(cls: Any) -> tuple[FieldInfo, ...]:
    fixes = field_fix_map(cls)
    return tuple(
        FieldInfo(
            name=f.name,
            json_name=f.metadata.get("json_name", f.name),
            group_class=f.metadata.get("nip_class"),
            value_class=f.metadata.get("nip_value_class"),
            collection_class=f.metadata.get("nip_collection"),
            deprecated_values=dict(f.metadata.get("deprecated_values", {})),
            fix=fixes.get(f.name),
        )
        for f in dataclasses.fields(cls)
    )

