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
import sys
import warnings
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TextIO

from .._files import format_of, shown_path
from .._files.disk import (
    BACKUP_SUFFIX,
    WriteRefused,
    remove_stale_temporaries,
    write_in_place,
)
from .._files.locate import locator, problem_position
from .._files.output import OutputError, write_file, write_into
from .._files.roundtrip import Document, read_document, render_document
from .._migration import FROM_DATA, Change, MigrationReport, migrate
from .._migration.steps import default_chain
from .._validation.agent_names import warn_unrun_agents
from .._validation.versions import label, version_key
from ..errors import (
    ConfigFileError,
    ConversionFunctionNotFoundError,
    MigrationError,
    NipParametersError,
    ParameterValidationError,
    counted,
)
from ._batch import run_batch
from ._output import EXIT_INVALID as EXIT_FAILED
from ._output import EXIT_OK, EXIT_USAGE, error_line, located, usage_error
from ._reports import FORMATS, Record, json_item
from ._sources import (
    DEFAULT_INCLUDE,
    NIP_FILES,
    Source,
    add_source_arguments,
    needs_many,
)

__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_USAGE", "register", "run"]

EXAMPLES = """\
examples:
  nip-params migrate old-run.json                 print the migrated config (changes go to stderr)
  nip-params migrate --dry-run configs/*.yaml     list what would change, write nothing
  nip-params migrate --in-place configs/*.yaml    rewrite each file (FILE.bak keeps the original)
  nip-params migrate old.json -o new.json         write the result to another file
  nip-params migrate --from 0.1 unmarked.yaml     a file without _package_version, written by 0.1
  nip-params migrate --from unversioned ancient.json   written before versions were recorded
  nip-params migrate --in-place --force locked.yaml     also a read-only or hard-linked file
  nip-params migrate --dry-run --format jsonl wandb/    every W&B run config and *.nip.* file found
  find . -name '*.nip.yaml' -print0 | nip-params migrate --in-place --files-from -

A file without _package_version is read as the current version (nothing to migrate) unless --from
says otherwise. YAML files keep their key order and comments; JSON files keep their key order and
indentation. --in-place keeps each file's owner, group and mode; it refuses a read-only file and a
file with several hard links unless --force is given (a hard-linked file is then written through,
so every name sees the migrated config). -o DIR refuses two inputs with the same file name. -o writes through the same output layer as every
command (atomic; an existing file keeps its mode; a link at the name is replaced, not followed).
Two --in-place runs on one file at once: the second finds the file changed and writes nothing.

Directories and --files-from go with --dry-run or --in-place. A directory is searched as by
`nip-params validate` (*.nip.json, *.nip.yaml, *.nip.yml, *.nip.toml and, for --dry-run, W&B run
configs files/config.yaml), --jobs files at a time, reported in order, with a summary at the end.

exit status: 0 done, 1 a file cannot be migrated or the result is invalid, 2 bad usage or an
unreadable file.
"""


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``migrate`` sub-command to an argparse subparsers object."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "migrate",
        description="Carry config files (JSON or YAML) from the version that wrote them to the "
        "current version, listing every change (address: old -> new).",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_source_arguments(parser, verb="migrate")
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
    parser.add_argument("--force", action="store_true",
                        help="--in-place: also rewrite read-only files, and write hard-linked "
                        "files through to every link")
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="how to print the change lists (default: text; jsonl: a JSON "
                        "object a line per file, then the summary)")
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
    links: int = 1  # > 1: written through that many hard links (--force)

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
            "hard_links": self.links,
        }


class _UsageError(Exception):
    pass


def _render(doc: Document, data: Any, fmt: str, report: MigrationReport) -> str:
    """The migrated document; a YAML editor modeline that names an older schema is moved on."""
    target = version_key(report.to_version)

    def newer(old: str) -> str | None:
        found = version_key(old)
        if target is None or found is None or found >= target:
            return None
        report.changes.append(Change("package_meta", "# yaml-language-server $schema", old,
                                     report.to_version, note="editor schema comment"))
        return report.to_version

    return render_document(doc, data, fmt, schema_version=newer)


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


def _check_outputs(args: argparse.Namespace, files: list[str]) -> None:
    """-o: no two inputs may land on one output, and no output may be an input (that is
    --in-place, with its backup)."""
    if not args.output:
        return
    inputs = {_identity(Path(f)): f for f in files if f != "-"}
    taken: dict[Path, str] = {}
    for source in files:
        target = _output_path(args, source)
        assert target is not None
        key = Path(os.path.abspath(target))
        if key in taken:
            raise _UsageError(f"{shown_path(taken[key])} and {shown_path(source)} would both be "
                              f"written to {shown_path(target)}: migrate them into different "
                              "directories")
        taken[key] = source
        same = inputs.get(_identity(target))
        if same is not None:
            raise _UsageError(f"{shown_path(target)} is an input ({shown_path(same)}): use "
                              "--in-place to rewrite a file (it keeps a backup)")


def _identity(path: Path) -> Any:
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


def _migrate_file(args: argparse.Namespace, source: str, from_version: Any, to_version: str | None,
                  to_stdout: TextIO | None) -> _Outcome:
    outcome = _Outcome(source)
    if source == "-":
        return _Outcome(source, EXIT_USAGE, error="migrate reads files, not stdin")
    try:
        doc = read_document(source)
    except ConfigFileError as err:
        return _Outcome(source, EXIT_USAGE, error=str(err))
    if not isinstance(doc.data, dict):
        return _Outcome(source, EXIT_FAILED,
                        error=f"{shown_path(source)}: expected a config object at the top level, "
                        f"got {type(doc.data).__name__}")
    if doc.wandb_run and args.in_place:  # rewriting W&B's own file would drop its wrapping
        return _Outcome(source, EXIT_USAGE,
                        error=f"{source} is a W&B run config: write the migrated config to "
                        "another file with -o instead of --in-place")
    if from_version is None:  # unmarked files are current (docs/architecture.md); marked ones say so
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
        outcome.error = f"{shown_path(source)}: {err.subject}: {counted(len(err.problems), 'problem')}"
        where = locator(doc.text, doc.format, wrapped=doc.wandb_run)  # only now: there are problems
        outcome.problems = []
        for problem in err.problems:
            at = problem_position(where, problem)
            outcome.problems.append({**problem.to_json(), "file": shown_path(source),
                                     "line": at and at.line, "column": at and at.column})
        if from_version is None and "_package_version" not in doc.data:
            outcome.hint = _old_version_hint(doc.data, source, to_version)
        return outcome
    except (MigrationError, NipParametersError) as err:
        outcome.status = EXIT_FAILED
        outcome.error = f"{shown_path(source)}: {err}"
        return outcome
    outcome.report = result.report
    if to_version is None:  # the current version, whose agents the schema names
        warn_unrun_agents(result.data, where=f"{shown_path(source)}: ")
    target = _output_path(args, source)
    if args.dry_run:
        return outcome
    fmt = doc.format
    if target is not None and not args.in_place:
        fmt = format_of(target) or doc.format
    if fmt not in ("json", "yaml"):
        return _Outcome(source, EXIT_USAGE, report=result.report,
                        error=f"{shown_path(source)}: cannot write {fmt.upper()}: give -o with a .json or .yaml file name")
    text = _render(doc, result.data, fmt, result.report)
    if target is None:
        assert to_stdout is not None
        to_stdout.write(text)
        return outcome
    if args.in_place and not result.report.changes:
        # temporary files of an earlier run that was killed
        remove_stale_temporaries(Path(os.path.realpath(target)), backup=True)
        return outcome  # nothing to rewrite, no backup needed
    try:
        if args.in_place:
            written = write_in_place(target, text, force=args.force, migrated=doc.text)
            outcome.backup = str(written.backup) if written.backup else None
            outcome.links = written.links
        elif Path(args.output).is_dir():  # a file of ours in a directory: a link there is replaced
            write_into(target.parent, target.name, text)
        else:  # the file named by -o: a link there is replaced too (output.py)
            write_file(target, text)
    except OutputError as err:
        outcome.status = EXIT_USAGE
        outcome.error = f"{shown_path(source)}: cannot write the result: {err}"
        return outcome
    except WriteRefused as err:
        outcome.status = EXIT_FAILED
        outcome.error = f"{shown_path(source)} {err}"
        return outcome
    except OSError as err:
        outcome.status = EXIT_FAILED
        outcome.error = f"{shown_path(source)}: cannot write {shown_path(target)}: {err.strerror or err}"
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
        print(f"{shown_path(outcome.file)}: {outcome.report}", file=stream)
    if outcome.error:
        stream.write(error_line(outcome.error))
        for problem in outcome.problems:
            hint = f" ({problem['hint']})" if problem.get("hint") else ""
            where = located(problem["file"], problem["line"], problem["column"])
            print(f"  {where}: {problem['address']}: {problem['message']}{hint}", file=stream)
        if outcome.hint:
            stream.write(error_line(outcome.hint, kind="hint"))
    if outcome.written:
        extra = f" (original kept in {shown_path(outcome.backup)})" if outcome.backup else ""
        if outcome.links > 1:
            extra += f"; written through its {outcome.links} hard links"
        print(f"  written to {shown_path(outcome.written)}{extra}", file=stream)
    elif dry_run and outcome.report is not None and outcome.report.changes:
        print("  dry run: nothing written", file=stream)


def _migrate_chunk(args: argparse.Namespace, from_version: Any, to_version: str | None,
                   sources: list[Source]) -> list[Record]:
    """Migrate and render a chunk of files (in a worker process with --jobs)."""
    records = []
    for source in sources:
        if source.problem is not None:
            records.append(_lost(args.format, source, source.problem))
            continue
        outcome = _migrate_file(args, source.path, from_version, to_version, None)
        records.append(_record(outcome, args.format, args.dry_run))
    return records


def _lost(fmt: str, source: Source, reason: str) -> Record:
    return _record(_Outcome(source.path, EXIT_USAGE, error=f"{shown_path(source.path)}: {reason}"),
                   fmt, dry_run=False)


def _record(outcome: _Outcome, fmt: str, dry_run: bool) -> Record:
    kind = {EXIT_OK: "valid", EXIT_FAILED: "invalid"}.get(outcome.status, "unreadable")
    if fmt == "text":
        text = io.StringIO()
        _print_text(outcome, text, dry_run)
        return Record(kind, shown_path(outcome.file), text.getvalue())
    return Record(kind, shown_path(outcome.file), json_item(outcome.to_json(), fmt))


def run(args: argparse.Namespace) -> int:
    """Run ``nip-params migrate``; returns the exit status."""
    files: list[str] = list(args.files)
    many = needs_many(args)
    try:
        if many and not (args.dry_run or args.in_place):
            raise _UsageError("directories and --files-from go with --dry-run or --in-place")
        if not files and not many:
            raise _UsageError("give files or directories, or --files-from FILE")
        from_version = _version_argument(args.from_version, "--from", allow_unversioned=True)
        to_version = _version_argument(args.to_version, "--to", allow_unversioned=False)
        if args.output and len(files) > 1 and not Path(args.output).is_dir():
            raise _UsageError("-o with several files must name an existing directory")
        to_stdout = not (args.in_place or args.output or args.dry_run)
        if to_stdout and len(files) > 1:
            raise _UsageError("several files need --in-place, -o DIRECTORY or --dry-run")
        if args.force and not args.in_place:
            raise _UsageError("--force goes with --in-place")
        _check_outputs(args, files)
    except _UsageError as err:
        return usage_error("migrate", str(err))
    if not to_stdout:  # reports on stdout: the same runner as `validate`, --jobs files at a time
        return run_batch(
            "migrate", args,
            task=partial(_migrate_chunk, args, from_version, to_version),
            lost=partial(_lost, args.format),
            allow_stdin=False,
            labels={"valid": "ok", "invalid": "failed", "unreadable": "unreadable"},
            # W&B's own files cannot be rewritten in place: --in-place looks for ours only.
            default_include=NIP_FILES if args.in_place else DEFAULT_INCLUDE,
        )
    # One file to stdout: the migrated document goes to stdout; the report then goes to stderr so
    # that stdout stays a clean config.
    outcome = _migrate_file(args, files[0], from_version, to_version, sys.stdout)
    if args.format == "json":
        json.dump([outcome.to_json()], sys.stderr, indent=2, ensure_ascii=False)
        sys.stderr.write("\n")
    elif args.format == "jsonl":
        sys.stderr.write(json_item(outcome.to_json(), "jsonl"))
    else:
        _print_text(outcome, sys.stderr, args.dry_run)
    return outcome.status
