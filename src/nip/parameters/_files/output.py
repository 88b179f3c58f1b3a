"""The one output layer: every file and directory that a command or `to_file` writes goes through
here, with one set of guarantees (SECURITY.md, "Writing").

- Atomic: a file is written to a temporary file beside it, fsynced and renamed over it (disk.py);
  a new directory is filled under a temporary name and renamed into place.
- What is overwritten keeps its mode, owner and group (a 0600 file stays 0600).
- A symbolic link at an output file's name is replaced, never followed; a directory named as an
  output directory may be a link to one.
- An output that is also an input is refused, before anything is written.
- A path mistake (a missing directory, a directory where a file is expected, a device or FIFO, a
  dangling link, a name over 255 bytes, another run that got there first) is an `OutputError`: a usage error with
  what, where and how to fix it, never an internal error.
- Temporary files and staging directories a killed run left are removed by the next run.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Iterable, Mapping
from contextlib import suppress
from pathlib import Path

from ..errors import ConfigFileError
from .disk import (
    _fsync_directory,
    _umask,
    commit_staged,
    remove_stale_temporaries,
    remove_stale_temporaries_in,
    stage_new,
    temporary_prefix,
    write_new,
)
from .read import shown_path

__all__ = [
    "MAX_NAME_BYTES",
    "OutputError",
    "output_directory",
    "refuse_inputs",
    "remove_file",
    "write_directory",
    "write_file",
    "write_into",
    "write_many",
]

MAX_NAME_BYTES = 255  # a file name's limit on Linux, macOS and Windows file systems

_HINTS = {
    errno.ENAMETOOLONG: f"a file name has at most {MAX_NAME_BYTES} bytes: choose a shorter name",
    errno.ENOENT: "its directory does not exist: create it first",
    errno.ENOTDIR: "a part of the path is not a directory",
    errno.EACCES: "permission denied: choose a directory you can write to",
    errno.EPERM: "permission denied: choose a directory you can write to",
    errno.EROFS: "the file system is read-only",
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "the disk quota is exhausted",
    errno.EISDIR: "it is a directory: name a file",
    errno.ENOTEMPTY: "another run wrote it meanwhile: nothing was written by this one",
    errno.EEXIST: "another run wrote it meanwhile: nothing was written by this one",
}


class OutputError(ConfigFileError):
    """An output that cannot be written as asked: a usage error (exit 2), nothing written."""


def write_file(path: str | os.PathLike[str], data: str | bytes, *,
               inputs: Iterable[str | os.PathLike[str]] = ()) -> Path:
    """Write one output file named by the user (``-o FILE``, ``to_file``); its absolute path."""
    target = Path(os.path.abspath(path))
    name = os.fspath(path)
    _check_name(target, name)
    if target.is_dir():
        raise OutputError(shown_path(name), "is a directory: name a file to write (e.g. "
                          f"{shown_path(os.path.join(name, 'run.json'))})")
    if not target.parent.is_dir():
        raise OutputError(shown_path(name), f"cannot write it: its directory "
                          f"{shown_path(target.parent)} does not exist: create it first")
    refuse_inputs([target], inputs)
    _write(target, data, name)
    return target


def output_directory(path: str | os.PathLike[str], *, create: bool) -> Path:
    """The directory named by ``-o DIR`` / ``--out DIR`` (a link to a directory is followed),
    created with its parents if ``create``; `OutputError` for anything in the way."""
    name = os.fspath(path)
    directory = Path(os.path.abspath(path))
    _check_name(directory, name)
    if directory.is_symlink() and not directory.exists():
        raise OutputError(shown_path(name), f"is a symbolic link to {shown_path(os.readlink(directory))}, "
                          "which does not exist: create that directory or give another one")
    if directory.exists() and not directory.is_dir():
        raise OutputError(shown_path(name), "exists and is not a directory: give a directory")
    if create:
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _output_error(name, exc) from None
    return Path(os.path.realpath(directory))


def write_directory(directory: Path, files: Mapping[str, str | bytes], *, name: str) -> None:
    """Create ``directory`` (absent, or empty) holding ``files``: filled under a temporary name
    beside it and renamed into place, so it appears complete or not at all.

    An empty directory in its place keeps its mode; a new one gets the mode ``mkdir`` would give
    it. The losing run of two that create it at once gets `OutputError` and leaves nothing.
    """
    parent = directory.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(directory)  # staging directories of killed runs
        mode = directory.stat().st_mode & 0o7777 if directory.is_dir() else 0o777 & ~_umask()
        staging = Path(tempfile.mkdtemp(dir=parent, prefix=temporary_prefix(directory), suffix=".tmp"))
    except OSError as exc:
        raise _output_error(name, exc) from None
    try:
        written = []
        for file, data in files.items():
            _check_name(staging / file, file)
            _write_bytes(staging / file, data)
            written.append(staging / file)
        _sync([*written, staging])  # every file on disk before the rename makes them visible
        os.chmod(staging, mode)
        os.replace(staging, directory)  # replaces an empty directory too (POSIX rename)
        _fsync_directory(parent)
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, OSError):
            raise _output_error(name, exc) from None
        raise


def write_into(directory: Path, file: str, data: str | bytes) -> Path:
    """Replace (or create) ``file`` in an output directory atomically, keeping its mode; a link
    at its name is replaced, never followed."""
    target = directory / file
    _check_name(target, str(target))
    _write(target, data, str(target))
    return target


def write_many(directory: Path, files: Mapping[str, str | bytes]) -> None:
    """`write_into` for many files of one directory at once: each replaced atomically, keeping its
    mode, all of them synced together before the first rename, and one scan for stale temporary
    files (not one a file)."""
    staged: list[tuple[str, Path]] = []
    try:
        remove_stale_temporaries_in(directory)
        for file, data in files.items():
            target = directory / file
            _check_name(target, str(target))
            keep = _regular_or_absent(target, str(target))
            staged.append((stage_new(target, data.encode("utf-8") if isinstance(data, str) else data,
                                     mode_from=target if keep else None, sync=False,
                                     clean=False), target))
        _sync([Path(tmp) for tmp, _ in staged])
        for index, (tmp, target) in enumerate(staged):
            commit_staged(tmp, target, sync_directory=False)
            staged[index] = ("", target)
        _fsync_directory(directory)
    except OSError as exc:
        raise _output_error(str(directory), exc) from None
    finally:
        for tmp, _ in staged:
            if tmp:
                with suppress(FileNotFoundError):
                    os.unlink(tmp)


def remove_file(path: Path) -> None:
    """Remove an output file (or a link) this tool wrote; a directory is never removed, a file
    already gone is fine, anything else is `OutputError`."""
    try:
        if stat.S_ISDIR(os.lstat(path).st_mode):
            return
        os.unlink(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise _output_error(str(path), exc) from None


def refuse_inputs(targets: Iterable[Path], inputs: Iterable[str | os.PathLike[str]]) -> None:
    """`OutputError` when one of ``targets`` is one of ``inputs`` (the same file, by any name)."""
    known: dict[tuple[int, int] | None, str] = {}
    for source in inputs:
        identity = _identity(Path(source))
        if identity is not None:
            known[identity] = os.fspath(source)
    for target in targets:
        same = known.get(_identity(target))
        if same is not None:
            alias = "" if os.path.abspath(same) == str(target) else f" ({shown_path(same)})"
            raise OutputError(shown_path(target), f"is an input{alias}: writing it would destroy "
                              "what is being read; write to another file")


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except (OSError, ValueError):
        return None
    return (info.st_dev, info.st_ino)


def _check_name(target: Path, name: str) -> None:
    size = len(os.fsencode(target.name))
    if size > MAX_NAME_BYTES:
        raise OutputError(shown_path(name)[:80] + "…", f"has a file name of {size} bytes: a file "
                          f"name has at most {MAX_NAME_BYTES}; choose a shorter one")


def _regular_or_absent(target: Path, name: str) -> bool:
    """Is there a regular file at ``target`` (whose mode a replacement keeps)? `OutputError` for a
    device, FIFO or socket; False for nothing, or a link (replaced: its target's mode is not ours)."""
    try:
        kind = os.lstat(target).st_mode
    except OSError:
        return False
    if stat.S_ISCHR(kind) or stat.S_ISBLK(kind) or stat.S_ISFIFO(kind) or stat.S_ISSOCK(kind):
        # renaming over /dev/null would replace the device with a file
        raise OutputError(shown_path(name), "is a device, FIFO or socket, not a file: name a "
                          "regular file, or leave out -o to print to stdout")
    return stat.S_ISREG(kind)


def _write(target: Path, data: str | bytes, name: str) -> None:
    keep = _regular_or_absent(target, name)
    try:
        write_new(target, data.encode("utf-8") if isinstance(data, str) else data,
                  mode_from=target if keep else None)
    except OSError as exc:
        raise _output_error(name, exc) from None


def _write_bytes(path: Path, data: str | bytes) -> None:
    """A file in a new staging directory: nobody else can see it until the rename (synced later,
    with the others)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o666)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data.encode("utf-8") if isinstance(data, str) else data)


#: fsyncs in flight at once: a file system commits concurrent fsyncs together, so a sweep of
#: 10,000 configs costs about one second, not the minute of one fsync after another on a busy
#: disk (6 ms each were seen). Only our own files are synced: a system-wide `sync` would wait on
#: every other program's unwritten data too.
SYNC_THREADS = 8


def _sync(paths: list[Path]) -> None:
    """fsync every file (and directory) of ``paths``, several at a time (the pool is imported
    only when files are written)."""
    from concurrent.futures import ThreadPoolExecutor

    def fsync(path: Path) -> None:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    with ThreadPoolExecutor(max_workers=SYNC_THREADS) as pool:
        list(pool.map(fsync, paths))  # list(): the first OSError is raised here


def _output_error(name: str, exc: OSError) -> OutputError:
    hint = _HINTS.get(exc.errno or 0, "")
    reason = exc.strerror or str(exc)
    return OutputError(shown_path(name), f"cannot write it: {reason}" + (f"; {hint}" if hint else ""))
