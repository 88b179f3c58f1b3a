"""Reading the authoring schema: one directory per version, one JSON file per group."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MIGRATION_FILE = "migration.json"
ROOT_GROUP = "hyper_parameters"  # the group file whose `$ref` is the class of a whole config
VOCABULARY_FILE = "vocabulary.json"
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


@dataclass(frozen=True)
class VersionSource:
    """The authoring files of one schema version."""

    version: str
    directory: Path
    groups: dict[str, dict[str, Any]]  # file stem -> schema document, in file-name order
    data_files: dict[str, Any]  # non-schema files shipped as they are (the migration step)

    def class_defs(self) -> dict[str, tuple[str, dict[str, Any]]]:
        """Every class/alias name -> (group stem, its definition)."""
        return {
            name: (stem, definition)
            for stem, doc in self.groups.items()
            for name, definition in doc.get("$defs", {}).items()
        }


def load_version(directory: Path) -> VersionSource:
    groups: dict[str, dict[str, Any]] = {}
    data_files: dict[str, Any] = {}
    for path in sorted(directory.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        if path.name == MIGRATION_FILE:
            data_files[path.name] = doc
        else:
            groups[path.stem] = doc
    return VersionSource(directory.name, directory, groups, data_files)


def load_all(schema_root: Path) -> list[VersionSource]:
    """Every version under schema/, oldest first."""
    dirs = [d for d in schema_root.iterdir() if d.is_dir() and d.name[0].isdigit()]
    return [load_version(d) for d in sorted(dirs, key=lambda d: version_key(d.name))]


@dataclass(frozen=True)
class Limits:
    """What every value must keep (schema/limits.json): string length, integer range, depth."""

    max_string_length: int
    integer_minimum: int
    integer_maximum: int
    max_depth: int


def load_limits(schema_root: Path) -> Limits | None:
    path = schema_root / "limits.json"
    if not path.exists():
        return None  # a fixture tree may leave them out
    doc = json.loads(path.read_text(encoding="utf-8"))
    return Limits(doc["maxStringLength"], doc["integerMinimum"], doc["integerMaximum"],
                  doc["maxDepth"])


def load_vocabulary(schema_root: Path) -> set[str]:
    doc = json.loads((schema_root / VOCABULARY_FILE).read_text(encoding="utf-8"))
    return {key for group in ("editor", "nip") for key in doc[group]}
