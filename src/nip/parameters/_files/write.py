"""Writing config data: as JSON or YAML text, and to disk atomically."""

from __future__ import annotations

import json
import os
import tempfile
from contextlib import suppress
from pathlib import Path
from typing import Any

import yaml

from . import yaml_core
from .yaml_core import needs_quotes

__all__ = ["BACKUP_SUFFIX", "dump_config", "write_atomically", "write_new"]

BACKUP_SUFFIX = ".bak"


class _Dumper(yaml.SafeDumper):  # type: ignore[misc,unused-ignore]  # no PyYAML stubs
    """Block-style YAML, keys in the given order, never anchors/aliases for repeated objects.

    A string is written plain only when every reader reads it back as that string: YAML 1.2
    core (editors, nip-params) and YAML 1.1 (PyYAML, nip 1.0) alike (``'no'``, ``'1e-3'`` and
    ``'2024-01-01'`` are quoted). U+0085, U+2028 and U+2029, which YAML 1.1 readers take for line
    breaks, are written as the escapes ``\\N``, ``\\L`` and ``\\P`` in double quotes.
    """

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is yaml.ScalarNode and implicit[0]:
            tag = yaml_core.plain_tag(value)  # numbers, booleans and null: what 1.2 reads
            if tag == yaml_core.STR and needs_quotes(value):
                return _YAML_11_ONLY  # a string that a 1.1 reader reads otherwise: quote it
            return tag
        return super().resolve(kind, value, implicit)


def _represent_str(dumper: _Dumper, data: str) -> Any:
    style = '"' if any(c in data for c in _YAML_11_BREAKS) else None
    return dumper.represent_scalar(yaml_core.STR, data, style=style)


_YAML_11_BREAKS = "\x85\u2028\u2029"
_YAML_11_ONLY = "tag:yaml.org,2002:yaml-1.1-only"
_Dumper.add_representer(tuple, yaml.SafeDumper.represent_list)
_Dumper.add_representer(str, _represent_str)


def dump_config(data: Any, format: str) -> str:
    """Render config data as ``json`` (2-space indent) or ``yaml`` (block style), ending in a newline.

    Key order is kept. Tuples are written as lists. NaN and infinities are refused.
    """
    if format == "json":
        return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    if format == "yaml":
        return str(
            yaml.dump(data, Dumper=_Dumper, sort_keys=False, default_flow_style=False,
                      allow_unicode=True, width=88)
        )
    raise ValueError(f"cannot write format {format!r}: expected 'json' or 'yaml'")


def write_atomically(path: Path, text: str, *, backup: bool = True) -> Path | None:
    """Replace ``path`` with ``text`` atomically; return the backup path.

    The backup (``FILE.bak``) is written first. The new text goes to a temporary file in the same
    directory, is flushed and fsynced, and then renamed over the original, so an interruption at any
    point leaves either the old file or the new one, never a mix.
    """
    path = Path(os.path.realpath(path))
    backup_path = None
    if backup:
        backup_path = path.with_name(path.name + BACKUP_SUFFIX)
        write_new(backup_path, path.read_bytes(), mode_from=path)
    write_new(path, text.encode("utf-8"), mode_from=path)
    return backup_path


def write_new(path: Path, data: bytes, *, mode_from: Path | None = None) -> None:
    """Write ``data`` to ``path`` through a fsynced temporary file renamed over it."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode_from is not None and mode_from.exists():
            os.chmod(tmp, mode_from.stat().st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_directory(path.parent)


def _fsync_directory(directory: Path) -> None:
    with suppress(OSError):  # not every platform/file system can open a directory
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
