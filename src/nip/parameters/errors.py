"""What the user is told: the one exception family (every error a user can cause is a ValueError),
and warnings that point at the user's own line.

A validation error carries every problem found, each with a dotted address, a JSON pointer,
what was expected, what was found and, where one helps, a hint.
"""

from __future__ import annotations

import json
import reprlib
import sys
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

__all__ = [
    "AddressNotFoundError",
    "ConfigFileError",
    "ConversionFunctionAlreadyRegisteredError",
    "ConversionFunctionNotFoundError",
    "MigrationError",
    "NipParametersError",
    "ParameterArgumentError",
    "ParameterValidationError",
    "Problem",
    "SpecError",
]


_BRIEF = reprlib.Repr()
_BRIEF.maxstring = _BRIEF.maxother = 80
_BRIEF.maxlong = 40
_BRIEF.maxlist = _BRIEF.maxtuple = _BRIEF.maxset = 10
_BRIEF.maxdict = 6
_BRIEF.maxlevel = 3


_JSON_WORDS = {None: "null", True: "true", False: "false"}

#: Longest echo of a value, of one key in an address, of a message and of a hint (characters).
BRIEF_LIMIT, KEY_LIMIT, MESSAGE_LIMIT, HINT_LIMIT = 120, 100, 1000, 500
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def shown(text: str, limit: int) -> str:
    """`text` as it may reach a terminal: every character that is not printable (controls such as
    ANSI escapes, newlines, bidi overrides, lone surrogates) escaped as in a Python literal, and
    cut to `limit` characters with "…"."""
    if text.isprintable():  # the usual case, in C
        return text if len(text) <= limit else text[: limit - 1] + "…"
    out: list[str] = []
    size = 0
    for char in text:
        piece = char if char.isprintable() else _escape(char)
        if size + len(piece) > limit - 1:
            out.append("…")
            break
        out.append(piece)
        size += len(piece)
    return "".join(out)


def _escape(char: str) -> str:
    code = ord(char)
    if char in _ESCAPES:
        return _ESCAPES[char]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def brief(value: Any) -> str:
    """A value for a message: JSON's words for null and booleans (configs are JSON and YAML),
    else `repr(value)` shortened, so a 60,000-character value (or a wide nested one) is not
    echoed whole, and nothing in it reaches a terminal raw."""
    if value is None or isinstance(value, bool):
        return _JSON_WORDS[value]
    if isinstance(value, int) and value.bit_length() > 128:  # repr() refuses 4,300 digits and more
        return f"an integer of {value.bit_length():,} bits"
    kind = type(value)
    if kind is str or kind is int or kind is float:  # what reprlib gives when repr() is short
        text = repr(value)
        if len(text) <= (_BRIEF.maxstring if kind is str else _BRIEF.maxlong if kind is int
                         else _BRIEF.maxother):
            return shown(text, BRIEF_LIMIT)
    try:
        return shown(_BRIEF.repr(value), BRIEF_LIMIT)
    except Exception:  # a value whose repr fails (a huge int deep inside, a broken __repr__)
        return f"a {type(value).__name__}"


def counted(count: int, noun: str) -> str:
    """``1 problem``, ``2 problems``: a count that agrees with its number (English nouns in -s)."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


class NipParametersError(ValueError):
    """Base class of every error raised by nip.parameters for bad input."""


def _escape_pointer_part(part: str | int) -> str:
    return str(part).replace("~", "~0").replace("/", "~1")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a config, at one place in it."""

    path: tuple[str | int, ...]
    message: str
    expected: str | None = None
    actual: Any = None
    hint: str | None = None
    version: str | None = None
    schema_path: tuple[str | int, ...] = field(default=(), compare=False)

    @property
    def address(self) -> str:
        """Dotted address, e.g. ``agents.prover.d_gnn`` (``<root>`` for the whole config). A key is
        shown as `shown` shows it: escaped, and cut after 100 characters."""
        return ".".join(shown(str(p), KEY_LIMIT) for p in self.path) or "<root>"

    @property
    def pointer(self) -> str:
        """JSON pointer, e.g. ``/agents/prover/d_gnn`` (empty for the whole config). A key is shown
        as in `address`: one with a control character or over 100 characters is escaped or cut
        (`path` keeps it as it is)."""
        return "".join("/" + _escape_pointer_part(shown(str(p), KEY_LIMIT)) for p in self.path)

    def prefixed(self, *parents: str | int) -> Problem:
        """The same problem seen from an enclosing object."""
        return replace(self, path=(*parents, *self.path))

    def __str__(self) -> str:
        text = f"{self.address}: {shown(self.message, MESSAGE_LIMIT)}"
        if self.hint:
            text += f" ({shown(self.hint, HINT_LIMIT)})"
        return text

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict, as printed by ``nip-params validate --format json``."""
        return {
            "address": self.address,
            "pointer": self.pointer,
            "message": shown(self.message, MESSAGE_LIMIT),
            "expected": None if self.expected is None else shown(str(self.expected), MESSAGE_LIMIT),
            "actual": jsonable(self.actual),
            "hint": None if self.hint is None else shown(self.hint, HINT_LIMIT),
        }


def jsonable(value: Any) -> Any:
    """`value` itself when JSON can carry it and it is short, else its shortened repr."""
    try:
        text = json.dumps(value, allow_nan=False)
    except (TypeError, ValueError, RecursionError):
        return brief(value)
    return value if len(text) <= MESSAGE_LIMIT else brief(value)


class ParameterValidationError(NipParametersError):
    """A config does not match its schema. ``problems`` lists every fault found."""

    def __init__(
        self, problems: Sequence[Problem], *, subject: str = "config", note: str | None = None
    ) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.subject = subject
        self.note = note  # advice about the whole config, e.g. that it is an old version
        super().__init__(self._render())

    def _render(self) -> str:
        head = f"invalid {self.subject}: {counted(len(self.problems), 'problem')}"
        lines = [head, *(f"  {p}" for p in self.problems)]
        return "\n".join(lines + ([self.note] if self.note else []))

    def prefixed(self, *parents: str | int) -> ParameterValidationError:
        """The same error, with every address seen from an enclosing object."""
        return ParameterValidationError(
            [p.prefixed(*parents) for p in self.problems], subject=self.subject, note=self.note
        )

    @classmethod
    def single(cls, path: Iterable[str | int], message: str, **extra: Any) -> ParameterValidationError:
        return cls([Problem(tuple(path), message, **extra)])


class SpecError(ParameterValidationError):
    """A sweep spec (or a W&B sweep file) that cannot be used: every problem, each at its place in
    the spec (``grid.rl.lr``) and, when the spec is a file, at its place there (``lines``: a line,
    or a ``(line, column)`` pair)."""

    def __init__(self, problems: Sequence[Problem], *, source: str,
                 lines: Sequence[int | tuple[int, int] | None] = (), what: str = "sweep spec") -> None:
        self.source = source
        self.lines: tuple[int | tuple[int, int] | None, ...] = (
            *lines, *[None] * (len(problems) - len(lines)))
        super().__init__(problems, subject=f"{what} {source}")

    def _render(self) -> str:
        head = f"invalid {self.subject}: {counted(len(self.problems), 'problem')}"
        body = [f"  {self.source}:{':'.join(map(str, line)) if isinstance(line, tuple) else line}: {p}"
                if line else f"  {p}"
                for p, line in zip(self.problems, self.lines, strict=True)]
        return "\n".join([head, *body])


class ParameterArgumentError(ParameterValidationError, TypeError):
    """A constructor was called with an unknown keyword or without a required argument.

    Also a TypeError, which is what nip (and any dataclass) raises there."""


class AddressNotFoundError(NipParametersError, KeyError):
    """No value at an address given to `get` (or `nip-params get`). Also a KeyError, as in nip.

    ``reason`` says where the walk stopped, e.g. ``rl has no key 'lrr' (did you mean 'lr'?)``.
    """

    def __init__(self, address: str, reason: str) -> None:
        self.address, self.reason = address, reason
        super().__init__(f"Address {brief(address)} not found in parameters object: {reason}")

    def __str__(self) -> str:  # KeyError would show the repr of the message
        return str(self.args[0])


class ConfigFileError(NipParametersError):
    """A config file cannot be read: missing, unreadable, too large, or malformed."""

    def __init__(
        self, file: str, message: str, *, line: int | None = None, column: int | None = None
    ) -> None:
        self.file, self.line, self.column, self.reason = file, line, column, message
        where = file
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        super().__init__(f"{where}: {message}")


class MigrationError(NipParametersError):
    """An old config cannot be carried to the requested version."""


class ConversionFunctionNotFoundError(MigrationError):
    """No conversion step leads from a dict's version towards the requested one.

    Raised for an unknown or future ``_package_version`` and for a version string that cannot be read.
    """

    __module__ = "nip.parameters.version"  # nip's public home of this name


class ConversionFunctionAlreadyRegisteredError(NipParametersError):
    """A conversion step from this version is already registered; each version has exactly one."""

    __module__ = "nip.parameters.version"


# ---- warnings -----------------------------------------------------------------------------------
_PACKAGE_DIR = str(Path(__file__).resolve().parent)


def warn(message: str, category: type[Warning] = UserWarning) -> None:
    """`warnings.warn`, pointed at the first frame outside nip.parameters (the user's line)."""
    level, frame = 2, sys._getframe(1)  # stacklevel 2 is our caller
    while frame is not None and _inside(frame.f_code):
        level, frame = level + 1, frame.f_back  # type: ignore[assignment]
    warnings.warn(message, category, stacklevel=level)


def _inside(code: Any) -> bool:
    if code.co_filename == "<string>" and code.co_name == "__init__":
        return True  # the __init__ that dataclasses generates for our classes
    return str(Path(code.co_filename).resolve()).startswith(_PACKAGE_DIR)
