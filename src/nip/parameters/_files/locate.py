"""Where a value sits in a config file's text: the line of the key (or list item) at a path, so
that a problem found in the data can be reported at the user's line.

Only text the safe, limited reader has accepted is parsed here, and only when a problem is being
reported; ruamel.yaml's round-trip loader keeps the positions (JSON is read as YAML flow style).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["LineFinder", "line_finder"]

LineFinder = Callable[[Sequence[Any]], "int | None"]


def line_finder(text: str) -> LineFinder:
    """A function from a path (keys and list indices) to the 1-based line where the deepest part
    of it that exists in `text` starts; None when the text gives no positions."""
    tree: Any = None
    parsed = False

    def find(path: Sequence[Any]) -> int | None:
        nonlocal tree, parsed
        if not parsed:
            tree, parsed = _positions_tree(text), True
        line: int | None = None
        node = tree
        for part in path:
            position = _position(node, part)
            if position is None:
                break
            line = position + 1
            node = node[part]
        return line

    return find


def _positions_tree(text: str) -> Any:
    from ruamel.yaml import YAML

    try:
        return YAML(typ="rt").load(text)
    except Exception:  # the text was accepted by the strict reader; positions are a courtesy
        return None


def _position(node: Any, part: Any) -> int | None:
    lc = getattr(node, "lc", None)
    if lc is None:
        return None
    try:
        if isinstance(node, dict) and part in node:
            return int(lc.key(part)[0])
        if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            return int(lc.item(part)[0])
    except (KeyError, IndexError, TypeError):
        return None
    return None
