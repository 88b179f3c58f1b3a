"""Versions of the parameters format and converting old hyper-parameter dicts (nip's public module).

``convert_hyper_param_dict`` carries a dict written by an older version to the current one, through
the steps declared in ``schema/<version>/migration.json`` and any registered here with
``register_conversion_function``. Unlike nip's, it returns a new dict and leaves its argument alone.
The engine lives in `_migration/`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ._validation.versions import label, version_key
from .errors import (
    ConversionFunctionAlreadyRegisteredError,
    ConversionFunctionNotFoundError,
)

__all__ = [
    "ConversionFunctionAlreadyRegisteredError",
    "ConversionFunctionNotFoundError",
    "convert_hyper_param_dict",
    "get_package_name",
    "get_version",
    "register_conversion_function",
]

ConversionFunction = Callable[[dict[str, Any]], "dict[str, Any] | None"]


def get_version() -> str:
    """The version this package writes into ``_package_version``, e.g. ``"1.0.0"``."""
    from ._migration import (
        package_meta,  # the migration engine is loaded when it is used
    )

    return package_meta()["_package_version"]


def get_package_name() -> str:
    """The package name written into ``_package_name``: ``"nip"``."""
    from ._migration import package_meta

    return package_meta()["_package_name"]


def register_conversion_function(
    from_version: str | None, to_version: str
) -> Callable[[ConversionFunction], ConversionFunction]:
    """Register a function converting a hyper-parameter dict from one version to the next.

    The function receives a private copy of the dict, edits it and returns it (returning ``None``
    means "I edited it in place"). Each version has one outgoing step, so registering a second step
    from the same version raises ``ConversionFunctionAlreadyRegisteredError``. ``from_version=None``
    is the era before versions were recorded. Every change it makes is listed in the report.
    """
    from_key = version_key(from_version)
    to_key = version_key(to_version)
    if to_key is None or (from_key is not None and from_key >= to_key):
        raise ConversionFunctionNotFoundError(
            f"a conversion function must lead to a newer version: {label(from_key)} -> {label(to_key)}"
        )

    def decorator(func: ConversionFunction) -> ConversionFunction:
        from ._migration.steps import PythonStep, register_step

        origin = f"{getattr(func, '__module__', '?')}.{getattr(func, '__qualname__', func)}"
        register_step(PythonStep(from_key, to_key, func, origin=origin))
        return func

    return decorator


def convert_hyper_param_dict(hyper_param_dict: dict[str, Any]) -> dict[str, Any]:
    """Convert a hyper-parameter dict from the version that wrote it to the current version.

    The version is read from ``_package_version``; a dict without one comes from before versions
    were recorded, and converting it warns. The result is a new dict, stamped with the current
    ``_package_version`` and checked against the current schema (``ParameterValidationError`` if it
    does not match); problems under the old version's schema are reported as warnings. Keys the
    current schema does not know (a W&B run's own keys) are kept, with one warning naming them:
    ``HyperParameters.from_dict`` rejects them, or drops them with ``ignore_extra_keys=True``.
    Versions with no conversion path (unknown, or newer than this package) raise
    ``ConversionFunctionNotFoundError``; a value that has no place in the new version (such as the
    removed protocol ``market_making``) raises ``MigrationError``.
    """
    from ._objects.convert import convert_keeping_unknown_keys

    return convert_keeping_unknown_keys(hyper_param_dict)
