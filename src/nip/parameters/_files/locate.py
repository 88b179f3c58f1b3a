"""Where a value sits in a config file's text: the line and column of the key or value at a path,
so that a problem found in the data is reported at the user's place (``run.yaml:12:5: ...``).

Positions are computed only when there is a problem to report, never while reading: a valid file
costs nothing. The text has already been accepted by the strict reader (read.py), so each walker
here may assume it is well formed; positions are a courtesy, and a text a walker cannot follow
gives none. Each format is walked with the tokeniser its reader uses, so both agree on every key:
YAML with libyaml's events (their marks), JSON with the json module's string scanner, TOML with
tomllib's own key and value parsers.
"""

from __future__ import annotations

import bisect
import json.decoder
import re
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from ..errors import Problem
from .yaml_loader import protect_non_breaks

__all__ = ["LineFinder", "Locator", "Position", "line_finder", "locator", "problem_position"]


class Position(NamedTuple):
    """1-based line and column (in characters) of a place in a file's text."""

    line: int
    column: int


#: A path (keys and list indices) -> the place (line and column) of the deepest part of it that
#: the text holds, as `Locator.find` gives it; None when the text gives none.
LineFinder = Callable[..., "Position | None"]  # (path, *, at_key=False)

# path -> (place of its key, or None for a list item or the root; place of its value; whether the
# value is a mapping or list, whose key is then the better place to point at). A place is kept as
# the walker found it (an offset, or libyaml's 0-based line and column), made a Position on demand.
_Places = dict[tuple[Any, ...], tuple[Any, Any, bool]]
_Walker = Callable[[str, _Places], Callable[[Any], Position]]


class Locator:
    """Positions of the keys and values of one text, computed on the first question."""

    def __init__(self, text: str, fmt: str | None, *, wrapped: bool = False) -> None:
        self._text, self._format, self._wrapped = text, fmt, wrapped
        self._places: _Places | None = None
        self._position: Callable[[Any], Position] = Position._make
        self._aliases: dict[tuple[Any, ...], tuple[Any, ...]] = {}  # YAML: alias path -> anchor path
        self._merges: dict[tuple[Any, ...], list[tuple[Any, ...]]] = {}  # YAML: mapping -> `<<` sources

    def find(self, path: Sequence[Any], *, at_key: bool = False) -> Position | None:
        """The place of `path`: its value, or its key when `at_key` (an unknown key) or when the
        value is a mapping or list (the line that opens it). A path that the text does not hold
        (a missing key, a default) gives the place of its deepest part that it does hold."""
        places = self._load()
        if self._wrapped and path:  # a W&B run file holds each top-level key as {value: ...}
            path = (path[0], "value", *path[1:])
        here: tuple[Any, ...] = ()
        found: Any = None
        for index, part in enumerate(path):
            here = self._step(here, part, places)
            if here not in places:
                break
            key, value, container = places[here]
            found = (value if key is None else key) if (at_key or container or index < len(path) - 1) else value
        return None if found is None else self._position(found)

    def _step(self, here: tuple[Any, ...], part: Any, places: _Places) -> tuple[Any, ...]:
        here = self._aliases.get(here, here)
        step = (*here, part)
        if step not in places:
            for source in self._merges.get(here, ()):  # a key a `<<` merge brought in
                merged = (*self._aliases.get(source, source), part)
                if merged in places:
                    return merged
        return step

    def _load(self) -> _Places:
        if self._places is None:
            self._places = {}
            walk: _Walker | None = {"json": _json_places, "toml": _toml_places}.get(self._format or "")
            try:
                if walk is not None:
                    self._position = walk(self._text, self._places)
                else:
                    self._position = _yaml_places(self._text, self._places, self._aliases, self._merges)
            except Exception:  # a text a walker cannot follow gives no positions
                self._places.clear()
        return self._places


def locator(text: str, fmt: str | None, *, wrapped: bool = False) -> Locator:
    """The locator of a config text read as `fmt` (``json``, ``yaml`` or ``toml``); `wrapped`: a
    W&B run file, whose top-level keys hold ``{desc, value}``."""
    return Locator(text, fmt, wrapped=wrapped)


def line_finder(text: str, fmt: str | None = None) -> LineFinder:
    """Where a path is in `text` (`fmt`; by default YAML, whose syntax takes in JSON's); None when
    the text gives no place."""
    return locator(text, fmt or "yaml").find


# --- YAML: libyaml's events, with their marks ------------------------------------------------------

def _yaml_places(text: str, places: _Places, aliases: dict[tuple[Any, ...], tuple[Any, ...]],
                 merges: dict[tuple[Any, ...], list[tuple[Any, ...]]]) -> Callable[[Any], Position]:
    import yaml
    from yaml import events as ev

    try:
        from yaml import CSafeLoader as Parser
    except ImportError:  # pragma: no cover - depends on how PyYAML was built
        from yaml import SafeLoader as Parser  # type: ignore[assignment,unused-ignore]

    protected, restore = protect_non_breaks(text)
    anchors: dict[str, tuple[Any, ...]] = {}
    # one frame a open container: [path, is mapping, next index or pending key, pending key mark]
    stack: list[list[Any]] = []
    parser = Parser(protected)

    def at(mark: Any) -> tuple[int, int]:
        return mark.line, mark.column

    def place(event: Any) -> tuple[Any, ...] | None:
        """The path of the value `event` starts (None: it is a key, now pending)."""
        opens = isinstance(event, ev.MappingStartEvent | ev.SequenceStartEvent)
        if not stack:
            places[()] = (None, at(event.start_mark), opens)
            return ()
        frame = stack[-1]
        if frame[1]:  # a mapping: a key first, then its value
            if frame[2] is None:
                key = event.value if isinstance(event, ev.ScalarEvent) else object()
                frame[2] = key.translate(restore) if restore and isinstance(key, str) else key
                frame[3] = at(event.start_mark)
                return None
            path = (*frame[0], frame[2])
            places[path] = (frame[3], at(event.start_mark), opens)
            frame[2] = None
            return path
        path = (*frame[0], frame[2])
        frame[2] += 1
        places[path] = (None, at(event.start_mark), opens)
        return path

    try:
        while parser.check_event():
            event = parser.get_event()
            if isinstance(event, (ev.ScalarEvent, ev.AliasEvent, ev.MappingStartEvent,
                                  ev.SequenceStartEvent)):
                path = place(event)
                if path is None:
                    continue
                anchor = getattr(event, "anchor", None)
                if isinstance(event, ev.AliasEvent):
                    if anchor in anchors:
                        aliases[path] = anchors[anchor]
                elif anchor:
                    anchors[anchor] = path
                if path[-1:] == ("<<",) or path[-2:-1] == ("<<",):  # a merge source
                    owner = path[:-1] if path[-1] == "<<" else path[:-2]
                    merges.setdefault(owner, []).append(path)
                if isinstance(event, ev.MappingStartEvent):
                    stack.append([path, True, None, None])
                elif isinstance(event, ev.SequenceStartEvent):
                    stack.append([path, False, 0, None])
            elif isinstance(event, (ev.MappingEndEvent, ev.SequenceEndEvent)):
                stack.pop()
    except yaml.YAMLError:
        places.clear()
    finally:
        parser.dispose()
    return lambda at: Position(at[0] + 1, at[1] + 1)


# --- JSON: the json module's own string scanner ------------------------------------------------------

_WS = re.compile(r"[ \t\n\r]*")
_SCALAR = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null")
_scanstring: Any = getattr(json.decoder, "scanstring")  # noqa: B009 - not declared by typeshed


def _json_places(text: str, places: _Places) -> Callable[[Any], Position]:
    def at(offset: int) -> int:
        return offset

    def value(i: int, path: tuple[Any, ...], key: int | None) -> int:
        i = _WS.match(text, i).end()  # type: ignore[union-attr]
        char = text[i]
        places[path] = (key, at(i), char in "{[")
        if char == '"':
            return int(_scanstring(text, i + 1)[1])
        if char not in "{[":
            return _SCALAR.match(text, i).end()  # type: ignore[union-attr]
        close, index = ("}" if char == "{" else "]"), 0
        i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
        while text[i] != close:
            if char == "{":
                name, after = _scanstring(text, i + 1)
                colon = _WS.match(text, after).end()  # type: ignore[union-attr]
                i = value(colon + 1, (*path, name), at(i))
            else:
                i = value(i, (*path, index), None)
                index += 1
            i = _WS.match(text, i).end()  # type: ignore[union-attr]
            if text[i] == ",":
                i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
        return i + 1

    value(0, (), None)
    return _offsets(text)


def _offsets(text: str) -> Callable[[Any], Position]:
    """Character offset in `text` -> its Position."""
    starts = [0, *(m.end() for m in re.finditer("\n", text))]

    def position(offset: int) -> Position:
        line = bisect.bisect_right(starts, offset)
        return Position(line, offset - starts[line - 1] + 1)

    return position


# --- TOML: tomllib's own parsers for keys and values ------------------------------------------------

def _toml_places(text: str, places: _Places) -> Callable[[Any], Position]:
    from tomllib import _parser as toml  # type: ignore[attr-defined]  # the reader's own parsers

    src = text.replace("\r\n", "\n")  # as tomllib reads it; lines and columns stay the same

    def at(offset: int) -> int:
        return offset

    def keyed(parent: tuple[Any, ...], key: tuple[str, ...], where: int) -> tuple[Any, ...]:
        for depth in range(1, len(key)):  # the tables a dotted key opens
            places.setdefault((*parent, *key[:depth]), (where, where, True))
        return (*parent, *key)

    def value(pos: int, path: tuple[Any, ...], key: int | None) -> int:
        places[path] = (key, at(pos), src[pos:pos + 1] in ("{", "["))
        if src.startswith("{", pos):
            pos = toml.skip_chars(src, pos + 1, toml.TOML_WS)
            while not src.startswith("}", pos):
                start = pos
                pos, name = toml.parse_key(src, pos)
                pos = toml.skip_chars(src, pos + 1, toml.TOML_WS)  # past '='
                pos = value(pos, keyed(path, name, at(start)), at(start))
                pos = toml.skip_chars(src, pos, toml.TOML_WS)
                if src.startswith(",", pos):
                    pos = toml.skip_chars(src, pos + 1, toml.TOML_WS)
            return pos + 1
        if src.startswith("[", pos):
            index = 0
            pos = toml.skip_comments_and_array_ws(src, pos + 1)
            while not src.startswith("]", pos):
                pos = value(pos, (*path, index), None)
                index += 1
                pos = toml.skip_comments_and_array_ws(src, pos)
                if src.startswith(",", pos):
                    pos = toml.skip_comments_and_array_ws(src, pos + 1)
            return pos + 1
        return int(toml.parse_value(src, pos, float)[0])

    arrays: dict[tuple[Any, ...], int] = {}  # an array of tables -> its tables so far

    def header(key: tuple[str, ...], *, append: bool) -> tuple[Any, ...]:
        path: tuple[Any, ...] = ()
        for depth, part in enumerate(key):
            path = (*path, part)
            last = depth == len(key) - 1
            if last and append:
                arrays[path] = arrays.get(path, 0) + 1
            if path in arrays:
                path = (*path, arrays[path] - 1)
        return path

    table: tuple[Any, ...] = ()
    places[()] = (None, 0, True)
    pos = 0
    while True:
        pos = toml.skip_chars(src, pos, toml.TOML_WS | frozenset("\n"))
        if pos >= len(src):
            break
        if src[pos] == "#":
            pos = toml.skip_comment(src, pos)
            continue
        start = pos
        if src[pos] == "[":
            append = src.startswith("[[", pos)
            pos = toml.skip_chars(src, pos + (2 if append else 1), toml.TOML_WS)
            pos, key = toml.parse_key(src, pos)
            table = header(key, append=append)
            where = at(toml.skip_chars(src, start + (2 if append else 1), toml.TOML_WS))
            for depth in range(1, len(table) + 1):
                places.setdefault(table[:depth], (where, where, True))
            places[table] = (where, where, True)
            pos += 2 if append else 1
        else:
            pos, key = toml.parse_key(src, pos)
            pos = toml.skip_chars(src, pos + 1, toml.TOML_WS)  # past '='
            pos = value(pos, keyed(table, key, at(start)), at(start))
        pos = toml.skip_comment(src, toml.skip_chars(src, pos, toml.TOML_WS))
    return _offsets(src)



def problem_position(where: Locator, problem: Problem) -> Position | None:
    """Where a problem is in the file: at the key for an unknown key, else at the value."""
    return where.find(problem.path, at_key=problem.message.startswith("unknown "))
