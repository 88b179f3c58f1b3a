"""Is a value plain config data? One iterative walk, used on every dict the library is given and on
every file it reads.

Plain data is what JSON can carry and what other tools read back: mappings with string keys, lists
(tuples too), strings, booleans, ``None``, finite floats and 64-bit integers. The schema cannot see
NaN, ``10**400``, a lone UTF-16 surrogate or a 10,000-level list, and the validators either accept
them (`to_dict` would then write JSON no other tool reads) or crash on them (RecursionError,
jsonschema-rs's "Unsupported type"). Subclasses of the JSON types (``numpy.float64``, an ``IntEnum``,
ruamel.yaml's scalars and maps) and other mappings are plain data of their base type.

The limits come from schema/limits.json; the published schemas carry all but the depth. There are
two walks, as jsonschema has `is_valid` and `iter_errors`: `is_plain` answers yes or no for the common
case (every valid config passes it, so it must cost little), and `problems`/`plain_copy` say where and
why, or copy. Both are iterative, so no input can exhaust the stack; `is_plain(x)` is exactly
`not problems(x)` for data of the exact builtin types (tests/validation/test_plain_data.py).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from .. import _registry
from ..errors import Problem, brief

__all__ = ["MAX_DEPTH", "MAX_INT", "MAX_STRING_LENGTH", "MIN_INT", "is_plain", "plain_copy", "problems"]

#: Deepest nesting (the object checked is level 1), longest string (value or key, in characters),
#: and the integer range (64 bits, signed or unsigned: what torch takes as a seed, for one).
MAX_DEPTH = _registry.MAX_DEPTH
MAX_STRING_LENGTH = _registry.MAX_STRING_LENGTH
MIN_INT, MAX_INT = _registry.MIN_INTEGER, _registry.MAX_INTEGER
_MAX_PROBLEMS = 20  # a broken tree is reported by its first faults, not all 100,000 of them
_PATH_SHOWN = 8  # a too-deep value is reported at its ancestor this many levels down
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # JSON can escape one; no UTF-8 file can hold it

Link = tuple[Any, Any] | None  # a path as a linked list (key, parent link), spelled out only for a problem


def is_plain(instance: Any, *, schema_checked: bool = False, max_values: int | None = None) -> bool:
    """The quick answer, level by level: True when `instance` is plain data of the exact builtin
    types. False means "look closer" (`problems`): a subclass or another mapping, or a real fault.

    With `schema_checked`, `instance` has passed jsonschema-rs against a published schema, which
    already refuses what the keys, the string lengths and non-finite numbers could get wrong (every
    field is typed; bad keys make it raise): only the types, the integer range of number fields and
    lone surrogates are left to look at. This runs on every valid config.

    With `max_values`, a tree of more values (objects, lists and scalars; keys not counted) is not
    plain either (`plain_copy` says where it goes past).
    """
    level: list[Any] = [instance]
    depth = 0
    full = not schema_checked
    values = 0
    while level:
        depth += 1
        values += len(level)
        if max_values is not None and values > max_values:
            return False
        below: list[Any] = []
        extend = below.extend
        names: list[Any] = []
        for value in level:
            kind = type(value)
            if kind is str:
                if full and len(value) > MAX_STRING_LENGTH:
                    return False
                if not value.isascii() and _LONE_SURROGATE.search(value):
                    return False
            elif kind is dict:
                if depth > MAX_DEPTH:
                    return False
                if full:
                    names.extend(value)
                extend(value.values())
            elif kind is bool or value is None:
                continue
            elif kind is int:
                if not MIN_INT <= value <= MAX_INT:
                    return False
            elif kind is float:
                if full and value - value != 0.0:  # NaN and the infinities give NaN
                    return False
            elif kind is list or kind is tuple:
                if depth > MAX_DEPTH:
                    return False
                extend(value)
            else:
                return False
        if names:  # every key of this level at once, in C; TypeError if one is not a str
            try:
                joined = "".join(names)
            except TypeError:
                return False
            if len(joined) > MAX_STRING_LENGTH and max(map(len, names)) > MAX_STRING_LENGTH:
                return False
            if not joined.isascii() and _LONE_SURROGATE.search(joined):
                return False
        level = below
    return True


def problems(instance: Any) -> list[Problem]:
    """Every way `instance` is not plain config data (the first few, in document order)."""
    return _walk(instance, copy=False, max_values=None)[1]


def plain_copy(instance: Any, *, max_values: int | None = None) -> tuple[Any, list[Problem]]:
    """A fresh tree of builtin dicts, lists and scalars that shares no node (an object reachable
    from two places, e.g. a YAML anchor and its alias, becomes two copies), and the problems found.

    With `max_values`, a tree of more values (objects, lists and scalars; keys not counted) is
    refused at the first container past the limit.
    """
    return _walk(instance, copy=True, max_values=max_values)


def _walk(instance: Any, *, copy: bool, max_values: int | None) -> tuple[Any, list[Problem]]:
    found: list[Problem] = []
    holder: list[Any] = [None]
    # Containers to visit: (value, the copy's parent, key in that parent, path link, depth).
    stack: list[tuple[Any, Any, Any, Link, int]] = []
    first = _value(instance, None, None, found, stack, holder, 0, 1)
    if copy and first is not _CONTAINER:
        holder[0] = first
    values, isfinite = 1, math.isfinite
    while stack and len(found) < _MAX_PROBLEMS:
        value, parent, slot, link, depth = stack.pop()
        if depth > MAX_DEPTH:
            found.append(Problem(_path(link)[:_PATH_SHOWN], "nested deeper than the limit of "
                                 f"{MAX_DEPTH} levels (below this point)"))
            continue
        values += len(value)
        if max_values is not None and values > max_values:
            found.append(Problem(_path(link), f"more than {max_values:,} values"))
            break
        is_map = type(value) is dict or (type(value) is not list and isinstance(value, Mapping))
        out: Any = ({} if is_map else [None] * len(value)) if copy else None
        if copy:
            parent[slot] = out
        below: list[tuple[Any, Any, Any, Link, int]] = []
        for key, child in value.items() if is_map else enumerate(value):
            if is_map and (type(key) is not str or len(key) > MAX_STRING_LENGTH or not key.isascii()):
                key = _key(key, link, found)
                if key is None:
                    continue
            kind = type(child)
            # The common cases inline (this runs on every valid config); the rest in `_value`.
            if kind is str:
                if len(child) > MAX_STRING_LENGTH or not child.isascii():
                    child = _string(child, (key, link), found)
            elif kind is int:
                if not MIN_INT <= child <= MAX_INT:
                    found.append(_big_integer(child, (key, link)))
            elif kind is float:
                if not isfinite(child):
                    found.append(Problem(_path((key, link)), f"{child} is not a finite number",
                                         expected="a finite number"))
            elif kind is bool or child is None:
                pass
            else:
                child = _value(child, key, link, found, below, out, key, depth + 1)
                if child is _CONTAINER:
                    child = None  # filled in when the container is visited
            if out is not None:
                out[key] = child
        stack.extend(reversed(below))  # visited in document order
    return holder[0], found[:_MAX_PROBLEMS]


_CONTAINER: Any = object()  # `_value`'s answer for a container it queued to be visited


def _value(value: Any, key: Any, link: Link, found: list[Problem], queue: list[Any],
           parent: Any, slot: Any, depth: int) -> Any:
    """A value that is not an exact str, int, float, bool or None: a container (queued), a subclass
    of a JSON type (its base-type value), or a problem."""
    here: Link = (key, link) if key is not None else link
    if isinstance(value, (Mapping, list, tuple)):
        queue.append((value, parent, slot, here, depth))
        return _CONTAINER
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, str):
        return _string(str(value), here, found)
    if isinstance(value, int):
        if not MIN_INT <= value <= MAX_INT:
            found.append(_big_integer(value, here))
        return int(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            found.append(Problem(_path(here), f"{value} is not a finite number", expected="a finite number"))
        return float(value)
    kind = type(value)
    name = kind.__name__
    if kind.__module__ not in ("builtins", "datetime"):  # `numpy.int64`, not a bare `int64`
        name = f"{kind.__module__.split('.')[0]}.{kind.__qualname__}"
    quote = " (quote it to keep it as text)" if name in ("date", "datetime", "time") else ""
    if hasattr(value, "item") and kind.__module__.startswith("numpy"):
        quote = "; convert it first with value.item()"
    found.append(Problem(_path(here), f"a {name} is not a config value (expected a string, number, "
                                      f"boolean, null, list or object){quote}"))
    return value


def _string(value: str, here: Link, found: list[Problem]) -> str:
    if len(value) > MAX_STRING_LENGTH:
        found.append(Problem(_path(here), f"a string of {len(value):,} characters is longer "
                             f"than the limit of {MAX_STRING_LENGTH:,}",
                             expected=f"at most {MAX_STRING_LENGTH:,} characters"))
    elif _LONE_SURROGATE.search(value):
        found.append(Problem(_path(here), "a string holds a lone UTF-16 surrogate "
                             "(\\ud800-\\udfff), which no UTF-8 file can hold"))
    return value


def _key(key: Any, link: Link, found: list[Problem]) -> str | None:
    """A mapping key, as a plain str; None (and a problem) when it cannot be one."""
    if not isinstance(key, str):
        found.append(Problem(_path(link), f"the key {brief(key)} is not a string"))
        return None
    key = str(key)
    if len(key) > MAX_STRING_LENGTH:
        found.append(Problem(_path(link), f"a key of {len(key):,} characters is longer than the "
                                          f"limit of {MAX_STRING_LENGTH:,}"))
        return None
    if _LONE_SURROGATE.search(key):
        found.append(Problem(_path(link), "a key holds a lone UTF-16 surrogate (\\ud800-\\udfff)"))
        return None
    return key


def _big_integer(value: int, here: Link) -> Problem:
    return Problem(_path(here), f"an integer of {value.bit_length()} bits is outside the "
                   f"64-bit range ({MIN_INT} to {MAX_INT})", expected="a 64-bit integer")


def _path(link: Link) -> tuple[str | int, ...]:
    parts: list[str | int] = []
    while link is not None:
        parts.append(link[0])
        link = link[1]
    return tuple(reversed(parts))
