"""Building parameter objects, from keyword arguments or from dicts, driven by the generated field
metadata; every finished tree is checked against the schema once."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from typing import TYPE_CHECKING, Any

from .. import _registry
from .._validation import class_check, class_keys, old_version_note, unknown_key_problem
from .._validation.plain_data import MAX_DEPTH, is_plain, plain_copy
from ..errors import ParameterValidationError, Problem, brief, warn
from .arguments import argument_problems
from .assign import remember_root
from .coerce import field_fix_map, fresh
from .fields import field_infos, field_names, special_fields
from .values import is_value_type

if TYPE_CHECKING:
    from .base import BaseHyperParameters

__all__ = ["build_checked", "collection_from_checked", "construct", "default_object", "from_dict",
           "group_from_mapping", "normalise", "unknown_keys"]

# True while building objects that an enclosing call will check (or has checked) as a whole.
_CHECKED: ContextVar[bool] = ContextVar("nip_parameters_checked", default=False)
CHECKED = _CHECKED  # read by `BaseHyperParameters.__setattr__`: a field set while building is unchecked

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
    data = obj.to_dict()
    checked = check_class(type(obj), data)
    if checked is not data:  # a numpy.float64, an IntEnum, a Mapping: stored as their plain value
        _adopt_plain(obj, checked)
    if _holds_groups(type(obj)):
        remember_root(obj)


def normalise(obj: BaseHyperParameters) -> None:
    """nip's __post_init__ rules: `None` groups become defaults, dict groups become objects."""
    for info in special_fields(type(obj)):
        value = getattr(obj, info.name)
        if info.deprecated_values and _hashable(value) and value in info.deprecated_values:
            replacement = info.deprecated_values[value]
            warn(f"{info.name}={value!r} is deprecated; use {info.name}={replacement!r}",
                 DeprecationWarning)
            _set(obj, info.name, replacement)
        elif info.group_class is not None:
            if value is None:
                _set(obj, info.name, default_object(info.group_class))
            elif isinstance(value, Mapping):
                _set(obj, info.name, group_from_mapping(info.group_class, value, (info.name,)))
        elif info.value_class is not None and not is_value_type(type(value)) and isinstance(
            value, Mapping
        ):
            # an update schedule given in its dict form: built as `from_dict` builds it
            try:
                _set(obj, info.name, info.value_class.from_dict(value))
            except ParameterValidationError as error:
                raise error.prefixed(info.name) from None


_set = object.__setattr__  # normalising a field is part of building it, not a checked assignment


def default_object(cls: Any) -> Any:
    """`cls()`: by its generated builder when it has one (no `__post_init__` chain to run), else
    by `type.__call__` (without the metaclass's Python-level call)."""
    if "_from_checked_dict" in cls.__dict__:
        return cls._from_checked_dict({})
    return _CALL(cls)


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
    fixes = field_fix_map(cls)
    with _already_checked():
        return _new(cls, {k: (fixes[k](v) if k in fixes else v) for k, v in value.items() if k in fields})


def _dict_form(value: Any, depth: int = 1) -> Any:
    """A mapping with any parameter objects inside replaced by their dict form, for checking."""
    if is_value_type(type(value)):
        return value.to_dict()
    if isinstance(value, Mapping) and depth <= MAX_DEPTH:
        return {k: _dict_form(v, depth + 1) for k, v in value.items()}
    return value  # deeper than any config may be: the plain-data check reports it, with its path


# ---- checking one class ---------------------------------------------------------------------------
def check_class(cls: type, data: Mapping[str, Any]) -> Any:
    """Check the dict form of one parameters class: by its published definition when the schema
    describes it, else (a user-defined class) by its own fields.

    Returns the data that was checked: `data` itself, or its plain copy when `data` holds
    subclasses of the JSON types or other mappings (build from that one).
    """
    name = cls.__name__
    if _is_generated(cls):
        problems, checked = class_check(name, data)
    else:
        checked, problems = (data, []) if is_plain(data) else plain_copy(data)
        problems = problems or _user_class_problems(cls, checked)
    if problems:
        note = old_version_note(data, problems) if name == _registry.ROOT_CLASS else None
        raise ParameterValidationError(problems, subject=name, note=note)
    return checked


@cache
def _is_generated(cls: type) -> bool:
    """Is `cls` the class the schema describes under its name (not a user's namesake)?"""
    ref = _registry.CLASS_SCHEMA_REFS.get(cls.__name__)  # e.g. "agents.json#/$defs/LrFactors"
    package = __package__.rsplit(".", 1)[0]
    return ref is not None and cls.__module__ == f"{package}.{ref.split('.json', 1)[0]}"


def _user_class_problems(cls: type, data: Mapping[str, Any]) -> list[Problem]:
    """A user-defined class has no schema: at least reject keys that are not its fields."""
    known = field_names(cls) | {"_type"}
    problems = [unknown_key_problem(cls.__name__, key, known) for key in data if key not in known]
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
    built = build_checked(cls, check_class(cls, data))
    if _holds_groups(cls):
        remember_root(built)
    return built


@cache
def _holds_groups(cls: type) -> bool:
    """Does an object of `cls` hold other objects whose errors an address from it would need?
    (The root does: `rl.lr`; a group of plain values is its own outermost object.)"""
    return any(i.group_class is not None or i.collection_class is not None for i in field_infos(cls))


def build_checked(cls: Any, data: Mapping[str, Any]) -> Any:
    """An object of `cls` from a dict that has passed the schema (so `_type`s match their place):
    by the class's own generated builder (codegen/builders.py; no `__post_init__` runs), else (a
    user's class) through its constructor."""
    if type(data) is dict and "_from_checked_dict" in cls.__dict__:
        return cls._from_checked_dict(data)
    with _already_checked():
        return build_by_constructor(cls, data)


def collection_from_checked(owner: Any, data: Mapping[str, Any], value: Any, collection_class: type) -> Any:
    """The keyed collection field (the agents) of the checked dict `data` of `owner`, built: each
    entry as the class `owner._collection_entry_class` names."""
    if not isinstance(value, Mapping):
        return value
    return collection_class({name: build_checked(owner._collection_entry_class(data, entry), entry)
                             for name, entry in value.items() if isinstance(entry, Mapping)})


def build_by_constructor(cls: Any, data: Mapping[str, Any]) -> Any:
    """`build_checked` through the constructors (what the generated builders must equal): for a
    class without a builder of its own, and in the tests that compare the two. Run inside
    `_already_checked()`: the finished tree is not checked again."""
    kwargs: dict[str, Any] = {}
    for info in field_infos(cls):
        if info.json_name not in data:
            continue
        value = data[info.json_name]
        kind = type(value)
        if kind in _SCALARS:
            if kind is float and info.fix is not None:
                value = info.fix(value)  # 5e3 for an integer field is 5000
        elif kind is dict or isinstance(value, Mapping):
            if info.group_class is not None:
                value = build_by_constructor(info.group_class, value)  # `_type` fits, by the schema
            elif info.value_class is not None:
                value = info.value_class.from_checked_dict(value)  # dispatches on `_type` itself
            elif info.collection_class is not None:
                value = info.collection_class(
                    {
                        name: build_by_constructor(cls._collection_entry_class(data, entry), entry)
                        for name, entry in value.items()
                        if isinstance(entry, Mapping)
                    }
                )
            else:
                value = fresh(value)
        else:  # a list: the object must not share it with the caller
            value = info.fix(value) if info.fix is not None else fresh(value)
        kwargs[info.name] = value
    try:
        return _CALL(cls, **kwargs)  # as `_new` does, without one more frame
    except TypeError:
        return _new(cls, kwargs)


_CALL = type.__call__


def _new(cls: Any, kwargs: dict[str, Any]) -> Any:
    """`cls(**kwargs)` for arguments known to be fields (checked, or filtered): without the
    metaclass's Python-level `__call__`, which would copy every keyword once more."""
    try:
        return _CALL(cls, **kwargs)
    except TypeError:
        problems = argument_problems(cls, (), kwargs)  # a required field left out
        if not problems:
            raise
        raise ParameterValidationError(problems, subject=cls.__name__) from None


def _strip_unknown(cls: Any, data: Mapping[str, Any], path: tuple[Any, ...] = (),
                   removed: list[tuple[Any, ...]] | None = None) -> dict[str, Any]:
    """A copy of `data` without the keys that neither the class nor its schema knows (inside
    groups, agents and update schedules too); their paths are added to `removed`."""
    allowed = field_names(cls) | _meta_keys(cls)
    out: dict[str, Any] = {}
    for info in field_infos(cls):
        if info.json_name in data:
            value = data[info.json_name]
            here = (*path, info.json_name)
            if isinstance(value, Mapping) and info.group_class is not None:
                value = _strip_unknown(info.group_class, value, here, removed)
            elif isinstance(value, Mapping) and info.value_class is not None:
                value = info.value_class.without_extra_keys(value, here, removed)
            elif isinstance(value, Mapping) and info.collection_class is not None:
                value = {
                    name: _strip_unknown(cls._collection_entry_class(data, entry), entry,
                                         (*here, name), removed)
                    if isinstance(entry, Mapping) else entry
                    for name, entry in value.items()
                }
            out[info.json_name] = value
    out.update({k: v for k, v in data.items() if k in allowed and k not in out})
    if removed is not None:
        removed.extend((*path, k) for k in data if k not in out)
    return out


def unknown_keys(cls: Any, data: Mapping[str, Any]) -> list[tuple[Any, ...]]:
    """The paths of the keys in `data` that `from_dict(..., ignore_extra_keys=True)` would drop."""
    removed: list[tuple[Any, ...]] = []
    _strip_unknown(cls, data, (), removed)
    return removed


# ---- values that passed the check as their plain copy --------------------------------------------
_EXACT = frozenset({str, int, float, bool, type(None)})


def _adopt_plain(obj: Any, plain: Any) -> None:
    """Store in `obj` (a parameters object, the agents, a schedule) the values of `plain`, its
    checked dict form, wherever `obj` holds a subclass of a JSON type or a non-dict Mapping."""
    if not isinstance(plain, dict):
        return
    kind = type(obj)
    if isinstance(obj, dict):  # the agents
        pairs = [(name, plain.get(name)) for name in obj]
        for name, value in pairs:
            _adopt_plain(obj[name], value)
        return
    if hasattr(kind, "_normalise"):  # a parameters object: its fields, under their dict keys
        pairs = [(info.name, plain.get(info.json_name)) for info in field_infos(kind)]
    elif hasattr(kind, "_arguments"):  # an update schedule: its arguments
        arguments = plain.get(kind.__name__, {})
        pairs = [(name, arguments.get(name)) for name in obj._arguments()]
    else:
        return
    for name, value in pairs:
        current = getattr(obj, name)
        if is_value_type(type(current)):
            _adopt_plain(current, value)
        else:
            object.__setattr__(obj, name, _plain_like(current, value))


def _plain_like(value: Any, plain: Any) -> Any:
    """`plain`, in the containers of `value` (a tuple stays a tuple, as nip writes it)."""
    if type(value) in _EXACT:
        return value
    if isinstance(value, tuple) and isinstance(plain, list):
        return tuple(_plain_like(v, p) for v, p in zip(value, plain, strict=False))
    if type(value) is list and isinstance(plain, list):
        return [_plain_like(v, p) for v, p in zip(value, plain, strict=False)]
    return plain
