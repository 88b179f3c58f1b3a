"""Released schema versions are immutable in meaning: a committed lock of what their files mean.

Every version directory under ``schema/`` except the newest is released. ``schema/released.lock``
holds, for each of their files, the SHA-256 of its *meaning*: the JSON with the annotation keywords
(title, description, examples...) stripped and the keys sorted, and for a migration step without
its prose (``why``, ``description``). So the documentation of a released version can be improved,
while any change of what a config may hold, or of how it migrates, fails ``make check``. One
``<hash>  <version>/<file>`` line per file. Which keywords are annotations is stated once, in
``nip.parameters._schema_diff.keywords``.

``python -m codegen.released`` checks (``make check`` calls `check`); ``--lock`` records versions
that are released but not yet locked (``make new-version`` does this). Locking never changes the
hash of a file that is already locked.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from nip.parameters._schema_diff import meaning_digest
from nip.parameters._schema_files import MIGRATION_FILE
from nip.parameters._validation.versions import version_key

from .sources import version_directories

__all__ = ["LOCK_FILE", "check", "lock", "released_versions"]

LOCK_FILE = "released.lock"
SCHEME = "# scheme: meaning-1"
HEADER = (
    "# Released schema versions are immutable. `make check` compares what every file below means with\n"
    "# this lock: the SHA-256 of its JSON without annotations (title, description, examples...), keys sorted.\n"
    "# A change to the tree is a new version plus a migration step: `make new-version VERSION=x.y`.\n"
    f"{SCHEME}\n"
)
STEP_FILE = MIGRATION_FILE


def _version_dirs(schema_root: Path) -> list[Path]:
    return version_directories(schema_root)


def released_versions(repo_root: Path) -> list[str]:
    """Every version except the newest, oldest first."""
    return [d.name for d in _version_dirs(Path(repo_root) / "schema")[:-1]]


def _files(version_dir: Path) -> list[Path]:
    return sorted(p for p in version_dir.iterdir() if p.is_file() and not p.name.startswith("."))


def _digest(path: Path) -> str:
    """The hash of what a file means (of its bytes, for a file that is not JSON)."""

    if path.suffix != ".json":
        return hashlib.sha256(path.read_bytes()).hexdigest()
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ValueError(f"schema/{path.parent.name}/{path.name} is not valid JSON: {err}") from None
    return meaning_digest(document, step=path.name == STEP_FILE)


def _read_lock(lock_path: Path) -> dict[str, str]:
    """``{"0.1/agents.json": hash}``; an absent lock is empty."""
    if not lock_path.exists():
        return {}
    entries: dict[str, str] = {}
    for number, line in enumerate(lock_path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        digest, sep, name = line.partition("  ")
        if not sep or len(digest) != 64:
            raise ValueError(f"{lock_path}:{number}: expected '<sha256>  <version>/<file>'")
        entries[name.strip()] = digest
    return entries


def _write_lock(lock_path: Path, entries: dict[str, str]) -> None:
    def order(name: str) -> tuple[tuple[int, int], str]:
        version, _, file = name.partition("/")
        return version_key(version) or (-1, -1), file

    lines = [f"{entries[name]}  {name}\n" for name in sorted(entries, key=order)]
    lock_path.write_text(HEADER + "".join(lines), encoding="utf-8")


def check(repo_root: Path) -> list[str]:
    """Every way the released versions differ from the lock (empty when they match)."""
    schema_root = Path(repo_root) / "schema"
    lock_path = schema_root / LOCK_FILE
    try:
        entries = _read_lock(lock_path)
    except ValueError as err:
        return [str(err)]
    if entries and SCHEME not in lock_path.read_text(encoding="utf-8").splitlines():
        return [f"schema/{LOCK_FILE} hashes file bytes, not meaning (an older scheme): check that the "
                "released files are unchanged (git log), then re-lock them with "
                "`python -m codegen.released --lock --force`, in a commit of its own"]
    fix = ("released versions are immutable: revert the change and make it in a new version "
           "(`make new-version VERSION=x.y`, then a migration step)")
    problems: list[str] = []
    dirs = {d.name: d for d in _version_dirs(schema_root)}
    for version in released_versions(repo_root):
        locked = {name: digest for name, digest in entries.items() if name.split("/", 1)[0] == version}
        if not locked:
            problems.append(f"schema/{version}/ is released (a newer version exists) but not locked in "
                            f"schema/{LOCK_FILE}: run `python -m codegen.released --lock`")
            continue
        for path in _files(dirs[version]):
            name = f"{version}/{path.name}"
            if name not in locked:
                problems.append(f"schema/{name}: added to released version {version}; {fix}")
            elif _safe_digest(path) != locked[name]:
                problems.append(f"schema/{name}: changed since version {version} was released; {fix}")
    for name in entries:
        version = name.split("/", 1)[0]
        if not (schema_root / name).is_file():
            problems.append(f"schema/{name}: locked but missing (version {version} was released); {fix}")
    return problems


def _safe_digest(path: Path) -> str | None:
    try:
        return _digest(path)
    except ValueError:
        return None  # reported as a change: a released file no longer parses


def lock(repo_root: Path, *, force: bool = False) -> list[str]:
    """Lock every released version not locked yet; return the names newly locked.

    A file whose hash is already locked is never re-hashed into the lock unless ``force`` (an
    explicit, reviewed decision to edit a released version).
    """
    schema_root = Path(repo_root) / "schema"
    lock_path = schema_root / LOCK_FILE
    entries = _read_lock(lock_path)
    locked_versions = {name.split("/", 1)[0] for name in entries}
    added: list[str] = []
    for version in released_versions(repo_root):
        if version in locked_versions and not force:
            continue
        for path in _files(schema_root / version):
            name = f"{version}/{path.name}"
            digest = _digest(path)
            if entries.get(name) != digest:
                entries[name] = digest
                added.append(name)
    if added or not lock_path.exists():
        _write_lock(lock_path, entries)
    return added


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen.released", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lock", action="store_true",
                        help="record released versions that are not locked yet")
    parser.add_argument("--force", action="store_true",
                        help="with --lock: re-hash already locked versions (editing a release)")
    parser.add_argument("--repo", type=Path, default=Path(__file__).resolve().parent.parent)
    args = parser.parse_args(argv)
    if args.lock:
        added = lock(args.repo, force=args.force)
        print(f"locked {len(added)} file(s)" + (": " + ", ".join(added) if added else ""))
        return 0
    problems = check(args.repo)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(f"released schema versions unchanged: {', '.join(released_versions(args.repo)) or 'none'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
