"""Reading and writing a config file so that a rewrite changes only what it must: YAML keeps its
comments, quotes, key order and indentation; JSON keeps its key order and indentation.

Only text that the safe, limited reader (read.py) has already accepted is parsed here; ruamel.yaml's
round-trip loader builds plain containers and scalars only. It resolves plain scalars with the same
YAML 1.2 core schema as the reader (yaml_core.py), and the values it reads are checked against the
reader's: a rewrite never changes a value it was not asked to change.
"""

from __future__ import annotations

import functools
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .._validation.plain_data import plain_copy
from ..errors import ConfigFileError
from .read import read_config
from .write import dump_config
from .yaml_core import MERGE, STR, plain_tag
from .yaml_loader import protect_non_breaks

__all__ = ["Document", "read_document", "render_document"]

_MODELINE = re.compile(r"^(#\s*yaml-language-server:\s*\$schema=\S*?/schema/)(\d+\.\d+)(/)", re.MULTILINE)


@dataclass
class Document:
    """A config file as read for rewriting: its data (ruamel.yaml's commented maps for YAML) and
    how it was laid out."""

    data: Any
    format: str  # json | yaml | toml
    text: str
    yaml_indent: tuple[int, int] = (2, 0)
    json_indent: int | str | None = 2
    restore: dict[int, int] | None = None  # placeholders of U+0085/U+2028/U+2029 in comments
    wandb_run: bool = False  # read from a W&B run config.yaml: `data` is the unwrapped config


def read_document(path: str) -> Document:
    """Read a config file for rewriting; ConfigFileError for anything unreadable."""
    loaded = read_config(path)
    text = loaded.text  # the very text the safe, limited reader accepted: never read twice
    if loaded.wandb_run:  # its layout is W&B's wrapping, not the config's: nothing to keep
        return Document(loaded.data, loaded.format, text, wandb_run=True)
    if loaded.format != "yaml":
        return Document(loaded.data, loaded.format, text, json_indent=_json_indent(text))
    from ruamel.yaml.util import load_yaml_guess_indent

    protected, restore = protect_non_breaks(text)
    try:
        data, indent, block_seq_indent = load_yaml_guess_indent(protected, yaml=_round_trip_yaml())
    except Exception as exc:
        raise ConfigFileError(path, f"cannot be rewritten keeping its comments and layout: "
                              f"ruamel.yaml cannot parse it ({type(exc).__name__}: {exc}); "
                              "tabs used as spaces are the usual cause") from None
    data = _plain_strings(data, restore)
    try:
        data = _agree(data, loaded.data, ())
    except _Disagreement as where:  # both resolve with yaml_core: this would be a bug
        raise ConfigFileError(path, f"cannot be rewritten: the round-trip reader reads {where} "
                              "differently from the reader") from None
    return Document(data, "yaml", text, yaml_indent=(indent or 2, block_seq_indent or 0),
                    restore=restore)


@functools.cache
def _core_resolver() -> type:
    """ruamel.yaml's resolver narrowed to the YAML 1.2 core schema of yaml_core (its own 1.2
    tables also read ``1_000``, ``0b11``, ``+0x1F`` and dates as non-strings)."""
    from ruamel.yaml.nodes import ScalarNode
    from ruamel.yaml.resolver import VersionedResolver
    from ruamel.yaml.tag import Tag

    class CoreResolver(VersionedResolver):
        def __init__(self, version: Any = None, loader: Any = None, loadumper: Any = None) -> None:
            super().__init__(version=(1, 2), loader=loader, loadumper=loadumper)

        def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
            if kind is ScalarNode and implicit[0]:
                return Tag(suffix=plain_tag(value))
            return super().resolve(kind, value, implicit)

    return CoreResolver


def _round_trip_yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.Resolver = _core_resolver()
    yaml.preserve_quotes = True
    return yaml


def _plain_strings(node: Any, restore: dict[int, int] | None) -> Any:
    """The round-trip tree with its strings as the reader reads them.

    - U+0085/U+2028/U+2029 go back into the strings (they were swapped for placeholders, see
      yaml_loader), which are then written double-quoted, as the escapes \\N, \\L and \\P
      (YAML 1.1 readers would fold them as line breaks);
    - a string with an explicit tag (``!!str 12``) or a plain ``<<`` value, which ruamel.yaml keeps
      as a ``TaggedScalar``, becomes that string (written back quoted where needed).
    """
    from ruamel.yaml.comments import TaggedScalar
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    if isinstance(node, TaggedScalar) and str(node.tag) in (STR, MERGE):
        node = str(node.value)
    if isinstance(node, str):
        back = node if restore is None else node.translate(restore)
        return node if back == node else DoubleQuotedScalarString(back)
    # Only a changed value is assigned: assigning a key merged in by << would write it out.
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in list(items):
        new = _plain_strings(value, restore)
        if new is not value:
            node[key] = new
    return node


def _agree(node: Any, reader: Any, path: tuple[Any, ...]) -> Any:
    """Make the round-trip tree hold the reader's value wherever they differ in a scalar (True is
    not 1): ruamel.yaml resolves ``! 12`` to 12, the core schema to "12". A difference of shape
    would mean a bug, and is refused rather than written."""
    if isinstance(reader, dict):
        if not isinstance(node, dict) or set(node) != set(reader):  # merged keys: another order
            raise _Disagreement(path)
        items: Any = reader.items()
    elif isinstance(reader, list):
        if not isinstance(node, list) or len(node) != len(reader):
            raise _Disagreement(path)
        items = enumerate(reader)
    else:
        items = None
    if items is not None:
        for key, value in list(items):
            new = _agree(node[key], value, (*path, key))
            if new is not node[key]:
                node[key] = new
        return node
    if _kind(node) is _kind(reader) and node == reader:
        return node
    return reader


class _Disagreement(Exception):
    def __init__(self, path: tuple[Any, ...]) -> None:
        super().__init__(".".join(map(str, path)) or "<root>")


def _kind(value: Any) -> type:
    for kind in (bool, int, float, str, dict, list):
        if isinstance(value, kind):
            return kind
    return type(value)


def _json_indent(text: str) -> int | str | None:
    """The indentation a JSON file uses (None for a one-line file)."""
    for line in text.splitlines()[1:]:
        stripped = line.lstrip(" \t")
        if stripped and len(stripped) < len(line):
            lead = line[: len(line) - len(stripped)]
            return "\t" if lead.startswith("\t") else len(lead)
    return None


def render_document(doc: Document, data: Any, fmt: str,
                    schema_version: Callable[[str], str | None] | None = None) -> str:
    """`data` as text in `fmt`, laid out like `doc` where the formats match.

    For YAML written back as YAML, `schema_version(old)` may name a newer schema version for a
    ``# yaml-language-server: $schema=.../schema/<old>/...`` comment (None keeps it).
    """
    if fmt == "yaml" and doc.format == "yaml":
        yaml = _round_trip_yaml()
        yaml.width = 4096
        mapping, offset = doc.yaml_indent
        yaml.indent(mapping=mapping, sequence=mapping, offset=offset)
        buffer = io.StringIO()
        yaml.dump(data, buffer)
        text = buffer.getvalue()
        if doc.restore is not None:  # comments kept the placeholders
            text = text.translate(doc.restore)
        if schema_version is not None:
            text = _MODELINE.sub(lambda m: _modeline(m, schema_version), text)
        return text
    plain = plain_copy(data)[0]
    if fmt == "json":
        indent = doc.json_indent if doc.format == "json" else 2
        return json.dumps(plain, indent=indent, ensure_ascii=False, allow_nan=False) + "\n"
    if fmt == "yaml":
        return dump_config(plain, "yaml")
    raise ValueError(f"cannot write {fmt.upper()}: give an output file name ending in .json or .yaml")


def _modeline(match: re.Match[str], schema_version: Callable[[str], str | None]) -> str:
    newer = schema_version(match.group(2))
    return match.group(0) if newer is None else f"{match.group(1)}{newer}{match.group(3)}"
