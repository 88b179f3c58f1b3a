"""The published schemas shipped inside the package, one directory per version.

Validators are built once per (version, class) and cached. `$ref`s resolve only against the shipped
files: the registry has no retrieval, so nothing is ever fetched from the network or the disk.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from .. import _registry
from .._schema_files import (
    BUNDLE_FILE,
    CATALOG_FILE,
    FORMAT_SCHEMA_FILES,
    NOT_GROUP_FILES,
    VOCABULARY_FILE,
)
from .._schema_files import ROOT_GROUP as _ROOT_GROUP
from ..errors import NipParametersError, brief
from .versions import version_key

__all__ = [
    "CURRENT_VERSION",
    "available_versions",
    "base_uri",
    "bundle_path",
    "class_schema",
    "load_bundle",
    "load_group",
    "schema_dir",
    "shared_files",
    "unknown_version",
]

CURRENT_VERSION: str = _registry.SCHEMA_VERSION
BUNDLE = BUNDLE_FILE
ROOT_GROUP = f"{_ROOT_GROUP}.json"
_NOT_GROUPS = NOT_GROUP_FILES


def shipped_root() -> Path:
    """The directory of the published schemas inside the package (one sub-directory a version)."""
    return Path(__file__).resolve().parent.parent / "_schemas"


@cache
def available_versions() -> tuple[str, ...]:
    """Every schema version this package can read, oldest first."""
    names = [d.name for d in shipped_root().iterdir() if d.is_dir() and d.name[:1].isdigit()]
    return tuple(sorted(names, key=lambda name: version_key(name) or (-1, -1)))


def unknown_version(version: Any) -> str:
    """The one wording of a schema version this package does not ship, with the ones it does."""
    return f"unknown schema version {brief(version)} (known: {', '.join(available_versions())})"


def schema_dir(version: str = CURRENT_VERSION) -> Path:
    """The directory of the published per-group files of `version`."""
    if version not in available_versions():
        raise NipParametersError(unknown_version(version))
    return shipped_root() / version


def bundle_path(version: str = CURRENT_VERSION) -> Path:
    """The single-file bundle of `version`, for other tools and editors."""
    return schema_dir(version) / BUNDLE


def declaration_files(version: str) -> tuple[Path, ...]:
    """The TypeScript declarations of one version's bundle (``bundle.d.ts``), when shipped."""
    path = schema_dir(version) / "bundle.d.ts"
    return (path,) if path.is_file() else ()


def shared_files() -> tuple[Path, ...]:
    """What every version goes with: the vocabulary of the non-standard keywords the schemas use
    (other validators register it), the SchemaStore catalog of the bundles, and the schemas of
    the project's own file formats (a migration step, a sweep spec)."""
    return (shipped_root() / VOCABULARY_FILE, shipped_root() / CATALOG_FILE,
            *(shipped_root() / name for name in FORMAT_SCHEMA_FILES))


@cache
def load_group(version: str, name: str) -> dict[str, Any]:
    return json.loads((schema_dir(version) / name).read_text(encoding="utf-8"))


@cache
def load_bundle(version: str = CURRENT_VERSION) -> dict[str, Any]:
    return json.loads(bundle_path(version).read_text(encoding="utf-8"))


@cache
def group_names(version: str) -> tuple[str, ...]:
    return tuple(
        sorted(p.name for p in schema_dir(version).glob("*.json") if p.name not in _NOT_GROUPS)
    )


@cache
def base_uri(version: str) -> str:
    return str(load_group(version, ROOT_GROUP)["$id"]).rsplit("/", 1)[0] + "/"


@cache
def registry(version: str) -> Any:
    """The `referencing` registry of the shipped files, for jsonschema (imported only when needed)."""
    from referencing import Registry
    from referencing.jsonschema import DRAFT202012

    # Each file is 2020-12, stated here, not by its `$schema`: jsonschema would otherwise swap the
    # validator that enters a file for its stock 2020-12 class, which reads `pattern` with Python's
    # `re` and arrays without tuples (validators._explaining_validator_class).
    resources_ = [
        (doc["$id"], DRAFT202012.create_resource({k: v for k, v in doc.items() if k != "$schema"}))
        for doc in (load_group(version, name) for name in group_names(version))
    ]
    return Registry().with_resources(resources_).crawl()


@cache
def class_schema(version: str, class_name: str) -> dict[str, Any] | None:
    """The published definition of a class, or None when the version has no such class."""
    for name in group_names(version):
        found = load_group(version, name).get("$defs", {}).get(class_name)
        if found is not None:
            return dict(found)
    return None


def class_ref(version: str, class_name: str) -> str:
    """Absolute `$ref` of a class definition (the root class is the root document itself)."""
    if version == CURRENT_VERSION and class_name in _registry.CLASS_SCHEMA_REFS:
        return base_uri(version) + _registry.CLASS_SCHEMA_REFS[class_name]
    for name in group_names(version):
        if class_name in load_group(version, name).get("$defs", {}):
            return f"{base_uri(version)}{name}#/$defs/{class_name}"
    raise KeyError(class_name)
