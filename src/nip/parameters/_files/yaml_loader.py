"""The one YAML reader: YAML 1.2 with the core schema, built into plain data and nothing else.

Every command and the library read YAML here, the way editors do (yaml-language-server, VS Code,
eemeli/yaml: YAML 1.2, core schema; see yaml_core.py). The text is tokenised by libyaml through
PyYAML's ``CParser`` (its pure-Python parser where libyaml is not built); PyYAML's YAML 1.1
resolver and constructors are not used. This module turns the parser's events into data itself:

- plain scalars resolve by the 1.2 core schema (``1e-3`` is a float, ``010`` is 10, ``no`` and
  dates are strings, there is no base 60); quoted scalars are strings;
- only the tags of plain data are allowed (``!!str``, ``!!int``, ``!!float``, ``!!bool``,
  ``!!null``, ``!!map``, ``!!seq`` and the non-specific ``!``); ``!!python/...``, ``!!binary``,
  ``!!timestamp``, ``!!set`` and every local tag are errors, so nothing is ever constructed from a
  tag;
- keys are strings and appear once; ``<<`` merges mappings (explicit keys win, then earlier
  sources; merged keys sit where the ``<<`` is, as eemeli/yaml orders them);
- NaN, infinities and integers outside 64 bits (or of more than 4,300 digits) are errors;
- U+0085, U+2028 and U+2029 are characters, not line breaks (YAML 1.2; libyaml follows 1.1);
- one document per file; a ``%YAML`` directive other than 1.2 is refused.

Why libyaml's tokens and our own resolution rather than ruamel.yaml's safe loader (which reads 1.2):
ruamel.yaml's 1.2 tables are not the core schema (``1_000``, ``0b11``, ``+0x1F`` and dates are not
strings there), its scanner refuses a tab after ``key:`` that YAML 1.2 and editors accept, it also
folds U+0085, and its pure-Python parser is about 5 times slower. ruamel.yaml still rewrites files
for ``migrate`` (roundtrip.py), resolving with yaml_core and checked against this reader.

Limits are counted as the events arrive, before anything is repeated: nesting depth, aliases, and
the values and bytes of the document *after* alias expansion, each alias counting as everything
it stands for. So an alias bomb, of values or of bytes, is refused before it is expanded. Every
alias becomes its own copy: no two places of the result share an object.
"""

from __future__ import annotations

import math
import re
from typing import Any

from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from .._validation.plain_data import MAX_INT, MIN_INT
from ..errors import brief
from . import yaml_core as core

try:  # libyaml: fast, and closer to YAML 1.2 than PyYAML's Python scanner (tabs as separators)
    from yaml import CSafeLoader as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Parser  # type: ignore[assignment,unused-ignore]

__all__ = ["PARSER", "YamlProblem", "load_yaml", "protect_non_breaks"]

#: Which parser tokenises YAML here (for tests and the benchmark).
PARSER = _Parser.__name__
_INT_DIGITS = 4300  # Python's own limit for int(str) (sys.get_int_max_str_digits())
_SCALAR_TAGS = frozenset({core.NULL, core.BOOL, core.INT, core.FLOAT, core.STR})
_MAP_TAGS = frozenset({None, "!", "tag:yaml.org,2002:map"})
_SEQ_TAGS = frozenset({None, "!", "tag:yaml.org,2002:seq"})
# YAML 1.2 reads these as characters; libyaml would fold them as line breaks. They are swapped
# for private-use characters the text does not contain before parsing, and back in every string.
_NOT_BREAKS = "\x85\u2028\u2029"
_ESCAPE = re.compile(r"\\(?:u|U0000)([0-9A-Fa-f]{4})")  # what may name a spare (U+E000-U+F8FF)


class YamlProblem(Exception):
    """What :func:`load_yaml` raises for a file it refuses; ``line``/``column`` are 1-based."""

    def __init__(self, message: str, mark: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = None if mark is None else mark.line + 1
        self.column = None if mark is None else mark.column + 1


def load_yaml(
    text: str, *, max_depth: int, max_values: int, max_aliases: int, max_bytes: int
) -> Any:
    """The data of a one-document YAML text; ``YamlProblem`` or ``yaml.YAMLError`` otherwise."""
    text, restore = protect_non_breaks(text)
    builder = _Builder(max_depth, max_values, max_aliases, max_bytes, restore)
    parser = _Parser(text)
    try:
        while parser.check_event():
            builder.feed(parser.get_event())
    finally:
        parser.dispose()
    return builder.root


def protect_non_breaks(text: str) -> tuple[str, dict[int, int] | None]:
    """``text`` with U+0085/U+2028/U+2029 swapped for unused private-use characters, and the
    table that swaps them back (None when the text has none)."""
    present = [c for c in _NOT_BREAKS if c in text]
    if not present:
        return text, None
    # A spare must also be no character an escape writes (`"run\uE000x"`): swapped back, it
    # would turn into U+2028. Escape-like text outside double quotes only rules out more spares.
    escaped = {int(code, 16) for code in _ESCAPE.findall(text)}
    spares = (chr(c) for c in range(0xE000, 0xF900) if c not in escaped and chr(c) not in text)
    swap = {ord(c): next(spares, None) for c in present}
    if None in swap.values():
        raise YamlProblem("U+0085, U+2028 or U+2029 with every private-use character: cannot read")
    text = text.translate(swap)
    return text, {ord(v): k for k, v in swap.items() if v is not None}


class _Frame:
    """One open mapping or sequence."""

    __slots__ = ("anchor", "below", "bytes0", "container", "explicit", "key", "key_mark",
                 "values0")

    def __init__(self, container: Any, anchor: str | None, values0: int, bytes0: int) -> None:
        self.container = container
        self.anchor, self.values0, self.bytes0 = anchor, values0, bytes0
        self.below = 0  # deepest nesting under this node
        self.key: Any = _NO_KEY  # the key waiting for its value (mappings)
        self.key_mark: Any = None
        self.explicit: dict[str, Any] = {}  # key -> mark, for the keys written in this mapping


_NO_KEY = object()
_MERGE = object()


class _Builder:
    """Turns parser events into data, counting the limits before any alias is expanded."""

    def __init__(self, max_depth: int, max_values: int, max_aliases: int, max_bytes: int,
                 restore: dict[int, int] | None) -> None:
        self.max_depth, self.max_values = max_depth, max_values
        self.max_aliases, self.max_bytes = max_aliases, max_bytes
        self.restore = restore
        self.stack: list[_Frame] = []
        # anchor -> (template, values, bytes, depth); open anchors are being built
        self.anchors: dict[str, tuple[Any, int, int, int]] = {}
        self.open_anchors: set[str] = set()
        self.values = self.bytes = self.aliases = self.documents = 0
        self.root: Any = None

    # ---- events ------------------------------------------------------------------------------
    def feed(self, event: Any) -> None:
        kind = type(event)
        if kind is ScalarEvent:
            self._scalar(event)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            self._start(event, kind is MappingStartEvent)
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            self._end()
        elif kind is AliasEvent:
            self._alias(event)
        elif kind is DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                raise YamlProblem("expected a single document in the stream, found another "
                                  "(a config file holds one document)", event.start_mark)
            version = getattr(event, "version", None)
            if version is not None and tuple(version) != (1, 2):
                raise YamlProblem(
                    f"the file declares %YAML {'.'.join(map(str, version))}; configs are read as "
                    "YAML 1.2, as editors read them: remove the directive (and check yes/no/on/"
                    "off, octal 010 and dates, which 1.2 reads as strings and decimals)",
                    event.start_mark)

    def _scalar(self, event: Any) -> None:
        text = event.value
        if self.restore is not None:
            text = text.translate(self.restore)
        frame = self.stack[-1] if self.stack else None
        is_key = frame is not None and frame.key is _NO_KEY and type(frame.container) is dict
        tag = event.tag
        if tag is None and not event.style:  # plain ('' from libyaml, None from PyYAML)
            tag = core.plain_tag(text)
            if tag == core.MERGE:
                if is_key:
                    self._count(0, 2, event)
                    self._key(_MERGE, event)
                    return
                tag = core.STR
        elif tag is None or tag == "!":
            tag = core.STR
        elif tag not in _SCALAR_TAGS:
            raise YamlProblem(_tag_refused(tag), event.start_mark)
        elif not core.matches(tag, text):
            raise YamlProblem(f"{brief(text)} is not a valid {_short(tag)}", event.start_mark)
        value = self._construct(tag, text, event)
        size = len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass"))
        self._count(0 if is_key else 1, size, event)
        if event.anchor:
            self.anchors[event.anchor] = (value, 1, size, 0)
        if is_key:
            self._key(value, event)
        else:
            self._add(value, event)

    def _start(self, event: Any, is_map: bool) -> None:
        if event.tag not in (_MAP_TAGS if is_map else _SEQ_TAGS):
            raise YamlProblem(_tag_refused(event.tag), event.start_mark)
        frame = self.stack[-1] if self.stack else None
        if frame is not None and frame.key is _NO_KEY and type(frame.container) is dict:
            raise YamlProblem(f"a {'mapping' if is_map else 'list'} cannot be a key (keys of "
                              "a config are strings)", event.start_mark)
        self._count(1, 0, event)
        if len(self.stack) + 1 > self.max_depth:
            raise YamlProblem(f"nesting is deeper than the limit of {self.max_depth} levels",
                              event.start_mark)
        if event.anchor:
            self.open_anchors.add(event.anchor)
        self.stack.append(_Frame({} if is_map else [], event.anchor, self.values - 1, self.bytes))

    def _end(self) -> None:
        frame = self.stack.pop()
        if frame.anchor:
            self.open_anchors.discard(frame.anchor)
            self.anchors[frame.anchor] = (frame.container, self.values - frame.values0,
                                          self.bytes - frame.bytes0, frame.below + 1)
        if self.stack:
            parent = self.stack[-1]
            parent.below = max(parent.below, frame.below + 1)
        self._add(frame.container, None)

    def _alias(self, event: Any) -> None:
        self.aliases += 1
        name = event.anchor
        if self.aliases > self.max_aliases:
            raise YamlProblem(f"more than {self.max_aliases:,} YAML aliases", event.start_mark)
        if name in self.open_anchors:
            raise YamlProblem(f"alias *{name} refers to a node that contains it (recursive "
                              "structures are not allowed)", event.start_mark)
        if name not in self.anchors:
            raise YamlProblem(f"found undefined alias *{name}", event.start_mark)
        template, values, size, depth = self.anchors[name]
        frame = self.stack[-1] if self.stack else None
        is_key = frame is not None and frame.key is _NO_KEY and type(frame.container) is dict
        self._count(0 if is_key else values, size, event)  # before anything is copied
        if len(self.stack) + depth > self.max_depth:
            raise YamlProblem(f"alias *{name} expands to nesting deeper than the limit of "
                              f"{self.max_depth} levels", event.start_mark)
        if frame is not None:
            frame.below = max(frame.below, depth)
        if is_key:
            if not isinstance(template, str):
                raise YamlProblem(f"the key *{name} is not a string (keys of a config are "
                                  "strings)", event.start_mark)
            self._key(template, event)
        else:
            self._add(_copy(template), event)

    # ---- building ----------------------------------------------------------------------------
    def _count(self, values: int, size: int, event: Any) -> None:
        self.values += values
        self.bytes += size
        if self.values > self.max_values:
            raise YamlProblem(f"more than {self.max_values:,} values (counting each alias as the "
                              "values it repeats)", event.start_mark)
        if self.bytes > self.max_bytes:
            raise YamlProblem(f"more than {self.max_bytes:,} bytes of keys and strings once "
                              "aliases are expanded (each alias counts as the text it repeats)",
                              event.start_mark)

    def _key(self, key: Any, event: Any) -> None:
        frame = self.stack[-1]
        if key is not _MERGE and not isinstance(key, str):
            raise YamlProblem(f"the key {brief(event.value)} is not a string (quote it: keys of "
                              "a config are strings)", event.start_mark)
        seen = "<<" if key is _MERGE else str(key)  # a second << is a duplicate too, as editors say
        first = frame.explicit.get(seen)
        if first is not None:
            raise YamlProblem(f"duplicate key {brief(seen)} (first defined at line "
                              f"{first.line + 1}, column {first.column + 1})", event.start_mark)
        frame.explicit[seen] = event.start_mark
        frame.key, frame.key_mark = key, event.start_mark

    def _add(self, value: Any, event: Any) -> None:
        if not self.stack:
            self.root = value
            return
        frame = self.stack[-1]
        container = frame.container
        if type(container) is list:
            container.append(value)
            return
        key, frame.key = frame.key, _NO_KEY
        if key is _MERGE:
            self._merge(frame, value, frame.key_mark)
        else:
            container[key] = value  # over a merged value: the explicit key wins, in place

    def _merge(self, frame: _Frame, value: Any, mark: Any) -> None:
        sources = value if type(value) is list else [value]
        if not sources or not all(type(s) is dict for s in sources):
            raise YamlProblem("a merge key (<<) takes a mapping or a list of mappings", mark)
        container = frame.container
        for source in sources:
            for key, item in source.items():
                if key not in container:  # explicit keys and earlier sources win
                    container[key] = item

    def _construct(self, tag: str, text: str, event: Any) -> Any:
        if tag == core.STR:
            return text
        if tag == core.NULL:
            return None
        if tag == core.BOOL:
            return text in ("true", "True", "TRUE")
        if tag == core.INT:
            return _integer(text, event)
        value = math.nan if text.lstrip("+-").startswith(".") and text[-1] in "fFnN" else float(text)
        if not math.isfinite(value):  # .inf, .nan, or a float that overflows (1e999)
            raise YamlProblem(f"{brief(text)} is not a finite number (NaN and infinities are "
                              "not allowed, as in JSON)", event.start_mark)
        return value


def _integer(text: str, event: Any) -> int:
    if text.startswith(("0x", "0o")):
        digits, base = text[2:], 16 if text[1] == "x" else 8
    else:
        digits, base = text, 10
    if len(digits.lstrip("+-0")) > _INT_DIGITS:
        raise YamlProblem(f"integer cannot be read: more than {_INT_DIGITS} digits",
                          event.start_mark)
    value = int(digits, base)
    if not MIN_INT <= value <= MAX_INT:
        raise YamlProblem(f"the integer {brief(text)} is outside the 64-bit range ({MIN_INT} to "
                          f"{MAX_INT})", event.start_mark)
    return value


def _copy(value: Any) -> Any:
    """A fresh copy of a built subtree (at most the nesting limit deep)."""
    kind = type(value)
    if kind is dict:
        return {k: _copy(v) for k, v in value.items()}
    if kind is list:
        return [_copy(v) for v in value]
    return value


def _short(tag: str) -> str:
    return "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag


def _tag_refused(tag: str) -> str:
    return (f"the tag {_short(tag)!r} is not allowed: a config holds only mappings, lists, "
            "strings, numbers, booleans and null")
