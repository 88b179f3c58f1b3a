"""``nip-params migrate``: carry config files written by an older version to the current one.

The CLI package imports this module: ``register(subparsers)`` adds the sub-command and
``run(args)`` executes it. Exit codes: 0 done (or nothing to do), 1 a file cannot be migrated or the
result is invalid, 2 bad usage or an unreadable file.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import sys
import tempfile
import warnings
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from nip.parameters._io import read_config
from nip.parameters._migration import FROM_DATA, Change, MigrationReport, migrate
from nip.parameters._migration.steps import default_chain
from nip.parameters._migration.versions import (
    ConversionFunctionNotFoundError,
    label,
    version_key,
)
from nip.parameters.cli._output import EXIT_INVALID as EXIT_FAILED
from nip.parameters.cli._output import EXIT_OK, EXIT_USAGE
from nip.parameters.errors import (
    ConfigFileError,
    MigrationError,
    NipParametersError,
    ParameterValidationError,
)

__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_USAGE", "register", "run", "write_atomically"]

BACKUP_SUFFIX = ".bak"
_EXTENSIONS = {".json": "json", ".yaml": "yaml", ".yml": "yaml", ".toml": "toml"}
_MODELINE = re.compile(r"^(#\s*yaml-language-server:\s*\$schema=\S*?/schema/)(\d+\.\d+)(/)", re.MULTILINE)

EXAMPLES = """\
examples:
  nip-params migrate old-run.json                 print the migrated config (changes go to stderr)
  nip-params migrate --dry-run configs/*.yaml     list what would change, write nothing
  nip-params migrate --in-place configs/*.yaml    rewrite each file (FILE.bak keeps the original)
  nip-params migrate old.json -o new.json         write the result to another file
  nip-params migrate --from 0.1 unmarked.yaml     a file without _package_version, written by 0.1
  nip-params migrate --from unversioned ancient.json   written before versions were recorded

A file without _package_version is read as the current version (nothing to migrate) unless --from
says otherwise. YAML files keep their key order and comments; JSON files keep their key order and
indentation.

exit status: 0 done, 1 a file cannot be migrated or the result is invalid, 2 bad usage or an
unreadable file.
"""


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``migrate`` sub-command to an argparse subparsers object."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "migrate",
        help="migrate config files written by an older version",
        description="Carry config files (JSON or YAML) from the version that wrote them to the "
        "current version, listing every change (address: old -> new).",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="config files to migrate")
    parser.add_argument("--to", dest="to_version", metavar="VERSION",
                        help="target version (default: the current one)")
    parser.add_argument("--from", dest="from_version", metavar="VERSION",
                        help="the version that wrote the files, overriding _package_version; "
                        "'unversioned' for files from before versions were recorded")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", metavar="OUT",
                       help="write the result here (a directory when there are several files)")
    where.add_argument("--in-place", action="store_true",
                       help=f"rewrite each file atomically, keeping the original as FILE{BACKUP_SUFFIX}")
    where.add_argument("--dry-run", action="store_true", help="list the changes, write nothing")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="how to print the change lists (default: text)")
    parser.set_defaults(func=run)
    return parser


@dataclass
class _Outcome:
    file: str
    status: int = EXIT_OK
    report: MigrationReport | None = None
    error: str | None = None
    problems: list[dict[str, Any]] = field(default_factory=list)
    written: str | None = None
    backup: str | None = None
    hint: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "ok": self.status == EXIT_OK,
            "hint": self.hint,
            "report": self.report.to_json() if self.report else None,
            "error": self.error,
            "problems": self.problems,
            "written": self.written,
            "backup": self.backup,
        }


class _UsageError(Exception):
    pass


# ---------------------------------------------------------------------------------------------
# Reading and writing


@dataclass
class _Document:
    data: Any
    format: str  # json | yaml | toml
    text: str
    yaml_indent: tuple[int, int] = (2, 0)
    json_indent: int | str | None = 2


def _read(path: str) -> _Document:
    """Read a config file; ConfigFileError for anything unreadable."""
    loaded = read_config(path)
    text = loaded.text  # the very text the safe, limited reader accepted: never read twice
    if loaded.format == "yaml":
        from ruamel.yaml import YAML
        from ruamel.yaml.util import load_yaml_guess_indent

        # The text already passed the safe, size-limited reader; parse it round-trip (ruamel's
        # round-trip loader builds only plain containers and scalars) to keep comments and quotes.
        yaml = YAML(typ="rt")
        yaml.preserve_quotes = True
        try:
            data, indent, block_seq_indent = load_yaml_guess_indent(text, yaml=yaml)
        except Exception as exc:
            raise ConfigFileError(path, f"cannot be parsed ({type(exc).__name__}: {exc})") from None
        return _Document(data, "yaml", text, yaml_indent=(indent or 2, block_seq_indent or 0))
    return _Document(loaded.data, loaded.format, text, json_indent=_json_indent(text))


def _json_indent(text: str) -> int | str | None:
    """The indentation a JSON file uses (None for a one-line file)."""
    for line in text.splitlines()[1:]:
        stripped = line.lstrip(" \t")
        if stripped and len(stripped) < len(line):
            lead = line[: len(line) - len(stripped)]
            return "\t" if lead.startswith("\t") else len(lead)
    return None


def _render(doc: _Document, data: Any, fmt: str, report: MigrationReport) -> str:
    if fmt == "yaml" and doc.format == "yaml":
        from ruamel.yaml import YAML

        yaml = YAML()
        yaml.preserve_quotes = True
        yaml.width = 4096
        mapping, offset = doc.yaml_indent
        yaml.indent(mapping=mapping, sequence=mapping, offset=offset)
        buffer = io.StringIO()
        yaml.dump(data, buffer)
        return _update_modeline(buffer.getvalue(), report)
    from nip.parameters._migration.validation import plain

    if fmt == "json":
        indent = doc.json_indent if doc.format == "json" else 2
        return json.dumps(plain(data), indent=indent, ensure_ascii=False, allow_nan=False) + "\n"
    if fmt == "yaml":
        from nip.parameters._io import dump_config

        return str(dump_config(plain(data), "yaml"))
    raise _UsageError(f"cannot write {fmt.upper()}: give -o with a .json or .yaml file name")


def _update_modeline(text: str, report: MigrationReport) -> str:
    """Point a ``# yaml-language-server: $schema=...`` comment at the new version's schema."""
    target = version_key(report.to_version)

    def replace(match: re.Match[str]) -> str:
        found = version_key(match.group(2))
        if target is None or found is None or found >= target:
            return match.group(0)
        report.changes.append(Change("package_meta", "# yaml-language-server $schema", match.group(2),
                                     report.to_version, note="editor schema comment"))
        return f"{match.group(1)}{report.to_version}{match.group(3)}"

    return _MODELINE.sub(replace, text)


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
        _write_new(backup_path, path.read_bytes(), mode_from=path)
    _write_new(path, text.encode("utf-8"), mode_from=path)
    return backup_path


def _write_new(path: Path, data: bytes, *, mode_from: Path | None = None) -> None:
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


# ---------------------------------------------------------------------------------------------
# Running


def _version_argument(value: str | None, what: str, *, allow_unversioned: bool) -> Any:
    if value is None:
        return None
    if allow_unversioned and value.lower() in ("unversioned", "none"):
        return "unversioned"
    try:
        key = version_key(value)
    except ConversionFunctionNotFoundError:
        raise _UsageError(f"{what}: {value!r} is not a version (e.g. 0.1 or 1.0)") from None
    known = [k for k in default_chain().versions if k is not None]
    if key not in known:
        names = ", ".join(label(k) for k in known)
        raise _UsageError(f"{what}: unknown version {value!r} (known: {names})")
    return label(key)


def _output_path(args: argparse.Namespace, source: str) -> Path | None:
    if args.in_place:
        return Path(source)
    if args.output is None:
        return None
    out = Path(args.output)
    if out.is_dir():
        return out / Path(source).name
    return out


def _migrate_file(args: argparse.Namespace, source: str, from_version: Any, to_version: str | None,
                  to_stdout: TextIO | None) -> _Outcome:
    outcome = _Outcome(source)
    if source == "-":
        return _Outcome(source, EXIT_USAGE, error="migrate reads files, not stdin")
    try:
        doc = _read(source)
    except ConfigFileError as err:
        return _Outcome(source, EXIT_USAGE, error=str(err))
    if not isinstance(doc.data, dict):
        return _Outcome(source, EXIT_FAILED,
                        error=f"{source}: expected a config object at the top level, "
                        f"got {type(doc.data).__name__}")
    if from_version is None:  # unmarked files are current (see DESIGN.md); marked ones say so
        start = FROM_DATA if "_package_version" in doc.data else label(default_chain().newest)
    else:
        start = None if from_version == "unversioned" else from_version
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the report carries them
            result = migrate(doc.data, from_version=start, to_version=to_version,
                             keep_key_order=True)
    except ParameterValidationError as err:
        outcome.status = EXIT_FAILED
        outcome.error = f"{source}: {err.subject}: {len(err.problems)} problem(s)"
        outcome.problems = [p.to_json() for p in err.problems]
        if from_version is None and "_package_version" not in doc.data:
            outcome.hint = _old_version_hint(doc.data, source, to_version)
        return outcome
    except (MigrationError, NipParametersError) as err:
        outcome.status = EXIT_FAILED
        outcome.error = f"{source}: {err}"
        return outcome
    outcome.report = result.report
    target = _output_path(args, source)
    if args.dry_run:
        return outcome
    fmt = doc.format
    if target is not None and not args.in_place:
        fmt = _EXTENSIONS.get(target.suffix.lower(), doc.format)
    try:
        text = _render(doc, result.data, fmt, result.report)
    except _UsageError as err:
        return _Outcome(source, EXIT_USAGE, report=result.report, error=f"{source}: {err}")
    if target is None:
        assert to_stdout is not None
        to_stdout.write(text)
        return outcome
    if args.in_place and not result.report.changes:
        return outcome  # nothing to rewrite, no backup needed
    try:
        if args.in_place:
            backup = write_atomically(target, text)
            outcome.backup = str(backup) if backup else None
        else:
            _write_new(target.resolve(), text.encode("utf-8"))
    except OSError as err:
        outcome.status = EXIT_FAILED
        outcome.error = f"{source}: cannot write {target}: {err.strerror or err}"
        return outcome
    outcome.written = str(target)
    return outcome


def _old_version_hint(data: dict[str, Any], source: str, to_version: str | None) -> str | None:
    """For an unmarked file that is not valid as current: does it read as an old config?"""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            migrate(data, from_version=None, to_version=to_version)
    except NipParametersError:
        return None
    return (f"{source} states no _package_version, so it was read as the current version; it "
            f"migrates cleanly as a pvg 0.1 config: nip-params migrate --from 0.1 {source} "
            f"(--from unversioned if it predates pvg 0.1.0)")


def _print_text(outcome: _Outcome, stream: TextIO, dry_run: bool) -> None:
    if outcome.report is not None:
        print(f"{outcome.file}: {outcome.report}", file=stream)
    if outcome.error:
        print(f"error: {outcome.error}", file=stream)
        for problem in outcome.problems:
            hint = f" ({problem['hint']})" if problem.get("hint") else ""
            print(f"  {problem['address']}: {problem['message']}{hint}", file=stream)
        if outcome.hint:
            print(f"hint: {outcome.hint}", file=stream)
    if outcome.written:
        extra = f" (original kept in {outcome.backup})" if outcome.backup else ""
        print(f"  written to {outcome.written}{extra}", file=stream)
    elif dry_run and outcome.report is not None and outcome.report.changes:
        print("  dry run: nothing written", file=stream)


def run(args: argparse.Namespace) -> int:
    """Run ``nip-params migrate``; returns the exit status."""
    files: list[str] = list(args.files)
    try:
        from_version = _version_argument(args.from_version, "--from", allow_unversioned=True)
        to_version = _version_argument(args.to_version, "--to", allow_unversioned=False)
        if args.output and len(files) > 1 and not Path(args.output).is_dir():
            raise _UsageError("-o with several files must name an existing directory")
        to_stdout = not (args.in_place or args.output or args.dry_run)
        if to_stdout and len(files) > 1:
            raise _UsageError("several files need --in-place, -o DIRECTORY or --dry-run")
    except _UsageError as err:
        print(f"nip-params migrate: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    # The migrated document goes to stdout when no destination is given; the report then goes to
    # stderr so that stdout stays a clean config.
    report_stream = sys.stderr if to_stdout else sys.stdout
    outcomes = [
        _migrate_file(args, source, from_version, to_version, sys.stdout if to_stdout else None)
        for source in files
    ]
    if args.format == "json":
        json.dump([o.to_json() for o in outcomes], report_stream, indent=2, ensure_ascii=False)
        report_stream.write("\n")
    else:
        for outcome in outcomes:
            _print_text(outcome, report_stream, args.dry_run)
    return max((o.status for o in outcomes), default=EXIT_OK)


def main(argv: list[str] | None = None) -> int:
    """Run the sub-command on its own (``python -m nip.parameters.cli.migrate``)."""
    parser = argparse.ArgumentParser(prog="nip-params")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["migrate", *(sys.argv[1:] if argv is None else argv)])
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
