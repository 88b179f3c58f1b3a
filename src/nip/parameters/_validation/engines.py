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
    return ProblemMaker(owners, _agent_fields(version, root))


def _agent_fields(version: str, root: dict[str, Any]) -> dict[str, dict[str, list[str]]]:
    """For each scenario's agent class: the fields it lacks that another scenario's agent has,
    read from the root's `if scenario ... then agents ...` rules."""
    agents: list[tuple[str, str, set[str]]] = []  # (scenario, agent class, its keys)
    random_ref = None
    for rule in root.get("allOf", []):
        scenario = rule.get("if", {}).get("properties", {}).get("scenario", {}).get("const")
        entry = rule.get("then", {}).get("properties", {}).get("agents", {}).get(
            "additionalProperties", {})
        ref = entry.get("else", {}).get("$ref") if isinstance(entry, dict) else None
        target = schemas.class_schema(version, ref.rsplit("/", 1)[-1]) if ref else None
        if isinstance(scenario, str) and target is not None:
            agents.append((scenario, str(target.get("title", "")), set(target.get("properties", {}))))
            random_ref = entry.get("then", {}).get("$ref")  # the other class an entry can have
    owners = [(owner, keys) for _, owner, keys in agents]
    random = schemas.class_schema(version, random_ref.rsplit("/", 1)[-1]) if random_ref else None
    if random is not None:  # a random agent has only the base fields
        owners.append((str(random.get("title", "")), set(random.get("properties", {}))))
    out: dict[str, dict[str, list[str]]] = {}
    for owner, keys in owners:
        for scenario, _, other_keys in agents:
            for key in sorted(other_keys - keys):
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
