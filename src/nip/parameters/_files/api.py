"""Config files for the public API (`HyperParameters.from_file`, `params.to_file`).

The format comes from the file's extension, never from sniffing: ``.json``, ``.yaml``/``.yml`` and
``.toml`` are read; ``.json`` and ``.yaml``/``.yml`` are written (TOML has no null, which configs
use). Reading goes through the same safe, limited reader as the command line (read.py).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..errors import ConfigFileError
from .formats import format_of
from .output import write_file
from .read import read_config
from .write import dump_config

__all__ = ["load_config_file", "save_config_file"]

_READ = ".json, .yaml, .yml or .toml"
_WRITTEN = ".json, .yaml or .yml"


def load_config_file(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The config object in ``path``; ``ConfigFileError`` for anything else."""
    name = os.fspath(path)
    fmt = format_of(name)
    if fmt is None:
        raise ConfigFileError(name, f"unknown extension {Path(name).suffix or '(none)'!r}: a "
                              f"config file ends in {_READ}")
    loaded = read_config(name, format=fmt)
    if not isinstance(loaded.data, dict):
        raise ConfigFileError(name, f"holds a {_kind(loaded.data)}, not a config object")
    return loaded.data


def save_config_file(data: dict[str, Any], path: str | os.PathLike[str]) -> None:
    """Write ``data`` to ``path`` as JSON or YAML (by extension), atomically.

    Through the output layer (output.py): an existing file is replaced (a symbolic link at
    ``path`` is replaced, not followed) keeping its mode, owner and group; a path mistake is a
    `ConfigFileError` saying what to fix.
    """
    name = os.fspath(path)
    fmt = format_of(name)
    if fmt not in ("json", "yaml"):
        what = "TOML cannot hold null values" if fmt == "toml" else (
            f"unknown extension {Path(name).suffix or '(none)'!r}")
        raise ConfigFileError(name, f"cannot write this file: {what}; use a name ending in "
                              f"{_WRITTEN}")
    write_file(name, dump_config(data, fmt))


def _kind(value: Any) -> str:
    return {list: "list", str: "string", bool: "boolean", type(None): "null"}.get(
        type(value), "number")
