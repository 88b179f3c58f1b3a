"""One difference between two configs: a leaf's address and both values (`diff`'s result).

Light on purpose: the package root imports it; the comparison itself (config_diff.py) loads on first use.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._migration.report import ABSENT
from .._migration.report import _show as show_value
from ..errors import jsonable

__all__ = ["ABSENT", "Difference", "same_value"]


@dataclass(frozen=True)
class Difference:
    """One leaf that differs: its dotted address and both values (`ABSENT` where a side has none)."""

    address: str
    left: Any
    right: Any

    def __str__(self) -> str:
        return f"{self.address}: {show_value(self.left)} -> {show_value(self.right)}"

    @property
    def same(self) -> bool:
        return same_value(self.left, self.right)

    def to_json(self) -> dict[str, Any]:
        change = ("added" if self.left is ABSENT else "removed" if self.right is ABSENT
                  else "same" if self.same else "changed")
        return {"address": self.address, "change": change,
                "left": None if self.left is ABSENT else jsonable(self.left),
                "right": None if self.right is ABSENT else jsonable(self.right)}



def same_value(a: Any, b: Any) -> bool:
    """Equal as JSON values: 1 and 1.0 are, true and 1 are not; lists and tuples alike."""
    if a is b:
        return True
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        return a.keys() == b.keys() and all(same_value(a[k], b[k]) for k in a)
    return (type(a) is type(b) and a == b) or (
        isinstance(a, (int, float)) and isinstance(b, (int, float)) and a == b)
