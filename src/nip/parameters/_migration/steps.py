"""Migration steps: the declarative step files, Python-registered steps, and the chain they form.

Each schema version directory holds ``migration.json``: the step from the previous version to that one
(see docs/migrations.md for the format). The package ships them under ``nip.parameters._schemas/<v>/``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._validation.schemas import shipped_root
from .._validation.versions import VersionKey, label, version_key
from ..errors import (
    ConversionFunctionAlreadyRegisteredError,
    ConversionFunctionNotFoundError,
    MigrationError,
)
from .hooks import HOOKS

__all__ = [
    "Chain",
    "DataStep",
    "Operation",
    "PythonStep",
    "Step",
    "default_chain",
    "directory_steps",
    "load_step",
    "package_steps",
    "register_step",
]

STEP_FILE = "migration.json"
FORMAT = 1

# op name -> (required parameters besides "op", optional parameters)
OP_SPECS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "rename_key": (frozenset({"at", "to"}), frozenset()),
    "move": (frozenset({"at", "to"}), frozenset()),
    "map_values": (frozenset({"at", "map"}), frozenset()),
    "set_value": (frozenset({"at", "value"}), frozenset()),
    "remove_key": (frozenset({"at", "why"}), frozenset()),
    "set_default_if_absent": (frozenset({"at", "value"}), frozenset({"create_parents"})),
    "reject_value": (frozenset({"at", "values", "message"}), frozenset()),
    "reject_invalid": (frozenset({"at", "why"}), frozenset()),
    "hook": (frozenset({"at", "name"}), frozenset({"args"})),
    "warn": (frozenset({"message"}), frozenset()),
}
COMMON_OPTIONAL = frozenset({"why", "$comment"})
STEP_KEYS = frozenset(
    {"$comment", "format", "from", "to", "package", "validate_source_as", "description", "operations"}
)


@dataclass(frozen=True)
class Operation:
    """One declared edit. ``at`` is the list of dotted addresses it applies to (``*`` = any key)."""

    op: str
    at: tuple[str, ...]
    params: Mapping[str, Any]
    index: int

    @property
    def why(self) -> str | None:
        why = self.params.get("why")
        return str(why) if why is not None else None


@dataclass(frozen=True)
class DataStep:
    """A step declared in a ``migration.json`` file."""

    from_version: VersionKey
    to_version: tuple[int, int]
    package_name: str
    package_version: str
    description: str
    operations: tuple[Operation, ...]
    origin: str
    validate_source_as: str | None = None

    @property
    def name(self) -> str:
        return f"{label(self.from_version)} -> {label(self.to_version)}"

    @property
    def source_schema(self) -> str | None:
        """The schema version the step's input is checked against (diagnostic)."""
        if self.validate_source_as is not None:
            return self.validate_source_as
        return None if self.from_version is None else label(self.from_version)


@dataclass(frozen=True)
class PythonStep:
    """A step registered with ``register_conversion_function``: a function that edits the dict."""

    from_version: VersionKey
    to_version: tuple[int, int]
    func: Callable[[dict[str, Any]], dict[str, Any] | None]
    origin: str = field(default="")

    @property
    def name(self) -> str:
        return f"{label(self.from_version)} -> {label(self.to_version)}"

    @property
    def source_schema(self) -> str | None:
        return None if self.from_version is None else label(self.from_version)

    @property
    def package_version(self) -> str:
        return f"{label(self.to_version)}.0"


Step = DataStep | PythonStep


def _format_error(origin: str, message: str) -> MigrationError:
    return MigrationError(f"{origin}: {message}")


def _addresses(origin: str, where: str, value: Any) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items or not all(isinstance(a, str) and a for a in items):
        raise _format_error(origin, f"{where}: 'at' must be a dotted address or a list of them")
    for address in items:
        if any(part == "" for part in address.split(".")):
            raise _format_error(origin, f"{where}: empty part in address {address!r}")
    return tuple(items)


def _operation(origin: str, index: int, raw: Any) -> Operation:
    where = f"operation {index}"
    if not isinstance(raw, dict) or not isinstance(raw.get("op"), str):
        raise _format_error(origin, f"{where}: expected an object with an 'op' name")
    name = raw["op"]
    if name not in OP_SPECS:
        raise _format_error(
            origin, f"{where}: unknown op {name!r}; known: {', '.join(sorted(OP_SPECS))}"
        )
    where = f"{where} ({name})"
    required, optional = OP_SPECS[name]
    keys = set(raw) - {"op"}
    if missing := sorted(required - keys):
        raise _format_error(origin, f"{where}: missing {', '.join(map(repr, missing))}")
    if unknown := sorted(keys - required - optional - COMMON_OPTIONAL):
        raise _format_error(origin, f"{where}: unknown parameter {', '.join(map(repr, unknown))}")
    params = {k: v for k, v in raw.items() if k not in ("op", "at")}
    at = _addresses(origin, where, raw["at"]) if "at" in raw else ()
    if name == "rename_key" and (not isinstance(raw["to"], str) or "." in raw["to"]):
        raise _format_error(origin, f"{where}: 'to' is the new key name (no dots); use move")
    if name == "move":
        _addresses(origin, where, raw["to"])
        if any("*" in a.split(".") for a in (*at, raw["to"])):
            raise _format_error(origin, f"{where}: move takes exact addresses, no '*'")
    if name == "map_values" and not isinstance(raw["map"], dict):
        raise _format_error(origin, f"{where}: 'map' must be an object old -> new")
    if name == "reject_value" and not isinstance(raw["values"], list):
        raise _format_error(origin, f"{where}: 'values' must be a list")
    if name == "hook":
        if raw["name"] not in HOOKS:
            raise _format_error(
                origin, f"{where}: no hook named {raw['name']!r}; known: {', '.join(sorted(HOOKS))}"
            )
        if not isinstance(raw.get("args", {}), dict):
            raise _format_error(origin, f"{where}: 'args' must be an object")
    return Operation(name, at, params, index)


def load_step(doc: Any, origin: str, directory_version: str | None = None) -> DataStep:
    """Check one step document and build the step. Format errors name the file and the operation."""
    if not isinstance(doc, dict):
        raise _format_error(origin, "expected a JSON object")
    if unknown := sorted(set(doc) - STEP_KEYS):
        raise _format_error(origin, f"unknown key {', '.join(map(repr, unknown))}")
    if doc.get("format", FORMAT) != FORMAT:
        raise _format_error(origin, f"unsupported format {doc.get('format')!r}; this reader knows {FORMAT}")
    for key in ("to", "package", "description", "operations"):
        if key not in doc:
            raise _format_error(origin, f"missing {key!r}")
    if "from" not in doc:
        raise _format_error(origin, "missing 'from' (null for the unversioned era)")
    try:
        from_key = version_key(doc["from"])
        to_key = version_key(doc["to"])
    except ConversionFunctionNotFoundError as err:
        raise _format_error(origin, str(err)) from None
    if to_key is None:
        raise _format_error(origin, "'to' must be a version")
    if directory_version is not None and version_key(directory_version) != to_key:
        raise _format_error(
            origin, f"the step into {label(to_key)} must live in schema/{label(to_key)}/, not "
            f"schema/{directory_version}/"
        )
    if from_key is not None and from_key >= to_key:
        raise _format_error(origin, f"'from' ({label(from_key)}) must be older than 'to' ({label(to_key)})")
    package = doc["package"]
    if not (isinstance(package, dict) and set(package) == {"name", "version"}
            and all(isinstance(v, str) for v in package.values())):
        raise _format_error(origin, "'package' must be {\"name\": ..., \"version\": ...}")
    if version_key(package["version"]) != to_key:
        raise _format_error(origin, f"package version {package['version']!r} is not a {label(to_key)} release")
    if not isinstance(doc["operations"], list):
        raise _format_error(origin, "'operations' must be a list")
    ops = tuple(_operation(origin, i, raw) for i, raw in enumerate(doc["operations"]))
    return DataStep(
        from_version=from_key,
        to_version=to_key,
        package_name=package["name"],
        package_version=package["version"],
        description=str(doc["description"]),
        operations=ops,
        origin=origin,
        validate_source_as=doc.get("validate_source_as"),
    )


def _is_version_dir(name: str) -> bool:
    return name[:1].isdigit()


def package_steps() -> list[DataStep]:
    """The steps shipped in the package (``nip.parameters._schemas/<v>/migration.json``)."""
    root = shipped_root()
    if not root.is_dir():
        return []
    steps = []
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        path = entry / STEP_FILE
        if entry.is_dir() and _is_version_dir(entry.name) and path.is_file():
            doc = json.loads(path.read_text(encoding="utf-8"))
            steps.append(load_step(doc, f"nip/parameters/_schemas/{entry.name}/{STEP_FILE}", entry.name))
    return steps


def directory_steps(schema_root: Path) -> list[DataStep]:
    """The steps of a source tree (``schema/<v>/migration.json``), for tools and tests."""
    steps = []
    for directory in sorted(p for p in schema_root.iterdir() if p.is_dir() and _is_version_dir(p.name)):
        path = directory / STEP_FILE
        if path.is_file():
            doc = json.loads(path.read_text(encoding="utf-8"))
            steps.append(load_step(doc, str(path), directory.name))
    return steps


class Chain:
    """All steps, keyed by the version they start from. Exactly one step leaves each version."""

    def __init__(self, steps: Iterable[Step] = ()) -> None:
        self.by_from: dict[VersionKey, Step] = {}
        for step in steps:
            self.add(step)

    def add(self, step: Step) -> None:
        existing = self.by_from.get(step.from_version)
        if existing is not None:
            where = getattr(existing, "origin", "") or "another registration"
            raise ConversionFunctionAlreadyRegisteredError(
                f"a conversion step from {label(step.from_version)} is already registered "
                f"({existing.name}, from {where})"
            )
        self.by_from[step.from_version] = step

    @property
    def versions(self) -> list[VersionKey]:
        """Every version the chain knows, oldest first (``None`` first)."""
        keys: set[VersionKey] = set(self.by_from)
        keys.update(step.to_version for step in self.by_from.values())
        return sorted(keys, key=lambda k: (-1, -1) if k is None else k)

    @property
    def newest(self) -> tuple[int, int] | None:
        real = [k for k in self.versions if k is not None]
        return real[-1] if real else None

    def step_into(self, version: VersionKey) -> Step | None:
        for step in self.by_from.values():
            if step.to_version == version:
                return step
        return None

    def path(self, start: VersionKey, target: tuple[int, int], *, stated: str | None = None) -> list[Step]:
        """The steps from ``start`` to ``target``; ConversionFunctionNotFoundError if there is none.

        ``stated`` is the ``_package_version`` text the start version was read from, for messages.
        """
        known = self.versions
        readable = ", ".join(label(k) for k in known)
        if start is not None and start not in known:
            newest = self.newest
            where = f"_package_version {stated!r}: " if stated is not None else ""
            shown = stated if stated is not None else label(start)
            if newest is not None and start > newest:
                raise ConversionFunctionNotFoundError(
                    f"{where}this config was written by version {shown}, which is newer than this "
                    f"package knows (newest: {label(newest)}); upgrade nip-parameters to read it"
                )
            raise ConversionFunctionNotFoundError(
                f"{where}no conversion step from version {shown}: it is not a known version "
                f"(known: {readable})"
            )
        if target not in known:
            raise ConversionFunctionNotFoundError(
                f"cannot migrate to version {label(target)}: it is not a known version (known: {readable})"
            )
        if start is not None and start > target:
            raise ConversionFunctionNotFoundError(
                f"cannot migrate from {label(start)} back to the older version {label(target)}"
            )
        steps: list[Step] = []
        current = start
        while current != target:
            step = self.by_from.get(current)
            if step is None or (step.to_version > target):
                raise ConversionFunctionNotFoundError(
                    f"no conversion step leads from version {label(current)} to {label(target)}"
                )
            steps.append(step)
            current = step.to_version
        return steps


_registered: list[PythonStep] = []
_default: Chain | None = None


def default_chain() -> Chain:
    """The shipped step files plus every step registered from Python, built once."""
    global _default
    if _default is None:
        chain = Chain(package_steps())
        for step in _registered:
            chain.add(step)
        _default = chain
    return _default


def register_step(step: PythonStep) -> None:
    """Add a Python step to the default chain (ConversionFunctionAlreadyRegisteredError if taken)."""
    default_chain().add(step)  # raises before anything is recorded
    _registered.append(step)


def unregister_step(step: PythonStep) -> None:
    """Remove a registered Python step (for tests)."""
    global _default
    _registered.remove(step)
    _default = None
