"""``nip-params validate FILE...``: check config files against the schema of their version."""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from .._files import STDIN_NAME, read_config, shown_path
from .._files.locate import Position, locator, problem_position
from .._validation import schemas, version_of
from .._validation import validate as validate_config
from .._validation.agent_names import warn_unrun_agents
from ..errors import (
    ConfigFileError,
    NipParametersError,
    ParameterValidationError,
    Problem,
)
from ._batch import run_batch
from ._output import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    annotation,
    error_line,
    located,
    usage_error,
)
from ._reports import FORMATS, Record, json_item
from ._sources import Source, add_source_arguments

__all__ = ["register", "run"]

EXAMPLES = """\
examples:
  nip-params validate run.yaml                      one file
  nip-params validate configs/*.json configs/*.yaml many files (progress shown on a terminal)
  nip-params validate wandb/ sweeps/                every config found in these directories
  nip-params validate --include '**/*.json' runs/   choose the files a directory search selects
  find runs -name '*.yaml' -print0 | nip-params validate --files-from -   a list of files
  nip-params validate --format jsonl runs/ | jq -c 'select(.valid|not)'   a JSON line per file
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

A directory is searched recursively for *.nip.json, *.nip.yaml, *.nip.yml, *.nip.toml and W&B
run configs (files/config.yaml); --include replaces that selection, --exclude removes from it.
Links inside a directory are not followed. Results come in the order of the arguments (a
directory in sorted order) whatever --jobs is. When a directory or --files-from is given, a
summary line (files, valid, invalid, unreadable, time) ends the report on stderr; the jsonl
format always ends with a {"summary": ...} line on stdout.

exit status: 0 all valid, 1 some invalid, 2 bad usage or an unreadable file (2 wins over 1).
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
    add_source_arguments(parser, verb="check")
    parser.add_argument(
        "--format",
        choices=(*FORMATS, "github"),
        default="text",
        help="text (default): a line per problem; json: one report for all files on stdout; "
        "jsonl: a JSON object a line per file as it is checked, then the summary; "
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
        if version_of(loaded.data, version) == schemas.CURRENT_VERSION:
            warn_unrun_agents(loaded.data, where=f"{name}: ")
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
    if args.schema_version is not None and args.schema_version not in schemas.available_versions():
        return usage_error("validate", schemas.unknown_version(args.schema_version))
    return run_batch(
        "validate",
        args,
        task=partial(check_chunk, args.schema_version, args.format, args.quiet),
        lost=partial(_lost, args.format),
        allow_stdin=True,
    )


def check_chunk(version: str | None, fmt: str, quiet: bool, sources: list[Source]) -> list[Record]:
    """Check and render a chunk of files (in a worker process with --jobs)."""
    return [_record(_result(source, version), fmt, quiet) for source in sources]


def _result(source: Source, version: str | None) -> FileResult:
    if source.problem is None:
        return check_file(source.path, version)
    return FileResult(source.path, error=ConfigFileError(shown_path(source.path), source.problem))


def _lost(fmt: str, source: Source, reason: str) -> Record:
    return _record(FileResult(source.path, error=ConfigFileError(shown_path(source.path), reason)),
                   fmt, quiet=False)


def _record(result: FileResult, fmt: str, quiet: bool) -> Record:
    outcome = {EXIT_OK: "valid", EXIT_INVALID: "invalid"}.get(result.status, "unreadable")
    label = result.file if result.file == STDIN_NAME else shown_path(result.file)
    if fmt == "text":
        out, err = result.to_text(quiet=quiet)
        return Record(outcome, label, out, err)
    if fmt == "github":
        return Record(outcome, label, result.to_github())
    return Record(outcome, label, json_item(result.to_json(), fmt))
