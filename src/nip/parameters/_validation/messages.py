"""Turn jsonschema's errors into `Problem`s: one per fault, at its exact address, with a hint.

jsonschema reports a failed `anyOf` (a nullable group, an enum with a deprecated alias) as one error
at the parent, with the branch errors in `context`; we descend into the branch that fits the value so
the address names the field at fault. Unknown and missing keys get the key's own address.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..errors import Problem, brief, shown
from .spelling import close_match

if TYPE_CHECKING:  # jsonschema is imported only when a config is invalid
    from jsonschema.exceptions import ValidationError

_JSON_TYPE = {bool: "boolean", int: "integer", float: "number", str: "string", type(None): "null",
              dict: "object", list: "array", tuple: "array"}


def json_type(value: Any) -> str:
    return _JSON_TYPE.get(type(value), type(value).__name__)


def closest(word: str, options: Iterable[str]) -> str | None:
    """The option the user most likely meant: a near spelling, else the one sharing a word."""
    options = list(options)
    match = close_match(str(word), options)
    if match is not None:
        return match
    stem = str(word).rstrip("0123456789_-. ").lower()
    sharing = [o for o in options if stem and stem in o.lower().split("_")]
    return sharing[0] if len(sharing) == 1 else None


def _shortened(message: str, limit: int = 300) -> str:
    """jsonschema's own message (it quotes the whole value), cut to a readable length."""
    return shown(message, limit)


def _path(error: ValidationError) -> tuple[str | int, ...]:
    return tuple(error.absolute_path)


def _schema(error: ValidationError) -> dict[str, Any]:
    return error.schema if isinstance(error.schema, dict) else {}


def _expected(error: ValidationError) -> Any:
    """The keyword's value in the schema (e.g. the list of an `enum`)."""
    return error.validator_value


def _branches(error: ValidationError) -> dict[int, list[ValidationError]]:
    grouped: dict[int, list[ValidationError]] = {}
    for sub in error.context or ():
        grouped.setdefault(int(sub.relative_schema_path[0]), []).append(sub)
    return grouped


def _wrong_type_only(errors: Sequence[ValidationError]) -> bool:
    return all(e.validator == "type" and not e.relative_path for e in errors)


def _is_choice(error: ValidationError) -> bool:
    """An enum or const miss, or a miss of a deprecated alias (a one-value pattern)."""
    return error.validator in ("enum", "const") or "x-alias-of" in _schema(error)


def _choices(schema: dict[str, Any]) -> list[Any]:
    """The values to offer: deprecated aliases are accepted but never suggested."""
    if "enum" in schema:
        return list(schema["enum"])
    if "const" in schema and not schema.get("deprecated"):
        return [schema["const"]]
    return []


class ProblemMaker:
    def __init__(self, key_owners: dict[str, list[str]],
                 agent_fields: dict[str, dict[str, list[str]]] | None = None) -> None:
        self.key_owners = key_owners  # field name -> group addresses that have it
        # agent class -> {field name -> scenarios whose agent class has it and this one lacks}
        self.agent_fields = agent_fields or {}

    def unknown_key(self, path: tuple[str | int, ...], key: str, known: Iterable[str], owner: str,
                    actual: Any = None, word: str = "key") -> Problem:
        """`unknown key 'sede' for HyperParameters`, with the hint a user needs: a near spelling,
        the scenario whose agent has this field, or the group that has it."""
        hint = None
        scenarios = self.agent_fields.get(owner, {}).get(key)
        guess = closest(key, [k for k in known if not k.startswith(("_", "$"))])
        if scenarios:
            hint = (f"{key!r} is a field of the agents of scenario {' and '.join(scenarios)}, "
                    f"not of {owner}")
        elif guess:
            hint = f"did you mean {guess!r}?"
        elif key in self.key_owners:
            places = " or ".join(f"{g}.{key}" for g in self.key_owners[key])
            hint = f"{key!r} is a field of another group: did you mean {places}?"
        return Problem((*path, key), f"unknown {word} {brief(key)} for {owner}", actual=actual,
                       hint=hint, schema_path=("additionalProperties",))

    def convert(self, errors: Iterable[ValidationError]) -> list[Problem]:
        found: dict[tuple[Any, ...], Problem] = {}
        for error in errors:
            for problem in self._one(error):
                found.setdefault((problem.path, problem.message), problem)
        return sorted(found.values(), key=lambda p: ([str(x) for x in p.path], p.message))

    def _one(self, error: ValidationError) -> list[Problem]:
        kind = error.validator
        if kind in ("anyOf", "oneOf") and error.context:
            return self._alternatives(error)
        handler = getattr(self, f"_{kind}", None)
        if handler is not None:
            return handler(error)
        return [Problem(_path(error), _shortened(error.message), actual=error.instance)]

    def _alternatives(self, error: ValidationError) -> list[Problem]:
        branches = _branches(error)
        fitting = [errs for errs in branches.values() if not _wrong_type_only(errs)]
        flat = [e for errs in fitting for e in errs]
        if flat and all(_is_choice(e) and not e.relative_path for e in flat):
            values = [v for e in flat for v in _choices(_schema(e))]
            return [self._enum_problem(error, values)]
        if fitting:
            return [p for e in flat for p in self._one(e)]
        wanted: list[str] = []
        for sub in (e for errs in branches.values() for e in errs):
            value = _expected(sub)
            for name in [value] if isinstance(value, str) else list(value):
                if name not in wanted:
                    wanted.append(name)
        return [self._type_problem(error, " or ".join(wanted) or "another value")]

    def _enum_problem(self, error: ValidationError, values: list[Any]) -> Problem:
        listed = ", ".join(repr(v) for v in values)
        guess = closest(error.instance, [str(v) for v in values]) if isinstance(
            error.instance, str
        ) else None
        return Problem(
            _path(error),
            f"expected one of {listed}, got {brief(error.instance)}",
            expected=f"one of {listed}",
            actual=error.instance,
            hint=f"did you mean {guess!r}?" if guess else None,
            schema_path=("enum",),
        )

    def _enum(self, error: ValidationError) -> list[Problem]:
        return [self._enum_problem(error, list(_expected(error)))]

    def _const(self, error: ValidationError) -> list[Problem]:
        path = _path(error)
        expected = _expected(error)
        if path and path[-1] == "_type":
            # no place named in the text: a group checked on its own is reported from the root later
            message = f"_type {brief(error.instance)} does not fit here: the class here is {expected!r}"
            return [Problem(path, message, expected=repr(expected), actual=error.instance,
                            hint="`_type` may be left out: the position decides the class "
                                 "(for agents, the scenario and `is_random`)", schema_path=("const",))]
        return [Problem(path, f"expected {brief(expected)}, got {brief(error.instance)}",
                        expected=repr(expected), actual=error.instance, schema_path=("const",))]

    def _count_problem(self, error: ValidationError, limit: str) -> list[Problem]:
        count = len(error.instance) if isinstance(error.instance, (list, tuple)) else 0
        items = "item" if limit.endswith(" 1") else "items"  # "at most 1 item", "at least 2 items"
        return [Problem(_path(error), f"expected {limit} {items}, got {count}",
                        expected=f"{limit} {items}", actual=error.instance)]

    def _items(self, error: ValidationError) -> list[Problem]:
        if _expected(error) is False:  # after `prefixItems`: a fixed-length array
            return self._count_problem(error, f"at most {len(_schema(error).get('prefixItems', []))}")
        return [Problem(_path(error), _shortened(error.message), actual=error.instance)]

    def _minItems(self, error: ValidationError) -> list[Problem]:  # noqa: N802
        return self._count_problem(error, f"at least {_expected(error)}")

    def _maxItems(self, error: ValidationError) -> list[Problem]:  # noqa: N802
        return self._count_problem(error, f"at most {_expected(error)}")

    def _type_problem(self, error: ValidationError, wanted: str) -> Problem:
        actual = error.instance
        return Problem(
            _path(error),
            f"expected {wanted}, got "
            + (brief(actual) if actual is None or isinstance(actual, bool)
               else f"{json_type(actual)} {brief(actual)}"),
            expected=wanted,
            actual=actual,
        )

    def _type(self, error: ValidationError) -> list[Problem]:
        wanted = _expected(error)
        text = wanted if isinstance(wanted, str) else " or ".join(wanted)
        return [self._type_problem(error, text)]

    def _bound(self, error: ValidationError, sign: str) -> list[Problem]:
        """A value outside the field's range: "expected a number > 0, got 0"."""
        types = _schema(error).get("type", "number")
        kind = "an integer" if "integer" in types and "number" not in types else "a number"
        wanted = f"{kind} {sign} {_expected(error)}"
        return [Problem(_path(error), f"expected {wanted}, got {brief(error.instance)}",
                        expected=wanted, actual=error.instance, schema_path=(str(error.validator),))]

    def _minimum(self, error: ValidationError) -> list[Problem]:
        return self._bound(error, "≥")

    def _maximum(self, error: ValidationError) -> list[Problem]:
        return self._bound(error, "≤")

    def _exclusiveMinimum(self, error: ValidationError) -> list[Problem]:  # noqa: N802
        return self._bound(error, ">")

    def _exclusiveMaximum(self, error: ValidationError) -> list[Problem]:  # noqa: N802
        return self._bound(error, "<")

    def _required(self, error: ValidationError) -> list[Problem]:
        path = _path(error)
        return [
            Problem((*path, key), f"missing required key {key!r}", expected=f"a value for {key!r}")
            for key in _expected(error)
            if isinstance(error.instance, dict) and key not in error.instance
        ]

    def _additionalProperties(self, error: ValidationError) -> list[Problem]:  # noqa: N802
        path = _path(error)
        known = list(_schema(error).get("properties", {}))
        owner = _schema(error).get("title", "this object")
        instance: dict[str, Any] = error.instance if isinstance(error.instance, dict) else {}
        return [self.unknown_key(path, key, known, owner, actual=instance[key])
                for key in instance if key not in known]
