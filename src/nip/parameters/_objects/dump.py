"""Writing parameter objects as dicts in nip's format: the fields in order, then `_type`, then the
class constants nip writes (an agent's `is_random`). Lists in the output are copies (nip handed out
its own), so that changing the output never changes the object."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from .coerce import container_fields, fresh
from .fields import field_infos, field_names
from .values import is_value_type

if TYPE_CHECKING:
    from .base import BaseHyperParameters

__all__ = ["PLAIN_TO_DICT", "dump_value", "to_dict"]

#: The `to_dict` methods that only call `to_dict` here (the base class's; base.py adds it): for the
#: objects of a class that has one, `dump_value` calls this module's `to_dict` itself.
PLAIN_TO_DICT: set[Any] = set()
_KEEP: Any = object()  # `dump_value`'s answer for a value that is not a parameter object
_DUMPERS: dict[type, Any] = {}  # type -> how `dump_value` writes its values (`_KEEP`: as they are)


def dump_value(value: Any) -> Any:
    """A field value in dict form: parameter objects become dicts, anything else stays as it is."""
    kind = type(value)
    dumper = _DUMPERS.get(kind)
    if dumper is None:
        dumper = _DUMPERS[kind] = _dumper(kind)
    return value if dumper is _KEEP else dumper(value)


def _dumper(kind: type) -> Any:
    if not is_value_type(kind):
        return _KEEP
    method = kind.to_dict  # type: ignore[attr-defined]
    return to_dict if method in PLAIN_TO_DICT else method


def to_dict(obj: BaseHyperParameters) -> dict[str, Any]:
    kind = type(obj)
    plan = _PLANS.get(kind) or _plan(kind)
    out: dict[str, Any] = plan.write(obj)
    if plan.copies:  # the caller gets its own lists: changing them must not reach `obj`
        for key in plan.copies:
            value = out[key]
            if value is not None:
                out[key] = fresh(value)
    out["_type"] = plan.name
    for name in plan.classvars:
        out[name] = getattr(obj, name)
    return out


class _Plan(NamedTuple):
    write: Any  # the generated `_fields_to_dict`, or reflection
    name: str
    classvars: tuple[str, ...]
    copies: tuple[str, ...]  # keys of the fields that may hold lists (copied out)


_PLANS: dict[type, _Plan] = {}


def _plan(kind: type) -> _Plan:
    """How to write `kind`: by the generated `_fields_to_dict` that covers every field of `kind`
    (its own, or one inherited from a class with the same fields), else by reflection (a user
    subclass with more fields)."""
    owner = next((c for c in kind.__mro__ if "_fields_to_dict" in c.__dict__), None)
    write = _fields_by_reflection
    if owner is not None and field_names(owner) == field_names(kind):
        write = owner.__dict__["_fields_to_dict"]
    containers = container_fields(kind)
    copies = tuple(info.json_name for info in field_infos(kind) if info.name in containers)
    plan = _PLANS[kind] = _Plan(write, kind.__name__, tuple(getattr(kind, "SERIALISED_CLASSVARS", ())),
                                copies)
    return plan


def _fields_by_reflection(obj: Any) -> dict[str, Any]:
    return {info.json_name: dump_value(getattr(obj, info.name)) for info in field_infos(type(obj))}
