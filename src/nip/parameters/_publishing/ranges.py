"""A field's value range (`minimum`, `exclusiveMaximum`, ...), said in words.

Editors show a field's description on hover but not its bounds, so the published description,
the reference docs and the docstrings all end with the range, e.g. "Range: > 0 and < 1."
"""

from __future__ import annotations

from typing import Any

BOUNDS = (("minimum", "≥"), ("exclusiveMinimum", ">"), ("maximum", "≤"), ("exclusiveMaximum", "<"))


def range_text(schema: dict[str, Any]) -> str:
    """`≥ 0`, `> 0 and < 1`; empty when the schema states no bound."""
    return " and ".join(f"{sign} {schema[key]}" for key, sign in BOUNDS if key in schema)


def with_range(description: str, schema: dict[str, Any]) -> str:
    text = range_text(schema)
    return f"{description} Range: {text}.".strip() if text else description


def described_ranges(node: Any) -> Any:
    """Every (sub)schema with a bound and a description gets the range appended to its texts.
    Run before the file-reader limits are added, which bound every integer and are no range."""
    if isinstance(node, list):
        return [described_ranges(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: described_ranges(value) for key, value in node.items()}
    if range_text(node):
        for key in ("description", "markdownDescription"):
            if isinstance(node.get(key), str):
                out[key] = with_range(node[key], node)
    return out
