"""Writing files safely: atomically, keeping what the file was (owner, group, mode), and never
leaving debris behind.

A new text goes to a temporary file beside the target, is flushed and fsynced, gets the target's
owner, group and mode, and is renamed over the target, so an interruption at any point leaves the
old file or the new one, never a mix. Temporary files are named
``.FILE.nip-params-<host>-<pid>-<random>.tmp``: a run that is killed (``kill -9``) cannot remove
its own, so each write first removes those of the same file left by a process of this host that
is no longer running.

`write_in_place` is what ``migrate --in-place`` uses: it writes ``FILE.bak`` first and refuses,
unless forced, a read-only file and a file with several hard links (forced, it writes those
through the shared inode, so that every name sees the new text; that write is not atomic, which
is why it needs ``--force``; the backup is complete before it starts).
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "BACKUP_SUFFIX",
    "InPlaceResult",
    "WriteChanged",
    "WriteRefused",
    "commit_staged",
    "remove_stale_temporaries",
    "remove_stale_temporaries_in",
    "stage_new",
    "temporary_prefix",
    "write_atomically",
    "write_in_place",
    "write_new",
]

BACKUP_SUFFIX = ".bak"


@functools.cache
def _host() -> str:
    """This host, as 8 hex digits: a temporary file of another host's process is never removed."""
    import socket  # only when writing

    return hashlib.sha256(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:8]


class WriteRefused(OSError):
    """A file that is not rewritten without ``force``: read-only, or with several hard links."""


class WriteChanged(WriteRefused):
    """A file that changed between being read and being rewritten: not rewritten, even forced."""


@dataclass(frozen=True)
class InPlaceResult:
    backup: Path | None
    links: int  # names of the rewritten inode (more than 1: written through, with force)


def write_new(path: Path, data: bytes, *, mode_from: Path | None = None) -> None:
    """Write ``data`` to ``path`` through a fsynced temporary file renamed over it.

    A symbolic link at ``path`` is replaced, not followed. The new file gets the mode of
    ``mode_from`` (if it exists) and, where they differ from ours, its owner and group; a file whose
    owner cannot be kept (only root can give a file away) is refused with ``PermissionError``
    before anything is replaced.
    """
    path = Path(path)
    commit_staged(stage_new(path, data, mode_from=mode_from), path)


def stage_new(path: Path, data: bytes, *, mode_from: Path | None = None, sync: bool = True,
              clean: bool = True) -> str:
    """The first half of `write_new`: the temporary file beside ``path``, complete, with its mode
    and owner (fsynced unless ``sync`` is false: the caller syncs many at once); its name.
    ``clean`` removes ``path``'s stale temporary files first (a caller writing many files of one
    directory removes them all with one scan instead, `remove_stale_temporaries_in`)."""
    if clean:
        remove_stale_temporaries(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=temporary_prefix(path), suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if sync:
                handle.flush()
                os.fsync(handle.fileno())
        if mode_from is not None and mode_from.exists():
            info = mode_from.stat()
            _keep_owner(tmp, info, mode_from)  # before chmod: chown clears set-user-ID bits
            os.chmod(tmp, info.st_mode & 0o7777)
        else:  # a new file: the mode open() would give it, not mkstemp's 0600
            os.chmod(tmp, 0o666 & ~_umask())
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return tmp


def commit_staged(tmp: str, path: Path, *, sync_directory: bool = True) -> None:
    """The second half of `write_new`: rename the staged file over ``path``."""
    try:
        os.replace(tmp, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    if sync_directory:
        _fsync_directory(path.parent)


def temporary_prefix(path: Path) -> str:
    """The start of the name of ``path``'s temporary files (and staging directories), beside it.

    A long name is cut so that the temporary name stays within the 255 bytes a file name may have.
    """
    return f"{_temporary_stem(path)}.nip-params-{_host()}-{os.getpid()}-"


def _temporary_stem(path: Path) -> str:
    name = path.name
    if len(os.fsencode(name)) > _NAME_KEPT:
        name = name[: _NAME_KEPT // 4]  # a character is at most 4 bytes
    return f".{name}"


_NAME_KEPT = 200  # bytes of a name kept in its temporary name: 200 + 55 fit in 255


def write_atomically(path: Path, text: str, *, backup: bool = True) -> Path | None:
    """Replace ``path`` (a symbolic link's target) with ``text`` atomically; return the backup.

    The backup (``FILE.bak``, same owner, group and mode) is written first, completely; then the
    new text replaces the file as `write_new` does.
    """
    path = Path(os.path.realpath(path))
    backup_path = None
    if backup:
        backup_path = _backup(path, path.read_bytes())
    write_new(path, text.encode("utf-8"), mode_from=path)
    return backup_path


def _backup(path: Path, original: bytes) -> Path:
    backup_path = path.with_name(path.name + BACKUP_SUFFIX)
    write_new(backup_path, original, mode_from=path)
    return backup_path


def write_in_place(path: Path, text: str, *, force: bool = False,
                   migrated: str | None = None) -> InPlaceResult:
    """Rewrite an existing file for ``migrate --in-place``, keeping ``FILE.bak``.

    Refused without ``force`` (``WriteRefused``): a file with no write permission, and a file with
    several hard links (replacing it would leave the other names with the old text). With
    ``force``, a read-only file is replaced keeping its mode, and a hard-linked one is written
    through, so that all its names see the new text.

    ``migrated`` is the text that ``text`` was made from. The file is locked (``flock``) while it
    is compared with it, backed up and replaced: when another run (or an editor) changed it since
    it was read, nothing is written (``WriteRefused``), so ``FILE.bak`` always holds exactly the
    text that was migrated.
    """
    real = Path(os.path.realpath(path))
    with _locked(real):
        return _write_in_place(real, text, force, migrated)


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock on ``path``'s inode (advisory: every ``migrate --in-place`` takes it).

    A run that waited for it finds the file replaced by the run that held it, and refuses.
    """
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock, the comparison alone remains
        yield
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _write_in_place(real: Path, text: str, force: bool, migrated: str | None) -> InPlaceResult:
    original = real.read_bytes()
    if migrated is not None and _text_of(original) != migrated:
        raise WriteChanged("changed since it was read (another run or an editor wrote it): "
                           "nothing written; run again to migrate what it holds now")
    info = real.stat()
    mode = info.st_mode & 0o7777
    if not force and (not mode & 0o222 or not os.access(real, os.W_OK)):
        raise WriteRefused(f"is read-only (mode {mode:04o}): not rewritten; pass --force to "
                           "rewrite it anyway (its mode is kept)")
    if info.st_nlink > 1 and not force:
        raise WriteRefused(
            f"has {info.st_nlink} hard links: rewriting it would give this name a new file and "
            f"leave the other {info.st_nlink - 1} with the old text; pass --force to write "
            "through to every name (not atomic; the backup is complete first), or migrate a copy")
    backup = _backup(real, original)
    if info.st_nlink == 1:
        write_new(real, text.encode("utf-8"), mode_from=real)
        return InPlaceResult(backup, 1)
    data = text.encode("utf-8")
    with open(real, "r+b") as handle:  # the same inode: owner, mode and every link stay
        handle.write(data)
        handle.truncate()
        handle.flush()
        os.fsync(handle.fileno())
    return InPlaceResult(backup, info.st_nlink)


def _text_of(data: bytes) -> str | None:
    """The text the reader makes of a file's bytes (a UTF-8 byte order mark dropped)."""
    try:
        return data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError:
        return None


_TEMPORARY = re.compile(r"\.nip-params-(?P<host>[0-9a-f]{8})-(?P<pid>[0-9]+)-[^.]*\.tmp\Z")


def remove_stale_temporaries(path: Path, *, backup: bool = False) -> list[Path]:
    """Remove the temporary files of ``path`` (and of ``FILE.bak`` with ``backup``) left by killed
    runs on this host; return them."""
    if backup:
        return [*remove_stale_temporaries(path),
                *remove_stale_temporaries(path.with_name(path.name + BACKUP_SUFFIX))]
    return _remove_stale(path.parent, _temporary_stem(path))


def remove_stale_temporaries_in(directory: Path) -> list[Path]:
    """Remove the temporary files of every file in ``directory`` left by killed runs on this host."""
    return _remove_stale(directory, ".")


def _remove_stale(directory: Path, prefix: str) -> list[Path]:
    removed: list[Path] = []
    with suppress(OSError), os.scandir(directory) as entries:
        for entry in entries:
            if not entry.name.startswith(prefix):
                continue
            rest = entry.name[len(prefix):]
            found = _TEMPORARY.search(rest) if prefix == "." else _TEMPORARY.fullmatch(rest)
            if found is None or found["host"] != _host() or _running(int(found["pid"])):
                continue
            with suppress(FileNotFoundError):
                if entry.is_dir(follow_symlinks=False):  # a killed sweep's staging directory
                    shutil.rmtree(entry.path)
                else:
                    os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True  # another thread of ours may be writing the same file
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # e.g. another user's process: alive
        return True
    return True


def _umask() -> int:
    try:  # Linux states it; setting and restoring it would race with other threads
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _keep_owner(tmp: str, info: os.stat_result, source: Path) -> None:
    mine = os.stat(tmp)
    if (info.st_uid, info.st_gid) == (mine.st_uid, mine.st_gid) or not hasattr(os, "chown"):
        return
    try:
        os.chown(tmp, info.st_uid, info.st_gid)
    except PermissionError:
        raise PermissionError(
            f"cannot keep the owner (uid {info.st_uid}) and group (gid {info.st_gid}) of "
            f"{source}: only root or its owner can; the file is unchanged") from None


def _fsync_directory(directory: Path) -> None:
    with suppress(OSError):  # not every platform/file system can open a directory
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
