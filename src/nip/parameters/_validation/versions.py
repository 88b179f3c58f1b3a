"""Version strings: parsing, matching a patch release to its schema version, and the version errors.

A schema version is ``major.minor``. A dict states the package version that wrote it
(``"0.1.0"``, ``"1.0.5"``); any patch release of a known version is that version. ``None`` stands for
a dict written before versions were recorded.
"""

from __future__ import annotations

from typing import Any

from ..errors import MigrationError, NipParametersError, brief

__all__ = [
    "ConversionFunctionAlreadyRegisteredError",
    "ConversionFunctionNotFoundError",
    "VersionKey",
    "label",
    "version_key",
]

VersionKey = tuple[int, int] | None


class ConversionFunctionNotFoundError(MigrationError):
    """No conversion step leads from a dict's version towards the requested one.

    Raised for an unknown or future ``_package_version`` and for a version string that cannot be read.
    """

    __module__ = "nip.parameters.version"


class ConversionFunctionAlreadyRegisteredError(NipParametersError):
    """A conversion step from this version is already registered; each version has exactly one."""

    __module__ = "nip.parameters.version"


def label(key: VersionKey) -> str:
    """``"0.1"`` for ``(0, 1)``; ``"unversioned"`` for ``None``."""
    return "unversioned" if key is None else f"{key[0]}.{key[1]}"


def version_key(version: Any) -> VersionKey:
    """The schema version a version string belongs to: ``"1.0.5"`` -> ``(1, 0)``; ``None`` -> ``None``.

    One to three dot-separated non-negative integers are accepted, as nip does (``"1"`` is ``1.0``).
    Numbers (a YAML ``_package_version: 0.1``) are read through their text.
    """
    if version is None:
        return None
    if isinstance(version, bool) or not isinstance(version, (str, int, float)):
        raise ConversionFunctionNotFoundError(
            f"expected a version string such as '1.0.0' for _package_version, got {brief(version)}"
        )
    text = str(version).strip()
    parts = text.split(".")
    if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts):
        raise ConversionFunctionNotFoundError(
            f"expected a version string such as '1.0.0' for _package_version, got {brief(version)}"
        )
    numbers = [int(p) for p in parts] + [0]
    return numbers[0], numbers[1]
