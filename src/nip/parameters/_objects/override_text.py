"""Override text: ``ADDRESS=VALUE`` and ``~ADDRESS`` (or a mapping entry) read into `Override`s.

VALUE is one YAML 1.2 flow value, as on a line of a YAML file (quotes make a string, `` #`` after
white space starts a comment). What it becomes at its address is decided when it is applied
(overrides.py, with addresses.py): a string field keeps the text of a plain scalar (`plain_text`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .._files import parse_config
from .._files.yaml_core import FLOAT, INT, plain_tag
from ..errors import ConfigFileError, ParameterValidationError, Problem, brief
from .dump import dump_value
from .lookup import address_parts

__all__ = ["MAX_OVERRIDES", "REMOVE", "Override", "malformed", "overrides_from", "parse_override",
           "parsed", "plain_text"]

REMOVE = "~"
# A config has about 400 values, a config with a thousand agents some 50,000; no command line or
# script sets more than a few hundred by address. At the limit, checking all takes about a second.
MAX_OVERRIDES = 10_000
_PART = re.compile(r"[A-Za-z0-9_\-]+\Z")
_COMMENT = re.compile(r"\s#")  # a YAML comment starts at a '#' after white space


@dataclass(frozen=True)
class Override:
    """One override: set `value` at `address`, or (`remove`) remove the key there."""

    address: str
    value: Any = None
    remove: bool = False
    text: str | None = None  # as written (``rl.lr=3e-4``); None when given as a mapping entry
    raw: str | None = None  # VALUE's plain scalar as written (no comment), kept by a string field
    unreadable: str | None = None  # why a number's text (``1e400``, ``.inf``) has no JSON value

    @property
    def parts(self) -> tuple[str, ...]:
        return address_parts(self.address)

    def __str__(self) -> str:
        if self.text is not None:
            return self.text
        return f"{REMOVE}{self.address}" if self.remove else f"{self.address}={brief(self.value)}"


def parse_override(text: str) -> Override:
    """``ADDRESS=VALUE`` or ``~ADDRESS``, VALUE read as one YAML 1.2 flow value (as on a line of a
    YAML file: quotes make a string, `` #`` starts a comment). A string field keeps the text of a
    plain scalar that YAML reads as something else: see `plain_text`."""
    if text.startswith(REMOVE):
        address = text[len(REMOVE):]
        _check_address(address, text)
        return Override(address, remove=True, text=text)
    address, equals, raw = text.partition("=")
    if not equals:
        raise malformed(text, address, "expected ADDRESS=VALUE or ~ADDRESS")
    _check_address(address, text)
    if not raw.strip():
        raise malformed(text, address, "no VALUE after '='",
                         hint=f"write {address}=null for null or {address}='' for an empty string")
    scalar = plain_text(raw)
    try:
        value, _ = parse_config(raw, name=f"the value of {address}", format="yaml")
    except ConfigFileError as error:
        if scalar is not None and plain_tag(scalar) in (INT, FLOAT):  # 1e400, .inf, 2**70: text only
            return Override(address, text=text, raw=scalar, unreadable=error.reason)
        raise malformed(text, address, f"VALUE is not valid YAML: {error.reason}") from None
    return Override(address, value, text=text, raw=scalar)


def plain_text(raw: str) -> str | None:
    """The text of VALUE when it is one plain YAML scalar (not quoted, not a list or mapping),
    without a trailing comment: ``"1 # note"`` -> ``"1"``. A string field takes this text when
    YAML reads the scalar as a number, a boolean, an infinity or NaN."""
    text = raw.strip()
    if not text or text[0] in "'\"[{#&*!|>%@`":
        return None
    return _COMMENT.split(text, maxsplit=1)[0].rstrip()


def _check_address(address: str, text: str) -> None:
    parts = address_parts(address)
    bad = next((p for p in parts if not _PART.match(p)), None)
    if not address or bad is not None:
        raise malformed(text, address, f"{address!r} is not a dotted address",
                         hint="e.g. rl.lr, agents.prover.d_gnn, spg.stackelberg_sequence.0")


def malformed(text: str, address: str, message: str, hint: str | None = None) -> ParameterValidationError:
    parts = address_parts(address)
    path = parts if all(_PART.match(p) for p in parts) else ()
    return ParameterValidationError([Problem(path, f"override {text!r}: {message}", hint=hint)],
                                    subject="override")


def overrides_from(overrides: Mapping[str, Any] | Iterable[str | Override]) -> list[Override]:
    """Overrides from a mapping (address -> Python value; ``"~ADDRESS"`` keys remove) or from a
    list of ``ADDRESS=VALUE`` / ``~ADDRESS`` strings."""
    out, problems, _ = parsed(overrides)
    if problems:
        raise ParameterValidationError(problems, subject="override")
    return out


def parsed(overrides: Mapping[str, Any] | Iterable[str | Override],
            ) -> tuple[list[Override], list[Problem], dict[tuple[str, ...], int]]:
    """The overrides that parse, the problems of those that do not (every one of them), and
    where each address is given (to report problems in the order of the overrides)."""
    if isinstance(overrides, str):
        raise ParameterValidationError.single(
            (), f"expected a mapping or a list of overrides, got the string {brief(overrides)}",
            hint="wrap a single override in a list: [\"rl.lr=1e-4\"]")
    items = list(itertools.islice(overrides, MAX_OVERRIDES + 1))  # a mapping's keys
    if len(items) > MAX_OVERRIDES:
        raise ParameterValidationError.single(
            (), f"more than {MAX_OVERRIDES:,} overrides: the limit of overrides at once",
            hint="put the values in a base config file instead")
    out: list[Override] = []
    problems: list[Problem] = []
    positions: dict[tuple[str, ...], int] = {}
    for index, item in enumerate(items):
        address = item.address if isinstance(item, Override) else str(item).partition("=")[0]
        positions[address_parts(address.removeprefix(REMOVE))] = index
        try:
            if isinstance(item, Override):
                out.append(item)
            elif isinstance(overrides, Mapping):
                out.append(_from_entry(str(item), overrides[item]))
            else:
                out.append(parse_override(str(item)))
        except ParameterValidationError as error:
            problems += error.problems
    return out, problems, positions


def _from_entry(key: str, value: Any) -> Override:
    """A mapping entry: the value is a Python value, taken as it is (no YAML)."""
    if key.startswith(REMOVE):
        _check_address(key[len(REMOVE):], key)
        return Override(key[len(REMOVE):], remove=True)
    _check_address(key, key)
    return Override(key, dump_value(value))
