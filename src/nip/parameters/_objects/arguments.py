"""Constructor calls with a wrong keyword: the same addressed problem, with the same hint, as a
wrong key in a dict (`HyperParameters(..., sede=3)` -> `sede: unknown keyword 'sede' for
HyperParameters (did you mean 'seed'?)`), instead of the dataclass's bare TypeError.

The classes stay plain dataclasses: their metaclass only looks at the arguments when the generated
`__init__` has refused them, so a correct call costs one Python-level call more.
"""

from __future__ import annotations

import dataclasses
from abc import ABCMeta
from typing import Any

from .._validation import unknown_key_problem
from ..errors import ParameterArgumentError, Problem

__all__ = ["ParameterClassMeta", "argument_problems"]


class ParameterClassMeta(ABCMeta):
    """The metaclass of the parameters dataclasses and the update schedules."""

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        try:
            return type.__call__(cls, *args, **kwargs)
        except TypeError:
            problems = argument_problems(cls, args, kwargs)
            if not problems:
                raise  # a TypeError from inside the object, not from its arguments
            raise ParameterArgumentError(problems, subject=cls.__name__) from None


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
