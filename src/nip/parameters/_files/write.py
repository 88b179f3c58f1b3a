"""Writing config data: as JSON or YAML text, and to disk atomically."""

from __future__ import annotations

import json
import os
import tempfile
from contextlib import suppress
from pathlib import Path
from typing import Any

import yaml

__all__ = ["BACKUP_SUFFIX", "dump_config", "write_atomically", "write_new"]

BACKUP_SUFFIX = ".bak"


class _Dumper(yaml.SafeDumper):  # type: ignore[misc,unused-ignore]  # no PyYAML stubs
    """Block-style YAML, keys in the given order, never anchors/aliases for repeated objects."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


_Dumper.add_representer(tuple, yaml.SafeDumper.represent_list)


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
