"""JSON Schema `pattern`s read as ECMA-262 reads them, by Python's `re` (the fallback engine).

JSON Schema says a pattern is an ECMA-262 regular expression; ajv runs it in JavaScript and
jsonschema-rs translates it the same way. Python's `re` reads the same text differently: `$` also
matches before a final newline (`"ppo\\n"` matched `^ppo$`), `\\d` and `\\w` match any Unicode digit
or letter, `\\s` has another set, `.` matches `\\r` and U+2028. `translate` rewrites a pattern into
a Python one with ECMA's meaning (with the `u` flag, as ajv compiles it).

Only the constructs the engines agree on are accepted; `\\b`/`\\B` (jsonschema-rs reads them with
Unicode words), empty classes (`[]`, `[^]`: jsonschema-rs refuses them), back-references, named
groups, lookbehind and property escapes raise
`UnsupportedPattern`, so that `make generate` refuses such a pattern in the schema.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["UnsupportedPattern", "ecma_search", "translate"]

_WORD = "A-Za-z0-9_"
_DIGIT = "0-9"
# ECMA-262 WhiteSpace and LineTerminator: what `\s` matches.
_SPACE = "\\t\\n\\x0b\\x0c\\r \\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"
_LINE_TERMINATORS = "\\n\\r\\u2028\\u2029"  # what `.` does not match
_CLASS_ESCAPES = {"d": _DIGIT, "w": _WORD, "s": _SPACE}
_CONTROL = {"t": "\\t", "n": "\\n", "v": "\\x0b", "f": "\\x0c", "r": "\\r", "0": "\\x00"}
_SYNTAX = set("^$\\.*+?()[]{}|/-")


class UnsupportedPattern(ValueError):
    """A pattern outside the part of ECMA-262 every engine of this package reads alike."""


@lru_cache(maxsize=256)
def translate(pattern: str) -> re.Pattern[str]:
    """The Python regex that matches what the ECMA-262 `pattern` matches."""
    out: list[str] = []
    i, in_class = 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            piece, i = _escape(pattern, i + 1, in_class)
            out.append(piece)
            continue
        if in_class:
            if char == "]":
                in_class = False
            elif char == "[":
                char = "\\["  # Python reads `[` in a class as the start of a future nested set
            out.append(char)
        elif char == "[":
            if pattern.startswith(("[]", "[^]"), i):  # ECMA's empty class: jsonschema-rs refuses it
                raise UnsupportedPattern(f"{pattern!r}: an empty character class")
            in_class = True
            out.append("[^" if pattern.startswith("[^", i) else "[")
            i += 1 if not pattern.startswith("[^", i) else 2
            continue
        elif char == "$":
            out.append("\\Z")  # the end of the string only, never before a final newline
        elif char == "^":
            out.append("\\A")
        elif char == ".":
            out.append(f"[^{_LINE_TERMINATORS}]")
        elif char == "(" and pattern.startswith("(?", i) and not pattern.startswith(("(?:", "(?=", "(?!"), i):
            raise UnsupportedPattern(f"{pattern!r}: only (?:...), (?=...) and (?!...) groups are read alike")
        else:
            out.append(char)
        i += 1
    if in_class:
        raise UnsupportedPattern(f"{pattern!r}: an unclosed character class")
    try:
        return re.compile("".join(out))
    except re.error as error:
        raise UnsupportedPattern(f"{pattern!r}: {error}") from None


def _escape(pattern: str, i: int, in_class: bool) -> tuple[str, int]:
    """The Python text of the escape at `pattern[i]` (after its backslash), and where it ends."""
    if i >= len(pattern):
        raise UnsupportedPattern(f"{pattern!r}: ends with a backslash")
    char = pattern[i]
    if char.lower() in _CLASS_ESCAPES:
        chars = _CLASS_ESCAPES[char.lower()]
        if char.islower():
            return (chars if in_class else f"[{chars}]"), i + 1
        if in_class:
            raise UnsupportedPattern(f"{pattern!r}: \\{char} inside a character class")
        return f"[^{chars}]", i + 1
    if char in _CONTROL and not (char == "0" and pattern[i + 1:i + 2].isdigit()):
        return _CONTROL[char], i + 1
    if char == "x" and re.fullmatch(r"[0-9A-Fa-f]{2}", pattern[i + 1:i + 3]):
        return f"\\x{pattern[i + 1:i + 3]}", i + 3
    if char == "u" and re.fullmatch(r"[0-9A-Fa-f]{4}", pattern[i + 1:i + 5]):
        if 0xD800 <= int(pattern[i + 1:i + 5], 16) <= 0xDFFF:  # a pair is one character in ECMA
            raise UnsupportedPattern(f"{pattern!r}: a surrogate escape is not read alike")
        return f"\\u{pattern[i + 1:i + 5]}", i + 5
    if char in _SYNTAX:
        return re.escape(char), i + 1
    raise UnsupportedPattern(f"{pattern!r}: the escape \\{char} is not read alike by every engine")


def ecma_search(pattern: str, text: str) -> bool:
    """Does `text` match the ECMA-262 `pattern` somewhere (as JSON Schema's `pattern` asks)?"""
    return translate(pattern).search(text) is not None
