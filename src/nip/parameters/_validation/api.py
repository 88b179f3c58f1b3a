"""Checking configs against the schema of their version (jsonschema, Draft 2020-12).

`validate` and `iter_errors` are the public functions, named as in jsonschema. A dict that states
no `_package_version` is read as the current version (the format `to_dict()` writes).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from typing import Any

try:
    import jsonschema_rs
except ImportError:  # an accelerator, pinned by `make`; without it jsonschema alone gives the verdicts
    jsonschema_rs = None  # type: ignore[assignment]

from . import _plain_data, _registry, schema_store
from ._problems import ProblemMaker, closest
from .errors import NipParametersError, ParameterValidationError, Problem, brief

__all__ = ["closest", "iter_errors", "validate"]


def version_of(instance: Mapping[str, Any], version: str | None = None) -> str:
    """The schema version to check `instance` against: given, stated in it (a release such as
    "1.0.5" is its schema version, "1.0"), or the current one."""
    from ._migration.versions import label, version_key

    stated = version if version is not None else instance.get("_package_version")
    if stated is None:
        return schema_store.CURRENT_VERSION
    try:
        found = label(version_key(stated))
    except NipParametersError:
        found = None
    if found not in schema_store.available_versions():
        known = ", ".join(schema_store.available_versions())
        raise ParameterValidationError.single(
            ("_package_version",), f"unknown schema version {brief(stated)}",
            expected=f"one of {known}", actual=stated,
        )
    return str(found)


def _ref(version: str, class_name: str | None) -> str:
    if class_name is None:
        return schema_store.base_uri(version) + schema_store.ROOT_GROUP
    return schema_store.class_ref(version, class_name)


@cache
def _explaining_validator_class() -> Any:
    """jsonschema's 2020-12 validator, reading tuples as arrays (objects hold tuples, e.g.
    `stackelberg_sequence`). Imported here, not at the top: valid configs never need jsonschema,
    and it costs ~50 ms to import."""
    from jsonschema import Draft202012Validator
    from jsonschema.validators import extend

    types = Draft202012Validator.TYPE_CHECKER.redefine(
        "array", lambda _checker, value: isinstance(value, (list, tuple))
    )
    return extend(Draft202012Validator, type_checker=types)


@cache
def _validator(version: str, class_name: str | None) -> Any:
    """jsonschema's validator: slow, but its errors carry everything a good message needs."""
    validator = _explaining_validator_class()
    return validator({"$ref": _ref(version, class_name)}, registry=schema_store.registry(version))


def _refuse_fetch(uri: str) -> Any:
    raise ValueError(f"refusing to fetch {uri!r}: only the shipped schemas are used")


@cache
def _fast_registry(version: str) -> Any:
    """The shipped files of one version, for jsonschema-rs; it may fetch nothing else."""
    documents = [schema_store.load_group(version, name) for name in schema_store.group_names(version)]
    return jsonschema_rs.Registry([(doc["$id"], doc) for doc in documents], retriever=_refuse_fetch)


@cache
def _fast_validator(version: str, class_name: str | None) -> Any:
    """jsonschema-rs, compiled once: answers "valid?" in microseconds (the common case)."""
    return jsonschema_rs.Draft202012Validator(
        {"$ref": _ref(version, class_name)}, registry=_fast_registry(version)
    )


@cache
def _problem_maker(version: str) -> ProblemMaker:
    """Knows, for the 'did you mean rl.num_epochs?' hint, which groups have which fields."""
    root = schema_store.class_schema(version, "HyperParameters") or {}
    owners: dict[str, list[str]] = {}
    for group, prop in root.get("properties", {}).items():
        for ref in [prop.get("$ref")] + [i.get("$ref") for i in prop.get("anyOf", [])]:
            target = schema_store.class_schema(version, ref.rsplit("/", 1)[-1]) if ref else None
            for key in (target or {}).get("properties", {}):
                if not key.startswith("_"):
                    owners.setdefault(key, []).append(group)
    return ProblemMaker(owners)


def _problems(version: str, class_name: str | None, instance: Any) -> list[Problem]:
    if jsonschema_rs is None:
        return _problems_without_fast_path(version, class_name, instance)
    fast = _fast_validator(version, class_name)
    try:
        valid = fast.is_valid(instance)
    except ValueError:  # a value jsonschema-rs cannot read: bytes, a set, a non-string key
        valid = False
    if valid and _plain_data.looks_plain(instance):
        return []
    not_plain = _plain_data.problems(instance)  # NaN, 10**400, bytes, 10,000 levels, said plainly
    if not_plain or valid:
        return not_plain
    # jsonschema-rs says where; jsonschema explains, on a copy without the faultless parts.
    faults = _Faults(fast.iter_errors(instance), _condition_keys(version))
    errors = _validator(version, class_name).iter_errors(faults.prune(instance, ()))
    return [p for p in _problem_maker(version).convert(errors) if faults.explains(p.path)]


def _problems_without_fast_path(
    version: str, class_name: str | None, instance: Any
) -> list[Problem]:
    """The same problems, from jsonschema alone (slower: every config is checked in Python)."""
    not_plain = _plain_data.problems(instance)
    if not_plain:
        return not_plain
    errors = _validator(version, class_name).iter_errors(instance)
    return _problem_maker(version).convert(errors)


@cache
def _condition_keys(version: str) -> frozenset[str]:
    """Every key an `if` of the schema tests (e.g. `scenario`, `is_random`, `_type`)."""
    found: set[str] = set()

    def walk(node: Any, in_if: bool) -> None:
        if isinstance(node, dict):
            if in_if:
                found.update(node.get("properties", {}))
            for key, value in node.items():
                walk(value, in_if or key == "if")
        elif isinstance(node, list):
            for item in node:
                walk(item, in_if)

    for name in schema_store.group_names(version):
        walk(schema_store.load_group(version, name), False)
    return frozenset(found)


# Faults that concern only which keys an object has: its values need not be explained.
_KEY_FAULTS = frozenset({"AdditionalProperties", "Required"})


class _Faults:
    """Where jsonschema-rs found faults, to cut the config down before jsonschema explains it."""

    def __init__(self, errors: Iterable[Any], conditions: frozenset[str]) -> None:
        self.conditions = conditions  # keys that `if`s test: they decide which rules apply
        kinds: dict[tuple[Any, ...], set[str]] = {}
        self.keys: dict[tuple[Any, ...], set[str]] = {}  # per place: the unknown and missing keys
        for error in errors:
            place, kind = tuple(error.instance_path), error.kind
            kinds.setdefault(place, set()).add(type(kind).__name__)
            named = getattr(kind, "unexpected", None) or [getattr(kind, "property", None)]
            self.keys.setdefault(place, set()).update(k for k in named if isinstance(k, str))
        self.places = set(kinds)
        self.deep = {place for place, found in kinds.items() if found - _KEY_FAULTS}
        self.keys_only = self.places - self.deep

    def explains(self, path: tuple[Any, ...]) -> bool:
        """A problem found in the cut-down config is real: at or below a fault whose explanation
        needed the values, or at a key that a fault about keys names."""
        if any(path[: len(p)] == p for p in self.deep):
            return True
        parent = path[:-1]
        return parent in self.keys_only and bool(path) and path[-1] in self.keys[parent]

    def prune(self, node: Any, path: tuple[Any, ...]) -> Any:
        """`node` without what holds no fault, so explaining is quick.

        Below a fault about values everything is kept. Of an object with a fault about its keys,
        only the unknown keys are kept (the missing ones stay missing). Elsewhere only the values `if`s
        test are kept (the scenario, `is_random`, `_type`). Leaving a value out may break a rule
        (a required key, a schedule's arguments); `explains` drops such problems.
        """
        if not isinstance(node, Mapping):
            return node
        pruned = {}
        named = self.keys.get(path, set()) if path in self.keys_only else set()
        for key, value in node.items():
            here = (*path, key)
            if any(here[: len(p)] == p for p in self.deep):
                pruned[key] = value  # at or below a fault about values
            elif any(p[: len(here)] == here for p in self.places):
                pruned[key] = self.prune(value, here)  # above a fault
            elif key in named:
                pruned[key] = value  # an unknown key: jsonschema does not look inside it
            elif key in self.conditions and not isinstance(value, Mapping):
                pruned[key] = value
        return pruned


def iter_errors(instance: Mapping[str, Any], version: str | None = None) -> Iterator[Problem]:
    """Every problem of a whole config, against `version` (default: its own, else current)."""
    if not isinstance(instance, Mapping):
        yield Problem((), f"expected an object (dict), got {type(instance).__name__}")
        return
    try:
        resolved = version_of(instance, version)
    except ParameterValidationError as error:
        yield from error.problems
        return
    yield from _problems(resolved, None, instance)


def validate(instance: Mapping[str, Any], version: str | None = None) -> None:
    """Raise `ParameterValidationError` listing every problem of `instance`; return None if valid."""
    problems = list(iter_errors(instance, version))
    if problems:
        note = old_version_note(instance, problems) if version is None else None
        raise ParameterValidationError(problems, note=note)


def old_version_note(instance: Any, problems: list[Problem]) -> str | None:
    """For an unmarked config that an older schema explains better: say so, and name the fix."""
    if not isinstance(instance, Mapping) or "_package_version" in instance:
        return None
    current = {p.path for p in problems}
    for older in reversed(schema_store.available_versions()[:-1]):
        under_older = {p.path for p in _problems(older, None, instance)}
        if len(under_older) < len(current) and current - under_older:  # fewer, and explains some
            return (
                f"This config has no _package_version, so it was read as version "
                f"{schema_store.CURRENT_VERSION}, but it looks like a version {older} config. "
                f"Migrate it: `nip-params migrate --from {older} FILE`, or in Python "
                f"`nip.parameters.version.convert_hyper_param_dict(d)`."
            )
    return None


def check_class(cls: type, data: Mapping[str, Any]) -> None:
    """Check the dict form of one parameters class against its published definition."""
    name = cls.__name__
    if not _is_generated(cls):
        _check_unschematised(cls, data)  # a user-defined class (or one that shadows a name)
        return
    problems = _problems(schema_store.CURRENT_VERSION, name, data)
    if problems:
        note = old_version_note(data, problems) if name == "HyperParameters" else None
        raise ParameterValidationError(problems, subject=name, note=note)


def _is_generated(cls: type) -> bool:
    """Is `cls` the class the schema describes under its name (not a user's namesake)?"""
    ref = _registry.CLASS_SCHEMA_REFS.get(cls.__name__)  # e.g. "agents.json#/$defs/LrFactors"
    return ref is not None and cls.__module__ == f"{__package__}.{ref.split('.json', 1)[0]}"


def _check_unschematised(cls: type, data: Mapping[str, Any]) -> None:
    """A user-defined class has no schema: at least reject keys that are not its fields."""
    from ._fields import field_names

    known = field_names(cls) | {"_type"}
    problems = [
        Problem((key,), f"unknown key {brief(key)} for {cls.__name__}",
                hint=(f"did you mean {guess!r}?" if (guess := closest(key, known)) else None))
        for key in data
        if key not in known
    ]
    if data.get("_type", cls.__name__) != cls.__name__:
        problems.append(Problem(("_type",), f"expected {cls.__name__!r}, got {brief(data['_type'])}"))
    if problems:
        raise ParameterValidationError(problems, subject=cls.__name__)


@cache
def meta_keys(cls: type) -> frozenset[str]:
    """Keys allowed in a class's dict that are not fields (`_type`, `is_random`, ...)."""
    from ._fields import field_names

    if not _is_generated(cls):
        return frozenset({"_type"})
    schema = schema_store.class_schema(schema_store.CURRENT_VERSION, cls.__name__) or {}
    return frozenset(schema.get("properties", {})) - field_names(cls) | {"_type"}
