"""Reading config files safely, and writing config data as JSON or YAML.

:func:`read_config` turns a path (or ``-`` for stdin) into plain JSON-like data: dicts with string
keys, lists, strings, ints, finite floats, booleans and ``None``. Whatever the file holds, it either
returns that or raises :class:`~nip.parameters.errors.ConfigFileError` naming the file and, where
the parser knows it, the line and column. Nothing is executed and nothing is fetched.

The limits below hold for every format. They are far above any real config (a complete nip config
is about 15 kB, 5 levels deep and 400 values) and keep a hostile file from using unbounded time,
memory or stack.
"""

from __future__ import annotations

import json
import math
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

from nip.parameters import _registry
from nip.parameters._parsers import parse_json, parse_toml, parse_yaml
from nip.parameters.errors import ConfigFileError

__all__ = [
    "FORMATS",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_STRING_LENGTH",
    "MAX_VALUES",
    "MAX_YAML_ALIASES",
    "STDIN_NAME",
    "LoadedConfig",
    "dump_config",
    "parse_config",
    "read_config",
]

#: Largest file read, in bytes (8 MiB).
MAX_FILE_BYTES = 8 * 1024 * 1024
#: Deepest nesting of objects/lists (the top-level object is level 1) and longest string (value or
#: key, in characters): from schema/limits.json, shared with the in-memory check.
MAX_DEPTH = _registry.MAX_DEPTH
MAX_STRING_LENGTH = _registry.MAX_STRING_LENGTH
#: Most values (objects, lists and scalars, keys not counted) in one file after YAML alias expansion.
MAX_VALUES = 100_000
#: Most YAML aliases (``*name``) in one file.
MAX_YAML_ALIASES = 10_000

Format = Literal["json", "yaml", "toml"]
FORMATS: tuple[str, ...] = ("json", "yaml", "toml")
_EXTENSIONS: dict[str, Format] = {
    ".json": "json",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".toml": "toml",
}
STDIN_NAME = "<stdin>"


@dataclass(frozen=True)
class LoadedConfig:
    """What :func:`read_config` returns: the data, the format it was read as, and its path."""

    data: Any
    format: Format
    path: Path | None  # None for stdin
    text: str = ""  # the text that was parsed, for a round-trip writer (migrate) to parse again

    @property
    def name(self) -> str:
        """How messages name the source: the path as given, or ``<stdin>``."""
        return STDIN_NAME if self.path is None else str(self.path)


def read_config(
    source: str | os.PathLike[str], *, format: Format | None = None
) -> LoadedConfig:
    """Read a config file (``-`` is stdin) as JSON, YAML or TOML.

    The format is ``format`` if given, else taken from the extension (``.json``, ``.yaml``,
    ``.yml``, ``.toml``); for stdin or another extension it is sniffed: JSON, then YAML, then TOML.
    Raises :class:`ConfigFileError` for every problem, never another exception.
    """
    is_stdin = os.fspath(source) == "-"
    name = STDIN_NAME if is_stdin else os.fspath(source)
    raw = _read_stdin(name) if is_stdin else _read_file(Path(source), name)
    if format is None and not is_stdin:
        format = _EXTENSIONS.get(Path(source).suffix.lower())
    text = (_decode(raw, name) if isinstance(raw, bytes) else raw).removeprefix("\ufeff")
    data, fmt = parse_config(text, name=name, format=format)
    return LoadedConfig(data, fmt, None if is_stdin else Path(source), text)


def parse_config(
    raw: bytes | str, *, name: str, format: Format | None = None
) -> tuple[Any, Format]:
    """Parse config text or bytes; ``format=None`` sniffs. Returns ``(data, format)``."""
    text = _decode(raw, name) if isinstance(raw, bytes) else raw.removeprefix("\ufeff")
    if len(text) > MAX_FILE_BYTES:
        raise ConfigFileError(
            name, f"larger than the limit of {MAX_FILE_BYTES:,} bytes"
        )
    if not text.strip():
        raise ConfigFileError(name, "the file is empty")
    if format is not None and format not in FORMATS:
        raise ConfigFileError(
            name, f"unknown format {format!r} (expected one of {FORMATS})"
        )
    try:
        if format is None:
            data, format = _sniff(text, name)
        else:
            data = _parse(format, text, name)
        return _checked_tree(data, name, copy=format == "yaml"), format
    except ConfigFileError:
        raise
    except RecursionError:
        raise ConfigFileError(
            name, f"nesting is deeper than the limit of {MAX_DEPTH} levels"
        ) from None
    except MemoryError:
        raise ConfigFileError(name, "not enough memory to read this file") from None
    except Exception as exc:
        raise ConfigFileError(
            name, f"cannot be parsed ({type(exc).__name__}: {exc})"
        ) from None


# ---------------------------------------------------------------------------------------------
# Bytes in


def _read_file(path: Path, name: str) -> bytes:
    try:
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_FILE_BYTES:
                raise ConfigFileError(
                    name,
                    f"{size:,} bytes is larger than the limit of {MAX_FILE_BYTES:,} bytes",
                )
            return _read_bounded(handle.read, name)
    except ConfigFileError:
        raise
    except FileNotFoundError:
        raise ConfigFileError(name, "no such file") from None
    except IsADirectoryError:
        raise ConfigFileError(name, "is a directory, not a config file") from None
    except PermissionError:
        raise ConfigFileError(name, "permission denied") from None
    except OSError as exc:
        raise ConfigFileError(name, f"cannot be read: {exc.strerror or exc}") from None


def _read_stdin(name: str) -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    try:
        if stream is not None:
            return _read_bounded(stream.read, name)
        text = sys.stdin.read(
            MAX_FILE_BYTES + 1
        )  # a text-only stdin (e.g. under a test runner)
        if isinstance(text, bytes):
            return text
        if len(text) > MAX_FILE_BYTES:
            raise ConfigFileError(
                name, f"larger than the limit of {MAX_FILE_BYTES:,} bytes"
            )
        return text.encode("utf-8", "surrogateescape")
    except ConfigFileError:
        raise
    except (OSError, ValueError) as exc:  # closed or unreadable stdin
        raise ConfigFileError(name, f"cannot be read: {exc}") from None


def _read_bounded(read: Callable[[int], bytes], name: str) -> bytes:
    """Read at most the limit (plus one byte to notice more), also from pipes and devices."""
    chunks: list[bytes] = []
    total = 0
    while total <= MAX_FILE_BYTES:
        chunk = read(MAX_FILE_BYTES + 1 - total)
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total > MAX_FILE_BYTES:
        raise ConfigFileError(
            name, f"larger than the limit of {MAX_FILE_BYTES:,} bytes"
        )
    return b"".join(chunks)


def _decode(raw: bytes, name: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ConfigFileError(name, "is UTF-16 (or UTF-32) encoded; save it as UTF-8")
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        line = raw.count(b"\n", 0, exc.start) + 1
        column = len(raw[line_start : exc.start].decode("utf-8", "replace")) + 1
        raise ConfigFileError(
            name,
            f"is not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
            line=line,
            column=column,
        ) from None


# ---------------------------------------------------------------------------------------------
# Parsing: by format, or sniffed


def _parse(format: str, text: str, name: str) -> Any:
    if format == "json":
        return parse_json(text, name)
    if format == "toml":
        return parse_toml(text, name)
    return parse_yaml(
        text,
        name,
        max_depth=MAX_DEPTH,
        max_values=MAX_VALUES,
        max_aliases=MAX_YAML_ALIASES,
    )


def _sniff(text: str, name: str) -> tuple[Any, Format]:
    """JSON first; then YAML; then TOML when YAML gives no mapping or list."""
    try:
        return parse_json(text, name), "json"
    except ConfigFileError as exc:
        if not exc.reason.startswith("invalid JSON"):
            raise  # valid JSON syntax with a forbidden value: YAML must not rescue it
        json_error = exc
    yaml_error: ConfigFileError | None = None
    try:
        data = _parse("yaml", text, name)
        if isinstance(data, (dict, list)):
            return data, "yaml"
    except ConfigFileError as exc:
        yaml_error = exc
    try:
        return parse_toml(text, name), "toml"
    except ConfigFileError:
        pass
    if yaml_error is None:
        return data, "yaml"  # a bare scalar: the validator will say what it expected
    if text.lstrip()[:1] in ("{", "["):
        raise json_error
    raise yaml_error


# ---------------------------------------------------------------------------------------------
# The parsed tree: JSON types only, bounded, and (for YAML) no shared sub-objects


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _checked_tree(data: Any, name: str, *, copy: bool) -> Any:
    """Check every value iteratively; with ``copy``, return a fresh tree without shared nodes."""
    Link = tuple[str | int, Any] | None  # noqa: N806 - a local type alias; the path as a linked list (key, parent link)

    def fail(message: str, link: Link) -> ConfigFileError:
        parts: list[str] = []
        while link is not None:
            parts.append(str(link[0]))
            link = link[1]
        parts.reverse()
        if len(parts) > 12:  # a path as deep as the limit would drown the message
            parts = [*parts[:6], f"...({len(parts) - 10} more)...", *parts[-4:]]
        return ConfigFileError(name, f"{message} at {'.'.join(parts) or '<root>'}")

    def scalar(value: Any, link: Link) -> Any:
        kind = type(value)
        if kind is str:
            if len(value) > MAX_STRING_LENGTH:
                raise fail(
                    f"a string of {len(value):,} characters is longer than the limit "
                    f"of {MAX_STRING_LENGTH:,}",
                    link,
                )
            if _LONE_SURROGATE.search(value):  # JSON's "\ud800" escape: no UTF-8 can hold it
                raise fail("a string holds a lone UTF-16 surrogate (\\ud800-\\udfff)", link)
            return value
        if kind is int or kind is bool or value is None:
            return value
        if kind is float:
            if not math.isfinite(value):
                raise fail(
                    f"{value} is not a finite number (too large, NaN or infinite)", link
                )
            return value
        if kind.__name__ in ("datetime", "date", "time"):
            raise fail(f"a TOML {kind.__name__} is not a config value (quote it)", link)
        raise fail(f"a {kind.__name__} is not a config value", link)

    if not isinstance(data, (dict, list)):
        return scalar(data, None)
    root: list[Any] = [None]
    # Containers still to visit: (value, parent container, key in parent, path link, depth).
    stack: list[tuple[Any, Any, Any, Link, int]] = [(data, root, 0, None, 1)]
    count = 1
    while stack:
        value, parent, key, link, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise fail(f"nesting is deeper than the limit of {MAX_DEPTH} levels", link)
        count += len(value)
        if count > MAX_VALUES:
            raise ConfigFileError(name, f"more than {MAX_VALUES:,} values")
        if type(value) is dict:
            out: Any = {} if copy else value
            for child_key, child in value.items():
                if type(child_key) is not str:
                    raise fail(f"the key {child_key!r} is not a string", link)
                if _LONE_SURROGATE.search(child_key):
                    raise fail("a key holds a lone UTF-16 surrogate (\\ud800-\\udfff)", link)
                if len(child_key) > MAX_STRING_LENGTH:
                    raise fail(
                        f"a key of {len(child_key):,} characters is longer than the "
                        f"limit of {MAX_STRING_LENGTH:,}",
                        link,
                    )
                if isinstance(child, (dict, list)):
                    if copy:
                        out[child_key] = None  # keeps the key order; filled in later
                    stack.append((child, out, child_key, (child_key, link), depth + 1))
                else:
                    checked = scalar(child, (child_key, link))
                    if copy:
                        out[child_key] = checked
        elif type(value) is list:
            out = [None] * len(value) if copy else value
            for index, child in enumerate(value):
                if isinstance(child, (dict, list)):
                    stack.append((child, out, index, (index, link), depth + 1))
                else:
                    checked = scalar(child, (index, link))
                    if copy:
                        out[index] = checked
        else:
            raise fail(f"a {type(value).__name__} is not a config value", link)
        if copy:
            parent[key] = out
    return root[0] if copy else data


# ---------------------------------------------------------------------------------------------
# Out


class _Dumper(yaml.SafeDumper):  # type: ignore[misc,unused-ignore]  # no PyYAML stubs
    """Block-style YAML, keys in the given order, never anchors/aliases for repeated objects."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


_Dumper.add_representer(tuple, yaml.SafeDumper.represent_list)


def dump_config(data: Any, format: str) -> str:
    """Render config data as ``json`` (2-space indent) or ``yaml`` (block style), ending in a newline.

    Key order is kept. Tuples are written as lists. NaN and infinities are refused.
    """
    if format == "json":
        return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    if format == "yaml":
        return str(
            yaml.dump(
                data,
                Dumper=_Dumper,
                sort_keys=False,
                default_flow_style=False,
                allow_unicode=True,
                width=88,
            )
        )
    raise ValueError(f"cannot write format {format!r}: expected 'json' or 'yaml'")
