"""The YAML 1.2 core schema: what a plain scalar means, as editors read it.

yaml-language-server, VS Code and eemeli/yaml read YAML 1.2 with the core schema (YAML 1.2.2,
section 10.3.2). Its plain scalars resolve to:

- null: ``null``, ``Null``, ``NULL``, ``~`` and the empty scalar;
- booleans: ``true``, ``True``, ``TRUE``, ``false``, ``False``, ``FALSE`` (``yes``, ``no``, ``on``,
  ``off``, ``y`` and ``n`` are strings);
- integers: ``[-+]?[0-9]+`` (``010`` is ten), ``0o[0-7]+`` (octal), ``0x[0-9a-fA-F]+`` (hex);
  no underscores, no binary, no sign before ``0o``/``0x``, no base 60 (``1:0:0`` is a string);
- floats: ``[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?`` (``1e-3`` is a number), and
  ``.inf``/``.nan`` in their three spellings;
- everything else, dates included, is a string.

Both the reader (yaml_loader.py) and the round-trip rewriter (roundtrip.py, through
:class:`CoreResolver`) resolve with this module, so every command reads a file the same way. The
writers quote every string that the core schema *or* a YAML 1.1 reader (PyYAML, nip 1.0) would
read as something else (:func:`needs_quotes`), so what they write means the same to both.
"""

from __future__ import annotations

import re

__all__ = ["BOOL", "FLOAT", "INT", "MERGE", "NULL", "STR", "matches", "needs_quotes", "plain_tag"]

_TAG = "tag:yaml.org,2002:"
NULL, BOOL, INT, FLOAT, STR, MERGE = (
    _TAG + name for name in ("null", "bool", "int", "float", "str", "merge")
)

_NULL = re.compile(r"(?:null|Null|NULL|~|)\Z")
_BOOL = re.compile(r"(?:true|True|TRUE|false|False|FALSE)\Z")
_INT = re.compile(r"(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)\Z")
_FLOAT = re.compile(
    r"(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))\Z"
)
# Only these can start a non-string plain scalar; anything else is a string at once.
_FIRST = frozenset("nNtTfF~-+.0123456789<")

# What a YAML 1.1 reader (PyYAML's resolver, ruamel.yaml's 1.1 tables) reads as a non-string:
# booleans with yes/no/on/off/y/n, nulls, integers with underscores, binary, old octal and base 60,
# floats with base 60, dates and times, and the merge (<<) and value (=) keys. A superset is fine:
# it only adds quotes.
_YAML_11 = re.compile(
    r"""(?x)(?:
      (?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)
    | (?:~|null|Null|NULL|)
    | [-+]?(?:0b[01_]+|0[0-7_]*|0o[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(?::[0-5]?[0-9])*)
    | [-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    | [-+]?[0-9][0-9_]*[eE][-+]?[0-9]+
    | [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
    | [-+]?\.(?:inf|Inf|INF) | \.(?:nan|NaN|NAN)
    | [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9].*)?
    | << | =
    )\Z"""
)


def plain_tag(text: str) -> str:
    """The core-schema tag of a plain (unquoted, untagged) scalar; ``<<`` is the merge key."""
    if not text:
        return NULL
    if text[0] not in _FIRST:
        return STR
    if _INT.match(text):
        return INT
    if _FLOAT.match(text):
        return FLOAT
    if _NULL.match(text):
        return NULL
    if _BOOL.match(text):
        return BOOL
    if text == "<<":
        return MERGE
    return STR


def matches(tag: str, text: str) -> bool:
    """Whether ``text`` spells a value of ``tag`` (for an explicit ``!!int 12`` and the like).

    As in eemeli/yaml, an explicit ``!!float`` wants a float spelling (``!!float 1`` is refused).
    """
    if tag == FLOAT:
        return bool(_FLOAT.match(text)) and not _INT.match(text)
    pattern = {NULL: _NULL, BOOL: _BOOL, INT: _INT}.get(tag)
    return pattern is None or bool(pattern.match(text))


def needs_quotes(text: str) -> bool:
    """Would a YAML 1.2 core reader or a YAML 1.1 reader read ``text``, unquoted, as a non-string?

    ``no`` (a boolean in 1.1), ``1e-3`` (a float in 1.2), ``2024-01-01`` (a date in 1.1),
    ``1:0:0`` (base 60 in 1.1) and ``<<`` all need quotes; ``vanilla_ppo`` does not.
    """
    return plain_tag(text) != STR or bool(_YAML_11.match(text))
