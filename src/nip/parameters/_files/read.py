"""Reading config files safely.

`read_config` turns a path (or ``-`` for stdin) into plain JSON-like data: dicts with string keys,
lists, strings, ints, finite floats, booleans and ``None``, sharing no node. Whatever the file holds,
it either returns that or raises `ConfigFileError` naming the file and, where the parser knows it,
the line and column (or the address). Nothing is executed and nothing is fetched.

The limits below hold for every format. They are far above any real config (a complete nip config
is about 15 kB, 5 levels deep and 400 values) and keep a hostile file from using unbounded time,
memory or stack.
"""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .._validation.plain_data import MAX_DEPTH, MAX_STRING_LENGTH, is_plain, plain_copy
from .._validation.wandb_dicts import is_run_file, unwrap_run_file
from ..errors import ConfigFileError
from .formats import FORMATS, Format, format_of
from .parsers import parse_json, parse_toml, parse_yaml

__all__ = [
    "MAX_DEPTH",
    "MAX_EXPANDED_BYTES",
    "MAX_FILE_BYTES",
    "MAX_STRING_LENGTH",
    "MAX_VALUES",
    "MAX_YAML_ALIASES",
    "STDIN_NAME",
    "LoadedConfig",
    "parse_config",
    "read_config",
    "shown_path",
]

#: Largest file read, in bytes (8 MiB).
MAX_FILE_BYTES = 8 * 1024 * 1024
#: Deepest nesting (MAX_DEPTH) and longest string (MAX_STRING_LENGTH) are those of the in-memory
#: check (schema/limits.json), which every file's data passes too.
#: Most values (objects, lists and scalars, keys not counted) in one file after YAML alias expansion.
MAX_VALUES = 100_000
#: Most YAML aliases (``*name``) in one file.
MAX_YAML_ALIASES = 10_000
#: Most bytes (UTF-8) of keys and scalars in one file after YAML alias expansion: as much as the
#: largest file holds, so aliases cannot make a document larger than a file without them.
MAX_EXPANDED_BYTES = MAX_FILE_BYTES

STDIN_NAME = "<stdin>"


@dataclass(frozen=True)
class LoadedConfig:
    """What :func:`read_config` returns: the data, the format it was read as, and its path."""

    data: Any
    format: Format
    path: Path | None  # None for stdin
    text: str = ""  # the text that was parsed, for a round-trip writer (migrate) to parse again
    wandb_run: bool = False  # a W&B run config.yaml: `data` is the config it logged, unwrapped

    @property
    def name(self) -> str:
        """How messages name the source: the path as given (see `shown_path`), or ``<stdin>``."""
        return STDIN_NAME if self.path is None else shown_path(self.path)


def shown_path(path: str | os.PathLike[str]) -> str:
    """A path as messages show it: as given, or JSON-quoted (``"a\\nb.yaml"``) when it holds a
    control character or bytes that are not UTF-8, so that one message stays one line."""
    text = os.fspath(path)
    return text if text.isprintable() else json.dumps(text)


def read_config(
    source: str | os.PathLike[str], *, format: Format | None = None
) -> LoadedConfig:
    """Read a config file (``-`` is stdin) as JSON, YAML or TOML.

    The format is ``format`` if given, else taken from the extension (``.json``, ``.yaml``,
    ``.yml``, ``.toml``); for stdin or another extension it is sniffed: JSON, then YAML, then TOML.
    A W&B run config (``wandb_version: 1``, every key as ``{desc, value}``) is unwrapped.
    Raises :class:`ConfigFileError` for every problem, never another exception.
    """
    is_stdin = os.fspath(source) == "-"
    name = STDIN_NAME if is_stdin else shown_path(source)
    raw = _read_stdin(name) if is_stdin else _read_file(Path(source), name)
    if format is None and not is_stdin:
        format = format_of(source)
    text = (_decode(raw, name) if isinstance(raw, bytes) else raw).removeprefix("\ufeff")
    data, fmt = parse_config(text, name=name, format=format)
    wandb_run = is_run_file(data)
    if wandb_run:
        data = unwrap_run_file(data, name)
    return LoadedConfig(data, fmt, None if is_stdin else Path(source), text, wandb_run)


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
        return _checked_tree(data, name), format
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
        # Non-blocking open: a FIFO without a writer would otherwise block here forever.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise ConfigFileError(name, "no such file") from None
    except IsADirectoryError:
        raise ConfigFileError(name, "is a directory, not a config file") from None
    except PermissionError:
        raise ConfigFileError(name, "permission denied") from None
    except OSError as exc:
        raise ConfigFileError(name, f"cannot be read: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ConfigFileError(name, "is a directory, not a config file")
        if stat.S_ISREG(info.st_mode) and info.st_size > MAX_FILE_BYTES:
            raise ConfigFileError(
                name,
                f"{info.st_size:,} bytes is larger than the limit of {MAX_FILE_BYTES:,} bytes",
            )
        os.set_blocking(fd, True)  # reads wait for a writer that is there, as for a pipe
        raw = _read_bounded(lambda size: os.read(fd, size), name)
        if not raw and stat.S_ISFIFO(info.st_mode):
            raise ConfigFileError(name, "is a FIFO with no writer: nothing to read")
        return raw
    except ConfigFileError:
        raise
    except OSError as exc:
        raise ConfigFileError(name, f"cannot be read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def _read_stdin(name: str) -> bytes:
    stdin = sys.stdin
    if stdin is None:  # started with stdin closed (`nip-params validate - <&-`)
        raise ConfigFileError(name, "cannot be read: stdin is closed")
    stream = getattr(stdin, "buffer", None)
    try:
        if stream is not None:
            return _read_bounded(stream.read, name)
        text = stdin.read(MAX_FILE_BYTES + 1)  # a text-only stdin (e.g. under a test runner)
        if isinstance(text, bytes):
            return text
        if len(text) > MAX_FILE_BYTES:
            raise ConfigFileError(
                name, f"larger than the limit of {MAX_FILE_BYTES:,} bytes"
            )
        return text.encode("utf-8", "surrogateescape")
    except ConfigFileError:
        raise
    except (OSError, ValueError, AttributeError) as exc:  # closed or unreadable stdin
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
        max_bytes=MAX_EXPANDED_BYTES,
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


def _checked_tree(data: Any, name: str) -> Any:
    """The parsed data as a plain tree, or the first fault. The parsers share no object between
    two places (a YAML alias is built as its own copy), so plain data is kept as it is."""
    if is_plain(data, max_values=MAX_VALUES):
        return data
    tree, problems = plain_copy(data, max_values=MAX_VALUES)
    if problems:
        first = problems[0]
        raise ConfigFileError(name, f"{first.message} at {_shown(first.path)}")
    return tree


def _shown(path: tuple[str | int, ...]) -> str:
    parts = [str(p) for p in path]
    if len(parts) > 12:  # a path as deep as the limit would drown the message
        parts = [*parts[:6], f"...({len(parts) - 10} more)...", *parts[-4:]]
    return ".".join(parts) or "<root>"
