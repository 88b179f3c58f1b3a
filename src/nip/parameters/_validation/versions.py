"""Version strings, parsed in one place: which schema version a stated version belongs to.

A schema version is ``major.minor``. A dict states the package version that wrote it (``"0.1.0"``,
``"1.0.5"``); any patch release of a known version is that version. ``None`` stands for a dict
written before versions were recorded.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._schema_files import VERSION_KEY
from ..errors import ConversionFunctionNotFoundError, brief

__all__ = ["VERSION_KEY", "VersionKey", "label", "stated_version", "version_key"]

VersionKey = tuple[int, int] | None


_MAX_PART_DIGITS = 6  # no real version part is longer; a longer one is refused before int() parses it


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
        raise _unreadable(version)
    if isinstance(version, int) and not 0 <= version < 10**_MAX_PART_DIGITS:
        raise _unreadable(version)  # str() of a 5,000-digit int would itself fail
    text = str(version).strip()
    parts = text.split(".")
    # ASCII digits only: str.isdigit() also accepts "²", which int() then refuses.
    if not 1 <= len(parts) <= 3 or not all(
        p.isascii() and p.isdigit() and len(p) <= _MAX_PART_DIGITS for p in parts
    ):
        raise _unreadable(version)
    numbers = [int(p) for p in parts] + [0]
    return numbers[0], numbers[1]


def stated_version(data: Mapping[str, Any]) -> Any:
    """The `_package_version` `data` states; ``None`` when the key is missing (unversioned).

    A key that is there but null is refused: only a missing key means "written before versions
    were recorded", and reading null as that would migrate a current config a second time.
    """
    if VERSION_KEY not in data:
        return None
    stated = data[VERSION_KEY]
    if stated is None:
        raise _unreadable(stated)
    return stated


def _unreadable(version: Any) -> ConversionFunctionNotFoundError:
    return ConversionFunctionNotFoundError(
        f"expected a version string such as '1.0.0' for _package_version, got {brief(version)}"
    )
