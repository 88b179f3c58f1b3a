"""``nip-params schema diff OLD NEW``: every change between two schema versions, classified.

OLD and NEW are each a schema version shipped in the package (``1.0``) or a directory: a published
one (it holds ``bundle.json``, e.g. from ``nip-params schema --out``) or an authoring one
(``schema/<v>/`` of a checkout, published on the fly by the checkout's ``codegen/``).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path
from typing import Any

from .._validation import schemas
from ..errors import NipParametersError
from ._output import EXIT_OK, emit, usage_error

__all__ = ["load_schema", "run_diff"]

STEP_FILE = "migration.json"


def _read_published(directory: Path) -> dict[str, Any]:
    files = {}
    for path in sorted(directory.glob("*.json")):
        try:
            files[path.name] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
            raise NipParametersError(f"{path}: cannot read it as JSON ({err})") from None
    return files


def _published_version(bundle: Any) -> str | None:
    """The version a published bundle names in its ``$id`` (``.../schema/1.0/bundle.json``)."""
    schema_id = bundle.get("$id") if isinstance(bundle, dict) else None
    if not isinstance(schema_id, str) or schema_id.count("/") < 2:
        return None
    version = schema_id.rsplit("/", 2)[-2]
    return version if version[:1].isdigit() else None


def _publish_authoring(directory: Path) -> dict[str, Any]:
    """Publish ``schema/<v>/`` with the ``codegen/`` of the checkout it belongs to."""
    repo = directory.resolve().parent.parent
    if not (repo / "codegen" / "publish.py").is_file():
        raise NipParametersError(
            f"{directory} has no bundle.json, so it is an authoring directory; publishing it needs "
            f"the codegen/ of its checkout ({repo}/codegen not found). Give a published directory "
            "instead (`nip-params schema --out DIR`, or src/nip/parameters/_schemas/<v>/ of a checkout)")
    if str(repo) not in sys.path:
        sys.path.insert(0, str(repo))
    publish = importlib.import_module("codegen.publish")
    sources = importlib.import_module("codegen.sources")
    try:
        source = sources.load_version(directory)
        files: dict[str, Any] = publish.Publisher(source, sources.load_limits(directory.parent)).publish()
    except (OSError, ValueError, KeyError) as err:
        raise NipParametersError(f"{directory}: cannot publish it: {err}") from None
    files.update(source.data_files)
    return files


def load_schema(spec: str) -> tuple[str, dict[str, Any]]:
    """(label, published files) for a version shipped in the package or a directory."""
    path = Path(spec)
    if path.is_dir():
        if not any(path.glob("*.json")):
            raise NipParametersError(f"{path}: no schema files (*.json) in this directory")
        if not (path / "bundle.json").is_file():
            return path.resolve().name, _publish_authoring(path)
        files = _read_published(path)
        return _published_version(files["bundle.json"]) or path.resolve().name, files
    if spec in schemas.available_versions():
        return spec, _read_published(schemas.schema_dir(spec))
    raise NipParametersError(f"{spec!r} is neither a schema version of this package "
                             f"({', '.join(schemas.available_versions())}) nor a directory")


def _text(coverage: Any, step_known: bool) -> str:
    diff = coverage.diff
    items = {id(item.change): item for item in coverage.items}
    lines = [diff.summary()]
    if diff.changes and not step_known:
        lines.append(f"(no migration step from {diff.old} in {diff.new}: each breaking change "
                     "shows the op it needs)")
    for classification in ("breaking", "compatible", "annotation"):
        changes = diff.of(classification)
        if not changes:
            continue
        lines += ["", f"{classification}:"]
        for change in changes:
            lines.append(f"  {change}" + ("" if change.placed else "  (no config holds it)"))
            item = items.get(id(change))
            if item is None:
                continue
            if item.by and step_known:
                lines.append(f"      covered by {'; '.join(str(op) for op in item.by)}")
            else:
                lines.append(f"      {'NOT COVERED: ' if step_known else ''}needs {item.needs}")
    return "\n".join(lines) + "\n"


def run_diff(args: argparse.Namespace) -> int:
    from .._migration.hooks import HOOKS
    from .._schema_diff import check_coverage, coverage_json, diff

    if len(args.operands) != 2:
        return usage_error("schema", "'schema diff' takes two schemas: OLD NEW (versions or directories)")
    try:
        (old_label, old_files), (new_label, new_files) = (load_schema(s) for s in args.operands)
        changes = diff(old_files, new_files, old_label=old_label, new_label=new_label)
    except NipParametersError as err:
        return usage_error("schema", str(err))
    step = new_files.get(STEP_FILE)
    step_known = isinstance(step, dict) and step.get("from") == old_label
    coverage = check_coverage(changes, step if step_known else None, hooks=HOOKS,
                              step_name=f"the migration step of {new_label}")
    if args.format == "json":
        emit(json.dumps(coverage_json(coverage, step_known=step_known), indent=2, ensure_ascii=False) + "\n")
    else:
        emit(_text(coverage, step_known))
    return EXIT_OK
