"""Expanding a sweep: one checked config per combination of the grid, with a deterministic name.

Every combination is built (and so checked) before anything is returned or written; the
problems of all of them are reported together, each with the combinations it occurs in.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from .._objects.dump import dump_value
from .._objects.overrides import set_values
from ..errors import ParameterValidationError, Problem, SpecError, counted
from .compose import Source, root_class
from .spec import INDEX_PLACEHOLDER, Spec, load_spec, placeholders

__all__ = ["MAX_RUNS", "Combination", "expand", "expand_sweep", "overrides_text"]

# Real sweeps run hundreds to tens of thousands of configs. Every combination is built and kept
# (about 15 kB of memory each, 8 kB written), so 100,000 runs take about 1.5 GB and a minute or
# two on one core: past that, a spec is almost surely a mistake (a list too many); `max_runs`
# (`sweep --max-runs N`) raises the limit for a sweep meant to be that large.
MAX_RUNS = 100_000

_UNSAFE = re.compile(r"[^A-Za-z0-9._+=-]+")
_SHOWN_COMBINATIONS = 3  # a problem that many combinations share names the first few


@dataclass(frozen=True)
class Combination:
    """One config of a sweep: its file name (without extension), its overrides, the config."""

    name: str
    overrides: dict[str, Any]
    params: Any


def _steps(spec: Spec) -> Iterator[dict[str, Any]]:
    order = {address: i for i, address in enumerate(spec.grid)}
    for chosen in itertools.product(*(axis.steps for axis in spec.axes)):
        pairs = [(a, v) for axis, step in zip(spec.axes, chosen, strict=True)
                 for a, v in zip(axis.addresses, step, strict=True)]
        yield dict(sorted(pairs, key=lambda pair: order[pair[0]]))


def expand(spec: Spec, *, max_runs: int = MAX_RUNS) -> list[Combination]:
    """Every combination of `spec`, built and checked; `ParameterValidationError` lists the
    problems of all invalid ones (and a `SpecError` names clashing file names). A spec of more
    than `max_runs` combinations is refused (`SpecError`) before any is built."""
    check_size(spec, max_runs)
    root = root_class()
    built: list[tuple[dict[str, Any], Any]] = []
    failed: dict[Problem, list[tuple[int, dict[str, Any]]]] = {}
    setters = spec.setters
    for index, overrides in enumerate(_steps(spec)):
        data = set_values(spec.base, [(setters[a], v) for a, v in overrides.items()])
        try:
            built.append((overrides, root.from_dict(data)))
        except ParameterValidationError as error:
            for problem in error.problems:
                failed.setdefault(problem, []).append((index, overrides))
    if failed:
        raise _sweep_error(failed, spec.count)
    names = _names(spec, built)
    return [Combination(n, o, p) for n, (o, p) in zip(names, built, strict=True)]


def check_size(spec: Spec, max_runs: int = MAX_RUNS) -> None:
    """Refuse a spec of more than `max_runs` combinations, from the lengths of its axes alone."""
    if spec.count <= max_runs:
        return
    sizes = " x ".join(str(len(axis.steps)) for axis in spec.axes)
    problem = Problem(("grid",), f"the grid makes {spec.count:,} combinations ({sizes}), more than "
                      f"the limit of {max_runs:,} runs",
                      hint="shorten a list of values, or raise the limit: sweep --max-runs N "
                      "(max_runs=N in Python)")
    raise SpecError([problem], source=spec.source, lines=[spec.line(("grid",))])


def expand_sweep(spec: Source, *, max_runs: int = MAX_RUNS) -> list[tuple[dict[str, Any], Any]]:
    """Every combination of a sweep spec (a file or a mapping): its overrides and its config.

    The spec has ``base`` (a file or an inline config), ``grid`` (address -> list of values),
    optionally ``zip`` (lists of grid addresses varied together) and ``name`` (a file name
    template). A spec of more than `max_runs` combinations (default `MAX_RUNS`, 100,000) is
    refused before anything is built. Every combination is checked; a `ParameterValidationError` lists every problem
    with the combinations it occurs in (`SpecError`, with lines, for a malformed spec).
    """
    return [(c.overrides, c.params) for c in expand(load_spec(spec), max_runs=max_runs)]


def overrides_text(overrides: dict[str, Any]) -> str:
    """``rl.lr=0.001 seed=3``: the overrides as they would be written on a command line."""
    return " ".join(f"{a}={_value_text(v)}" for a, v in overrides.items())


def _value_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _sweep_error(failed: dict[Problem, list[tuple[int, dict[str, Any]]]], total: int) -> ParameterValidationError:
    width = _width(total)
    problems = []
    for problem, where in failed.items():
        shown = "; ".join(f"#{i:0{width}d} ({overrides_text(o)})" for i, o in where[:_SHOWN_COMBINATIONS])
        if len(where) == 1:
            note = f"in combination {shown}"
        else:
            more = f"; and {len(where) - _SHOWN_COMBINATIONS} more" if len(where) > _SHOWN_COMBINATIONS else ""
            note = f"in {len(where)} of {counted(total, 'combination')}: {shown}{more}"
        problems.append(replace(problem, hint=f"{problem.hint}; {note}" if problem.hint else note))
    invalid = len({i for where in failed.values() for i, _ in where})
    return ParameterValidationError(problems, subject=f"sweep ({invalid} of {counted(total, 'combination')})")


def _width(count: int) -> int:
    return max(1, math.ceil(math.log10(count))) if count > 1 else 1


def _names(spec: Spec, built: list[tuple[dict[str, Any], Any]]) -> list[str]:
    width = _width(len(built))
    template = spec.name or "{" + INDEX_PLACEHOLDER + "}"
    wanted = placeholders(template)
    names = []
    for index, (overrides, params) in enumerate(built):
        values = {}
        for placeholder in wanted:
            if placeholder == INDEX_PLACEHOLDER:
                values[placeholder] = f"{index:0{width}d}"
            elif placeholder in overrides:
                values[placeholder] = _value_text(overrides[placeholder])
            else:
                try:
                    values[placeholder] = _value_text(dump_value(params.get(placeholder)))
                except KeyError:  # e.g. an agent this combination does not have
                    problem = Problem(("name",), f"{{{placeholder}}} has no value in combination "
                                      f"#{index} ({overrides_text(overrides)})")
                    raise SpecError([problem], source=spec.source, lines=[spec.line(("name",))]) from None
        name = template
        for placeholder, text in values.items():
            name = name.replace("{" + placeholder + "}", text)
        names.append(_UNSAFE.sub("_", name).strip("._") or f"{index:0{width}d}")
    _check_unique(spec, names)
    return names


def _check_unique(spec: Spec, names: list[str]) -> None:
    seen: dict[str, int] = {}
    for index, name in enumerate(names):
        if name in seen:
            problem = Problem(("name",), f"combinations #{seen[name]} and #{index} are both named {name!r}",
                              hint="add the addresses that differ, or {index}, to the name template")
            raise SpecError([problem], source=spec.source, lines=[spec.line(("name",))])
        seen[name] = index
