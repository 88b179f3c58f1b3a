"""Reading and writing a config file so that a rewrite changes only what it must: YAML keeps its
comments, quotes, key order and indentation; JSON keeps its key order and indentation.

Only text that the safe, limited reader (read.py) has already accepted is parsed here; ruamel.yaml's
round-trip loader builds plain containers and scalars only.
"""

from __future__ import annotations

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
    wandb_run: bool = False  # read from a W&B run config.yaml: `data` is the unwrapped config


def read_document(path: str) -> Document:
    """Read a config file for rewriting; ConfigFileError for anything unreadable."""
    loaded = read_config(path)
    text = loaded.text  # the very text the safe, limited reader accepted: never read twice
    if loaded.wandb_run:  # its layout is W&B's wrapping, not the config's: nothing to keep
        return Document(loaded.data, loaded.format, text, wandb_run=True)
    if loaded.format != "yaml":
        return Document(loaded.data, loaded.format, text, json_indent=_json_indent(text))
    from ruamel.yaml import YAML
    from ruamel.yaml.util import load_yaml_guess_indent

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    try:
        data, indent, block_seq_indent = load_yaml_guess_indent(text, yaml=yaml)
    except Exception as exc:
        raise ConfigFileError(path, f"cannot be parsed ({type(exc).__name__}: {exc})") from None
    return Document(data, "yaml", text, yaml_indent=(indent or 2, block_seq_indent or 0))


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
        from ruamel.yaml import YAML

        yaml = YAML()
        yaml.preserve_quotes = True
        yaml.width = 4096
        mapping, offset = doc.yaml_indent
        yaml.indent(mapping=mapping, sequence=mapping, offset=offset)
        buffer = io.StringIO()
        yaml.dump(data, buffer)
        text = buffer.getvalue()
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
