"""The sweep spec, read and checked as a whole before anything is expanded.

```yaml
base: base.yaml                 # a file (relative to the spec), an inline config, or a list of them
grid:                           # address -> the values it takes (the cartesian product)
  rl.lr: [0.0003, 0.001]
  agents.prover.num_gnn_layers: [2, 5]
  seed: [1, 2]
zip:                            # optional: grid addresses varied together (lists of equal length)
  - [rl.lr, seed]
name: "lr{rl.lr}-p{agents.prover.num_gnn_layers}"   # optional: file names ({index} by default)
wandb: {program: train.py}      # optional: extra keys of the W&B sweep configuration
```

Every problem is reported at its place in the spec (``grid.rl.lrr``) and, for a file, its line.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._files import read_config
from .._files.locate import LineFinder, Position, line_finder
from .._objects.addresses import resolve
from .._objects.lookup import address_parts
from .._objects.overrides import Setter, check_value, setter
from .._schema_files import SWEEP_SPEC_SCHEMA_FILE
from .._validation import closest
from .._validation.file_formats import format_problems
from ..errors import (
    ConfigFileError,
    ParameterValidationError,
    Problem,
    SpecError,
    brief,
)
from .compose import Source, load_base, merge, root_class

__all__ = ["INDEX_PLACEHOLDER", "MAX_ADDRESSES", "Axis", "Spec", "load_spec", "placeholders"]

INDEX_PLACEHOLDER = "index"
# A config has about 400 values; a grid varies a handful. The limit keeps a spec's check (about
# 0.3 ms an address) to a few seconds; a W&B sweep file's parameters have the same limit.
MAX_ADDRESSES = 10_000
_GUESSES = 20  # "did you mean" hints for unknown zip addresses (each costs a pass over the grid)
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True)
class Axis:
    """One dimension of the product: a grid address, or a zip group varied together."""

    addresses: tuple[str, ...]
    steps: tuple[tuple[Any, ...], ...]  # per step, one value for each address


@dataclass
class Spec:
    """A checked spec: the merged base, the grid (values converted to their schema types), the
    axes of the product and how each address is set."""

    source: str
    base: dict[str, Any]
    grid: dict[str, list[Any]]
    setters: dict[str, Setter]
    axes: list[Axis]
    name: str | None
    wandb: dict[str, Any]
    zipped: bool
    line: LineFinder = field(repr=False)
    inputs: tuple[str, ...] = ()  # the spec file and the base files read: never an output

    @property
    def count(self) -> int:
        total = 1
        for axis in self.axes:
            total *= len(axis.steps)
        return total


def placeholders(template: str) -> list[str]:
    return _PLACEHOLDER.findall(template)


class _Problems:
    """Problems collected while checking, each with its spec path (for the line)."""

    def __init__(self, line: LineFinder) -> None:
        self.items: list[tuple[Problem, Position | None]] = []
        self.seen: set[tuple[Problem, Position | None]] = set()  # a set: N problems cost O(N), not O(N^2)
        self.line = line

    def add(self, path: tuple[Any, ...], message: str, hint: str | None = None) -> None:
        at_key = message.startswith("unknown ")  # an unknown key is pointed at, not its value
        self.items.append((Problem(path, message, hint=hint), self.line(path, at_key=at_key)))

    def extend(self, where: tuple[Any, ...], address: str, problems: list[Problem]) -> None:
        """Problems of the config at `address`, reported at `where` in the spec."""
        for problem in problems:
            text = problem.message if problem.address == address else f"{problem.address}: {problem.message}"
            item = (Problem(where, text, hint=problem.hint), self.line(where))
            if item not in self.seen:
                self.seen.add(item)
                self.items.append(item)

    def raise_if_any(self, source: str) -> None:
        if self.items:
            self.items.sort(key=lambda item: item[1] or (1 << 30, 0))
            raise SpecError([p for p, _ in self.items], source=source, lines=[n for _, n in self.items])


def load_spec(spec: Source) -> Spec:
    """Read (a path) or take (a mapping) a sweep spec and check it; `SpecError` lists every
    problem. A base file is read relative to the spec file (to the working directory for a
    mapping)."""
    line: LineFinder = _no_lines
    inputs: list[str] = []
    if isinstance(spec, Mapping) or not isinstance(spec, str | os.PathLike):
        data: Any = spec
        source, folder = "<spec>", Path.cwd()
    else:
        loaded = read_config(spec)
        data, source = loaded.data, loaded.name
        folder = loaded.path.parent if loaded.path is not None else Path.cwd()
        line = line_finder(loaded.text)
        inputs.append(os.fspath(spec))
    problems = _Problems(line)
    data = _shape(data, problems, source)
    base = _base(data.get("base"), folder, problems, inputs)
    grid = _grid(data.get("grid", {}), base, problems)
    axes = _axes(data.get("zip"), grid, problems)
    name = _name(data.get("name"), base, problems)
    wandb = data.get("wandb", {})
    problems.raise_if_any(source)
    root = root_class()
    setters = {address: setter(resolve(root, base, address_parts(address)), address_parts(address))
               for address in grid}
    return Spec(source, base, grid, setters, axes, name, dict(wandb),
                zipped=any(len(axis.addresses) > 1 for axis in axes), line=line, inputs=tuple(inputs))


def _shape(data: Any, problems: _Problems, source: str) -> Mapping[str, Any]:
    """The spec against its format schema (``sweep-spec.schema.json``, with the W&B sweep keys):
    every problem at its place. What a problem is about (a key, or one entry of a mapping such as
    one grid address) is left out of the checks that follow, so that each fault is reported once."""
    faulty: set[tuple[Any, ...]] = set()
    for problem in format_problems(SWEEP_SPEC_SCHEMA_FILE, data):
        problems.add(problem.path, problem.message, hint=problem.hint)
        faulty.add(tuple(problem.path[:2]))
    if not isinstance(data, Mapping):
        problems.raise_if_any(source)
    kept: dict[Any, Any] = {}
    for key, value in data.items():
        if (key,) in faulty:
            continue
        if isinstance(value, Mapping):
            value = {k: v for k, v in value.items() if (key, k) not in faulty}
        elif any(path[0] == key for path in faulty):
            continue  # a list with a fault inside (zip): its own check would repeat it
        kept[key] = value
    return kept


def _no_lines(path: Any, *, at_key: bool = False) -> Position | None:
    return None


def _base(value: Any, folder: Path, problems: _Problems, inputs: list[str]) -> dict[str, Any]:
    items = value if isinstance(value, list) else [] if value is None else [value]
    bases = []
    for index, item in enumerate(items):
        path = ("base", index) if isinstance(value, list) else ("base",)
        if isinstance(item, str):
            location = item if item == "-" or os.path.isabs(item) else str(folder / item)
            inputs.append(location)
            try:
                bases.append(load_base(location))
            except ConfigFileError as error:
                problems.add(path, f"cannot read the base: {error}")
        elif isinstance(item, Mapping):
            bases.append(load_base(item))
        else:
            problems.add(path, f"expected a file name or a config mapping, got {brief(item)}")
    return merge(bases)


def _grid(value: Any, base: dict[str, Any], problems: _Problems) -> dict[str, list[Any]]:
    if not isinstance(value, Mapping):
        problems.add(("grid",), f"expected a mapping of address -> list of values, got {brief(value)}")
        return {}
    if len(value) > MAX_ADDRESSES:  # told without its line: finding it would read the whole file again
        problems.items.append((Problem(("grid",), f"the grid has {len(value):,} addresses, more than the "
                               f"limit of {MAX_ADDRESSES:,}", hint="vary fewer addresses; fixed values go "
                               "in the base"), None))
        return {}
    root = root_class()
    contexts = _contexts(value, base)
    grid: dict[str, list[Any]] = {}
    for address, values in value.items():
        where = ("grid", address)
        if not isinstance(values, list) or not values:
            problems.add(where, f"expected a non-empty list of values, got {brief(values)}",
                         hint=f"write [{brief(values)}] for a single value" if not isinstance(values, list) else None)
            continue
        try:
            target = resolve(root, base, address_parts(str(address)))
        except ParameterValidationError as error:
            problems.extend(where, str(address), list(error.problems))
            continue
        converted = []
        for index, item in enumerate(values):
            found: list[Problem] = []
            # an agent's class can follow from a root value the grid varies: check under each
            for context in contexts if "entry" in target.kinds else [base]:
                item_value, more = check_value(root, context, str(address), item)
                found += [p for p in more if p not in found]
            converted.append(item_value)
            problems.extend((*where, index), str(address), found)
        grid[str(address)] = converted
    return grid


def _contexts(grid: Mapping[str, Any], base: dict[str, Any]) -> list[dict[str, Any]]:
    """The root fields each combination can have, for the class of agent entries: the base's,
    with each value of every root address the grid varies."""
    varied = [(str(a), v) for a, v in grid.items() if isinstance(v, list) and len(address_parts(str(a))) == 1]
    return root_contexts(root_class(), base, varied)


def root_contexts(root: Any, start: Mapping[str, Any], varied: list[tuple[str, list[Any]]]) -> list[dict[str, Any]]:
    """`start` with each value of every varied root address, one context for each agent class
    they lead to: all an agent field needs to be checked under (and at most a handful, however
    many values vary: the work grows with the values, not with their product)."""
    contexts = [dict(start)]
    for address, values in varied:
        distinct: dict[type, dict[str, Any]] = {}
        for context in contexts:
            for value in values:
                option = {**context, address: value}
                distinct.setdefault(root._collection_entry_class(option, {}), option)
        contexts = list(distinct.values())
    return contexts


def _axes(value: Any, grid: dict[str, list[Any]], problems: _Problems) -> list[Axis]:
    groups: list[list[str]] = []
    if value is not None and not (isinstance(value, list) and all(isinstance(g, list) for g in value)):
        problems.add(("zip",), f"expected a list of lists of grid addresses, got {brief(value)}",
                     hint="e.g. zip: [[rl.lr, seed]]")
        value = None
    seen: set[str] = set()
    unknown = 0
    for index, group in enumerate(value or []):
        lengths = set()
        for position, address in enumerate(group):
            where = ("zip", index, position)
            if address not in grid:
                unknown += 1  # a did-you-mean reads every grid address: for the first few only
                guess = closest(str(address), list(grid)) if unknown <= _GUESSES else None
                problems.add(where, f"{brief(address)} is not an address of grid",
                             hint=f"did you mean {guess!r}?" if guess else "list its values under grid")
            elif address in seen:
                problems.add(where, f"{address!r} is in more than one zip group")
            else:
                lengths.add(len(grid[address]))
            seen.add(str(address))
        if len(lengths) > 1:
            sizes = ", ".join(f"{a}: {len(grid[a])}" for a in group if a in grid)
            problems.add(("zip", index), f"the addresses of a zip group need lists of the same length ({sizes})")
        groups.append([str(a) for a in group])
    # each address's zip group, its members in grid order (built in one pass: N addresses cost O(N))
    group_of = {address: index for index, group in enumerate(groups) for address in group}
    members_of: dict[int, list[str]] = {}
    for address in grid:
        if address in group_of:
            members_of.setdefault(group_of[address], []).append(address)
    axes: list[Axis] = []
    done: set[str] = set()
    for address in grid:  # in grid order; a zip group where its first address is
        if address in done:
            continue
        members = tuple(members_of[group_of[address]]) if address in group_of else (address,)
        done.update(members)
        steps = tuple(zip(*(grid[a] for a in members), strict=False))
        axes.append(Axis(members, steps))
    return axes


def _name(value: Any, base: dict[str, Any], problems: _Problems) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        problems.add(("name",), f"expected a file name template such as \"lr{{rl.lr}}\", got {brief(value)}")
        return None
    root = root_class()
    for placeholder in placeholders(value):
        if placeholder == INDEX_PLACEHOLDER:
            continue
        try:
            resolve(root, base, address_parts(placeholder), any_entry_class=True)
        except ParameterValidationError as error:
            problems.extend(("name",), "", list(error.problems))
    return value
