"""The one place migration talks to the validator: source checks are diagnostic, target checks strict.

The validator is looked up lazily (``nip.parameters.iter_errors`` / ``validate`` and ``schema_store``)
so that importing the migration engine never imports the runtime, and a version without a shipped
schema (a custom step's target) is simply not checked.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import ParameterValidationError, Problem

__all__ = ["plain", "source_problems", "validate_target"]


def plain(value: Any) -> Any:
    """A plain-JSON copy (ruamel.yaml's commented maps and scalar subclasses become builtins)."""
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return value


def _runtime() -> Any:
    try:
        import nip.parameters as runtime
    except ImportError:
        return None
    needed = ("iter_errors", "validate", "schema_store")
    return runtime if all(hasattr(runtime, name) for name in needed) else None


def _has_schema(runtime: Any, version: str) -> bool:
    try:
        return version in set(runtime.schema_store.available_versions())
    except Exception:
        return False


def source_problems(data: Mapping[str, Any], version: str | None) -> list[Problem] | None:
    """Every problem of ``data`` under the schema of ``version``; None when there is no such schema."""
    runtime = _runtime()
    if version is None or runtime is None or not _has_schema(runtime, version):
        return None
    return list(runtime.iter_errors(plain(data), version=version))


def validate_target(data: Mapping[str, Any], version: str, *, subject: str) -> bool:
    """Raise ParameterValidationError if ``data`` is not valid ``version``; False if not checkable."""
    runtime = _runtime()
    if runtime is None or not _has_schema(runtime, version):
        return False
    try:
        runtime.validate(plain(data), version=version)
    except ParameterValidationError as err:
        raise ParameterValidationError(err.problems, subject=subject) from None
    return True
