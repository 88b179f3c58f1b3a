"""This project's own file formats (a migration step, a sweep spec), checked against their shipped
schemas (`_schemas/*.schema.json`) as configs are: jsonschema-rs says "valid?", python-jsonschema
explains, and the same `ProblemMaker` words each problem with its address.
"""

from __future__ import annotations

import json
from dataclasses import replace
from functools import cache
from typing import Any

import jsonschema_rs

from .._schema_files import FORMAT_SCHEMA_FILES
from ..errors import Problem
from .messages import ProblemMaker
from .schemas import shipped_root
from .validators import _explaining_validator_class, _refuse_fetch

__all__ = ["format_problems", "format_schema"]


@cache
def format_schema(name: str) -> dict[str, Any]:
    """The shipped schema of a file format, by file name (`_schema_files.FORMAT_SCHEMA_FILES`)."""
    if name not in FORMAT_SCHEMA_FILES:
        raise ValueError(f"{name!r} is not one of the format schemas {FORMAT_SCHEMA_FILES}")
    loaded: dict[str, Any] = json.loads((shipped_root() / name).read_text(encoding="utf-8"))
    return loaded


@cache
def _fast(name: str) -> Any:
    return jsonschema_rs.Draft202012Validator(format_schema(name), retriever=_refuse_fetch)


@cache
def _explaining(name: str) -> Any:
    return _explaining_validator_class()(format_schema(name))


#: Keywords whose generic message ("does not match '^[^.]+$'") says less than the schema's own
#: description of the value, which then becomes the hint.
_DESCRIBED = frozenset({"pattern", "not", "minLength", "minItems", "type", "anyOf"})


def format_problems(name: str, instance: Any) -> list[Problem]:
    """Every problem of ``instance`` as a file of the format ``name``; ``[]`` when it fits."""
    if _fast(name).is_valid(instance):
        return []
    maker = ProblemMaker({})
    found: list[Problem] = []
    for error in _explaining(name).iter_errors(instance):
        description = error.schema.get("description") if isinstance(error.schema, dict) else None
        for problem in maker.convert([error]):
            if error.validator == "not":  # jsonschema's text prints the schema, which says nothing here
                problem = replace(problem, message="not allowed here")
            if problem.hint is None and error.validator in _DESCRIBED and isinstance(description, str):
                problem = replace(problem, hint=description)
            if problem not in found:
                found.append(problem)
    return sorted(found, key=lambda p: [str(x) for x in p.path])
