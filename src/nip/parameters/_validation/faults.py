"""Where jsonschema-rs found faults, to cut a config down before python-jsonschema explains it.

Explaining a whole config with python-jsonschema costs milliseconds; explaining only the parts that
hold a fault costs a fraction of that, and gives the same problems. Every question asked here is a
set lookup per level of a path, so the cost grows with the number of faults, not its square.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["Faults"]

# Faults that concern only which keys an object has: its values need not be explained.
_KEY_FAULTS = frozenset({"AdditionalProperties", "Required"})


class Faults:
    """The places jsonschema-rs reported, by kind."""

    def __init__(self, errors: Iterable[Any], conditions: frozenset[str]) -> None:
        self.conditions = conditions  # keys that `if`s test: they decide which rules apply
        kinds: dict[tuple[Any, ...], set[str]] = {}
        self.keys: dict[tuple[Any, ...], set[str]] = {}  # per place: the unknown and missing keys
        for error in errors:
            place, kind = tuple(error.instance_path), error.kind
            if place and error.absolute_keyword_location.endswith("/items"):
                place = place[:-1]  # an item past `prefixItems`: python-jsonschema reports the array
            kinds.setdefault(place, set()).add(type(kind).__name__)
            named = getattr(kind, "unexpected", None) or [getattr(kind, "property", None)]
            self.keys.setdefault(place, set()).update(k for k in named if isinstance(k, str))
        self.places = set(kinds)
        self.deep = {place for place, found in kinds.items() if found - _KEY_FAULTS}
        self.keys_only = self.places - self.deep
        # every place and every place above one: where `prune` must look inside
        self.leading = {place[:n] for place in self.places for n in range(len(place) + 1)}

    def _in_deep(self, path: tuple[Any, ...]) -> bool:
        """Is `path` at or below a fault about values?"""
        return any(path[:n] in self.deep for n in range(len(path) + 1))

    def explains(self, path: tuple[Any, ...]) -> bool:
        """A problem found in the cut-down config is real: at or below a fault whose explanation
        needed the values, or at a key that a fault about keys names."""
        if self._in_deep(path):
            return True
        parent = path[:-1]
        return parent in self.keys_only and bool(path) and path[-1] in self.keys[parent]

    def prune(self, node: Any, path: tuple[Any, ...]) -> Any:
        """`node` without what holds no fault, so explaining is quick.

        Below a fault about values everything is kept. Of an object with a fault about its keys,
        only the unknown keys are kept (the missing ones stay missing). Elsewhere only the values `if`s
        test are kept (the scenario, `is_random`, `_type`). Leaving a value out may break a rule
        (a required key, a schedule's arguments); `explains` drops such problems.
        """
        if not isinstance(node, Mapping):
            return node
        pruned = {}
        named = self.keys.get(path, set()) if path in self.keys_only else set()
        for key, value in node.items():
            here = (*path, key)
            if self._in_deep(here):
                pruned[key] = value  # at or below a fault about values
            elif here in self.leading:
                pruned[key] = self.prune(value, here)  # above a fault
            elif key in named:
                pruned[key] = value  # an unknown key: jsonschema does not look inside it
            elif key in self.conditions and not isinstance(value, Mapping):
                pruned[key] = value
        return pruned
