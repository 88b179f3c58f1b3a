"""Checking configs against the schema of their version: the functions the rest of the package uses.

`validate` and `iter_errors` are public (named as in jsonschema). A dict that states no
`_package_version` is read as the current version, the format `to_dict()` writes. A W&B run dict
is checked as the config it logged (`wandb_dicts.py`), as `from_dict` reads it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from typing import Any

from ..errors import NipParametersError, ParameterValidationError, Problem
from . import engines, schemas
from .versions import label, version_key
from .wandb_dicts import is_run_file, is_wandb_dict, plain_run_config, wrapping_fault

__all__ = ["class_check", "class_keys", "class_problems", "iter_errors", "old_version_note",
           "unknown_key_problem", "validate"]


def version_of(instance: Mapping[str, Any], version: str | None = None) -> str:
    """The schema version to check `instance` against: given, stated in it (a release such as
    "1.0.5" is its schema version, "1.0"), or the current one."""
    stated = version if version is not None else instance.get("_package_version")
    if stated is None:
        return schemas.CURRENT_VERSION
    try:
        found = label(version_key(stated))
    except NipParametersError:
        found = None
    if found not in schemas.available_versions():
        known = ", ".join(schemas.available_versions())
        raise ParameterValidationError.single(
            ("_package_version",), schemas.unknown_version(stated),
            expected=f"one of {known}", actual=stated,
        )
    return str(found)


def iter_errors(instance: Mapping[str, Any], version: str | None = None) -> Iterator[Problem]:
    """Every problem of a whole config, against `version` (default: its own, else current)."""
    if not isinstance(instance, Mapping):
        yield Problem((), f"expected an object (dict), got {type(instance).__name__}")
        return
    if is_wandb_dict(instance):
        fault = wrapping_fault(instance) if is_run_file(instance) else None
        if fault is not None:
            yield Problem((fault[0],), fault[1])
            return
        instance = plain_run_config(instance)
    try:
        resolved = version_of(instance, version)
    except ParameterValidationError as error:
        yield from error.problems
        return
    yield from engines.problems(resolved, None, instance)


def validate(instance: Mapping[str, Any], version: str | None = None) -> None:
    """Raise `ParameterValidationError` listing every problem of `instance`; return None if valid."""
    problems = list(iter_errors(instance, version))
    if problems:
        note = old_version_note(instance, problems) if version is None else None
        raise ParameterValidationError(problems, note=note)


def class_problems(class_name: str, data: Any) -> list[Problem]:
    """Every problem of the dict form of one class, against its definition in the current schema."""
    return engines.problems(schemas.CURRENT_VERSION, class_name, data)


def unknown_key_problem(owner: str, key: str, known: Iterable[str], *, word: str = "key") -> Problem:
    """The problem of a key (or constructor keyword) that the class `owner` does not have, with the
    same hint a dict key gets: a near spelling, the scenario or the group that has it."""
    return engines.problem_maker(schemas.CURRENT_VERSION).unknown_key((), key, known, owner, word=word)


def class_check(class_name: str, data: Any) -> tuple[list[Problem], Any]:
    """`class_problems`, and the data that was checked: `data` itself, or its plain copy when it
    holds subclasses of the JSON types or other mappings (what an object should then store)."""
    return engines.check(schemas.CURRENT_VERSION, class_name, data)


@cache
def class_keys(class_name: str) -> frozenset[str]:
    """Every key the current schema allows in the dict form of a class (fields, `_type`, ...)."""
    schema = schemas.class_schema(schemas.CURRENT_VERSION, class_name) or {}
    return frozenset(schema.get("properties", {}))


# What a config of an older version shows under the current schema: keys (`pvg_protocol`) and
# values (`interaction_protocol: pvg`, an old `_type`) that only the older version has.
_OLD_SIGNS = frozenset({"additionalProperties", "enum", "const"})


def old_version_note(instance: Any, problems: list[Problem]) -> str | None:
    """For an unmarked config that an older schema explains better: say so, and name the fix."""
    if not isinstance(instance, Mapping) or (is_run_file(instance) and wrapping_fault(instance)):
        return None
    instance = plain_run_config(instance)
    if "_package_version" in instance:
        return None
    current = {p.path for p in problems}
    for older in reversed(schemas.available_versions()[:-1]):
        under_older = {p.path for p in engines.problems(older, None, instance)}
        explained = [p for p in problems if p.path not in under_older]
        # fewer problems, and among those it explains a key or a value that only it has: a looser
        # range in an older version (a negative `rl.lr`) says nothing about a config's age
        if len(under_older) < len(current) and any(p.schema_path[-1:] and p.schema_path[-1] in _OLD_SIGNS
                                                   for p in explained):
            return (
                f"This config has no _package_version, so it was read as version "
                f"{schemas.CURRENT_VERSION}, but it looks like a version {older} config. "
                f"Migrate it: `nip-params migrate --from {older} FILE`, or in Python "
                f"`nip.parameters.version.convert_hyper_param_dict(d)`."
            )
    return None
