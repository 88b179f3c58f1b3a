"""Is a value plain config data? Checked before the schema, on every dict the library is given.

Plain data is what JSON can carry and what other tools read back: mappings with string keys, lists
(tuples too), strings, booleans, ``None``, finite floats and integers. The schema cannot see NaN,
``10**400`` or a 10,000-level list, and the validators either accept them (and `to_dict` would then
write JSON no other tool reads) or crash on them (RecursionError, jsonschema-rs's "Unsupported
type"). The limits are those the file reader (`_io`) applies to files; tests/robustness checks that
both agree. The walk is iterative, so no input can exhaust the stack.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from . import _registry
from .errors import Problem

__all__ = ["MAX_DEPTH", "MAX_INT", "MAX_STRING_LENGTH", "MIN_INT", "looks_plain", "problems"]

#: Deepest nesting (the object checked is level 1), longest string (value or key, in characters),
#: and the integer range (64 bits, signed or unsigned: what torch takes as a seed, for one). They come
#: from schema/limits.json, like the file reader's; the published schemas carry all but the depth.
MAX_DEPTH = _registry.MAX_DEPTH
MAX_STRING_LENGTH = _registry.MAX_STRING_LENGTH
MIN_INT, MAX_INT = _registry.MIN_INTEGER, _registry.MAX_INTEGER
_MAX_PROBLEMS = 20  # a broken tree is reported by its first faults, not all 100,000 of them
_PATH_SHOWN = 8  # a too-deep value is reported at its ancestor this many levels down


_ALWAYS_PLAIN = frozenset({str, bool, float, type(None)})


def looks_plain(instance: Any) -> bool:
    """The quick test for a config the schema has already accepted: the schemas carry the string
    and key limits, and a schema-conforming tree is shallow; NaN fails the schema. What is left is
    an integer too large for a double (10**400 in a float field) and a type JSON does not have
    (True here means plain; False means `problems` must look closer)."""
    level: list[Any] = [instance]
    while level:
        below: list[Any] = []
        for value in level:
            kind = type(value)
            if kind in _ALWAYS_PLAIN:
                continue
            if kind is dict:
                below.extend(value.values())
            elif kind is int:
                if not MIN_INT <= value <= MAX_INT:
                    return False
            elif kind is list or kind is tuple:
                below.extend(value)
            else:
                return False
        level = below
    return True


def problems(instance: Any) -> list[Problem]:
    """Every way `instance` is not plain config data (the first few, in document order)."""
    return [] if _is_plain(instance) else _locate(instance)


def _is_plain(instance: Any) -> bool:
    """The fast answer for the common case, level by level; `_locate` says where it fails."""
    level: list[Any] = [instance]
    depth = 0
    while level:
        depth += 1
        if depth > MAX_DEPTH and any(isinstance(v, (Mapping, list, tuple)) for v in level):
            return False
        below: list[Any] = []
        extend = below.extend
        for value in level:
            kind = type(value)
            if kind is str:
                if len(value) > MAX_STRING_LENGTH:
                    return False
            elif kind is dict:
                for key in value:
                    if type(key) is not str or len(key) > MAX_STRING_LENGTH:
                        return False
                extend(value.values())
            elif kind is list or kind is tuple:
                extend(value)
            elif kind is bool or value is None:
                continue
            elif kind is float:
                if not math.isfinite(value):
                    return False
            elif kind is int:
                if not MIN_INT <= value <= MAX_INT:
                    return False
            else:
                return False  # subclasses and other types: `_locate` looks closer
        level = below
    return True


def _locate(instance: Any) -> list[Problem]:
    found: list[Problem] = []
    # A stack, not recursion. Paths are kept as links (key, parent link) and spelled out only for
    # a problem: this runs on every valid config, so it must cost little.
    stack: list[tuple[Any, Any, int]] = [(instance, None, 1)]
    pop, push = stack.pop, stack.append
    while stack:
        value, link, depth = pop()
        kind = type(value)
        if kind is str:
            if len(value) > MAX_STRING_LENGTH:
                found.append(_long_string(value, _path(link)))
        elif kind is dict or kind is list:
            if depth > MAX_DEPTH:
                found.append(_too_deep(_path(link)))
            elif kind is dict:
                _push_mapping(value, link, depth, push, found)
            else:
                for index in range(len(value) - 1, -1, -1):
                    push((value[index], (index, link), depth + 1))
        elif kind is bool or value is None:
            pass
        elif kind is int or kind is float:
            _number(value, link, found)
        elif isinstance(value, str):  # subclasses of the JSON types: IntEnum, numpy.float64, ...
            if len(value) > MAX_STRING_LENGTH:
                found.append(_long_string(value, _path(link)))
        elif isinstance(value, (int, float)):
            _number(value, link, found)
        elif isinstance(value, (Mapping, list, tuple)):
            if depth > MAX_DEPTH:
                found.append(_too_deep(_path(link)))
            elif isinstance(value, Mapping):
                _push_mapping(value, link, depth, push, found)
            else:
                for index in range(len(value) - 1, -1, -1):
                    push((value[index], (index, link), depth + 1))
        else:
            found.append(Problem(_path(link), f"a {kind.__name__} is not a config value (expected "
                                              "a string, number, boolean, null, list or object)"))
        if len(found) >= _MAX_PROBLEMS:
            break
    return found


def _push_mapping(value: Mapping[Any, Any], link: Any, depth: int, push: Any,
                  found: list[Problem]) -> None:
    items = list(value.items())
    for key, child in reversed(items):
        if type(key) is not str and not isinstance(key, str):
            found.append(Problem(_path(link), f"the key {_brief(key)} is not a string"))
        elif len(key) > MAX_STRING_LENGTH:
            found.append(Problem(_path(link), f"a key of {len(key):,} characters is longer than "
                                              f"the limit of {MAX_STRING_LENGTH:,}"))
        else:
            push((child, (key, link), depth + 1))


def _path(link: Any) -> tuple[str | int, ...]:
    parts: list[str | int] = []
    while link is not None:
        parts.append(link[0])
        link = link[1]
    return tuple(reversed(parts))


def _too_deep(path: tuple[str | int, ...]) -> Problem:
    return Problem(path[:_PATH_SHOWN],
                   f"nested deeper than the limit of {MAX_DEPTH} levels (below this point)")


def _long_string(value: str, path: tuple[str | int, ...]) -> Problem:
    return Problem(path, f"a string of {len(value):,} characters is longer than the limit of "
                         f"{MAX_STRING_LENGTH:,}", expected=f"at most {MAX_STRING_LENGTH:,} characters")


def _number(value: int | float, link: Any, found: list[Problem]) -> None:
    if isinstance(value, float):
        if not math.isfinite(value):
            found.append(Problem(_path(link), f"{value} is not a finite number", expected="a finite number"))
    elif not isinstance(value, bool) and not MIN_INT <= value <= MAX_INT:
        found.append(Problem(_path(link), f"an integer of {value.bit_length()} bits is outside the 64-bit "
                                   f"range ({MIN_INT} to {MAX_INT})", expected="a 64-bit integer"))


def _brief(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."
