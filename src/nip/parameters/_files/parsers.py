"""The three parsers behind `read_config`: text in, plain data or `ConfigFileError` (with line and
column where known) out.

Limits on size, nesting and values are applied by the caller (read.py); YAML's are passed in here
because they must be checked on the event stream, before anything is built.
"""

from __future__ import annotations

import json
import json.decoder
import json.scanner
import re
import sys
from typing import Any

import yaml

from ..errors import ConfigFileError
from .yaml_loader import YamlProblem, load_yaml

__all__ = ["parse_json", "parse_toml", "parse_yaml", "position"]

# Internals of the json module that typeshed does not declare; used only to locate a duplicate key.
_JSONObject: Any = getattr(json.decoder, "JSONObject")  # noqa: B009
_WHITESPACE: Any = getattr(json.decoder, "WHITESPACE")  # noqa: B009
_scanstring: Any = getattr(json.decoder, "scanstring")  # noqa: B009


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


def parse_json(text: str, name: str) -> Any:
    """JSON without duplicate keys, NaN or Infinity; errors carry line and column."""
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
        line, column = position(text, _locate_token(text, exc.token))
        raise ConfigFileError(name, exc.message, line=line, column=column) from None
    except _DuplicateKey as exc:
        line, column = position(text, _locate_duplicate(text, exc.key))
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
        line, column = position(text, offset)
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
            return _JSONObject(s_and_end, *args)
        except _DuplicateKey as exc:
            if exc.object_start is None:
                exc.object_start = s_and_end[1]
            raise

    decoder.parse_object = parse_object  # type: ignore[attr-defined]  # not in typeshed
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
    ws = _WHITESPACE
    seen: set[str] = set()
    index = ws.match(text, start).end()
    try:
        while text[index] == '"':
            key_at = index
            found, index = _scanstring(text, index + 1)
            if found in seen:
                return int(key_at)
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


def position(text: str, offset: int | None) -> tuple[int | None, int | None]:
    """1-based line and column of a character offset (``(None, None)`` for None)."""
    if offset is None:
        return None, None
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def parse_yaml(
    text: str, name: str, *, max_depth: int, max_values: int, max_aliases: int, max_bytes: int
) -> Any:
    """YAML 1.2 (core schema) through :func:`load_yaml`, within the limits."""
    try:
        data = load_yaml(text, max_depth=max_depth, max_values=max_values,
                         max_aliases=max_aliases, max_bytes=max_bytes)
    except YamlProblem as exc:
        raise ConfigFileError(name, exc.message, line=exc.line, column=exc.column) from None
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


def parse_toml(text: str, name: str) -> Any:
    """TOML (tomllib); errors carry line and column where tomllib gives them."""
    import tomllib  # here: reading YAML or JSON need not pay for it (a tenth of start-up)

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
