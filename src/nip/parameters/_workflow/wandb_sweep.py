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
from typing import Any

from .._files import read_config
from .._files.locate import Position, line_finder
from .._objects.addresses import json_types, resolve
from .._objects.lookup import address_parts
from .._objects.overrides import check_value
from .._validation import closest
from ..errors import ParameterValidationError, Problem, SpecError, brief
from .compose import root_class
from .spec import Spec

__all__ = ["METHODS", "check_wandb_sweep", "wandb_sweep_config"]

METHODS = ("grid", "random", "bayes")
_TOP_KEYS = ("program", "method", "parameters", "metric", "early_terminate", "name", "description",
             "command", "project", "entity", "run_cap")
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
    varies each parameter on its own): `SpecError`."""
    if spec.zipped:
        problem = Problem(("zip",), "a W&B grid sweep varies every parameter on its own, so a zip "
                          "group cannot be written with --format wandb",
                          hint="expand the sweep here (--format json or yaml), or move the zipped "
                          "addresses to grid")
        raise SpecError([problem], source=spec.source, lines=[spec.line(("zip",))])
    out: dict[str, Any] = {"method": "grid"}
    out.update(spec.wandb)
    out["parameters"] = {address: {"values": list(values)} for address, values in spec.grid.items()}
    return out


def check_wandb_sweep(source: str | os.PathLike[str]) -> int:
    """Check a W&B sweep file: its keys, method, and each parameter's name (an address) and values
    against the schema. Returns the number of parameters; `SpecError` lists every problem."""
    loaded = read_config(source)
    line = line_finder(loaded.text)
    found: list[tuple[Problem, Position | None]] = []

    def add(path: tuple[Any, ...], message: str, hint: str | None = None) -> None:
        found.append((Problem(path, message, hint=hint), line(path, at_key=message.startswith("unknown "))))

    data = loaded.data
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
    context = _context(flat)
    root = root_class()
    for address, (path, spec) in flat.items():
        try:
            target = resolve(root, context, address_parts(address), any_entry_class=True)
        except ParameterValidationError as error:
            for problem in error.problems:
                add(path, problem.message, problem.hint)
            continue
        types = json_types(target.schema)
        if _draws(spec) == "number" and "integer" in types and "number" not in types:
            add((*path, "distribution"), f"{spec.get('distribution', 'uniform')} draws any number "
                f"and {address} takes an integer", hint="use int_uniform, or list the values")
        for where, value in _values(spec, path, method, add):
            _, problems = check_value(root, context, address, value, any_entry_class=True)
            for problem in problems:
                text = problem.message if problem.address == address else f"{problem.address}: {problem.message}"
                add(where, text, problem.hint)
    if found:
        found.sort(key=lambda item: item[1] or (1 << 30, 0))
        raise SpecError([p for p, _ in found], source=loaded.name, lines=[n for _, n in found],
                        what="W&B sweep file")
    return len(flat)


def _flatten(parameters: Mapping[str, Any], path: tuple[Any, ...], add: Any,
             prefix: str = "") -> dict[str, tuple[tuple[Any, ...], Mapping[str, Any]]]:
    """Parameter name (nested ``parameters:`` joined with dots) -> (its path, its spec)."""
    out: dict[str, tuple[tuple[Any, ...], Mapping[str, Any]]] = {}
    for name, spec in parameters.items():
        where = (*path, name)
        if not isinstance(spec, Mapping):
            add(where, f"expected a parameter spec ({{values: [...]}}, {{value: x}} or {{min, max}}), "
                f"got {brief(spec)}")
            continue
        if isinstance(spec.get("parameters"), Mapping):
            out.update(_flatten(spec["parameters"], (*where, "parameters"), add, f"{prefix}{name}."))
        else:
            out[f"{prefix}{name}"] = (where, spec)
    return out


def _context(flat: dict[str, tuple[tuple[Any, ...], Mapping[str, Any]]]) -> dict[str, Any]:
    """Root fields every run has (a parameter with one value): they decide the agent classes."""
    context: dict[str, Any] = {}
    for address, (_, spec) in flat.items():
        if "." not in address:
            if "value" in spec:
                context[address] = spec["value"]
            elif isinstance(spec.get("values"), list) and len(spec["values"]) == 1:
                context[address] = spec["values"][0]
    return context


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
