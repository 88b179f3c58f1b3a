"""W&B sweep configurations: written from a sweep spec, and checked against the schema.

A W&B sweep configuration has ``method`` (grid, random, bayes), ``parameters`` (name ->
``{values: [...]}``, ``{value: x}``, ``{min, max, distribution}`` or nested ``{parameters: ...}``)
and a few other keys (``program``, ``command``, ``metric``, ...). Our parameter names are dotted
addresses, so each run's config is a set of overrides: W&B's ``${args_no_hyphens}`` passes them
as ``rl.lr=0.001 seed=3``, the form `nip-params compose` and `with_overrides` read.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from .._files import read_config
from .._files.locate import LineFinder, Position, line_finder
from .._objects.addresses import json_types, resolve
from .._objects.lookup import address_parts
from .._objects.overrides import check_value
from .._schema_files import SWEEP_SPEC_SCHEMA_FILE
from .._validation import closest
from .._validation.file_formats import format_schema
from ..errors import ParameterValidationError, Problem, SpecError, brief
from .compose import root_class
from .spec import MAX_ADDRESSES, Spec, root_contexts

__all__ = ["METHODS", "check_wandb_config", "check_wandb_sweep", "wandb_sweep_config"]

# W&B's sweep configuration keys and methods, as the sweep-spec schema states them (its `wandb`).
_WANDB = format_schema(SWEEP_SPEC_SCHEMA_FILE)["$defs"]["wandb"]["properties"]
METHODS = tuple(_WANDB["method"]["enum"])
_TOP_KEYS = tuple(_WANDB)
_DISTRIBUTIONS = {  # W&B's distributions, and the JSON type they draw
    "constant": None, "categorical": None, "int_uniform": "integer", "uniform": "number",
    "q_uniform": "number", "log_uniform": "number", "log_uniform_values": "number",
    "q_log_uniform": "number", "q_log_uniform_values": "number", "inv_log_uniform": "number",
    "inv_log_uniform_values": "number", "normal": "number", "q_normal": "number",
    "log_normal": "number", "q_log_normal": "number", "beta": "number", "q_beta": "number",
}
_BOUNDS = ("min", "max")


def wandb_sweep_config(spec: Spec) -> dict[str, Any]:
    """The W&B sweep configuration of a spec: ``method: grid`` and every grid address as a
    parameter; the spec's ``wandb`` keys are added. A zip group has no W&B form (a grid sweep
    varies each parameter on its own): `SpecError`. The result is checked as ``sweep --check``
    checks a file (`SpecError`, each problem at its place in the spec)."""
    if spec.zipped:
        problem = Problem(("zip",), "a W&B grid sweep varies every parameter on its own, so a zip "
                          "group cannot be written with --format wandb",
                          hint="expand the sweep here (--format json or yaml), or move the zipped "
                          "addresses to grid")
        raise SpecError([problem], source=spec.source, lines=[spec.line(("zip",))])
    out: dict[str, Any] = {"method": "grid"}
    out.update(spec.wandb)
    out["parameters"] = {address: {"values": list(values)} for address, values in spec.grid.items()}
    try:  # never a configuration that `sweep --check` refuses
        check_wandb_config(out, spec.source)
    except SpecError as error:
        moved = sorted(((replace(p, path=_in_spec(p.path)), spec.line(_in_spec(p.path))) for p in error.problems),
                       key=lambda item: item[1] or (1 << 30, 0))
        raise SpecError([p for p, _ in moved], source=spec.source, lines=[n for _, n in moved]) from None
    return out


def _in_spec(path: tuple[Any, ...]) -> tuple[Any, ...]:
    """Where a key of the written W&B configuration comes from in the spec: a parameter's values
    from grid (``parameters.ADDRESS.values.0`` -> ``grid.ADDRESS.0``), the rest from wandb."""
    if path[:1] == ("parameters",) and len(path) > 1:
        return ("grid", path[1], *path[3:4])
    return ("wandb", *path)


def check_wandb_sweep(source: str | os.PathLike[str]) -> int:
    """Check a W&B sweep file: its keys, method, and each parameter's name (an address) and values
    against the schema. Returns the number of parameters; `SpecError` lists every problem."""
    loaded = read_config(source)
    return check_wandb_config(loaded.data, loaded.name, line_finder(loaded.text))


def check_wandb_config(data: Any, source: str, line: LineFinder = lambda path, **_: None) -> int:
    """Check a W&B sweep configuration (`check_wandb_sweep` on a file's data; `sweep --format
    wandb` on what it is about to write): the check behind ``sweep --check``.

    The values the file fixes (a parameter with one value) make the config its swept values go
    into: an agent field is checked against the agent class of the scenario the file fixes (or of
    each scenario it sweeps), and against every agent class only when it fixes none.
    """
    found: list[tuple[Problem, Position | None]] = []

    def add(path: tuple[Any, ...], message: str, hint: str | None = None) -> None:
        at_key = message.startswith("unknown ")  # an unknown key is pointed at, not its value
        item = (Problem(path, message, hint=hint), line(path, at_key=at_key))
        if item not in seen:
            seen.add(item)
            found.append(item)

    seen: set[tuple[Problem, Position | None]] = set()
    if not isinstance(data, Mapping):
        add((), f"expected a W&B sweep configuration (a mapping), got {type(data).__name__}")
        data = {}
    for key in data:
        if key not in _TOP_KEYS:
            guess = closest(str(key), _TOP_KEYS)
            add((key,), f"unknown key {brief(key)} for a W&B sweep configuration",
                hint=f"did you mean {guess!r}?" if guess else None)
    method = data.get("method")
    if method not in METHODS:
        add(("method",), f"expected method to be one of {', '.join(METHODS)}, got {brief(method)}")
    parameters = data.get("parameters")
    if not isinstance(parameters, Mapping) or not parameters:
        add(("parameters",), f"expected a mapping of parameter name -> spec, got {brief(parameters)}")
        parameters = {}
    flat = _flatten(parameters, ("parameters",), add)
    if len(flat) > MAX_ADDRESSES:  # told at once: its line, and every other problem, would cost more
        raise SpecError([Problem(("parameters",), f"{len(flat):,} parameters, more than the limit of "
                                 f"{MAX_ADDRESSES:,}")], source=source, what="W&B sweep file")
    _report_twice_given(flat, add)
    root = root_class()
    contexts = [(context, _decides(root, context)) for context in _contexts(root, flat)]
    for address, path, spec in flat:
        target, fitting = None, []  # the contexts in which the address exists
        for context, decided in contexts:
            try:
                target = resolve(root, context, address_parts(address), any_entry_class=not decided)
                fitting.append((context, decided))
            except ParameterValidationError as error:
                for problem in error.problems:
                    add(path, problem.message, problem.hint)
            if target is not None and "entry" not in target.kinds:
                break  # not an agent field: the context does not change it
        if target is None:
            continue
        types = json_types(target.schema)
        if _draws(spec) == "number" and "integer" in types and "number" not in types:
            add((*path, "distribution"), f"{spec.get('distribution', 'uniform')} draws any number "
                f"and {address} takes an integer", hint="use int_uniform, or list the values")
        for where, value in _values(spec, path, method, add):
            for context, decided in fitting:
                _, problems = check_value(root, context, address, value, any_entry_class=not decided)
                for problem in problems:
                    text = problem.message if problem.address == address else f"{problem.address}: {problem.message}"
                    add(where, text, problem.hint)
    if found:
        found.sort(key=lambda item: item[1] or (1 << 30, 0))
        raise SpecError([p for p, _ in found], source=source, lines=[n for _, n in found],
                        what="W&B sweep file")
    return len(flat)


Flat = list[tuple[str, tuple[Any, ...], Mapping[str, Any]]]


def _flatten(parameters: Mapping[str, Any], path: tuple[Any, ...], add: Any, prefix: str = "") -> Flat:
    """Each parameter: its name (nested ``parameters:`` joined with dots), path and spec. A name
    given twice (``rl.lr`` and ``rl: {parameters: {lr: ...}}``) is listed (and checked) twice."""
    out: Flat = []
    for name, spec in parameters.items():
        where = (*path, name)
        if not isinstance(spec, Mapping):
            add(where, f"expected a parameter spec ({{values: [...]}}, {{value: x}} or {{min, max}}), "
                f"got {brief(spec)}")
            continue
        if isinstance(spec.get("parameters"), Mapping):
            out += _flatten(spec["parameters"], (*where, "parameters"), add, f"{prefix}{name}.")
        else:
            out.append((f"{prefix}{name}", where, spec))
    return out


def _report_twice_given(flat: Flat, add: Any) -> None:
    first: dict[str, tuple[Any, ...]] = {}
    for address, path, _ in flat:
        if address in first:
            add(path, f"{address} is given twice: here and at {'.'.join(map(str, first[address]))}",
                hint="a run would get two values for it; keep one")
        else:
            first[address] = path


def _decides(root: Any, context: Mapping[str, Any]) -> bool:
    """Do the root values of `context` decide the class of an agent (as a fixed scenario does)?"""
    return root._collection_entry_class(context, {}) is not root._collection_entry_class({}, {})


def _contexts(root: Any, flat: Flat) -> list[dict[str, Any]]:
    """The root values a run can have, for the class of agent entries: every root parameter's
    value (fixed), or each of its listed values (swept); one context for each agent class."""
    varied: list[tuple[str, list[Any]]] = []
    for address, _, spec in flat:
        values = [spec["value"]] if "value" in spec else spec.get("values")
        if "." not in address and isinstance(values, list) and values:
            scalars: list[Any] = [v for v in values if isinstance(v, str | int | float | bool)]
            varied.append((address, scalars or [None]))
    return root_contexts(root, {}, varied)


def _values(spec: Mapping[str, Any], path: tuple[Any, ...], method: Any, add: Any) -> list[tuple[tuple[Any, ...], Any]]:
    """Each value a parameter can take that can be checked, with its path in the file."""
    if "value" in spec:
        return [((*path, "value"), spec["value"])]
    if "values" in spec:
        values = spec["values"]
        if not isinstance(values, list) or not values:
            add((*path, "values"), f"expected a non-empty list, got {brief(values)}")
            return []
        return [((*path, "values", i), v) for i, v in enumerate(values)]
    distribution = spec.get("distribution")
    if distribution is not None and distribution not in _DISTRIBUTIONS:
        guess = closest(str(distribution), list(_DISTRIBUTIONS))
        add((*path, "distribution"), f"unknown distribution {brief(distribution)}",
            hint=f"did you mean {guess!r}?" if guess else None)
        return []
    if method == "grid":
        add(path, "a grid sweep needs values (or value) for every parameter, not a distribution")
        return []
    if not any(bound in spec for bound in _BOUNDS):
        add(path, "expected values, value, or min and max")
        return []
    bounds = [((*path, b), spec[b]) for b in _BOUNDS if b in spec]
    if distribution is None:  # W&B: int_uniform when both bounds are integers, else uniform
        both_int = all(isinstance(v, int) and not isinstance(v, bool) for _, v in bounds)
        distribution = "int_uniform" if both_int else "uniform"
    return bounds


def _draws(spec: Mapping[str, Any]) -> str | None:
    """The JSON type a distribution draws (None: values listed, nothing drawn)."""
    if "value" in spec or "values" in spec:
        return None
    distribution = spec.get("distribution")
    if distribution is None:
        bounds = [spec.get(b) for b in _BOUNDS]
        distribution = "int_uniform" if all(isinstance(v, int) and not isinstance(v, bool)
                                            for v in bounds) else "uniform"
    return _DISTRIBUTIONS.get(distribution)
