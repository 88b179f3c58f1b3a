"""Reports of commands that read many files: one record per file, written as it comes, in order.

A command turns each file's outcome into a `Record` (already rendered for the chosen format, so a
worker process can do it); a `Report` writes records and, at the end, the `Tally`. Formats plug in
as `Report` subclasses in `REPORTS`:

- ``text``: each record's lines; the summary on stderr when there was more than one file;
- ``json``: one JSON array of every file's object, written a file at a time (never held whole);
- ``jsonl``: one JSON object a line as each file finishes, then ``{"summary": {...}}``.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass, field
from typing import Any, TextIO

from ._output import EXIT_INVALID, EXIT_OK, EXIT_USAGE, emit

__all__ = ["FORMATS", "REPORTS", "Record", "Report", "Tally", "json_item"]

#: The outcome of one file, as counted in the summary.
OUTCOMES = ("valid", "invalid", "unreadable")
_STATUS = {"valid": EXIT_OK, "invalid": EXIT_INVALID, "unreadable": EXIT_USAGE}


@dataclass(frozen=True)
class Record:
    """One file's outcome (``valid``, ``invalid`` or ``unreadable``) and what to print for it."""

    outcome: str
    label: str = ""  # the file, as the progress line shows it
    out: str = ""  # stdout: text lines, or the file's JSON object for json/jsonl
    err: str = ""  # stderr (text format: an unreadable file's error line)


def json_item(item: dict[str, Any], fmt: str) -> str:
    """A file's JSON object as the ``json`` (indented inside the array) or ``jsonl`` format
    writes it."""
    if fmt == "jsonl":
        return json.dumps(item, ensure_ascii=False, separators=(",", ":")) + "\n"
    # The same text as json.dumps(whole_list, indent=2): each item indented one level.
    text = json.dumps(item, indent=2, ensure_ascii=False)
    return "  " + text.replace("\n", "\n  ")


@dataclass
class Tally:
    """How many files had each outcome, and how long the run took."""

    command: str
    labels: dict[str, str] = field(default_factory=lambda: {o: o for o in OUTCOMES})
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(OUTCOMES, 0))
    started: float = field(default_factory=time.monotonic)

    def add(self, record: Record) -> None:
        self.counts[record.outcome] += 1

    @property
    def files(self) -> int:
        return sum(self.counts.values())

    @property
    def status(self) -> int:
        """2 if any file was unreadable, else 1 if any was invalid, else 0."""
        return max((_STATUS[o] for o, n in self.counts.items() if n), default=EXIT_OK)

    def seconds(self) -> float:
        return time.monotonic() - self.started

    def to_json(self) -> dict[str, Any]:
        seconds = self.seconds()
        return {
            "files": self.files,
            **{self.labels[o]: n for o, n in self.counts.items()},
            "seconds": round(seconds, 3),
        }

    def line(self) -> str:
        seconds = self.seconds()
        rate = f", {self.files / seconds:,.0f} files/s" if seconds > 0 and self.files > 1 else ""
        parts = ", ".join(f"{n:,} {self.labels[o]}" for o, n in self.counts.items())
        noun = "file" if self.files == 1 else "files"
        return (f"nip-params {self.command}: {self.files:,} {noun}: {parts} "
                f"({seconds:.1f} s{rate})\n")


class Report:
    """Writes records in order, then the summary. Subclasses are the formats."""

    def __init__(self, tally: Tally, *, summary: bool, out: TextIO | None = None,
                 err: TextIO | None = None) -> None:
        self.tally = tally
        self.summary = summary
        self.out = out or sys.stdout
        self.err = err or sys.stderr

    def add(self, record: Record) -> None:
        self.tally.add(record)
        emit(record.out, self.out)
        emit(record.err, self.err)

    def finish(self) -> None:
        if self.summary:
            emit(self.tally.line(), self.err)


class TextReport(Report):
    pass


class JsonReport(Report):
    """One JSON array, its items written as they come."""

    def add(self, record: Record) -> None:
        first = self.tally.files == 0
        self.tally.add(record)
        emit(("[\n" if first else ",\n") + record.out, self.out)

    def finish(self) -> None:
        emit("[]\n" if self.tally.files == 0 else "\n]\n", self.out)
        super().finish()


class JsonLinesReport(Report):
    """A line per file, then a line with the summary (on stdout, for the pipeline)."""

    def finish(self) -> None:
        summary = json.dumps({"summary": self.tally.to_json()}, separators=(",", ":"))
        emit(summary + "\n", self.out)


REPORTS: dict[str, type[Report]] = {
    "text": TextReport,
    "json": JsonReport,
    "jsonl": JsonLinesReport,
    "github": TextReport,  # GitHub Actions annotations: lines, as text (validate only)
}
FORMATS = ("text", "json", "jsonl")  # every batch command's; validate adds "github"
