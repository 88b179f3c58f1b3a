"""Which files a command reads: named files, directories searched recursively, and ``--files-from``.

The names are produced lazily, one at a time, so that a tree of a million configs costs no more
memory than a tree of ten. A directory is searched depth-first in sorted order (the same order on
every run), without following symbolic links (a W&B ``latest-run`` link or a loop is never
entered); a file named on the command line or in ``--files-from`` is read as named, links included.
A name found twice (the same file through two names, or named twice) is read once.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from .._files import shown_path

__all__ = [
    "DEFAULT_INCLUDE",
    "MAX_NAME_BYTES",
    "NIP_FILES",
    "Source",
    "SourceUsageError",
    "add_source_arguments",
    "iter_sources",
    "needs_many",
]

#: What a directory search selects when no --include is given. Matched against the path below the
#: directory searched, with ``/`` separators; ``*`` does not cross a ``/`` and ``**/`` is any
#: number of directories (none included).
DEFAULT_INCLUDE = (
    "**/*.nip.json",
    "**/*.nip.yaml",
    "**/*.nip.yml",
    "**/*.nip.toml",
    "**/files/config.yaml",  # a W&B run: wandb/run-*/files/config.yaml
)
#: The default selection without W&B run configs (which cannot be rewritten in place).
NIP_FILES = DEFAULT_INCLUDE[:4]

#: The longest name accepted from --files-from (Linux's PATH_MAX); a longer line is reported as
#: unreadable without being kept in memory.
MAX_NAME_BYTES = 4096


class SourceUsageError(Exception):
    """A selection option that cannot work (e.g. two standard inputs)."""


@dataclass(frozen=True)
class Source:
    """One file to read, or why a name could not be read at all (``problem``)."""

    path: str
    problem: str | None = None


def add_source_arguments(parser: argparse.ArgumentParser, *, verb: str) -> None:
    """``FILE|DIR...``, ``--files-from``, ``--include``, ``--exclude`` and ``--jobs``."""
    parser.add_argument(
        "files", nargs="*", metavar="PATH",
        help=f"config files to {verb}, or directories to search ('-' is stdin where allowed)",
    )
    parser.add_argument(
        "--files-from", metavar="FILE",
        help="also read the names of files from FILE ('-' is stdin): one a line, or NUL-separated "
        "(as `find -print0` writes them)",
    )
    parser.add_argument(
        "--include", action="append", metavar="GLOB",
        help="in directories, select the files matching GLOB (repeatable; replaces the default "
        f"selection: {' '.join(DEFAULT_INCLUDE)})",
    )
    parser.add_argument(
        "--exclude", action="append", metavar="GLOB",
        help="in directories, skip files and directories matching GLOB (repeatable)",
    )
    parser.add_argument(
        "-j", "--jobs", type=_jobs, default=None, metavar="N",
        help=f"{verb} N files at once in worker processes (default: the number of cores)",
    )


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if not 1 <= value <= 256:
        raise argparse.ArgumentTypeError(f"expected 1 to 256, got {value}")
    return value


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def needs_many(args: argparse.Namespace) -> bool:
    """Whether the call names a directory or a file list (not only files)."""
    return args.files_from is not None or any(
        f != "-" and os.path.isdir(f) for f in args.files
    )


def iter_sources(args: argparse.Namespace, *, allow_stdin: bool,
                 default_include: tuple[str, ...] = DEFAULT_INCLUDE) -> Iterator[Source]:
    """Every file the call selects, in order: the named paths, then the names of --files-from."""
    if args.files_from == "-" and "-" in args.files:
        raise SourceUsageError("'-' cannot be both a config (stdin) and --files-from -")
    if args.files.count("-") > 1:
        raise SourceUsageError("'-' (stdin) can be given only once")
    if not args.files and args.files_from is None:
        raise SourceUsageError("give files or directories, or --files-from FILE")
    include = tuple(args.include or default_include)
    exclude = tuple(args.exclude or ())
    seen = _own_outputs()
    names = _named(args.files, args.files_from)
    for name in names:
        if isinstance(name, Source):
            yield name
        elif name == "-":
            if allow_stdin:
                yield Source("-")
            else:
                yield Source("-", "this command reads files, not stdin")
        elif os.path.isdir(name):
            for found in _walk(name, include, exclude):
                if found.problem or _first_time(found.path, seen):
                    yield found
        elif _first_time(name, seen):
            yield Source(name)


def _own_outputs() -> set[int]:
    """The files stdout and stderr write to, as if already seen: a report redirected into the
    tree being searched (`validate --format jsonl runs/ > runs/report.nip.json`) is not read back
    half-written as a config."""
    seen = set()
    for fd in (1, 2):
        try:
            info = os.fstat(fd)
        except OSError:
            continue
        if stat.S_ISREG(info.st_mode):
            seen.add((info.st_dev << 64) | info.st_ino)
    return seen


def _first_time(path: str, seen: set[int]) -> bool:
    """False for a file already given (same device and inode); a name that cannot be looked up
    is passed on, for the reader to say why."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return True
    key = (info.st_dev << 64) | info.st_ino
    if key in seen:
        return False
    seen.add(key)
    return True


def _named(files: list[str], files_from: str | None) -> Iterator[str | Source]:
    yield from files
    if files_from is not None:
        yield from _read_list(files_from)


def _read_list(files_from: str) -> Iterator[str | Source]:
    """The names in a --files-from file, read a block at a time: NUL-separated if the file holds
    a NUL, else one a line (a trailing carriage return is dropped, blank lines are skipped)."""
    shown = "stdin" if files_from == "-" else shown_path(files_from)
    try:
        stream = _open_list(files_from)
    except OSError as exc:
        raise SourceUsageError(
            f"--files-from {shown}: cannot be read: {exc.strerror or exc}"
        ) from None
    try:
        separator: bytes | None = None
        pending = b""
        too_long = False
        while True:
            try:
                block = stream.read(1 << 16)
            except OSError as exc:
                raise SourceUsageError(
                    f"--files-from {shown}: cannot be read: {exc.strerror or exc}"
                ) from None
            if separator is None and block:
                # The first block decides; a NUL later in a newline list is then part of a name
                # and refused by the reader.
                separator = b"\0" if b"\0" in pending + block else b"\n"
            if not block:
                break
            parts = (pending + block).split(separator or b"\n")
            pending = parts.pop()
            for part in parts:
                if too_long:  # the end of a name already reported
                    too_long = False
                    continue
                yield from _name(part, separator, shown)
            if len(pending) > MAX_NAME_BYTES:
                if not too_long:
                    yield from _name(pending, separator, shown)
                too_long = True
                pending = b""
        if pending and not too_long:
            yield from _name(pending, separator, shown)
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def _open_list(files_from: str) -> BinaryIO:
    if files_from == "-":
        return sys.stdin.buffer
    info = os.stat(files_from)
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(21, "is a directory")
    return open(files_from, "rb")


def _name(part: bytes, separator: bytes | None, shown: str) -> Iterator[str | Source]:
    """The name in one entry of the list (none for a blank line)."""
    if separator != b"\0":
        part = part.removesuffix(b"\r")
        if not part.strip():
            return
    elif not part:
        return
    if len(part) > MAX_NAME_BYTES:
        yield Source(shown_path(os.fsdecode(part[:60])) + "...",
                     f"a name in --files-from {shown} is longer than {MAX_NAME_BYTES} bytes")
        return
    yield os.fsdecode(part)


# ---------------------------------------------------------------------------------------------
# Directories


def _walk(root: str, include: tuple[str, ...], exclude: tuple[str, ...]) -> Iterator[Source]:
    """The selected files under ``root``, depth-first in sorted order, one directory listing in
    memory per level. Links are not followed; an unreadable directory is reported and skipped;
    a selected name that is not a regular file (a FIFO, a device) is reported, never opened."""
    stack: list[tuple[str, str]] = [(root, "")]  # (path, relative path with '/')
    while stack:
        directory, relative = stack.pop()
        try:
            with os.scandir(directory) as entries:
                listing = sorted(
                    ((entry.name, entry) for entry in entries), key=lambda pair: pair[0]
                )
        except OSError as exc:
            yield Source(directory, f"directory cannot be read: {exc.strerror or exc}")
            continue
        subdirectories = []
        for name, entry in listing:
            below = f"{relative}{name}"
            path = os.path.join(directory, name)
            if _matches(below, exclude):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    subdirectories.append((path, below + "/"))
                    continue
                if not _matches(below, include):
                    continue
                if entry.is_symlink():
                    continue  # not followed, as `find` does not (documented)
                mode = entry.stat(follow_symlinks=False).st_mode
            except OSError as exc:
                yield Source(path, f"cannot be read: {exc.strerror or exc}")
                continue
            if stat.S_ISREG(mode):
                yield Source(path)
            else:
                yield Source(path, f"is not a regular file ({_kind(mode)}); not opened")
        stack.extend(reversed(subdirectories))


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _matches(relative: str, globs: tuple[str, ...]) -> bool:
    return any(_glob_match(relative, glob) for glob in globs)


def _glob_match(relative: str, glob: str) -> bool:
    """``fnmatch`` per path part: ``*`` stays within a directory, ``**`` spans any number of
    them; a glob without ``/`` matches the last part (``--exclude '*.bak.*'``)."""
    parts = relative.split("/")
    if "/" not in glob:
        return fnmatch.fnmatchcase(parts[-1], glob)
    return _match_parts(parts, glob.split("/"))


def _match_parts(parts: list[str], globs: list[str]) -> bool:
    if not globs:
        return not parts
    head, rest = globs[0], globs[1:]
    if head == "**":
        return any(_match_parts(parts[i:], rest) for i in range(len(parts) + 1))
    return bool(parts) and fnmatch.fnmatchcase(parts[0], head) and _match_parts(parts[1:], rest)
