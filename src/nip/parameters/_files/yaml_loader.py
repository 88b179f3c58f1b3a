"""A YAML loader for config files that builds plain JSON-like data and nothing else.

It is PyYAML's safe loader (the libyaml-backed ``CSafeLoader`` when available), narrowed further:

- only the tags of plain data are constructed: mappings, sequences, strings, integers, floats,
  booleans and null. ``!!python/...``, ``!!binary``, ``!!set``, ``!!omap``, ``!!timestamp`` and every
  local tag (``!foo``) are errors;
- a date-like plain scalar (``2024-01-01``) stays a string, as it would in JSON;
- mapping keys must be strings and may not repeat;
- NaN and infinities are errors, as are integers Python refuses to parse (over 4300 digits).

Before anything is built, :func:`check_event_stream` walks the parser's event stream (iteratively)
to bound nesting depth, the number of aliases and the number of values *after* alias expansion,
so an alias bomb ("billion laughs") is refused before it is expanded.
"""

from __future__ import annotations

import math
from typing import Any, ClassVar

from yaml.constructor import ConstructorError
from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    ScalarEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

try:  # libyaml is much faster; fall back to the pure-Python parser when it is not built
    from yaml import CSafeLoader as _SafeBase
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _SafeBase  # type: ignore[assignment,unused-ignore]

__all__ = ["ConfigLoader", "LimitExceeded", "check_event_stream"]

_TAG = "tag:yaml.org,2002:"
_MERGE_TAG = _TAG + "merge"


class LimitExceeded(Exception):
    """Raised by :func:`check_event_stream`; carries the YAML mark of the offending event."""

    def __init__(self, message: str, mark: Any) -> None:
        super().__init__(message)
        self.message, self.mark = message, mark


def check_event_stream(
    text: str, *, max_depth: int, max_values: int, max_aliases: int
) -> None:
    """Bound depth, values and aliases of ``text`` without building anything.

    Each alias counts as the whole subtree it stands for, so the totals are those of the fully
    expanded document. An alias that refers to a node that is still open (a recursive structure)
    is refused too.
    """
    loader = ConfigLoader(text)
    try:
        frames: list[
            list[Any]
        ] = []  # [values seen before this node, max depth below, anchor]
        anchors: dict[str, tuple[int, int]] = {}  # anchor -> (expanded values, depth)
        open_anchors: set[str] = set()
        values = 0
        aliases = 0
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, CollectionStartEvent):
                values += 1
                frames.append([values - 1, 0, event.anchor])
                if event.anchor:
                    open_anchors.add(event.anchor)
                if len(frames) > max_depth:
                    raise LimitExceeded(
                        f"nesting is deeper than the limit of {max_depth} levels",
                        event.start_mark,
                    )
            elif isinstance(event, CollectionEndEvent):
                start, below, anchor = frames.pop()
                if anchor:
                    anchors[anchor] = (values - start, below + 1)
                    open_anchors.discard(anchor)
                if frames:
                    frames[-1][1] = max(frames[-1][1], below + 1)
            elif isinstance(event, ScalarEvent):
                values += 1
                if event.anchor:
                    anchors[event.anchor] = (1, 0)
            elif isinstance(event, AliasEvent):
                aliases += 1
                if aliases > max_aliases:
                    raise LimitExceeded(
                        f"more than {max_aliases} YAML aliases", event.start_mark
                    )
                if event.anchor in open_anchors:
                    raise LimitExceeded(
                        f"alias *{event.anchor} refers to a node that contains it "
                        "(recursive structures are not allowed)",
                        event.start_mark,
                    )
                if event.anchor not in anchors:
                    raise LimitExceeded(
                        f"found undefined alias *{event.anchor}", event.start_mark
                    )
                size, depth = anchors[event.anchor]
                values += size
                if len(frames) + depth > max_depth:
                    raise LimitExceeded(
                        f"alias *{event.anchor} expands to nesting deeper than the limit "
                        f"of {max_depth} levels",
                        event.start_mark,
                    )
                if frames:
                    frames[-1][1] = max(frames[-1][1], depth)
            else:
                continue
            if values > max_values:
                raise LimitExceeded(
                    f"more than {max_values:,} values (counting each alias as the "
                    "values it repeats)",
                    event.start_mark,
                )
    finally:
        loader.dispose()


def _plain_resolvers() -> dict[Any, list[tuple[str, Any]]]:
    """PyYAML's implicit resolvers without the timestamp one (dates stay strings)."""
    return {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _TAG + "timestamp"]
        for first, resolvers in Resolver.yaml_implicit_resolvers.items()
    }


class ConfigLoader(_SafeBase):  # type: ignore[misc,valid-type,unused-ignore]
    """Safe loader that builds only JSON-like data; see the module docstring."""

    yaml_implicit_resolvers = _plain_resolvers()
    yaml_constructors: ClassVar[dict[Any, Any]] = {}

    def construct_undefined(self, node: Node) -> Any:
        tag = node.tag
        if tag.startswith(_TAG):
            tag = "!!" + tag[len(_TAG) :]
        raise ConstructorError(
            None,
            None,
            f"the tag {tag!r} is not allowed: a config holds only mappings, lists, "
            "strings, numbers, booleans and null",
            node.start_mark,
        )

    def construct_plain_int(self, node: ScalarNode) -> int:
        try:
            return int(self.construct_yaml_int(node))
        except ValueError as exc:
            raise ConstructorError(
                None, None, f"integer cannot be read: {exc}", node.start_mark
            ) from None

    def construct_plain_float(self, node: ScalarNode) -> float:
        value = self.construct_yaml_float(node)
        if not math.isfinite(value):
            raise ConstructorError(
                None,
                None,
                f"{node.value!r} is not a finite number (NaN and infinities are not "
                "allowed, as in JSON)",
                node.start_mark,
            )
        return float(value)

    def construct_mapping(self, node: Node, deep: bool = False) -> dict[Any, Any]:
        self._check_keys(node, set())
        return super().construct_mapping(node, deep=deep)  # type: ignore[arg-type]

    def _check_keys(self, node: Node, visited: set[int]) -> None:
        """String keys only, each at most once; merged (``<<``) mappings are checked too."""
        if not isinstance(node, MappingNode) or id(node) in visited:
            return
        visited.add(id(node))
        seen: dict[str, Node] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                merged = (
                    value_node.value
                    if isinstance(value_node, SequenceNode)
                    else [value_node]
                )
                for sub in merged:
                    self._check_keys(sub, visited)
                continue
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                raise ConstructorError(
                    "while reading a mapping",
                    node.start_mark,
                    f"the key {key!r} is not a string (quote it: keys of a config are "
                    "strings)",
                    key_node.start_mark,
                )
            if key in seen:
                first = seen[key].start_mark
                raise ConstructorError(
                    "while reading a mapping",
                    node.start_mark,
                    f"duplicate key {key!r} (first defined at line {first.line + 1}, "
                    f"column {first.column + 1})",
                    key_node.start_mark,
                )
            seen[key] = key_node


for _name, _method in [
    ("null", "construct_yaml_null"),
    ("bool", "construct_yaml_bool"),
    ("int", "construct_plain_int"),
    ("float", "construct_plain_float"),
    ("str", "construct_yaml_str"),
    ("seq", "construct_yaml_seq"),
    ("map", "construct_yaml_map"),
]:
    ConfigLoader.add_constructor(_TAG + _name, getattr(ConfigLoader, _method))
ConfigLoader.add_constructor(None, ConfigLoader.construct_undefined)
