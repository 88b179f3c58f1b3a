"""Running a command over many files: sources in, records out in order, a report and a summary.

A command gives a picklable ``task`` (a chunk of `Source`s to a list of `Record`s, run in worker
processes with ``--jobs``) and ``lost`` (the record of a file whose worker died); this module
does the rest the same way for every command.
"""

from __future__ import annotations

import argparse
import os
import stat
from collections.abc import Callable
from functools import partial

from .._files import shown_path
from ._output import EXIT_USAGE, emit, error_line, usage_error
from ._parallel import ordered_map
from ._progress import RateProgress
from ._reports import REPORTS, Record, Tally
from ._sources import (
    DEFAULT_INCLUDE,
    Source,
    SourceUsageError,
    default_jobs,
    iter_sources,
    needs_many,
)

__all__ = ["run_batch"]


def run_batch(
    command: str,
    args: argparse.Namespace,
    *,
    task: Callable[[list[Source]], list[Record]],
    lost: Callable[[Source, str], Record],
    allow_stdin: bool,
    labels: dict[str, str] | None = None,
    default_include: tuple[str, ...] = DEFAULT_INCLUDE,
) -> int:
    """Check every selected file and report; returns the exit status (see `Tally.status`)."""
    problem = _check_files_from(args.files_from)
    if problem:
        return usage_error(command, problem)
    select = partial(iter_sources, args, allow_stdin=allow_stdin, default_include=default_include)
    sources = select()
    tally = Tally(command) if labels is None else Tally(command, labels=labels)
    many = needs_many(args)
    # The summary closes a run over directories or a list; files named one by one keep their
    # plain report (scripts read its stderr as errors only).
    report = REPORTS[args.format](tally, summary=many)
    progress = RateProgress(total=None if many else len(args.files))
    if many and _can_read_twice(args.files_from):
        progress.count_in_background(select)
    jobs = args.jobs or default_jobs()
    if "-" in args.files:  # workers start with stdin closed: whoever reads it must be this process
        jobs = 1
    status = 0
    try:
        for record in ordered_map(task, sources, jobs=jobs, lost=lost):
            progress.clear()
            report.add(record)
            progress.step(record.label)
    except SourceUsageError as error:
        progress.clear()
        emit(error_line(str(error), command), report.err)
        status = EXIT_USAGE
    progress.clear()
    if tally.files == 0 and status == 0:
        emit(error_line(_nothing_found(args, default_include), command), report.err)
        status = EXIT_USAGE
    report.finish()
    return max(status, tally.status)


def _can_read_twice(files_from: str | None) -> bool:
    """The count for the ETA reads the list a second time: only a regular file allows that (a
    pipe, `--files-from <(find ...)` or stdin, would be drained by the count)."""
    if files_from is None:
        return True
    try:
        return files_from != "-" and stat.S_ISREG(os.stat(files_from).st_mode)
    except OSError:
        return False


def _check_files_from(files_from: str | None) -> str | None:
    """Say at once when --files-from is missing or unreadable (before anything is printed). It
    is not opened here: a FIFO (``--files-from <(find ...)``) is read once, as the list."""
    if files_from is None or files_from == "-":
        return None
    shown = shown_path(files_from)
    if os.path.isdir(files_from):
        return f"--files-from {shown}: is a directory, not a list of files"
    if not os.path.exists(files_from):
        return f"--files-from {shown}: no such file"
    if not os.access(files_from, os.R_OK):
        return f"--files-from {shown}: permission denied"
    return None


def _nothing_found(args: argparse.Namespace, default_include: tuple[str, ...]) -> str:
    where = ", ".join(shown_path(f) for f in args.files) or "the list"
    selection = " ".join(args.include or default_include)
    return (f"no config files found in {where} (selected by {selection}); name other files "
            "with --include GLOB (e.g. --include '**/*.yaml')")
