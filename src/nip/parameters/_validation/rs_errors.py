"""jsonschema-rs's errors, read as the python-jsonschema errors `ProblemMaker` turns into problems.

jsonschema-rs finds every fault of a config in microseconds; python-jsonschema takes milliseconds for
the same. `ProblemMaker` reads only a few things of an error: the keyword that failed and its value,
the schema object that holds it, the value at fault and its path, and the branches of a failed
`anyOf`. All of these can be read off a jsonschema-rs error (its keyword location names the schema
object, in the shipped files), so the same messages and hints come out of one code path.

What jsonschema-rs's error cannot give is python-jsonschema's own wording, which `ProblemMaker`
quotes for the keywords it has no message of its own for (`pattern`, `maxLength`, ...). Such an error
raises `NeedsWording` when its message is asked for, and the caller explains the config with
python-jsonschema instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..errors import Problem
from .messages import ProblemMaker

__all__ = ["NeedsWording", "Schemas", "problems"]


class NeedsWording(Exception):
    """An error whose problem would quote python-jsonschema's message."""


_ALTERNATIVES = frozenset({"AnyOf", "OneOfNotValid"})
_MISSING: Any = object()


class Schemas:
    """The schema object and keyword at a jsonschema-rs keyword location (`$id#/pointer`), looked up
    in the shipped documents of one version and remembered."""

    def __init__(self, documents: Iterable[dict[str, Any]]) -> None:
        self._documents = {str(doc["$id"]): doc for doc in documents}
        self._found: dict[str, tuple[dict[str, Any], str]] = {}

    def at(self, location: str) -> tuple[dict[str, Any], str]:
        found = self._found.get(location)
        if found is None:
            found = self._found[location] = self._look_up(location)
        return found

    def _look_up(self, location: str) -> tuple[dict[str, Any], str]:
        uri, _, pointer = location.partition("#")
        node: Any = self._documents[uri]
        parts = [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")[1:]]
        for part in parts[:-1]:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if not isinstance(node, dict):
            raise NeedsWording(location)  # a keyword inside a list: not one ProblemMaker reads
        return node, parts[-1]


class RsError:
    """One jsonschema-rs error, with the attributes of `jsonschema.ValidationError` that
    `ProblemMaker` reads (paths as tuples; `relative_*` are seen from the enclosing `anyOf`)."""

    __slots__ = ("absolute_path", "context", "instance", "relative_path", "relative_schema_path",
                 "schema", "validator", "validator_value")

    def __init__(self, error: Any, data: Any, schemas: Schemas, parent: tuple[Any, ...] | None,
                 branch: int | None) -> None:
        found = error.kind  # (a new object at each access: read once)
        kind = type(found).__name__
        schema, keyword = schemas.at(error.absolute_keyword_location)
        path = tuple(error.instance_path)
        if kind == "FalseSchema":
            if keyword != "items" or not path:
                raise NeedsWording(kind)  # python-jsonschema words a false schema itself
            # `items: false` after `prefixItems`: python-jsonschema reports the array, not the item
            path = path[:-1]
        self.schema = schema
        self.validator = keyword
        self.validator_value = schema.get(keyword)
        self.absolute_path = path
        self.instance = _value_at(data, path)
        self.relative_path = path if parent is None else path[len(parent):]
        self.relative_schema_path = (keyword,) if branch is None else (branch, keyword)
        self.context: list[RsError] = []
        if kind in _ALTERNATIVES:
            self.context = [RsError(sub, data, schemas, path, index)
                            for index, subs in enumerate(found.context) for sub in subs]

    @property
    def message(self) -> str:
        raise NeedsWording(self.validator)


def problems(errors: Sequence[Any], data: Any, schemas: Schemas, maker: ProblemMaker) -> list[Problem]:
    """The problems of `data` from jsonschema-rs's `errors` of it, exactly as `maker` words
    python-jsonschema's errors of it. Raises `NeedsWording` when an error needs python-jsonschema."""
    read: Iterable[Any] = (RsError(error, data, schemas, None, None) for error in errors)
    return maker.convert(read)  # RsError has what ProblemMaker reads of a ValidationError


def _value_at(data: Any, path: tuple[Any, ...]) -> Any:
    """The value at `path` in `data` (the very object python-jsonschema would report)."""
    node = data
    for part in path:
        node = node[part]
    return node
