"""``nip-params validate FILE...``: check config files against the schema of their version."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from typing import Any

from .._files import STDIN_NAME, read_config, shown_path
from .._files.locate import Position, locator, problem_position
from .._validation import schemas
from .._validation import validate as validate_config
from ..errors import (
    ConfigFileError,
    NipParametersError,
    ParameterValidationError,
    Problem,
)
from ._output import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    Progress,
    annotation,
    emit,
    error_line,
    located,
    usage_error,
)

__all__ = ["PROGRESS_MIN_FILES", "register", "run"]

#: From this many files on, a progress line is shown (on stderr, and only on a terminal).
PROGRESS_MIN_FILES = 5

EXAMPLES = """\
examples:
  nip-params validate run.yaml                      one file
  nip-params validate configs/*.json configs/*.yaml many files (progress shown on a terminal)
  cat run.json | nip-params validate -              stdin (JSON, YAML or TOML, sniffed)
  nip-params validate --format json a.yaml b.yaml   machine-readable report on stdout
  nip-params validate --format github configs/*.yaml  GitHub Actions annotations (in CI)
  nip-params validate --version 0.1 old.json        check against the 0.1 schema
  nip-params validate wandb/run-1/files/config.yaml a W&B run config (unwrapped first)

output (text): one line per problem, after the file name and the line and column of the value
(of the key, for an unknown key):
  run.yaml:12:5: agents.prover.num_gnn_layers: expected integer, got string 'two'
  other.json: ok
and, when it helps, a note about the whole file (e.g. that it looks like an old version):
  old.json: note: This config has no _package_version, ... `nip-params migrate --from 0.1 FILE` ...
An unreadable file is reported on stderr with its line and column where known:
  nip-params: error: bad.yaml:3:7: invalid YAML: duplicate key 'seed' (...)

A file without _package_version is checked as the current version; one that states an older
_package_version is checked against that version's schema. --version overrides both.

exit status: 0 all valid, 1 some invalid, 2 bad usage or an unreadable file.
"""


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``validate`` sub-command."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "validate",
        description="Check config files (JSON, YAML or TOML; '-' reads stdin) against the "
        "nip-parameters schema and list every problem.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="config files; '-' is stdin"
    )
    parser.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="text (default): a line per problem; json: one report for all files on stdout; "
        "github: GitHub Actions annotations (::error file=...,line=...,col=...::...)",
    )
    parser.add_argument(
        "--version",
        dest="schema_version",
        metavar="V",
        help="check against this schema version instead of the file's own (or the current)",
    )
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="text format: print nothing for valid files",
    )
    parser.set_defaults(func=run)
    return parser


@dataclass
class FileResult:
    """The outcome for one file."""

    file: str
    format: str | None = None
    problems: list[Problem] = field(default_factory=list)
    positions: list[Position | None] = field(default_factory=list)  # of each problem, in the file
    error: ConfigFileError | None = None
    # Advice about the whole file, e.g. that it looks like an old version.
    note: str | None = None
    wandb_run: bool = False  # a W&B run config.yaml, checked unwrapped

    @property
    def status(self) -> int:
        if self.error is not None:
            return EXIT_USAGE
        return EXIT_INVALID if self.problems else EXIT_OK

    def to_json(self) -> dict[str, Any]:
        error = None
        if self.error is not None:
            error = {
                "message": self.error.reason,
                "line": self.error.line,
                "column": self.error.column,
            }
        return {
            "file": self.file,
            "valid": self.status == EXIT_OK,
            "format": self.format,
            "error": error,
            "problems": [
                {**problem.to_json(), "line": at and at.line, "column": at and at.column}
                for problem, at in zip(self.problems, self._positions(), strict=True)
            ],
            "note": self.note,
            "unwrapped": "wandb-run-config" if self.wandb_run else None,
        }

    def to_text(self, *, quiet: bool) -> tuple[str, str]:
        """``(stdout text, stderr text)`` for this file, each written in one piece."""
        if self.error is not None:
            return "", error_line(_one_line(self.error))
        shown = self.file if self.file == STDIN_NAME else shown_path(self.file)
        if not self.problems:
            unwrapped = " (W&B run config, unwrapped)" if self.wandb_run else ""
            return ("" if quiet else f"{shown}: ok{unwrapped}\n"), ""
        lines = [f"{located(shown, *(at or ()))}: {_one_line(problem)}\n"
                 for problem, at in zip(self.problems, self._positions(), strict=True)]
        if self.note:
            lines.append(f"{shown}: note: {_one_line(self.note)}\n")
        return "".join(lines), ""

    def to_github(self) -> str:
        """GitHub Actions annotations: one ``::error`` per problem, at its line and column."""
        if self.error is not None:
            return annotation("error", self.error.reason, self.file, self.error.line,
                              self.error.column)
        lines = [annotation("error", str(problem), self.file, *(at or ()))
                 for problem, at in zip(self.problems, self._positions(), strict=True)]
        if self.note:
            lines.append(annotation("notice", self.note, self.file))
        return "".join(lines)

    def _positions(self) -> list[Position | None]:
        return self.positions or [None] * len(self.problems)


def _one_line(text: object) -> str:
    # One problem is one line in the text format, whatever its message holds.
    return str(text).replace("\r", " ").replace("\n", " ")


def check_file(source: str, version: str | None) -> FileResult:
    """Read and validate one file; never raises for a bad file."""
    name = STDIN_NAME if source == "-" else source
    try:
        loaded = read_config(source)
    except ConfigFileError as error:
        return FileResult(name, error=error)
    result = FileResult(name, format=loaded.format, wandb_run=loaded.wandb_run)
    try:
        validate_config(loaded.data, version)
    except ParameterValidationError as error:
        result.problems = list(error.problems)
        result.note = getattr(error, "note", None)
    except NipParametersError as error:
        result.problems = [Problem((), str(error))]
    if result.problems:  # positions cost a second walk of the text: only for a file with problems
        where = locator(loaded.text, loaded.format, wrapped=loaded.wandb_run)
        result.positions = [problem_position(where, problem) for problem in result.problems]
    return result


def run(args: argparse.Namespace) -> int:
    """Run ``nip-params validate``; returns the exit status."""
    files: list[str] = list(args.files)
    if files.count("-") > 1:
        return usage_error("validate", "'-' (stdin) can be given only once")
    if args.schema_version is not None and args.schema_version not in schemas.available_versions():
        return usage_error("validate", schemas.unknown_version(args.schema_version))
    progress = Progress(len(files), minimum=PROGRESS_MIN_FILES)
    results: list[FileResult] = []
    for index, source in enumerate(files, 1):
        progress.update(index, source)
        result = check_file(source, args.schema_version)
        results.append(result)
        if args.format == "text":
            out, err = result.to_text(quiet=args.quiet)
            progress.clear()
            emit(out, sys.stdout)
            emit(err, sys.stderr)
        elif args.format == "github":
            progress.clear()
            emit(result.to_github(), sys.stdout)
    progress.clear()
    if args.format == "json":
        report = [result.to_json() for result in results]
        emit(json.dumps(report, indent=2, ensure_ascii=False) + "\n", sys.stdout)
    return max((result.status for result in results), default=EXIT_OK)
