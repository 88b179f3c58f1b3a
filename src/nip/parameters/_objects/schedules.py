"""Update schedules, written by hand: their base (it has no fields of its own) and the two mixins the
schema names with `x-python-mixin`.

The schema describes only the base's dict form (`x-python-handwritten`): `{"_type": Name}`, plus
`Name: {arguments}` when the schedule has arguments. The arguments are the constructor's: a field
that is set by the class itself (`init=False`, the alternating schedule's `start`/`stop`) is neither
written nor shown.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from functools import cache
from typing import Any, TypeVar

from .._registry import CLASS_SCHEMA_REFS
from .._validation import class_check, class_problems, closest, unknown_key_problem
from .._validation.plain_data import is_plain, plain_copy
from ..errors import ParameterValidationError, Problem, brief
from .arguments import ParameterClassMeta
from .coerce import field_fix_map
from .values import PARAMETER_CLASSES, PARAMETER_VALUE_CLASSES, ParameterValue

__all__ = ["AgentUpdateSchedule", "AlternatingScheduleBehaviour", "ConstantScheduleBehaviour"]

_BASE_SCHEMA = "AgentUpdateSchedule"  # the dict form of any schedule: dispatch on `_type`


@cache
def _argument_names(cls: type) -> tuple[str, ...]:
    if not dataclasses.is_dataclass(cls):
        return ()  # the base itself, which nip lets one instantiate
    return tuple(f.name for f in dataclasses.fields(cls) if f.init)


_S = TypeVar("_S", bound="AgentUpdateSchedule")  # (not `Self`: jedi follows only a TypeVar)

class AgentUpdateSchedule(ParameterValue, metaclass=ParameterClassMeta):
    """Base of the update schedules. Subclasses are frozen dataclasses of their arguments.

    Serialised as ``{"_type": Name}``, plus ``Name: {arguments}`` when there are arguments.
    """

    def _arguments(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in _argument_names(type(self))}

    def to_dict(self) -> dict[str, Any]:
        name = type(self).__name__
        arguments = self._arguments()
        return {"_type": name, name: arguments} if arguments else {"_type": name}

    @classmethod
    def from_dict(cls: type[_S], params_dict: Mapping[str, Any], ignore_extra_keys: bool = False) -> _S:
        """Build the schedule that ``_type`` names, checking the dict against the schema first.

        Called on a subclass, the schedule must be of that class (or a subclass of it). With
        `ignore_extra_keys`, keys that are not arguments are dropped instead of being reported.
        """
        if not isinstance(params_dict, Mapping):
            raise ParameterValidationError.single(
                (), f"expected an object (dict) for {cls.__name__}, got {type(params_dict).__name__}"
            )
        target = _schedule_class(params_dict.get("_type"))
        if ignore_extra_keys:
            params_dict = cls.without_extra_keys(params_dict)
        problems, checked = _check(cls, target, params_dict)
        if problems:
            raise ParameterValidationError(problems, subject=cls.__name__)
        return cls.from_checked_dict(checked)

    @classmethod
    def from_checked_dict(cls: type[_S], data: Mapping[str, Any]) -> _S:
        """Build from a dict that has passed the check (inside a config that was checked whole)."""
        target: Any = _schedule_class(data["_type"])
        arguments = data.get(target.__name__)
        if not arguments:
            return type.__call__(target)
        fixes = field_fix_map(target)
        return type.__call__(target, **{  # not the metaclass's call: the arguments are converted here
            name: fixes[name](arguments[name]) if name in fixes else arguments[name]
            for name in _argument_names(target) if name in arguments
        })

    @classmethod
    def without_extra_keys(cls, data: Mapping[str, Any], path: tuple[Any, ...] = (),
                           removed: list[tuple[Any, ...]] | None = None) -> Mapping[str, Any]:
        """The schedule's dict without keys that are not its `_type` or arguments (their paths go
        to `removed`); a dict whose `_type` names no schedule is left for the check to report."""
        target = _schedule_class(data.get("_type"))
        if target is None:
            return data
        out = _strip_schedule(target, data)
        if removed is not None:
            removed.extend((*path, k) for k in data if k not in out)
            inner, kept = data.get(target.__name__), out.get(target.__name__)
            if isinstance(inner, Mapping) and isinstance(kept, Mapping):
                removed.extend((*path, target.__name__, k) for k in inner if k not in kept)
        return out

    def __str__(self) -> str:
        # nip formats the arguments with str(), e.g. "ContiguousPeriodicUpdateSchedule(period=7, ...)"
        inner = ", ".join(f"{k}={v}" for k, v in self._arguments().items())
        return f"{type(self).__name__}({inner})"


def _schedule_class(name: Any) -> type | None:
    """The registered schedule class a `_type` names (value classes first, as nip looks them up)."""
    if not isinstance(name, str):
        return None
    found = PARAMETER_VALUE_CLASSES.get(name) or PARAMETER_CLASSES.get(name)
    known = _IS_SCHEDULE.get(found)
    if known is None:
        known = _IS_SCHEDULE[found] = isinstance(found, type) and issubclass(
            found, AgentUpdateSchedule) and dataclasses.is_dataclass(found)
    return found if known else None


_IS_SCHEDULE: dict[Any, bool] = {}  # registered class -> is it a schedule class (asked per agent)


def _strip_schedule(target: type, data: Mapping[str, Any]) -> dict[str, Any]:
    """A schedule's dict without the keys that are not its `_type` or arguments. A `_type` is
    never an extra key: one among the arguments is left for the check to refuse."""
    out: dict[str, Any] = {"_type": data["_type"]}
    arguments = data.get(target.__name__)
    if isinstance(arguments, Mapping):
        names = (*_argument_names(target), "_type")
        out[target.__name__] = {k: v for k, v in arguments.items() if k in names}
    elif target.__name__ in data:
        out[target.__name__] = arguments  # not a dict: the check reports it
    return out


def _check(cls: type, target: type | None, data: Mapping[str, Any]) -> tuple[list[Problem], Any]:
    """The problems of a schedule's dict, and the checked data to build from (see `class_check`)."""
    if target is None:
        # no registered schedule class: the schema of any schedule says what is wrong with `_type`
        return class_problems(_BASE_SCHEMA, data) or [_unknown_type(data.get("_type"))], data
    if _is_generated(target):
        problems, checked = class_check(target.__name__, data)
    else:
        checked, problems = (data, []) if is_plain(data) else plain_copy(data)
        problems = problems or _user_schedule_problems(target, checked)
    if not problems and not issubclass(target, cls):
        problems = [Problem(("_type",), f"expected a {cls.__name__}, got {brief(data['_type'])}",
                            expected=cls.__name__, actual=data["_type"])]
    return problems, checked


def _is_generated(target: type) -> bool:
    ref = CLASS_SCHEMA_REFS.get(target.__name__, "")
    return ref.startswith("update_schedule.json") and target.__module__.endswith(".update_schedule")


def _unknown_type(name: Any) -> Problem:
    known = [n for n, c in PARAMETER_VALUE_CLASSES.items() if _schedule_class(n) is c]
    guess = closest(name, known) if isinstance(name, str) else None
    return Problem(("_type",), f"{brief(name)} is not an update schedule class",
                   expected=f"one of {', '.join(map(repr, known))}", actual=name,
                   hint=f"did you mean {guess!r}?" if guess else None)


def _user_schedule_problems(target: type, data: Mapping[str, Any]) -> list[Problem]:
    """A schedule class the schema does not describe (a user's): check keys by its arguments."""
    name = target.__name__
    problems = [Problem((key,), f"unknown key {brief(key)} for {name}")
                for key in data if key not in ("_type", name)]
    arguments = data.get(name, {})
    if not isinstance(arguments, Mapping):
        return [*problems, Problem((name,), f"expected an object (dict) of arguments, got {brief(arguments)}")]
    names = _argument_names(target)
    problems += [unknown_key_problem(name, key, names).prefixed(name)
                 for key in arguments if key not in names]
    required = [f.name for f in dataclasses.fields(target) if f.init and
                f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
    problems += [Problem((name, key), f"missing required key {key!r}") for key in required
                 if key not in arguments]
    return problems


class ConstantScheduleBehaviour:
    """Marks the schedule that updates on every iteration: agents that all have it are
    summarised as "Standard" in `agents_update_repr`."""


class AlternatingScheduleBehaviour:
    """The first agent updates on cycle positions [0, n), the second on [n, period)."""

    period: Any
    first_agent_num_rounds: Any
    first_agent: Any

    def __post_init__(self) -> None:
        n = self.first_agent_num_rounds  # an int: the metaclass made 4.0 given for it 4
        start, stop = (0, n) if self.first_agent else (n, self.period)
        object.__setattr__(self, "start", start)  # the schedule is frozen
        object.__setattr__(self, "stop", stop)
