"""Named Python hooks for what a step file cannot say as data.

A step file names a hook with ``{"op": "hook", "name": ..., "at": ...}``. The hook receives the value
found at each address (a copy) and returns the new value; field names stay in the step file, never
here. Register a hook with ``@hook("name")``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import MigrationError

__all__ = ["HOOKS", "hook"]

HookFunction = Callable[..., Any]
HOOKS: dict[str, HookFunction] = {}


def hook(name: str) -> Callable[[HookFunction], HookFunction]:
    """Register ``func`` as the hook ``name``; a name can be registered once."""

    def register(func: HookFunction) -> HookFunction:
        if name in HOOKS:
            raise ValueError(f"a migration hook named {name!r} is already registered")
        HOOKS[name] = func
        return func

    return register


@hook("round_minimum_counts_from_one")
def round_minimum_counts_from_one(value: Any, *, address: str) -> Any:
    """The round minimum kept its behaviour but changed its meaning, so its stored value gains one.

    Before 1.0 the verifier's decision counted from the round with zero-based index ``value``; from
    1.0 it counts from index ``value - 1``. Adding one keeps what the old run did (nip's own
    conversion does the same).
    """
    if isinstance(value, bool) or not isinstance(value, int):
        raise MigrationError(
            f"{address}: expected an integer round minimum to carry over (it gains 1 in 1.0), "
            f"got {value!r}"
        )
    return value + 1
