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
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

from nip.parameters._yaml_safe import ConfigLoader, LimitExceeded, check_event_stream
from nip.parameters.errors import ConfigFileError

__all__ = [
    "FORMATS",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_STRING_LENGTH",
    "MAX_VALUES",
    "MAX_YAML_ALIASES",
    "LoadedConfig",
    "dump_config",
    "parse_config",
    "read_config",
]

#: Largest file read, in bytes (8 MiB).
MAX_FILE_BYTES = 8 * 1024 * 1024
#: Deepest nesting of objects/lists; the top-level object is level 1.
MAX_DEPTH = 200
#: Most values (objects, lists and scalars, keys not counted) in one file after YAML alias expansion.
MAX_VALUES = 100_000
#: Most YAML aliases (``*name``) in one file.
MAX_YAML_ALIASES = 10_000
#: Longest string (value or key), in characters.
MAX_STRING_LENGTH = 65_536

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
    data, fmt = parse_config(raw, name=name, format=format)
    return LoadedConfig(data, fmt, None if is_stdin else Path(source))


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
            data = _PARSERS[format](text, name)
        return _checked_tree(data, name, copy=format == "yaml"), format
    except ConfigFileError:
        raise
    except RecursionError:
        raise ConfigFileError(
            name, f"nesting is deeper than the limit of {MAX_DEPTH} levels"
        ) from None
    except MemoryError:
        raise ConfigFileError(name, "not enough memory to read this file") from None
    except Exception as exc:  # noqa: BLE001 - contract: a bad file raises nothing else
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
# Parsers: text -> data, or ConfigFileError with a position


class _JsonHookError(Exception):
    def __init__(self, message: str, token: str) -> None:
        super().__init__(message)
        self.message, self.token = message, token


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key
        self.object_start: int | None = None


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def _reject_constant(token: str) -> Any:
    raise _JsonHookError(f"{token} is not valid JSON (no NaN or Infinity)", token)


def _parse_json(text: str, name: str) -> Any:
    try:
        return json.loads(
            text,
            object_pairs_hook=_reject_duplicates,
            parse_constant=_reject_constant,
        )
    except json.JSONDecodeError as exc:
        raise ConfigFileError(
            name, f"invalid JSON: {exc.msg}", line=exc.lineno, column=exc.colno
        ) from None
    except _JsonHookError as exc:
        line, column = _position(text, _locate_token(text, exc.token))
        raise ConfigFileError(name, exc.message, line=line, column=column) from None
    except _DuplicateKey as exc:
        line, column = _position(text, _locate_duplicate(text, exc.key))
        raise ConfigFileError(
            name, f"duplicate key {exc.key!r}", line=line, column=column
        ) from None
    except ValueError as exc:
        if "digits" not in str(exc):
            raise
        # An integer with more digits than Python converts (sys.get_int_max_str_digits()).
        offset = next(
            (m.start(1) for m in _LONG_INT.finditer(text) if m.group(1) is not None),
            None,
        )
        line, column = _position(text, offset)
        raise ConfigFileError(
            name,
            f"an integer with more than {_INT_DIGITS} digits cannot be read",
            line=line,
            column=column,
        ) from None


_JSON_STRING_OR_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|(-?Infinity|NaN)', re.DOTALL)
_INT_DIGITS = sys.get_int_max_str_digits() or 4300
_LONG_INT = re.compile(
    r'"(?:[^"\\]|\\.)*"|(?<![\d.eE])(-?\d{' + str(_INT_DIGITS + 1) + ",})", re.DOTALL
)


def _locate_token(text: str, token: str) -> int | None:
    """Offset of the first ``token`` outside a JSON string, or None."""
    for match in _JSON_STRING_OR_TOKEN.finditer(text):
        if match.group(1) == token:
            return match.start(1)
    return None


def _locate_duplicate(text: str, key: str) -> int | None:
    """Offset of the second occurrence of ``key`` in the first object that repeats it.

    Only called after the fast parse found a duplicate: re-parse with the pure-Python scanner,
    which tells where that object starts, then walk its keys.
    """
    decoder = json.JSONDecoder(object_pairs_hook=_reject_duplicates)
    plain = json.JSONDecoder()

    def parse_object(s_and_end: tuple[str, int], *args: Any) -> Any:
        try:
            return json.decoder.JSONObject(s_and_end, *args)
        except _DuplicateKey as exc:
            if exc.object_start is None:
                exc.object_start = s_and_end[1]
            raise

    decoder.parse_object = parse_object  # type: ignore[assignment]
    decoder.scan_once = json.scanner.py_make_scanner(decoder)  # type: ignore[attr-defined]
    try:
        decoder.decode(text)
    except _DuplicateKey as exc:
        start = exc.object_start
    except (ValueError, RecursionError):
        return None
    else:
        return None
    if start is None:
        return None
    # Walk the keys of the object whose body starts at `start`.
    ws = json.decoder.WHITESPACE
    seen: set[str] = set()
    index = ws.match(text, start).end()
    try:
        while text[index] == '"':
            key_at = index
            found, index = json.decoder.scanstring(text, index + 1)
            if found in seen:
                return key_at
            seen.add(found)
            index = ws.match(text, index).end() + 1  # past ':'
            index = ws.match(text, index).end()
            _, index = plain.raw_decode(text, index)
            index = ws.match(text, index).end()
            if text[index] != ",":
                return None  # end of the object, no repeat found
            index = ws.match(text, index + 1).end()
    except (ValueError, IndexError, RecursionError):
        return None
    return None


def _position(text: str, offset: int | None) -> tuple[int | None, int | None]:
    if offset is None:
        return None, None
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _parse_yaml(text: str, name: str) -> Any:
    try:
        check_event_stream(
            text,
            max_depth=MAX_DEPTH,
            max_values=MAX_VALUES,
            max_aliases=MAX_YAML_ALIASES,
        )
        loader = ConfigLoader(text)
        try:
            data = loader.get_single_data()
        finally:
            loader.dispose()
    except LimitExceeded as exc:
        raise ConfigFileError(
            name, exc.message, line=exc.mark.line + 1, column=exc.mark.column + 1
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem:
            message = f"{exc.problem} ({exc.context})"
        raise ConfigFileError(
            name,
            f"invalid YAML: {message}",
            line=None if mark is None else mark.line + 1,
            column=None if mark is None else mark.column + 1,
        ) from None
    except yaml.YAMLError as exc:
        raise ConfigFileError(name, f"invalid YAML: {exc}") from None
    if data is None and _only_comments(text):
        raise ConfigFileError(name, "the file holds no YAML document (only comments)")
    return data


def _only_comments(text: str) -> bool:
    return all(
        not line.strip()
        or line.lstrip().startswith("#")
        or line.strip() in ("---", "...")
        for line in text.splitlines()
    )


_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def _parse_toml(text: str, name: str) -> Any:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_POSITION.search(message)
        if match:
            raise ConfigFileError(
                name,
                f"invalid TOML: {message[: match.start()]}",
                line=int(match.group(1)),
                column=int(match.group(2)),
            ) from None
        raise ConfigFileError(name, f"invalid TOML: {message}") from None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise ConfigFileError(name, f"invalid TOML: {exc}") from None


_PARSERS: dict[str, Callable[[str, str], Any]] = {
    "json": _parse_json,
    "yaml": _parse_yaml,
    "toml": _parse_toml,
}


def _sniff(text: str, name: str) -> tuple[Any, Format]:
    """JSON first; then YAML; then TOML when YAML gives no mapping or list."""
    try:
        return _parse_json(text, name), "json"
    except ConfigFileError as exc:
        if not exc.reason.startswith("invalid JSON"):
            raise  # valid JSON syntax with a forbidden value: YAML must not rescue it
        json_error = exc
    yaml_error: ConfigFileError | None = None
    try:
        data = _parse_yaml(text, name)
        if isinstance(data, (dict, list)):
            return data, "yaml"
    except ConfigFileError as exc:
        yaml_error = exc
    try:
        return _parse_toml(text, name), "toml"
    except ConfigFileError:
        pass
    if yaml_error is None:
        return data, "yaml"  # a bare scalar: the validator will say what it expected
    if text.lstrip()[:1] in ("{", "["):
        raise json_error
    raise yaml_error


# ---------------------------------------------------------------------------------------------
# The parsed tree: JSON types only, bounded, and (for YAML) no shared sub-objects


def _checked_tree(data: Any, name: str, *, copy: bool) -> Any:
    """Check every value iteratively; with ``copy``, return a fresh tree without shared nodes."""
    Link = tuple[str | int, Any] | None  # the path, as a linked list (key, parent link)

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


class _Dumper(yaml.SafeDumper):
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
        return yaml.dump(
            data,
            Dumper=_Dumper,
            sort_keys=False,
            default_flow_style=False,
            allow_unicode=True,
            width=88,
        )
    raise ValueError(f"cannot write format {format!r}: expected 'json' or 'yaml'")
