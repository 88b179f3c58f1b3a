"""The one place migration talks to the validator: source checks are diagnostic, target checks strict.

A version without a shipped schema (a custom step's target) is simply not checked.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._validation import iter_errors, validate
from .._validation.plain_data import plain_copy
from .._validation.schemas import available_versions
from ..errors import ParameterValidationError, Problem

__all__ = ["source_problems", "validate_target"]


def source_problems(data: Mapping[str, Any], version: str | None) -> list[Problem] | None:
    """Every problem of ``data`` under the schema of ``version``; None when there is no such schema."""
    if version is None or version not in available_versions():
        return None
    return list(iter_errors(plain_copy(data)[0], version=version))


def validate_target(data: Mapping[str, Any], version: str, *, subject: str,
                    refusals: str = "") -> bool:
    """Raise ParameterValidationError if ``data`` is not valid ``version``; False if not checkable.
    ``refusals`` says why the steps leave a value outside a narrowed range to be refused here
    (``reject_invalid``): the note of an error that holds such a value."""
    if version not in available_versions():
        return False
    try:
        validate(plain_copy(data)[0], version=version)
    except ParameterValidationError as err:
        out_of_range = any(p.schema_path[-1:] and p.schema_path[-1] in _BOUNDS for p in err.problems)
        raise ParameterValidationError(err.problems, subject=subject,
                                       note=(refusals or None) if out_of_range else None) from None
    return True


# The keywords of a narrowed range, the only faults `reject_invalid` leaves to this check.
_BOUNDS = frozenset({"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"})
