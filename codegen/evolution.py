"""Schema evolution across the versions under schema/: the diff of each version from the one
before, whether its migration step covers every breaking change, and the changelog.

`make check` fails on an uncovered breaking change (`problems`); `make generate` writes
docs/changes.md (`changelog`); `python -m codegen.new_version --scaffold` appends the ops it can
infer (`scaffold`). The differ itself is `nip.parameters._schema_diff`, shared with
`nip-params schema diff`.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nip.parameters._migration.hooks import HOOKS
from nip.parameters._migration.steps import load_step
from nip.parameters._publishing import Limits, Publisher, VersionSource
from nip.parameters._schema_diff import check_coverage, diff, suggest_operations, todos
from nip.parameters._schema_files import MIGRATION_FILE, MIGRATION_SCHEMA_FILE
from nip.parameters._validation.file_formats import format_problems
from nip.parameters.errors import MigrationError

from .render import _environment, header
from .sources import load_all, load_limits

__all__ = ["CHANGELOG", "Step", "changelog", "evolution", "problems", "scaffold"]

CHANGELOG = "docs/changes.md"


@dataclass(frozen=True)
class Step:
    """One version and the step into it: its diff and coverage (None for the first version)."""

    version: str
    description: str
    coverage: Any  # nip.parameters._schema_diff.Coverage | None

    @property
    def step_file(self) -> str:
        return f"schema/{self.version}/{MIGRATION_FILE}"


def evolution(versions: list[VersionSource], published: Mapping[str, Mapping[str, Any]]) -> list[Step]:
    """One `Step` per version, oldest first. ``published`` holds each version's published files."""
    steps: list[Step] = []
    previous: VersionSource | None = None
    for source in versions:
        step = source.data_files.get(MIGRATION_FILE) or {}
        description = str(step.get("description", ""))
        coverage = None
        if previous is not None:
            changes = diff(published[previous.version], published[source.version],
                           old_label=previous.version, new_label=source.version)
            step_name = f"schema/{source.version}/{MIGRATION_FILE}"
            fits = not format_problems(MIGRATION_SCHEMA_FILE, step)  # else `problems` names the faults
            declared = step if fits and step.get("from") == previous.version else None
            coverage = check_coverage(changes, declared, step_name=step_name, hooks=HOOKS)
        steps.append(Step(source.version, description, coverage))
        previous = source
    return steps


def _publish_all(repo: Path) -> tuple[list[VersionSource], dict[str, dict[str, Any]]]:
    schema_root = repo / "schema"
    versions = load_all(schema_root)
    limits: Limits | None = load_limits(schema_root)
    return versions, {v.version: Publisher(v, limits).publish() for v in versions}


def problems(repo: Path) -> list[str]:
    """Every breaking change that the newer version's migration step does not cover."""
    versions, published = _publish_all(repo)
    found = []
    for previous, source in itertools.pairwise(versions):
        start = (source.data_files.get(MIGRATION_FILE) or {}).get("from")
        if start != previous.version:
            found.append(f"schema/{source.version}/{MIGRATION_FILE} must start from the previous version "
                         f"(\"from\": \"{previous.version}\"), not from {json.dumps(start)}")
    for source in versions:
        if MIGRATION_FILE in source.data_files:
            try:
                load_step(source.data_files[MIGRATION_FILE], f"schema/{source.version}/{MIGRATION_FILE}",
                          source.version)
            except MigrationError as err:
                found.append(str(err))
        found += [f"schema/{source.version}/{MIGRATION_FILE} is not finished: {todo.rstrip('.')}. Decide what the TODO "
                  "asks (the op may be wrong: a removed field that lives on is a rename_key), write the "
                  "reason in its place and delete the TODO"
                  for todo in todos(source.data_files.get(MIGRATION_FILE))]
    return found + [problem for step in evolution(versions, published) if step.coverage is not None
                    for problem in step.coverage.problems()]


def scaffold(repo: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """Append to the newest version's migration step the ops that can be inferred for its uncovered
    breaking changes. Returns the ops added and what is still uncovered (write those by hand)."""
    versions, published = _publish_all(repo)
    if len(versions) < 2:
        raise SystemExit("there is no previous version to migrate from")
    newest = evolution(versions, published)[-1]
    path = repo / newest.step_file
    step = json.loads(path.read_text(encoding="utf-8"))
    if step.get("from") != versions[-2].version:
        raise SystemExit(f"{newest.step_file} does not start from {versions[-2].version}; fix its \"from\" first")
    ops = suggest_operations(newest.coverage)
    if ops:
        step["operations"] = [*step.get("operations", []), *ops]
        path.write_text(json.dumps(step, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    versions[-1].data_files[MIGRATION_FILE] = step
    left = evolution(versions, published)[-1].coverage.problems()
    return ops, left


def _rows(coverage: Any) -> dict[str, list[dict[str, str]]]:
    """The changes of one step, as table rows by classification (breaking rows say what covers them)."""
    covered = {id(item.change): item for item in coverage.items}
    rows: dict[str, list[dict[str, str]]] = {"breaking": [], "compatible": [], "annotation": []}
    for change in coverage.diff.changes:
        item = covered.get(id(change))
        if item is not None:
            by = ", ".join(f"`{op.op}` at `{op.at}` (op {op.number})" for op in item.by)
            cover = by or f"**not covered**: needs {item.needs}"
        else:
            cover = "nothing to migrate: no config holds it" if change.classification == "breaking" else ""
        rows[change.classification].append({
            "address": change.where if change.placed else f"({change.where})",
            "change": change.title,
            "detail": change.detail,
            "cover": cover,
        })
    return rows


def changelog(versions: list[VersionSource], published: Mapping[str, Mapping[str, Any]]) -> str:
    steps = evolution(versions, published)
    entries = []
    for step in reversed(steps):
        entry: dict[str, Any] = {"version": step.version, "description": step.description,
                                 "previous": None, "rows": None, "counts": None, "step_file": step.step_file}
        if step.coverage is not None:
            entry.update(previous=step.coverage.diff.old, rows=_rows(step.coverage),
                         counts=step.coverage.diff.counts())
        entries.append(entry)
    return _environment().get_template("changes.md.jinja2").render(
        header_text=header("schema/", comment="").strip(), entries=entries)
