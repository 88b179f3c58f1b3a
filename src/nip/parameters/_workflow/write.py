"""Writing a sweep: one file per combination and the index `sweep.json` (name -> overrides).

Nothing is written until every combination has been checked. A new directory is filled under a
temporary name and renamed into place, so it appears complete or not at all; writing into an
existing, non-empty directory needs `force`, and then each file is replaced atomically, the
index last, and the configs an earlier sweep wrote there (by its index) that this one does not
are removed.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path
from typing import Any

from .._files import dump_config, write_new
from ..errors import NipParametersError
from .sweep import Combination

__all__ = ["INDEX_NAME", "OutputExists", "index_of", "write_sweep"]

INDEX_NAME = "sweep.json"
_EXTENSIONS = {"json": ".json", "yaml": ".yaml"}


class OutputExists(NipParametersError):
    """The output directory exists and holds files; `--force` writes into it."""


def index_of(combinations: Sequence[Combination]) -> dict[str, Any]:
    return {c.name: c.overrides for c in combinations}


def write_sweep(directory: Path, combinations: Sequence[Combination], fmt: str, *,
                force: bool = False) -> list[Path]:
    """Write every combination's config (with `_package_version`) and the index; the paths."""
    extension = _EXTENSIONS[fmt]
    files = {f"{c.name}{extension}": dump_config(c.params.to_dict(include_package_meta=True), fmt)
             for c in combinations}
    if INDEX_NAME in files:
        raise NipParametersError(f"a combination is named like the index ({INDEX_NAME}): rename it")
    files[INDEX_NAME] = json.dumps(index_of(combinations), indent=2, ensure_ascii=False) + "\n"
    if directory.exists() and not directory.is_dir():
        raise OutputExists(f"{directory} exists and is not a directory")
    if directory.is_dir() and any(directory.iterdir()):
        if not force:
            raise OutputExists(f"{directory} exists and is not empty: give --force to write into it "
                               "(files of the same name are replaced), or another -o")
        return _write_into(directory, files)
    return _write_new_directory(directory, files)


def _write_new_directory(directory: Path, files: dict[str, str]) -> list[Path]:
    parent = directory.absolute().parent
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=parent, prefix=f".{directory.name}.", suffix=".tmp"))
    try:
        for name, text in files.items():
            (staging / name).write_text(text, encoding="utf-8")
        os.replace(staging, directory)  # replaces an empty directory too (POSIX rename)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return [directory / name for name in files]


def _write_into(directory: Path, files: dict[str, str]) -> list[Path]:
    stale = set(_earlier_configs(directory)) - set(files)
    for name, text in files.items():
        if name != INDEX_NAME:
            write_new(directory / name, text.encode("utf-8"))
    write_new(directory / INDEX_NAME, files[INDEX_NAME].encode("utf-8"))
    for name in stale:
        with suppress(FileNotFoundError):
            (directory / name).unlink()
    return [directory / name for name in files]


def _earlier_configs(directory: Path) -> list[str]:
    """The config files an earlier sweep's index says it wrote here."""
    try:
        index = json.loads((directory / INDEX_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(index, dict):
        return []
    return [f"{name}{ext}" for name in index if isinstance(name, str) and "/" not in name
            for ext in _EXTENSIONS.values() if (directory / f"{name}{ext}").is_file()]
