"""The two validators, built once per (version, class): jsonschema-rs answers "valid?" and says
where each fault is, in microseconds; the problems are read off its errors (`rs_errors`).
python-jsonschema (milliseconds) explains a fault whose message is its own wording.

jsonschema-rs is an accelerator: without its wheel, python-jsonschema alone gives the same problems.
Neither ever fetches a `$ref`: both resolve only against the shipped files.
"""

from __future__ import annotations

from functools import cache
from typing import Any

try:
    import jsonschema_rs
except ImportError:  # pinned by `make`; another interpreter may lack the wheel
    jsonschema_rs = None  # type: ignore[assignment]

from .. import _registry
from ..errors import Problem
from . import plain_data, schemas
from .ecma_regex import ecma_search
from .faults import Faults
from .messages import ProblemMaker
from .rs_errors import NeedsWording, Schemas
from .rs_errors import problems as rs_problems

__all__ = ["check", "explained", "problem_maker", "problems", "read_off"]


def problems(version: str, class_name: str | None, instance: Any) -> list[Problem]:
    """Every problem of `instance` against the class `class_name` (None: the whole config)."""
    return check(version, class_name, instance)[0]


def check(version: str, class_name: str | None, instance: Any) -> tuple[list[Problem], Any]:
    """The problems of `instance`, and the data that was checked: `instance` itself when it is
    plain data of the exact builtin types, else its plain copy (a `numpy.float64` is checked, and
    is to be stored, as the float it is; another Mapping as a dict)."""
    if jsonschema_rs is None:
        plain, not_plain = plain_data.plain_copy(instance)
        return (not_plain, instance) if not_plain else (
            _without_fast_path(version, class_name, plain), plain)
    fast = _fast_validator(version, class_name)
    try:
        valid = fast.is_valid(instance)
    except ValueError:  # a value jsonschema-rs cannot read: bytes, a set, a non-string key
        valid = False
    if valid and plain_data.is_plain(instance, schema_checked=True):
        return [], instance
    if not valid and plain_data.is_plain(instance):
        plain = instance  # plain data with faults: explained as it is
    else:
        # NaN, 10**400, bytes, 10,000 levels, said plainly; subclasses of JSON types become their base
        plain, not_plain = plain_data.plain_copy(instance)
        if not_plain:
            return not_plain, instance
        if fast.is_valid(plain):
            return [], plain
    errors = list(fast.iter_errors(plain))
    try:
        return read_off(version, plain, errors), plain
    except NeedsWording:
        return explained(version, class_name, plain, errors), plain


def read_off(version: str, plain: Any, errors: list[Any]) -> list[Problem]:
    """The problems, read off jsonschema-rs's `errors` of `plain` (microseconds a fault). Raises
    `NeedsWording` when a problem would quote python-jsonschema's message."""
    return rs_problems(errors, plain, _schemas(version), problem_maker(version))


def explained(version: str, class_name: str | None, plain: Any, errors: list[Any]) -> list[Problem]:
    """The same problems, explained by python-jsonschema (milliseconds), on a copy of `plain`
    without the parts where jsonschema-rs found no fault."""
    faults = Faults(errors, _condition_keys(version))
    found = _validator(version, class_name).iter_errors(faults.prune(plain, ()))
    return [p for p in problem_maker(version).convert(found) if faults.explains(p.path)]


def _without_fast_path(version: str, class_name: str | None, instance: Any) -> list[Problem]:
    """The same problems, from jsonschema alone (slower: every config is checked in Python)."""
    plain, not_plain = plain_data.plain_copy(instance)
    if not_plain:
        return not_plain
    errors = _validator(version, class_name).iter_errors(plain)
    return problem_maker(version).convert(errors)


def _ref(version: str, class_name: str | None) -> str:
    if class_name is None:
        return schemas.base_uri(version) + schemas.ROOT_GROUP
    return schemas.class_ref(version, class_name)


@cache
def _explaining_validator_class() -> Any:
    """jsonschema's 2020-12 validator, reading tuples as arrays (objects hold tuples, e.g.
    `stackelberg_sequence`), and `pattern`s with ECMA-262's meaning (`ecma_regex`). Imported here, not at the top: valid configs never need jsonschema,
    and it costs ~50 ms to import."""
    from jsonschema import Draft202012Validator, ValidationError
    from jsonschema.validators import extend

    types = Draft202012Validator.TYPE_CHECKER.redefine(
        "array", lambda _checker, value: isinstance(value, (list, tuple))
    )

    def ecma_pattern(validator: Any, pattern: str, instance: Any, _schema: Any) -> Any:
        # `pattern` as ECMA-262 reads it, as jsonschema-rs and ajv do (`re` would let "ppo\n"
        # match "^ppo$")
        if validator.is_type(instance, "string") and not ecma_search(pattern, instance):
            yield ValidationError(f"{instance!r} does not match {pattern!r}")

    return extend(Draft202012Validator, validators={"pattern": ecma_pattern}, type_checker=types)


@cache
def _validator(version: str, class_name: str | None) -> Any:
    validator = _explaining_validator_class()
    return validator({"$ref": _ref(version, class_name)}, registry=schemas.registry(version))


def _refuse_fetch(uri: str) -> Any:
    raise ValueError(f"refusing to fetch {uri!r}: only the shipped schemas are used")


@cache
def _fast_registry(version: str) -> Any:
    """The shipped files of one version, for jsonschema-rs; it may fetch nothing else."""
    documents = [schemas.load_group(version, name) for name in schemas.group_names(version)]
    return jsonschema_rs.Registry([(doc["$id"], doc) for doc in documents], retriever=_refuse_fetch)


@cache
def _schemas(version: str) -> Schemas:
    return Schemas(schemas.load_group(version, name) for name in schemas.group_names(version))


@cache
def _fast_validator(version: str, class_name: str | None) -> Any:
    return jsonschema_rs.Draft202012Validator(
        {"$ref": _ref(version, class_name)}, registry=_fast_registry(version)
    )


@cache
def problem_maker(version: str) -> ProblemMaker:
    """Knows, for the 'did you mean rl.num_epochs?' hint, which groups have which fields."""
    root = schemas.class_schema(version, _registry.ROOT_CLASS) or {}
    owners: dict[str, list[str]] = {}
    for group, prop in root.get("properties", {}).items():
        for ref in [prop.get("$ref")] + [i.get("$ref") for i in prop.get("anyOf", [])]:
            target = schemas.class_schema(version, ref.rsplit("/", 1)[-1]) if ref else None
            for key in (target or {}).get("properties", {}):
                if not key.startswith("_"):
                    owners.setdefault(key, []).append(group)
    return ProblemMaker(owners, _agent_fields(version))


def _agent_fields(version: str) -> dict[str, dict[str, list[str]]]:
    """For each scenario's agent class (and the random agent's): the fields it lacks that another
    scenario's agent has. The scenario -> class rule is the registry's (generated from the root
    schema's `if`/`then`); each class's fields are those of `version`'s schema."""
    def keys(name: str | None) -> set[str] | None:
        found = schemas.class_schema(version, name) if name else None  # None: not in this version
        return set(found.get("properties", {})) if found is not None else None

    agents = [(scenario, name, k) for scenario, name in _registry.AGENT_CLASS_BY_SCENARIO.items()
              if (k := keys(name)) is not None]
    owners = [(name, k) for _, name, k in agents]
    random = keys(_registry.RANDOM_AGENT_CLASS)
    if random is not None and _registry.RANDOM_AGENT_CLASS:  # a random agent has only the base fields
        owners.append((_registry.RANDOM_AGENT_CLASS, random))
    out: dict[str, dict[str, list[str]]] = {}
    for owner, owner_keys in owners:
        for scenario, _, other_keys in agents:
            for key in sorted(other_keys - owner_keys):
                out.setdefault(owner, {}).setdefault(key, []).append(scenario)
    return out


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

    for name in schemas.group_names(version):
        walk(schemas.load_group(version, name), False)
    return frozenset(found)
