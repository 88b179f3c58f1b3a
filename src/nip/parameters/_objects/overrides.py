"""Overrides: set, null or remove one value of a config dict at its dotted address.

``ADDRESS=VALUE`` (read by override_text.py) is converted to the type the schema gives ADDRESS (a
string field keeps the text: ``dataset=1e3`` is ``"1e3"``); ``ADDRESS=null`` sets null;
``~ADDRESS`` removes the key, so the default applies again. An address names fields through the
groups, agents by name (``agents.prover.d_gnn``, ``agents._default.d_gnn``) and list items by index.

Addresses are resolved and values converted by addresses.py. Setting never modifies the caller's
dict: the containers on the way are copied (once per call), everything else is shared.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from .._validation import class_keys, class_problems
from .._validation import schemas as shipped
from .._validation.messages import json_type
from ..errors import ParameterValidationError, Problem, brief
from .addresses import Target, convert, json_types, resolve
from .agents import DEFAULT_AGENT
from .lookup import address_parts
from .override_text import (
    MAX_OVERRIDES,
    REMOVE,
    Override,
    malformed,
    overrides_from,
    parse_override,
    parsed,
)

__all__ = [
    "MAX_OVERRIDES",
    "REMOVE",
    "REMOVED",
    "Override",
    "Setter",
    "apply_overrides",
    "build_with_overrides",
    "check_value",
    "overrides_from",
    "parse_override",
    "set_values",
    "setter",
]

def check_value(root: type, data: Mapping[str, Any] | None, address: str, value: Any, *,
                any_entry_class: bool = False) -> tuple[Any, list[Problem]]:
    """`value` converted for `address`, and the problems of setting it there, checked against the
    class that has the field (not the whole config: cross-field rules are checked when built)."""
    parts = address_parts(address)
    try:
        target = resolve(root, data, parts, any_entry_class=any_entry_class)
    except ParameterValidationError as error:
        return value, list(error.problems)
    converted = convert(value, target.schema)
    if target.kinds[-1] == "meta":  # `_type`, `is_random`: the class they pick is checked when built
        allowed = json_types(target.schema)
        if converted is None or not allowed or json_type(converted) in allowed:
            return converted, []
        return converted, [Problem(parts, f"expected {' or '.join(sorted(allowed))}, got {brief(converted)}")]
    if target.depth != len(parts) or target.kinds[-1] != "field" or not class_keys(target.owner.__name__):
        return converted, []  # inside a value, or a whole agent entry: checked when built
    prefix = parts[: target.depth - 1]
    # The keys the class requires, from the config where it has them: a complete dict takes the
    # validator's fast path; only a faulty one is explained.
    required = (shipped.class_schema(shipped.CURRENT_VERSION, target.owner.__name__) or {}).get("required", ())
    known = data if target.depth == 1 and isinstance(data, Mapping) else {}
    instance = {key: known[key] for key in required if key in known}
    instance[target.field] = converted
    problems = [p.prefixed(*prefix) for p in class_problems(target.owner.__name__, instance)
                if p.path[:1] == (target.field,)]
    return converted, problems


# ---- setting ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Setter:
    """A resolved address: the parts and what each one indexes, to set values fast."""

    parts: tuple[Any, ...]
    kinds: tuple[str, ...]


def setter(target: Target, parts: Sequence[str]) -> Setter:
    keys = tuple(int(p) if kind == "index" else p for p, kind in zip(parts, target.kinds, strict=True))
    return Setter(keys, target.kinds)


def set_values(data: Mapping[str, Any], items: Iterable[tuple[Setter, Any]],
               owned: set[int] | None = None) -> dict[str, Any]:
    """A copy of `data` with each value set (or removed: the value `REMOVED`) at its setter's
    address; only the containers on the way are copied."""
    owned = set() if owned is None else owned
    out = dict(data)
    owned.add(id(out))
    for where, value in items:
        _set(out, where, value, owned)
    return out


class _Removed:
    def __repr__(self) -> str:
        return "<removed>"


REMOVED: Any = _Removed()


def _set(root: dict[str, Any], where: Setter, value: Any, owned: set[int]) -> None:
    node: Any = root
    last = len(where.parts) - 1
    for i, (key, kind) in enumerate(zip(where.parts, where.kinds, strict=True)):
        if i == last:
            if value is REMOVED:
                if isinstance(node, dict):
                    node.pop(key, None)
            else:
                node[key] = value
            return
        child = node[key] if isinstance(node, list) else node.get(key)
        next_kind = where.kinds[i + 1]
        if next_kind == "entry":  # the agents: none given means the scenario's `_default` only
            child = {DEFAULT_AGENT: {}} if child is None else child
        if kind == "entry" and child is None and next_kind == "meta":
            child = {}  # `is_random`/`_type` may change its class: not `_default`'s fields
        elif kind == "entry" and child is None:  # a new agent starts as `_default` answers for it
            default = node.get(DEFAULT_AGENT)
            child = copy.deepcopy(default) if isinstance(default, Mapping) else {}
            owned.add(id(child))
        if child is None:
            child = {}
        elif id(child) not in owned:
            child = list(child) if isinstance(child, (list, tuple)) else dict(child)
        owned.add(id(child))
        node[key] = child
        node = child


def apply_overrides(root: type, data: Mapping[str, Any], overrides: Iterable[Override]) -> dict[str, Any]:
    """`data` with every override applied, in order; addresses and values checked as they go.

    The class of an agent entry follows from the root fields as they are after every override
    (``agents.prover.d_gnn=32 scenario=graph_isomorphism`` works in either order).
    """
    out, problems, _ = _applied(root, data, list(overrides))
    if problems:
        raise ParameterValidationError(problems, subject="override")
    return out


def _applied(root: type, data: Mapping[str, Any],
             overrides: list[Override]) -> tuple[dict[str, Any], list[Problem], list[Override]]:
    """`data` with every override that has a place applied; the problems of those that have
    none, and those overrides."""
    out = dict(data)
    owned = {id(out)}
    context = dict(data)
    for override in overrides:
        if len(override.parts) == 1:
            if override.remove:
                context.pop(override.address, None)
            else:
                context[override.address] = override.value
    problems: list[Problem] = []
    failed: list[Override] = []
    for override in overrides:
        parts = override.parts
        try:
            target = resolve(root, out, parts, context=context)
            if override.remove and target.kinds[-1] == "index":
                raise ParameterValidationError.single(parts, "a list item cannot be removed",
                                                      hint="set the whole list instead")
        except ParameterValidationError as error:
            problems += _annotated(error, [override]).problems
            failed.append(override)
            continue
        if override.unreadable is not None:  # a number's text: only a string field can take it
            if "string" not in json_types(target.schema):
                problems += malformed(str(override), override.address, override.unreadable).problems
                failed.append(override)
                continue
            value = override.raw
        else:
            value = REMOVED if override.remove else convert(override.value, target.schema, override.raw)
        _set(out, setter(target, parts), value, owned)
    return out, problems, failed


def build_with_overrides(root: type, data: Mapping[str, Any],
                         overrides: Mapping[str, Any] | Iterable[str | Override]) -> Any:
    """`root.from_dict(data)` with the overrides applied; a problem caused by an override says so.

    Every problem is reported at once: a malformed override or an unknown address does not hide
    the invalid values of the others (the config is checked with the overrides that apply).
    """
    items, problems, positions = parsed(overrides)
    changed, more, failed = _applied(root, data, items)
    problems += more
    try:
        built = root.from_dict(changed)  # type: ignore[attr-defined]
    except ParameterValidationError as error:
        if not problems:
            raise _annotated(error, items) from None
        # a value an override that could not be applied would have set is not a problem of its own
        unapplied = _Near([o.parts for o in failed] + [p.path for p in problems])
        problems += [p for p in _annotated(error, items).problems if not unapplied.near(p.path)]
        raise ParameterValidationError(_in_order(problems, positions), subject="override") from None
    if problems:
        raise ParameterValidationError(_in_order(problems, positions), subject="override")
    return built


def _in_order(problems: list[Problem], positions: dict[tuple[str, ...], int]) -> list[Problem]:
    """The problems in the order of the overrides they are about (the others last, as found)."""
    def position(problem: Problem) -> int:
        text = tuple(map(str, problem.path))
        found = [positions[text[:end]] for end in range(1, len(text) + 1) if text[:end] in positions]
        return max(found, default=len(positions))

    return sorted(problems, key=position)


class _Near:
    """Is a path one of some addresses, or above or below one? (Sets of prefixes: O(1) a path.)"""

    def __init__(self, addresses: list[tuple[Any, ...]]) -> None:
        self.exact = {tuple(map(str, a)) for a in addresses if a}
        self.above = {tuple(map(str, a))[:end] for a in addresses for end in range(1, len(a) + 1)}

    def near(self, path: tuple[Any, ...]) -> bool:
        text = tuple(map(str, path))
        return text in self.above or any(text[:end] in self.exact for end in range(1, len(text) + 1))


def _annotated(error: ParameterValidationError, overrides: Sequence[Override],
               subject: str | None = None) -> ParameterValidationError:
    """The same error, each problem naming the override that set the value it is about."""
    source = _Sources(overrides)
    problems = []
    for problem in error.problems:
        found = source.of(problem.path)
        if found is not None:
            note = f"set by {str(found)!r}"
            problem = replace(problem, hint=f"{problem.hint}; {note}" if problem.hint else note)
        problems.append(problem)
    return ParameterValidationError(problems, subject=subject or error.subject, note=error.note)


class _Sources:
    """Which override set the value a problem is about: the last one whose address is the
    problem's address or one of its parents (or children: a removed key reported as missing).

    Indexed once by address prefix, so that N problems of N overrides cost O(N), not O(N^2).
    """

    def __init__(self, overrides: Sequence[Override]) -> None:
        self.overrides = list(overrides)
        self.exact: dict[tuple[str, ...], int] = {}  # an override's address -> its last index
        self.below: dict[tuple[str, ...], int] = {}  # every prefix of an address -> last index
        for index, override in enumerate(self.overrides):
            parts = override.parts
            self.exact[parts] = index
            for end in range(1, len(parts) + 1):
                self.below[parts[:end]] = index

    def of(self, path: tuple[Any, ...]) -> Override | None:
        text = tuple(str(p) for p in path)
        candidates = [self.exact.get(text[:end], -1) for end in range(len(text) + 1)]
        if text:
            candidates.append(self.below.get(text, -1))
        best = max(candidates, default=-1)
        return self.overrides[best] if best >= 0 else None
