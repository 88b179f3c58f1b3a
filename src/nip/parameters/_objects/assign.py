"""Checked assignment: setting a field of a built object converts and checks the value exactly as
the constructor would (`params.rl = {"lr": 0.1}` stores an `RlTrainerParameters`; `params.rl.lr = -5`
raises a `ParameterValidationError` at `rl.lr`), so an object never holds what `from_dict` refuses.

The first assignment of each field (the dataclass `__init__`, the generated builders, which fill
`__dict__` at once) is not checked here: the constructor checks the finished object as a whole.

How: the object's class is called with the object's current field values and the new one, which
runs nip's conversions and the schema check of that object with its cross-field rules (the
scenario decides the agents' class); the converted value is then stored, and every other field
keeps its object. An error is addressed from the outermost config that holds the object, found
among the configs built (weakly remembered, so nothing is kept alive or added to the objects).
"""

from __future__ import annotations

import weakref
from typing import Any

from ..errors import ParameterValidationError
from .fields import field_infos

__all__ = ["checked_deletion", "checked_value", "remember_root"]

_MAX_DEPTH = 8  # configs nest groups four deep; agents add two levels

# The outermost objects built (`from_dict`, a constructor called outside another), newest last.
_ROOTS: list[weakref.ref[Any]] = []
_prune_at = 64


def remember_root(obj: Any) -> None:
    """Note an outermost object, so that an error set deeper inside it gets its full address."""
    global _prune_at
    _ROOTS.append(weakref.ref(obj))
    if len(_ROOTS) > _prune_at:
        _ROOTS[:] = [ref for ref in _ROOTS if ref() is not None]
        _prune_at = max(64, 2 * len(_ROOTS))


def checked_value(obj: Any, name: str, value: Any) -> Any:
    """The value to store in field `name` of the built object `obj`, converted and checked as the
    constructor converts and checks it. Raises `ParameterValidationError` (a `ValueError`)."""
    infos = field_infos(type(obj))
    if not any(info.name == name for info in infos):
        return value  # not a field (nip sets a few plain attributes): stored as given
    arguments = {info.name: obj.__dict__[info.name] for info in infos if info.name in obj.__dict__}
    arguments[name] = value
    try:
        rebuilt = type(obj)(**arguments)
    except ParameterValidationError as error:
        raise _from_outermost(obj, error) from None
    return rebuilt.__dict__[name]


def checked_deletion(obj: Any, name: str) -> None:
    """`del obj.field` would leave an object that cannot be written: refused, at its address."""
    if any(info.name == name for info in field_infos(type(obj))):
        error = ParameterValidationError.single(
            (name,), "a field cannot be deleted (set it to a value, or to its default, instead)")
        raise _from_outermost(obj, error)


def _from_outermost(obj: Any, error: ParameterValidationError) -> ParameterValidationError:
    """`error` (addressed from `obj`) addressed from the newest outermost config holding `obj`."""
    for ref in reversed(_ROOTS):
        root = ref()
        if root is None or root is obj:
            continue
        path = _path_to(root, obj, 0)
        if path is not None:
            moved = error.prefixed(*path)
            return type(error)(moved.problems, subject=type(root).__name__, note=error.note)
    return error


def _path_to(node: Any, target: Any, depth: int) -> tuple[str, ...] | None:
    """Where `target` sits inside `node` (by identity), through fields and the agents."""
    if depth > _MAX_DEPTH:
        return None
    if isinstance(node, dict):  # the agents: entries by name
        children = list(node.items())
    elif hasattr(type(node), "_normalise"):
        children = [(info.name, node.__dict__.get(info.name)) for info in field_infos(type(node))]
    else:
        return None
    for key, child in children:
        if child is target:
            return (key,)
        if child is not None and not isinstance(child, str | int | float | bool | list | tuple):
            below = _path_to(child, target, depth + 1)
            if below is not None:
                return (key, *below)
    return None
