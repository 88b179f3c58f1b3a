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

from .._schema_files import MIGRATION_FILE, MIGRATION_SCHEMA_FILE
from .._validation.file_formats import format_problems
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


def _addresses(value: Any) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _operation(origin: str, index: int, raw: dict[str, Any]) -> Operation:
    """One op of a step file that fits the format schema; what the schema cannot say is checked here."""
    name = raw["op"]
    if name == "hook" and raw["name"] not in HOOKS:
        raise _format_error(origin, f"operations.{index}.name: no hook named {raw['name']!r}; known: "
                                    f"{', '.join(sorted(HOOKS))}")
    params = {k: v for k, v in raw.items() if k not in ("op", "at")}
    return Operation(name, _addresses(raw["at"]) if "at" in raw else (), params, index)


def _shape_problems(origin: str, doc: Any) -> None:
    """The step file against its format schema (``migration.schema.json``): every problem, each
    with its address in the file (``operations.2.to``)."""
    problems = format_problems(MIGRATION_SCHEMA_FILE, doc)
    if problems:
        lines = [f"{p.address or '<root>'}: {p.message}" + (f" ({p.hint})" if p.hint else "") for p in problems]
        raise _format_error(origin, "does not fit the migration step format (migration.schema.json):\n  "
                            + "\n  ".join(lines))


def load_step(doc: Any, origin: str, directory_version: str | None = None) -> DataStep:
    """Check one step document and build the step. Format errors name the file and the operation."""
    _shape_problems(origin, doc)
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
    if version_key(package["version"]) != to_key:
        raise _format_error(origin, f"package version {package['version']!r} is not a {label(to_key)} release")
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
        path = entry / MIGRATION_FILE
        if entry.is_dir() and _is_version_dir(entry.name) and path.is_file():
            doc = json.loads(path.read_text(encoding="utf-8"))
            steps.append(load_step(doc, f"nip/parameters/_schemas/{entry.name}/{MIGRATION_FILE}", entry.name))
    return steps


def directory_steps(schema_root: Path) -> list[DataStep]:
    """The steps of a source tree (``schema/<v>/migration.json``), for tools and tests."""
    steps = []
    for directory in sorted(p for p in schema_root.iterdir() if p.is_dir() and _is_version_dir(p.name)):
        path = directory / MIGRATION_FILE
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
