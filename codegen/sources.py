"""Reading the authoring schema of the checkout: one directory per version, one JSON file per group.

What a version's files are is sorted by the runtime (`nip.parameters._publishing`), which the
generator calls; this module only reads the checkout's files from disk.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from nip.parameters._publishing import (
    Limits,
    VersionSource,
    limits_from,
    version_source,
)
from nip.parameters._schema_files import LIMITS_FILE, VOCABULARY_FILE
from nip.parameters._validation.versions import version_key

__all__ = ["Limits", "VersionSource", "load_all", "load_limits", "load_version", "load_vocabulary",
           "version_directories"]


def _read(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def load_version(directory: Path) -> VersionSource:
    return version_source(directory.name, {path.name: _read(path) for path in directory.glob("*.json")})


def version_directories(schema_root: Path) -> list[Path]:
    """Every version directory under schema/, oldest first."""
    dirs = [d for d in schema_root.iterdir() if d.is_dir() and d.name[:1].isdigit()]
    return sorted(dirs, key=lambda d: version_key(d.name) or (-1, -1))


def load_all(schema_root: Path) -> list[VersionSource]:
    """Every version under schema/, oldest first."""
    return [load_version(d) for d in version_directories(schema_root)]


def load_limits(schema_root: Path) -> Limits | None:
    path = schema_root / LIMITS_FILE
    return limits_from(_read(path)) if path.exists() else None  # a fixture tree may leave them out


def load_vocabulary(schema_root: Path) -> set[str]:
    doc = _read(schema_root / VOCABULARY_FILE)
    return {key for group in ("editor", "nip") for key in doc[group]}
