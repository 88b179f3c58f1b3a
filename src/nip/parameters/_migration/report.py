"""What a migration did: one `Change` per edit, plus the diagnostics collected on the way."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from typing import Any

from ..errors import BRIEF_LIMIT, KEY_LIMIT, brief, jsonable, shown

__all__ = ["ABSENT", "Change", "MigrationReport"]


class _Absent:
    """Marks the old value of a key that did not exist, or the new value of one that was removed."""

    def __repr__(self) -> str:
        return "(absent)"

    def __bool__(self) -> bool:
        return False

    def __copy__(self) -> _Absent:
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> _Absent:
        return self


ABSENT: Any = _Absent()


def _show(value: Any) -> str:
    if value is ABSENT:
        return "(absent)"
    try:
        return shown(json.dumps(value, ensure_ascii=False, sort_keys=False), BRIEF_LIMIT)
    except (TypeError, ValueError):
        return brief(value)


@dataclass(frozen=True)
class Change:
    """One edit made by a migration step.

    ``address`` is the dotted address the value had before the step; ``new_address`` is set when the
    value moved (a renamed key or a moved subtree). ``old``/``new`` are the values before and after,
    `ABSENT` for a key that did not exist or was removed.
    """

    kind: str
    address: str
    old: Any = ABSENT
    new: Any = ABSENT
    step: str = ""
    new_address: str | None = None
    note: str | None = None

    def __str__(self) -> str:
        if self.new_address is not None:
            text = f"{_address(self.address)} -> {_address(self.new_address)}"
            if self.old != self.new:
                text += f": {_show(self.old)} -> {_show(self.new)}"
        else:
            text = f"{_address(self.address)}: {_show(self.old)} -> {_show(self.new)}"
        if self.kind == "remove_key":
            text += " (removed)"
        if self.note:
            text += f"  [{self.note}]"
        return text

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict; an absent old or new value is null, with `old_absent`/`new_absent`."""
        out: dict[str, Any] = {f.name: getattr(self, f.name) for f in fields(self)}
        for side in ("old", "new"):
            absent = out[side] is ABSENT
            out[side] = None if absent else jsonable(out[side])
            out[f"{side}_absent"] = absent
        return out


def _address(address: str) -> str:
    """A dotted address of the user's keys, each key as messages show it (escaped, cut)."""
    return ".".join(shown(part, KEY_LIMIT) for part in address.split("."))


def _version_text(version: str | None) -> str:
    return "unversioned" if version is None else version


@dataclass
class MigrationReport:
    """Every change a migration made, in order, and the source-version diagnostics it found."""

    from_version: str | None
    to_version: str
    steps: list[str] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.changes)

    def __str__(self) -> str:
        head = f"{_version_text(self.from_version)} -> {self.to_version}"
        if not self.steps:
            return f"{head}: nothing to do"
        via = f" (via {', '.join(self.steps)})" if len(self.steps) > 1 else ""
        count = len(self.changes)
        lines = [f"{head}{via}: {count} change{'s' if count != 1 else ''}"]
        lines += [f"  {change}" for change in self.changes]
        lines += [f"  warning: {warning}" for warning in self.warnings]
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        return {
            "from_version": self.from_version,
            "to_version": self.to_version,
            "steps": list(self.steps),
            "changes": [change.to_json() for change in self.changes],
            "warnings": list(self.warnings),
        }
