"""What the generated `_from_checked_dict` builders call: the few steps of building an object from a
checked dict that are the same for every class (codegen/builders.py writes the rest, per class).

A builder fills an object directly, without its `__init__`/`__post_init__`, so it must leave the
object exactly as they would; `build.build_checked` uses a class's builder only when the class has
its own (a user's subclass may have more fields, or its own `__post_init__`).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ..errors import warn
from .coerce import field_fix_map, fresh
from .fields import env_value

__all__ = ["deprecated_value", "drop_extra_keys", "env_value", "field_defaults", "fixed_container",
           "integral"]


def field_defaults(cls: Any) -> dict[str, Any]:
    """Every init field of a dataclass with its constant default; `None` where the value is always
    given (required) or computed (a default factory, a group's defaults). A builder starts from these
    (the generated module sets them once, as `cls._FIELD_DEFAULTS`, right after the class)."""
    return {f.name: None if f.default is dataclasses.MISSING else f.default
            for f in dataclasses.fields(cls) if f.init}


def integral(value: float) -> Any:
    """5e3 given for an integer field is 5000 (JSON Schema calls it an integer)."""
    return int(value) if value.is_integer() else value


def fixed_container(cls: Any, name: str, value: Any) -> Any:
    """A list or dict given for field `name`: a fresh copy with the field's conversions."""
    return field_fix_map(cls).get(name, fresh)(value)


def drop_extra_keys(cls: Any, values: dict[str, Any]) -> None:
    """Remove the keys of a checked dict that are not fields (`_package_version`, `$schema`...)."""
    for key in values.keys() - cls.__dataclass_fields__.keys():
        del values[key]


def deprecated_value(name: str, value: Any, replacements: dict[Any, Any]) -> Any:
    """A deprecated value's replacement, with the warning `__post_init__` gives."""
    replacement = replacements[value]
    warn(f"{name}={value!r} is deprecated; use {name}={replacement!r}", DeprecationWarning)
    return replacement
