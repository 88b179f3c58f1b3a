"""Building parameter objects, from keyword arguments or from dicts, driven by the generated field
metadata; every finished tree is checked against the schema once."""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from typing import TYPE_CHECKING, Any

from .. import _registry
from .._validation import class_keys, class_problems, closest, old_version_note
from .._validation.plain_data import MAX_DEPTH
from ..errors import ParameterValidationError, Problem, brief, warn
from .fields import field_infos, field_names, special_fields
from .values import is_value_type

if TYPE_CHECKING:
    from .base import BaseHyperParameters

__all__ = ["construct", "from_dict", "group_from_mapping", "normalise"]

# True while building objects that an enclosing call will check (or has checked) as a whole.
_CHECKED: ContextVar[bool] = ContextVar("nip_parameters_checked", default=False)

# Types that need no conversion in `build`: checked before the (slow, ABC) Mapping test.
_SCALARS = frozenset({str, int, float, bool, type(None)})


@contextmanager
def _already_checked() -> Iterator[None]:
    token = _CHECKED.set(True)
    try:
        yield
    finally:
        _CHECKED.reset(token)


# ---- construction --------------------------------------------------------------------------------
def construct(obj: BaseHyperParameters) -> None:
    """`__post_init__`: normalise; the outermost object then checks the finished tree once."""
    if _CHECKED.get():  # built inside a bigger object, which checks the whole tree
        obj._normalise()
        return
    token = _CHECKED.set(True)  # inline, not `_already_checked()`: this runs for every object
    try:
        obj._normalise()
    finally:
        _CHECKED.reset(token)
    check_class(type(obj), obj.to_dict())


def normalise(obj: BaseHyperParameters) -> None:
    """nip's __post_init__ rules: `None` groups become defaults, dict groups become objects."""
    for info in special_fields(type(obj)):
        value = getattr(obj, info.name)
        if info.deprecated_values and _hashable(value) and value in info.deprecated_values:
            replacement = info.deprecated_values[value]
            warn(f"{info.name}={value!r} is deprecated; use {info.name}={replacement!r}",
                 DeprecationWarning)
            setattr(obj, info.name, replacement)
        elif info.group_class is not None:
            if value is None:
                setattr(obj, info.name, info.group_class())
            elif isinstance(value, Mapping):
                setattr(obj, info.name, group_from_mapping(info.group_class, value, (info.name,)))


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def group_from_mapping(cls: type, value: Mapping[str, Any], path: tuple[str | int, ...]) -> Any:
    """A dict given where a parameters object goes: check it, then build the object.

    Always checked here, since keys that are not fields must be reported, not dropped.
    """
    try:
        check_class(cls, _dict_form(value))
    except ParameterValidationError as error:
        raise error.prefixed(*path) from None
    fields = field_names(cls)
    with _already_checked():
        return cls(**{k: v for k, v in value.items() if k in fields})


def _dict_form(value: Any, depth: int = 1) -> Any:
    """A mapping with any parameter objects inside replaced by their dict form, for checking."""
    if is_value_type(type(value)):
        return value.to_dict()
    if isinstance(value, Mapping) and depth <= MAX_DEPTH:
        return {k: _dict_form(v, depth + 1) for k, v in value.items()}
    return value  # deeper than any config may be: the plain-data check reports it, with its path


# ---- checking one class ---------------------------------------------------------------------------
def check_class(cls: type, data: Mapping[str, Any]) -> None:
    """Check the dict form of one parameters class: by its published definition when the schema
    describes it, else (a user-defined class) by its own fields."""
    name = cls.__name__
    problems = class_problems(name, data) if _is_generated(cls) else _user_class_problems(cls, data)
    if problems:
        note = old_version_note(data, problems) if name == _registry.ROOT_CLASS else None
        raise ParameterValidationError(problems, subject=name, note=note)


@cache
def _is_generated(cls: type) -> bool:
    """Is `cls` the class the schema describes under its name (not a user's namesake)?"""
    ref = _registry.CLASS_SCHEMA_REFS.get(cls.__name__)  # e.g. "agents.json#/$defs/LrFactors"
    package = __package__.rsplit(".", 1)[0]
    return ref is not None and cls.__module__ == f"{package}.{ref.split('.json', 1)[0]}"


def _user_class_problems(cls: type, data: Mapping[str, Any]) -> list[Problem]:
    """A user-defined class has no schema: at least reject keys that are not its fields."""
    known = field_names(cls) | {"_type"}
    problems = [
        Problem((key,), f"unknown key {brief(key)} for {cls.__name__}",
                hint=(f"did you mean {guess!r}?" if (guess := closest(key, known)) else None))
        for key in data
        if key not in known
    ]
    if data.get("_type", cls.__name__) != cls.__name__:
        problems.append(Problem(("_type",), f"expected {cls.__name__!r}, got {brief(data['_type'])}"))
    return problems


def _meta_keys(cls: type) -> frozenset[str]:
    """Keys allowed in a class's dict that are not fields (`_type`, `is_random`, ...)."""
    if not _is_generated(cls):
        return frozenset({"_type"})
    return class_keys(cls.__name__) - field_names(cls) | {"_type"}


# ---- from_dict ------------------------------------------------------------------------------------
def from_dict(cls: Any, data: Any, *, ignore_extra_keys: bool) -> Any:
    if not isinstance(data, Mapping):
        raise ParameterValidationError.single(
            (), f"expected an object (dict) for {cls.__name__}, got {type(data).__name__}"
        )
    data = cls._prepare_dict(data)
    if ignore_extra_keys:
        data = _strip_unknown(cls, data)
    check_class(cls, data)
    with _already_checked():
        return _build(cls, data)


def _build(cls: Any, data: Mapping[str, Any]) -> Any:
    """Build an object from a dict that has passed the schema (so `_type`s match their place)."""
    kwargs: dict[str, Any] = {}
    for info in field_infos(cls):
        if info.json_name not in data:
            continue
        value = data[info.json_name]
        kind = type(value)
        if kind in _SCALARS:
            pass
        elif kind is dict or isinstance(value, Mapping):
            if info.group_class is not None:
                value = _build(info.group_class, value)  # the schema pinned `_type` to this class
            elif info.value_class is not None:
                value = info.value_class.from_dict(value)  # dispatches on `_type` itself
            elif info.collection_class is not None:
                value = info.collection_class(
                    {
                        name: _build(cls._collection_entry_class(data, entry), entry)
                        for name, entry in value.items()
                        if isinstance(entry, Mapping)
                    }
                )
            else:
                value = copy.deepcopy(value)
        elif isinstance(value, list):
            value = copy.deepcopy(value)  # the object must not share lists with the caller
        kwargs[info.name] = value
    return cls(**kwargs)


def _strip_unknown(cls: Any, data: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of `data` without the keys that neither the class nor its schema knows."""
    allowed = field_names(cls) | _meta_keys(cls)
    out: dict[str, Any] = {}
    for info in field_infos(cls):
        if info.json_name in data:
            value = data[info.json_name]
            if isinstance(value, Mapping) and info.group_class is not None:
                value = _strip_unknown(info.group_class, value)
            elif isinstance(value, Mapping) and info.collection_class is not None:
                value = {
                    name: _strip_unknown(cls._collection_entry_class(data, entry), entry)
                    if isinstance(entry, Mapping) else entry
                    for name, entry in value.items()
                }
            out[info.json_name] = value
    out.update({k: v for k, v in data.items() if k in allowed and k not in out})
    return out
