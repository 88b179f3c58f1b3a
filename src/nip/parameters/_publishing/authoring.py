"""An authoring schema version as plain data: the group documents and the data files beside them.

Who reads the files decides how (the generator reads its checkout; `nip-params schema diff` reads a
user's directory through the bounded config reader); this module only sorts what was read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._schema_files import NOT_GROUP_FILES

__all__ = ["Limits", "VersionSource", "limits_from", "version_source"]


@dataclass(frozen=True)
class VersionSource:
    """The authoring files of one schema version."""

    version: str
    groups: dict[str, dict[str, Any]]  # file stem -> schema document, in file-name order
    data_files: dict[str, Any]  # non-schema files shipped as they are (the migration step)

    def class_defs(self) -> dict[str, tuple[str, dict[str, Any]]]:
        """Every class/alias name -> (group stem, its definition)."""
        return {
            name: (stem, definition)
            for stem, doc in self.groups.items()
            for name, definition in doc.get("$defs", {}).items()
        }


def version_source(version: str, files: Mapping[str, Any]) -> VersionSource:
    """Sort a version directory's ``{file name: parsed JSON}`` into groups and data files."""
    groups: dict[str, dict[str, Any]] = {}
    data_files: dict[str, Any] = {}
    for name in sorted(files):
        if name in NOT_GROUP_FILES:
            data_files[name] = files[name]
        else:
            groups[name.removesuffix(".json")] = files[name]
    return VersionSource(version, groups, data_files)


@dataclass(frozen=True)
class Limits:
    """What every value must keep (schema/limits.json): string length, integer range, depth."""

    max_string_length: int
    integer_minimum: int
    integer_maximum: int
    max_depth: int


def limits_from(doc: Mapping[str, Any]) -> Limits:
    """The limits stated by a parsed ``limits.json``."""
    return Limits(doc["maxStringLength"], doc["integerMinimum"], doc["integerMaximum"], doc["maxDepth"])
