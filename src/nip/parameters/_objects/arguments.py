"""Constructor calls with a wrong keyword: the same addressed problem, with the same hint, as a
wrong key in a dict (`HyperParameters(..., sede=3)` -> `sede: unknown keyword 'sede' for
HyperParameters (did you mean 'seed'?)`), instead of the dataclass's bare TypeError.

The classes stay plain dataclasses. Their metaclass also stores the caller's values as the fields
hold them (`coerce`: an integral float for an integer field is an int, a list is copied), looking
only at the arguments given, and at the arguments' names only when the generated `__init__` has
refused them: a correct call costs one Python-level call more. Objects built inside the package
(`build`) skip it: their values are converted where they are read.
"""

from __future__ import annotations

import dataclasses
from abc import ABCMeta
from typing import TYPE_CHECKING, Any

from .._validation import unknown_key_problem
from ..errors import ParameterArgumentError, Problem
from .coerce import field_fix_map

__all__ = ["ParameterClassMeta", "argument_problems"]


class ParameterClassMeta(ABCMeta):
    """The metaclass of the parameters dataclasses and the update schedules."""

    # Hidden from type checkers, which then read the generated `__init__` signature of each class
    # (what each argument accepts) instead of this catch-all returning Any.
    if not TYPE_CHECKING:

        def __call__(cls, *args: Any, **kwargs: Any) -> Any:
            if kwargs or args:  # the caller's values as the fields hold them: ints, own lists
                fixes = field_fix_map(cls)
                for key, value in kwargs.items():  # (`kwargs` is this call's own dict)
                    if key in fixes and type(value) not in _UNCHANGED:
                        kwargs[key] = fixes[key](value)
                if args and fixes:
                    args = _fixed_positionals(cls, fixes, args)
            try:
                return type.__call__(cls, *args, **kwargs)
            except TypeError:
                problems = argument_problems(cls, args, kwargs)
                if not problems:
                    raise  # a TypeError from inside the object, not from its arguments
                raise ParameterArgumentError(problems, subject=cls.__name__) from None


_UNCHANGED = frozenset({int, bool, str, type(None)})  # values no `coerce` conversion changes


def _fixed_positionals(cls: type, fixes: dict[str, Any], args: tuple[Any, ...]) -> tuple[Any, ...]:
    names = [f.name for f in dataclasses.fields(cls) if f.init]
    return tuple(fixes[name](value) if name in fixes and type(value) not in _UNCHANGED else value
                 for name, value in zip(names, args, strict=False)) + args[len(names):]


def argument_problems(cls: type, args: tuple[Any, ...], kwargs: dict[str, Any]) -> list[Problem]:
    """What is wrong with these constructor arguments of the dataclass `cls` (empty if nothing)."""
    if not dataclasses.is_dataclass(cls):
        return []
    fields = [f for f in dataclasses.fields(cls) if f.init]
    names = [f.name for f in fields]
    problems: list[Problem] = []
    if len(args) > len(names):
        problems.append(Problem((), f"{cls.__name__} takes at most {len(names)} positional "
                                    f"arguments, got {len(args)}"))
    given = set(names[: len(args)])
    for key in kwargs:
        if key not in names:
            problems.append(unknown_key_problem(cls.__name__, key, names, word="keyword"))
        elif key in given:
            problems.append(Problem((key,), f"{key!r} is given twice, by position and by keyword"))
    given |= kwargs.keys()
    problems += [
        Problem((f.name,), f"missing required argument {f.name!r} for {cls.__name__}",
                expected=f"a value for {f.name!r}")
        for f in fields
        if f.name not in given
        and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    ]
    return problems
