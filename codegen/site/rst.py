"""Small helpers that turn schema text into safe reStructuredText."""

from __future__ import annotations

import re

__all__ = ["heading", "inline", "label", "literal"]

_CODE = re.compile(r"`([^`]+)`")
_SPECIAL = re.compile(r"([\\*_|`<>\[\]])")


def inline(text: str) -> str:
    """Schema prose (Markdown-ish: `code` spans) as reST inline text, with markup characters escaped."""
    parts = []
    last = 0
    for match in _CODE.finditer(text):
        parts.append(_SPECIAL.sub(r"\\\1", text[last:match.start()]))
        parts.append(literal(match.group(1)))
        last = match.end()
    parts.append(_SPECIAL.sub(r"\\\1", text[last:]))
    return " ".join("".join(parts).split())


def literal(text: str) -> str:
    """An inline literal that survives any content (reST's ``...`` cannot hold a backquote pair)."""
    if "``" in text or text.startswith(" ") or text.endswith(" ") or not text:
        escaped = _SPECIAL.sub(r"\\\1", text)
        return f":literal:`{escaped}`"
    return f"``{text}``"


def label(version: str, *parts: str) -> str:
    """The cross-reference label of a class or type of one version (labels are case-insensitive)."""
    return "-".join(("schema", version, *parts)).lower()


def heading(text: str, mark: str) -> str:
    return f"{text}\n{mark * len(text)}"
