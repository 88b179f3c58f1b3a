"""Walking the chain of steps from a config's version to the target version."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from .._validation.plain_data import plain_copy as plain_data_copy
from .._validation.plain_data import problems as plain_data_problems
from .._validation.versions import (
    VERSION_KEY,
    VersionKey,
    label,
    stated_version,
    version_key,
)
from .._validation.wandb_dicts import is_run_file, unwrap_run_file
from ..errors import (
    MESSAGE_LIMIT,
    ConversionFunctionNotFoundError,
    MigrationError,
    ParameterValidationError,
    Problem,
    shown,
    warn,
)
from .checks import source_problems, validate_target
from .ops import apply_step, like
from .report import ABSENT, Change, MigrationReport
from .steps import Chain, DataStep, PythonStep, Step, default_chain
from .unshare import unshared_copy

__all__ = [
    "FROM_DATA",
    "MigrationResult",
    "current_version",
    "migrate",
    "migrate_on_load",
    "needs_migration",
    "package_meta",
]

NAME_KEY = "_package_name"
SCHEMA_KEY = "$schema"
_WARNED_PROBLEMS = 10  # a warning names the first few problems; the report lists them all
_SCHEMA_URL_VERSION = re.compile(r"/schema/(\d+\.\d+)/")


class _FromData:
    def __repr__(self) -> str:
        return "<from the dict's _package_version>"


FROM_DATA: Any = _FromData()


class MigrationResult(NamedTuple):
    """The migrated config (a new dict) and the report of what changed."""

    data: dict[str, Any]
    report: MigrationReport


def current_version(chain: Chain | None = None) -> str:
    """The newest schema version the package knows, e.g. ``"1.0"``."""
    newest = (chain or default_chain()).newest
    if newest is None:
        raise MigrationError("no migration steps are installed (nip/parameters/_schemas/*/migration.json)")
    return label(newest)


def _diff(before: Any, after: Any, path: tuple[str, ...], step: str, out: list[Change]) -> None:
    """Changes made by a Python step, found by comparing the dict before and after it."""
    if isinstance(before, Mapping) and isinstance(after, Mapping):
        for key in before:
            if key not in after:
                out.append(Change("custom_step", ".".join((*path, key)), before[key], ABSENT, step))
            else:
                _diff(before[key], after[key], (*path, key), step, out)
        for key in after:
            if key not in before:
                out.append(Change("custom_step", ".".join((*path, key)), ABSENT, after[key], step))
    elif type(before) is not type(after) or before != after:
        out.append(Change("custom_step", ".".join(path) or "<root>", before, after, step))


def _run_python_step(data: dict[str, Any], step: PythonStep) -> tuple[dict[str, Any], list[Change]]:
    before = copy.deepcopy(data)
    result = step.func(data)
    if result is None:
        result = data
    if not isinstance(result, dict):
        raise MigrationError(f"conversion function {step.func.__name__} ({step.name}) returned "
                             f"{type(result).__name__}, expected a dict")
    changes: list[Change] = []
    _diff(before, result, (), step.name, changes)
    return result, changes


def _stamp(data: dict[str, Any], last: Step, report: MigrationReport) -> None:
    """Record the new version in the dict, so that it is never migrated twice."""
    def change(key: str, new: Any) -> None:
        old = data.get(key, ABSENT)
        if old is ABSENT or old != new:
            data[key] = like(old, new)
            report.changes.append(Change("package_meta", key, old, new, last.name))

    change(VERSION_KEY, last.package_version)
    if NAME_KEY in data and isinstance(last, DataStep):
        change(NAME_KEY, last.package_name)
    schema = data.get(SCHEMA_KEY)
    if isinstance(schema, str):
        target = label(last.to_version)

        def newer(match: re.Match[str]) -> str:
            found = version_key(match.group(1))
            return f"/schema/{target}/" if found is not None and found < last.to_version else match.group(0)

        updated = _SCHEMA_URL_VERSION.sub(newer, schema)
        if updated != schema:
            change(SCHEMA_KEY, updated)


def _diagnose(data: dict[str, Any], schema: str | None, step: Step,
              report: MigrationReport) -> list[Problem]:
    """The problems of a step's input under its version's schema (all of them go in the report)."""
    problems = source_problems(data, schema) or []
    report.warnings.extend(f"not valid {schema} (input of {step.name}): {p.address}: "
                           f"{shown(p.message, MESSAGE_LIMIT)}" for p in problems)
    return problems


def _warn_source_problems(found: list[tuple[str, list[Problem]]], named: frozenset[Any]) -> None:
    """One warning per old version whose schema the input did not match, leaving out the keys the
    caller names in a warning of its own (`named`: their paths)."""
    for schema, problems in found:
        lines = [f"{p.address}: {shown(p.message, MESSAGE_LIMIT)}" for p in problems if p.path not in named]
        if not lines:
            continue
        shown_lines = lines[:_WARNED_PROBLEMS] + (
            [f"... and {len(lines) - _WARNED_PROBLEMS} more"] if len(lines) > _WARNED_PROBLEMS else [])
        warn(
            f"the config does not match schema {schema}, the version it is migrated from "
            f"({len(lines)} problem{'s' if len(lines) != 1 else ''}; migrating anyway):\n  "
            + "\n  ".join(shown_lines)
        )


def migrate(
    data: Mapping[str, Any],
    *,
    from_version: Any = FROM_DATA,
    to_version: str | None = None,
    keep_key_order: bool = False,
    validate: bool = True,
    chain: Chain | None = None,
    checked_form: Callable[[dict[str, Any]], tuple[Mapping[str, Any], frozenset[Any]]] | None = None,
) -> MigrationResult:
    """Carry a config dict from its version to ``to_version`` (default: the current one).

    ``from_version`` defaults to the dict's ``_package_version``; a missing key means the dict was
    written before versions were recorded (nip's rule). The input is never modified. Each step's
    input is checked against that version's schema (problems become warnings); the result is checked
    strictly against the target schema (``ParameterValidationError``) unless ``validate=False``.
    A version with no path to the target raises ``ConversionFunctionNotFoundError``; a value a step
    cannot carry over raises ``MigrationError``. ``keep_key_order`` keeps renamed keys in place
    (nip moves them to the end). ``checked_form(result)``, when given, is what the strict check
    sees, with the paths of the keys it names in a warning of its own
    (``convert_hyper_param_dict`` keeps the keys the target does not know, unchecked, and names them
    once: the source-schema warning leaves them out).
    """
    if not isinstance(data, Mapping):
        raise MigrationError(f"expected a dict to migrate, got {type(data).__name__}")
    if is_run_file(data):  # W&B's wrapped form; an API dict's `_wandb` is kept, and never checked
        data = unwrap_run_file(data, "W&B run config")
    not_plain = plain_data_problems(data)  # before copying: 10,000 levels would exhaust the stack
    if not_plain:
        raise ParameterValidationError(not_plain, subject="config to migrate")
    chain = chain or default_chain()
    stated = stated_version(data) if from_version is FROM_DATA else from_version
    start: VersionKey = version_key(stated)
    target = version_key(to_version) if to_version is not None else chain.newest
    if target is None:
        raise MigrationError("cannot migrate to the unversioned era; name a version")
    steps = chain.path(start, target, stated=str(stated) if from_version is FROM_DATA else None)

    # a dict subclass (ruamel.yaml's CommentedMap) keeps its type, and so its comments; an object
    # reachable from two places (a YAML alias) becomes two, so that no step is applied to it twice
    out: dict[str, Any] = (unshared_copy(data) if isinstance(data, dict)
                           else plain_data_copy(data)[0])
    report = MigrationReport(from_version=None if start is None else label(start), to_version=label(target))
    checked: str | None = None
    diagnosed: list[tuple[str, list[Problem]]] = []
    for step in steps:
        schema = step.source_schema
        if schema is not None and (schema != checked):
            diagnosed.append((schema, _diagnose(out, schema, step, report)))
            checked = schema
        if isinstance(step, DataStep):
            changes, notes = apply_step(out, step, keep_key_order=keep_key_order)
            report.warnings.extend(notes)
        else:
            out, changes = _run_python_step(out, step)
        if changes:
            checked = None
        report.changes.extend(changes)
        report.steps.append(step.name)
    if steps:
        _stamp(out, steps[-1], report)
    target_form, named = checked_form(out) if checked_form is not None else (out, frozenset())
    _warn_source_problems(diagnosed, named)
    if validate:
        subject = (f"config after migrating {report.from_version or 'unversioned'} -> {label(target)}"
                   if steps else f"config (version {label(target)})")
        refusals = [op.why for step in steps if isinstance(step, DataStep)
                    for op in step.operations if op.op == "reject_invalid" and op.why]
        validate_target(target_form, label(target), subject=subject, refusals=" ".join(refusals))
    return MigrationResult(out, report)


def needs_migration(data: Mapping[str, Any], chain: Chain | None = None) -> bool:
    """True when ``data`` states a ``_package_version`` that is not the current version.

    A dict without one is read as current (docs/architecture.md, "Versions"). An unreadable version string raises
    ``ConversionFunctionNotFoundError``.
    """
    if VERSION_KEY not in data:
        return False
    return version_key(stated_version(data)) != (chain or default_chain()).newest


def migrate_on_load(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """What ``from_dict`` calls first: ``data`` itself if it is current, else a migrated copy.

    Migrating warns, naming both versions. The target check is left to the caller, which validates
    anyway (and knows about ``ignore_extra_keys``).
    """
    if not needs_migration(data):
        return data
    stated = data[VERSION_KEY]
    result = migrate(data, validate=False)
    count = len(result.report.changes)
    warn(
        f"this config was written by version {stated} and was migrated to "
        f"{result.report.to_version} ({count} change{'s' if count != 1 else ''}; "
        f"`nip-params migrate --dry-run FILE` lists them, `--in-place` updates the file)"
    )
    return result.data


def package_meta(chain: Chain | None = None) -> dict[str, str]:
    """What `to_dict(include_package_meta=True)` adds: the version and name of the package that
    writes the current schema version (from the newest step file, e.g. ``1.0.0`` and ``nip``)."""
    step = (chain or default_chain()).step_into((chain or default_chain()).newest)
    if step is None:
        raise ConversionFunctionNotFoundError("no migration steps are installed")
    return {VERSION_KEY: str(step.package_version), NAME_KEY: str(getattr(step, "package_name", "nip"))}
