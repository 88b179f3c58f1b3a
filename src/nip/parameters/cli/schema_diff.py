"""``nip-params schema diff OLD NEW``: every change between two schema versions, classified.

OLD and NEW are each a schema version shipped in the package (``1.0``) or a directory: a published
one (it holds ``bundle.json``, e.g. from ``nip-params schema --out``) or an authoring one
(``schema/<v>/`` of a checkout, published on the fly by the package's own publisher: nothing of
the directory or the checkout around it is imported or run). Every file is read through the
config reader, with its limits.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from .._files.read import read_config
from .._publishing import Publisher, limits_from, version_source
from .._schema_files import (
    BUNDLE_FILE,
    CATALOG_FILE,
    LIMITS_FILE,
    MIGRATION_FILE,
    MIGRATION_SCHEMA_FILE,
    ROOT_GROUP,
    VOCABULARY_FILE,
)
from .._validation import schemas
from .._validation.file_formats import format_problems
from .._validation.versions import label, version_key
from ..errors import NipParametersError
from ._output import EXIT_OK, emit, usage_error

__all__ = ["MAX_SCHEMA_FILES", "load_schema", "run_diff"]

#: Most ``*.json`` files read from one schema directory (a version has about ten).
MAX_SCHEMA_FILES = 256


def _read_json(path: Path) -> Any:
    """One file through the config reader: its size, depth, count and special-file limits."""
    return read_config(path, format="json").data


def _read_directory(directory: Path, *, shipped: bool = False) -> dict[str, Any]:
    paths = []
    for path in sorted(directory.glob("*.json")):
        paths.append(path)
        if len(paths) > MAX_SCHEMA_FILES:
            raise NipParametersError(f"{directory}: more than {MAX_SCHEMA_FILES} *.json files; a schema "
                                     "version has about ten, so this is not a schema directory")
    files = {path.name: _read_json(path) for path in paths}
    for name, doc in files.items():
        if not shipped and name not in NOT_SCHEMAS:  # a user's directory: each file a schema?
            _check_is_schema(directory / name, doc)
    return files


#: Files of a schema directory that are data, not JSON Schemas.
NOT_SCHEMAS = frozenset({MIGRATION_FILE, CATALOG_FILE, VOCABULARY_FILE})


def _check_is_schema(path: Path, doc: Any) -> None:
    """A group file must be a JSON Schema (draft 2020-12's meta-schema), with its definitions."""
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError

    try:
        Draft202012Validator.check_schema(doc)
    except SchemaError as err:
        where = "/".join(str(p) for p in err.path) or "<root>"
        raise NipParametersError(f"{path}: not a JSON Schema (draft 2020-12): at {where}: "
                                 f"{err.message[:200]}") from None
    if not isinstance(doc, dict) or not all(isinstance(d, dict) for d in (doc.get("$defs") or {}).values()):
        raise NipParametersError(f"{path}: every definition under $defs must be an object schema")


def _published_version(bundle: Any) -> str | None:
    """The version a published bundle names in its ``$id`` (``.../schema/1.0/bundle.json``)."""
    schema_id = bundle.get("$id") if isinstance(bundle, dict) else None
    if not isinstance(schema_id, str) or schema_id.count("/") < 2:
        return None
    try:
        return label(version_key(schema_id.rsplit("/", 2)[-2]))
    except NipParametersError:
        return None


def _publish_authoring(directory: Path, files: dict[str, Any]) -> dict[str, Any]:
    """Publish ``schema/<v>/`` with the package's own publisher (the one `make generate` calls),
    with the limits of ``schema/limits.json`` beside it when there is one."""
    if f"{ROOT_GROUP}.json" not in files:
        raise NipParametersError(
            f"{directory} has neither {BUNDLE_FILE} (a published directory, as `nip-params schema --out "
            f"DIR` writes) nor {ROOT_GROUP}.json (an authoring directory, schema/<v>/ of a checkout)")
    limits_path = directory.parent / LIMITS_FILE
    try:
        limits = limits_from(_read_json(limits_path)) if limits_path.is_file() else None
        source = version_source(directory.resolve().name, files)
        published: dict[str, Any] = Publisher(source, limits).publish()
    except NipParametersError:
        raise
    except RecursionError:
        raise NipParametersError(f"{directory}: cannot publish it: a $ref or allOf loop "
                                 "(a class that is its own base)") from None
    except (ValueError, KeyError, TypeError, AttributeError, IndexError) as err:
        raise NipParametersError(f"{directory}: cannot publish it as an authoring schema directory "
                                 f"({type(err).__name__}: {err}). Give a published directory instead "
                                 "(`nip-params schema --out DIR`) or fix the file it names") from None
    published.update(source.data_files)
    return published


def load_schema(spec: str) -> tuple[str, dict[str, Any]]:
    """(label, published files) for a version shipped in the package or a directory."""
    path = Path(spec)
    if path.is_dir():
        if not any(path.glob("*.json")):
            raise NipParametersError(f"{path}: no schema files (*.json) in this directory")
        files = _read_directory(path)
        if BUNDLE_FILE not in files:
            return path.resolve().name, _publish_authoring(path, files)
        return _published_version(files[BUNDLE_FILE]) or path.resolve().name, files
    if spec in schemas.available_versions():
        return spec, _read_directory(schemas.schema_dir(spec), shipped=True)
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
    except RecursionError:  # a loop the checks above do not know; still the input's fault
        return usage_error("schema", "the schemas nest or refer to each other too deeply to compare")
    except (AttributeError, TypeError, KeyError, IndexError, ValueError) as err:
        if not any(Path(s).is_dir() for s in args.operands):
            raise  # the shipped versions: a bug of ours, reported as one (exit 3)
        return usage_error("schema", f"cannot compare: a file of the directory has a shape no published "
                                     f"schema has ({type(err).__name__}: {err}); check it with "
                                     "`nip-params schema --out DIR` output as a model")
    step = new_files.get(MIGRATION_FILE)
    step_known = isinstance(step, dict) and step.get("from") == old_label
    faults = format_problems(MIGRATION_SCHEMA_FILE, step) if step_known else []
    if faults:
        listed = "; ".join(f"{p.address or '<root>'}: {p.message}" for p in faults[:10])
        return usage_error("schema", f"the migration step of {new_label} does not fit the step format "
                                     f"(migration.schema.json): {listed}")
    coverage = check_coverage(changes, step if step_known else None, hooks=HOOKS,
                              step_name=f"the migration step of {new_label}")
    if args.format == "json":
        emit(json.dumps(coverage_json(coverage, step_known=step_known), indent=2, ensure_ascii=False) + "\n")
    else:
        emit(_text(coverage, step_known))
    return EXIT_OK
