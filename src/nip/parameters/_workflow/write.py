"""Writing a sweep: one config per combination, ``NAME.nip.json`` (or ``.nip.yaml``), and the index
``sweep.json``, through the one output layer (`_files.output`).

The config names match the schema catalog's ``fileMatch`` and the pre-commit hook's default, so
``DIR/*.nip.json`` is exactly the configs. The index says it was written by this tool and lists the
config files with their overrides: ``{"written_by": "nip-params sweep", "configs": {FILE:
overrides}}``.

Nothing is written until every combination has been checked. A new directory appears complete or
not at all. Writing into an existing, non-empty directory needs `force`, and then only files this
tool wrote there are touched: the index there must be one of ours, a config of the same name is
replaced only if that index lists it, and the configs it lists that this sweep does not make are
removed. Before any config is replaced, the index is rewritten to list the old and the new ones, and
the final index comes last, so that a run killed halfway leaves every file there claimed by the
index for the next run.
An output that is also an input (the spec, a base) is refused.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .._files import MAX_FILE_BYTES, dump_config
from .._files.disk import remove_stale_temporaries
from .._files.output import (
    OutputError,
    refuse_inputs,
    remove_file,
    write_directory,
    write_into,
    write_many,
)
from .sweep import Combination

__all__ = ["CONFIG_EXTENSIONS", "INDEX_NAME", "OutputExists", "config_file", "index_of", "write_sweep"]

INDEX_NAME = "sweep.json"
WRITTEN_BY = "nip-params sweep"
CONFIG_EXTENSIONS = {"json": ".nip.json", "yaml": ".nip.yaml"}


class OutputExists(OutputError):
    """The output directory exists and holds files; `--force` writes into it."""


def config_file(name: str, fmt: str) -> str:
    """The file name of a combination's config."""
    return f"{name}{CONFIG_EXTENSIONS[fmt]}"


def index_of(combinations: Sequence[Combination], fmt: str) -> dict[str, Any]:
    """The index: who wrote the directory, and each config file's overrides."""
    return {"written_by": WRITTEN_BY,
            "configs": {config_file(c.name, fmt): c.overrides for c in combinations}}


def write_sweep(directory: Path, combinations: Sequence[Combination], fmt: str, *,
                force: bool = False, inputs: Iterable[str | os.PathLike[str]] = (),
                shown: str | None = None) -> list[Path]:
    """Write every combination's config (with `_package_version`) and the index; the paths.

    ``directory`` is real (see `output_directory`); ``shown`` names it in messages.
    """
    shown = shown or str(directory)
    files = {config_file(c.name, fmt): dump_config(c.params.to_dict(include_package_meta=True), fmt)
             for c in combinations}
    index = index_of(combinations, fmt)
    remove_stale_temporaries(directory)  # the staging directory of a killed sweep
    if directory.is_dir() and any(directory.iterdir()):
        if not force:
            raise OutputExists(shown, "exists and is not empty: give --force to write into it "
                               "(the files an earlier sweep wrote there are replaced), or another -o")
        return _write_into(directory, files, index, list(inputs), shown)
    write_directory(directory, {**files, INDEX_NAME: _json(index)}, name=shown)
    return [directory / name for name in [*files, INDEX_NAME]]


def _write_into(directory: Path, files: dict[str, str], index: dict[str, Any],
                inputs: list[str | os.PathLike[str]], shown: str) -> list[Path]:
    earlier = _earlier_index(directory, shown)
    foreign = [name for name in files
               if os.path.lexists(directory / name) and name not in earlier]
    if foreign:
        raise OutputExists(shown, f"holds {foreign[0]}, which no earlier sweep's {INDEX_NAME} there "
                           "lists: not replaced (this tool replaces only files it wrote); move it "
                           "or give another -o")
    stale = [name for name in earlier if name not in files]
    refuse_inputs([directory / name for name in [*files, *stale, INDEX_NAME]], inputs)
    claimed = {"written_by": WRITTEN_BY, "configs": {**earlier, **index["configs"]}}
    write_into(directory, INDEX_NAME, _json(claimed))  # first: every file about to be written is ours
    write_many(directory, files)
    for name in stale:  # before the final index, which no longer claims them
        remove_file(directory / name)
    write_into(directory, INDEX_NAME, _json(index))
    return [directory / name for name in [*files, INDEX_NAME]]


def _earlier_index(directory: Path, shown: str) -> dict[str, Any]:
    """The configs the index of an earlier sweep lists (each a plain file name of ours); none when
    there is no index, `OutputExists` when there is a ``sweep.json`` this tool did not write."""
    path = directory / INDEX_NAME
    if not os.path.lexists(path):
        return {}
    try:  # a regular file within the reader's size limit, or not an index of ours
        ours = path.is_file() and path.stat().st_size <= MAX_FILE_BYTES
        index = json.loads(path.read_text(encoding="utf-8")) if ours else None
    except (OSError, ValueError, RecursionError):
        index = None
    if not isinstance(index, dict) or index.get("written_by") != WRITTEN_BY \
            or not isinstance(index.get("configs"), dict):
        raise OutputExists(shown, f"holds a {INDEX_NAME} that nip-params sweep did not write (a spec?): "
                           "not replaced; give another -o")
    return {name: overrides for name, overrides in index["configs"].items() if _ours(name)}


def _ours(name: Any) -> bool:
    """A name an index of ours may list: a config file name, in the directory itself."""
    return (isinstance(name, str) and name.endswith(tuple(CONFIG_EXTENSIONS.values()))
            and os.path.basename(name) == name and "\0" not in name and not name.startswith("."))


def _json(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
