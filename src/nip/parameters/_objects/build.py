"""Generic conversion between parameters objects and dicts, driven by the generated field metadata."""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, NamedTuple

from . import validation
from ._fields import field_infos, field_names, special_fields
from ._plain_data import MAX_DEPTH
from ._warnings import warn
from .errors import ParameterValidationError

if TYPE_CHECKING:
    from .parameters_base import BaseHyperParameters

# True while building objects that an enclosing call will check (or has checked) as a whole.
CHECKED: ContextVar[bool] = ContextVar("nip_parameters_checked", default=False)


@contextmanager
def already_checked() -> Iterator[None]:
    token = CHECKED.set(True)
    try:
        yield
    finally:
        CHECKED.reset(token)

# Types that need no conversion in `build`: checked before the (slow, ABC) Mapping test.
_SCALARS = frozenset({str, int, float, bool, type(None)})


_VALUE_TYPES: dict[type, bool] = {}  # type -> is it a ParameterValue (isinstance on an ABC is slow)


def _is_value_type(kind: type) -> bool:
    found = _VALUE_TYPES.get(kind)
    if found is None:
        from .parameters_base import ParameterValue

        found = _VALUE_TYPES[kind] = issubclass(kind, ParameterValue)
    return found


def _is_value_object(value: Any) -> bool:
    return _is_value_type(type(value))


# ---- construction --------------------------------------------------------------------------------
def normalise(obj: BaseHyperParameters) -> None:
    """nip's __post_init__ rules: `None` groups become defaults, dict groups become objects."""
    for info in special_fields(type(obj)):
        value = getattr(obj, info.name)
        if info.deprecated_values and _hashable(value) and value in info.deprecated_values:
            replacement = info.deprecated_values[value]
            warn(
                f"{info.name}={value!r} is deprecated; use {info.name}={replacement!r}",
                DeprecationWarning,
            )
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
        validation.check_class(cls, dict_form(value))
    except ParameterValidationError as error:
        raise error.prefixed(*path) from None
    fields = field_names(cls)
    with already_checked():
        return cls(**{k: v for k, v in value.items() if k in fields})


def dict_form(value: Any, depth: int = 1) -> Any:
    """A mapping with any parameter objects inside replaced by their dict form, for checking."""
    if _is_value_object(value):
        return value.to_dict()
    if isinstance(value, Mapping) and depth <= MAX_DEPTH:
        return {k: dict_form(v, depth + 1) for k, v in value.items()}
    return value  # deeper than any config may be: the plain-data check reports it, with its path


def check_constructed(obj: BaseHyperParameters) -> None:
    """Check a newly built object (and everything in it) against its schema."""
    validation.check_class(type(obj), obj.to_dict())


# ---- to_dict --------------------------------------------------------------------------------------
def dump_value(value: Any) -> Any:
    """A field value in dict form: parameter objects become dicts, anything else stays as it is."""
    return value.to_dict() if _is_value_type(type(value)) else value


def to_dict(obj: BaseHyperParameters) -> dict[str, Any]:
    """The fields (by the generated writer when it covers them all), then `_type` and the class
    constants nip writes (an agent's `is_random`)."""
    kind = type(obj)
    plan = _PLANS.get(kind) or _plan(kind)
    out: dict[str, Any] = plan.write(obj)
    out["_type"] = plan.name
    for name in plan.classvars:
        out[name] = getattr(obj, name)
    return out


class _Plan(NamedTuple):
    write: Any  # the generated `_fields_to_dict`, or reflection
    name: str
    classvars: tuple[str, ...]


_PLANS: dict[type, _Plan] = {}


def _plan(kind: type) -> _Plan:
    """How to write `kind`: by the generated `_fields_to_dict` that covers every field of `kind`
    (its own, or one inherited from a class with the same fields), else by reflection (a user
    subclass with more fields)."""
    owner = next((c for c in kind.__mro__ if "_fields_to_dict" in c.__dict__), None)
    write = _fields_by_reflection
    if owner is not None and field_names(owner) == field_names(kind):
        write = owner.__dict__["_fields_to_dict"]
    plan = _PLANS[kind] = _Plan(write, kind.__name__, tuple(getattr(kind, "SERIALISED_CLASSVARS", ())))
    return plan


def _fields_by_reflection(obj: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for info in field_infos(type(obj)):
        value = getattr(obj, info.name)
        out[info.json_name] = value.to_dict() if _is_value_object(value) else value
    return out


# ---- from_dict ------------------------------------------------------------------------------------
def from_dict(cls: Any, data: Any, *, ignore_extra_keys: bool) -> Any:
    if not isinstance(data, Mapping):
        raise ParameterValidationError.single(
            (), f"expected an object (dict) for {cls.__name__}, got {type(data).__name__}"
        )
    data = cls._prepare_dict(data)
    if ignore_extra_keys:
        data = strip_unknown(cls, data)
    validation.check_class(cls, data)
    with already_checked():
        return build(cls, data)


def build(cls: Any, data: Mapping[str, Any]) -> Any:
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
                value = build(info.group_class, value)  # the schema pinned `_type` to this class
            elif info.value_class is not None:
                value = info.value_class.from_dict(value)  # dispatches on `_type` itself
            elif info.collection_class is not None:
                value = info.collection_class(
                    {
                        name: build(cls._collection_entry_class(data, entry), entry)
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


def strip_unknown(cls: Any, data: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of `data` without the keys that neither the class nor its schema knows."""
    allowed = field_names(cls) | validation.meta_keys(cls)
    out: dict[str, Any] = {}
    for info in field_infos(cls):
        if info.json_name in data:
            value = data[info.json_name]
            if isinstance(value, Mapping) and info.group_class is not None:
                value = strip_unknown(info.group_class, value)
            elif isinstance(value, Mapping) and info.collection_class is not None:
                value = {
                    name: strip_unknown(cls._collection_entry_class(data, entry), entry)
                    if isinstance(entry, Mapping) else entry
                    for name, entry in value.items()
                }
            out[info.json_name] = value
    out.update({k: v for k, v in data.items() if k in allowed and k not in out})
    return out


# ---- get ------------------------------------------------------------------------------------------
def get(obj: Any, address: str) -> Any:
    """Follow a dotted address through groups and agents (agents fall back to `_default`)."""
    value = obj
    walked: list[str] = []
    for part in address.split("."):
        walked.append(part)
        if isinstance(value, Mapping):
            if part not in value:
                raise KeyError(f"Address {address!r} not found in parameters object.")
            value = value[part]
        elif hasattr(value, "__dataclass_fields__") and part in {
            i.name for i in field_infos(type(value))
        }:
            value = getattr(value, part)
        else:
            hint = validation.closest(part, [i.name for i in field_infos(type(value))]) if (
                hasattr(value, "__dataclass_fields__")
            ) else None
            raise KeyError(
                f"Address {address!r} not found in parameters object"
                + (f" (no {'.'.join(walked)}; did you mean {hint!r}?)" if hint else ".")
            )
    return value
