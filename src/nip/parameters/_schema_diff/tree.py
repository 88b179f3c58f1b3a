"""One published schema version as the differ sees it: its definitions, and where each class sits.

The input is the published form (closed, inheritance flattened, as `make generate` writes it to
``_schemas/<version>/``): ``{file name: document}``. A *class* is a definition with properties;
any other definition (an enum, a union) is a *type*. A class's *places* are the dotted addresses
of the config where an object of that class can stand (``rl``, ``agents.*``,
``agents.*.update_schedule``); ``*`` is any key of a map, ``[]`` any item of a list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from .._schema_files import (
    BUNDLE_FILE,
    CATALOG_FILE,
    FORMAT_SCHEMA_FILES,
    NOT_GROUP_FILES,
    VOCABULARY_FILE,
)
from ..errors import NipParametersError

__all__ = ["ROOT", "SchemaTree", "join"]

ROOT = ""  # the address of the whole config
_IGNORED_FILES = (*NOT_GROUP_FILES, CATALOG_FILE, VOCABULARY_FILE, *FORMAT_SCHEMA_FILES)
_MAX_DEPTH = 24  # places deeper than this are not followed (a recursive schema would never end)


def join(address: str, part: str) -> str:
    return f"{address}.{part}" if address else part


def ref_name(ref: str) -> tuple[str, str]:
    """``"types.json#/$defs/X"`` -> ``("types", "X")``; a local ref gives ``("", "X")``."""
    file_part, _, pointer = ref.partition("#")
    return file_part.removesuffix(".json"), pointer.rsplit("/", 1)[-1]


def _alias_literal(branch: Mapping[str, Any]) -> str | None:
    """A deprecated alias is published as a one-value ``pattern`` (so editors do not offer it)."""
    pattern = branch.get("pattern")
    if "x-alias-of" not in branch or not isinstance(pattern, str):
        return None
    match = re.fullmatch(r"\^(.*)\$", pattern, flags=re.DOTALL)
    return re.sub(r"\\(.)", r"\1", match.group(1)) if match else None


@dataclass
class SchemaTree:
    """The definitions of one version and the places of its classes."""

    label: str
    definitions: dict[str, dict[str, Any]]  # name -> published definition
    root: str  # name of the class of the whole config
    places: dict[str, list[str]] = field(default_factory=dict)  # class -> addresses, in walk order

    @classmethod
    def from_files(cls, label: str, files: Mapping[str, Any]) -> SchemaTree:
        definitions: dict[str, dict[str, Any]] = {}
        root: str | None = None
        for name, doc in sorted(files.items()):
            if name in _IGNORED_FILES or not isinstance(doc, dict):
                continue
            for def_name, definition in (doc.get("$defs") or {}).items():
                if def_name in definitions:
                    raise NipParametersError(
                        f"schema {label}: {def_name} is defined twice (in {name} and another file); "
                        "the differ needs unique class names")
                definitions[def_name] = definition
        bundle = files.get(BUNDLE_FILE)
        config = bundle.get("else", bundle) if isinstance(bundle, dict) else None  # past a version gate
        if isinstance(config, dict) and isinstance(config.get("$ref"), str):
            root = ref_name(config["$ref"])[1]
        elif "HyperParameters" in definitions:
            root = "HyperParameters"
        if not definitions:
            raise NipParametersError(f"schema {label}: no definitions found (expected published "
                                     "group files with $defs)")
        if root is None or root not in definitions:
            raise NipParametersError(f"schema {label}: cannot find the root class (no bundle.json "
                                     "and no HyperParameters definition)")
        loop = _ref_loop(definitions)
        if loop:
            raise NipParametersError(
                f"schema {label}: $ref loop {' -> '.join(loop)}: each of these types is defined as "
                "the next, so none is ever a value. Define one of them without the $ref")
        tree = cls(label, definitions, root)
        tree.places = _Placer(tree).run()
        return tree

    def is_class(self, name: str) -> bool:
        definition = self.definitions.get(name, {})
        return "properties" in definition

    def classes(self) -> list[str]:
        return [name for name in self.definitions if self.is_class(name)]

    def target(self, ref: str) -> str | None:
        name = ref_name(ref)[1]
        return name if name in self.definitions else None

    def alias_literal(self, branch: Mapping[str, Any]) -> str | None:
        return _alias_literal(branch)


class _Placer:
    """Walks the config tree from the root class and records where each class stands."""

    def __init__(self, tree: SchemaTree) -> None:
        self.tree = tree
        self.places: dict[str, list[str]] = {}
        self.seen: set[tuple[str, str]] = set()

    def run(self) -> dict[str, list[str]]:
        self._class(self.tree.root, ROOT)
        return self.places

    def _class(self, name: str, address: str) -> None:
        if (name, address) in self.seen or address.count(".") > _MAX_DEPTH:
            return
        self.seen.add((name, address))
        self.places.setdefault(name, []).append(address)
        self._node(self.tree.definitions[name], address)

    def _node(self, node: Any, address: str) -> None:
        if not isinstance(node, dict):
            return
        ref = node.get("$ref")
        if isinstance(ref, str):
            target = self.tree.target(ref)
            if target is not None:
                if self.tree.is_class(target):
                    self._class(target, address)
                else:
                    self._node(self.tree.definitions[target], address)
        for key in ("anyOf", "oneOf", "allOf"):
            for branch in node.get(key, []) or []:
                self._node(branch, address)
        for key in ("then", "else"):
            self._node(node.get(key), address)
        for name, sub in (node.get("properties") or {}).items():
            self._node(sub, join(address, name))
        for sub in _map_values(node):
            self._node(sub, join(address, "*"))
        for sub in _list_items(node):
            self._node(sub, join(address, "[]"))


def _type_refs(node: Any) -> Iterator[str]:
    """The definitions a node *is* (its ``$ref`` and those of its branches), not those it holds
    in a property or an item: following these never reaches a value."""
    if not isinstance(node, dict):
        return
    ref = node.get("$ref")
    if isinstance(ref, str):
        yield ref_name(ref)[1]
    for key in ("anyOf", "oneOf", "allOf"):
        branches = node.get(key)
        for branch in branches if isinstance(branches, list) else []:
            yield from _type_refs(branch)
    for key in ("then", "else"):
        yield from _type_refs(node.get(key))


def _ref_loop(definitions: Mapping[str, Any]) -> list[str]:
    """A chain of definitions that ends where it began (``A -> B -> A``), or ``[]``.

    Iterative (a schema file may hold a chain thousands of definitions long), each definition
    visited once: linear in the number of definitions and refs."""
    done: set[str] = set()
    for start in definitions:
        if start in done:
            continue
        chain: list[str] = [start]
        on_chain = {start}
        pending = [iter(list(_type_refs(definitions[start])))]
        while pending:
            nxt = next(pending[-1], None)
            if nxt is None:
                pending.pop()
                done.add(on_chain_pop := chain.pop())
                on_chain.discard(on_chain_pop)
                continue
            if nxt in on_chain:
                return [*chain[chain.index(nxt):], nxt]
            if nxt in done or nxt not in definitions:
                continue
            chain.append(nxt)
            on_chain.add(nxt)
            pending.append(iter(list(_type_refs(definitions[nxt]))))
    return []


def _map_values(node: Mapping[str, Any]) -> Iterator[Any]:
    extra = node.get("additionalProperties")
    if isinstance(extra, dict):
        yield extra
    yield from (node.get("patternProperties") or {}).values()


def _list_items(node: Mapping[str, Any]) -> Iterator[Any]:
    items = node.get("items")
    if isinstance(items, dict):
        yield items
    yield from node.get("prefixItems", []) or []
