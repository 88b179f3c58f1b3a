"""`get(address)`: follow a dotted address through groups and agents (agents fall back to
`_default`, as their `[]` does)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._validation import closest
from .fields import field_infos

__all__ = ["address_parts", "get"]


def get(obj: Any, address: str) -> Any:
    value = obj
    walked: list[str] = []
    for part in address.split("."):
        walked.append(part)
        if isinstance(value, Mapping):
            if part not in value:
                raise KeyError(f"Address {address!r} not found in parameters object.")
            value = value[part]
        elif hasattr(value, "__dataclass_fields__") and part in {
            i.name for i in field_infos(type(value))
        }:
            value = getattr(value, part)
        else:
            hint = closest(part, [i.name for i in field_infos(type(value))]) if (
                hasattr(value, "__dataclass_fields__")
            ) else None
            raise KeyError(
                f"Address {address!r} not found in parameters object"
                + (f" (no {'.'.join(walked)}; did you mean {hint!r}?)" if hint else ".")
            )
    return value


def address_parts(address: str) -> tuple[str, ...]:
    """The keys of a dotted address: ``"agents.prover.d_gnn"`` -> ``("agents", "prover", "d_gnn")``.

    A list item is addressed by its index (``"spg.stackelberg_sequence.0"``); an empty part (``"rl..lr"``)
    is kept, for the caller to report.
    """
    return tuple(address.split("."))
