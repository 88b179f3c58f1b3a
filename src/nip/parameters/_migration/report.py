"""What a migration did: one `Change` per edit, plus the diagnostics collected on the way."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

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
        return json.dumps(value, ensure_ascii=False, sort_keys=False)
    except (TypeError, ValueError):
        return repr(value)


def _jsonable(value: Any) -> Any:
    if value is ABSENT:
        return None
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return repr(value)
    return value


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
            text = f"{self.address} -> {self.new_address}"
            if self.old != self.new:
                text += f": {_show(self.old)} -> {_show(self.new)}"
        else:
            text = f"{self.address}: {_show(self.old)} -> {_show(self.new)}"
        if self.kind == "remove_key":
            text += " (removed)"
        if self.note:
            text += f"  [{self.note}]"
        return text

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "step": self.step,
            "address": self.address,
            "new_address": self.new_address,
            "old": _jsonable(self.old),
            "old_absent": self.old is ABSENT,
            "new": _jsonable(self.new),
            "new_absent": self.new is ABSENT,
            "note": self.note,
        }


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
