"""Anything that can stand as a value in the parameters tree, and the two class registries
through which a `_type` is read back (nip's `parameters_base` API)."""

from __future__ import annotations

import importlib
import sys
from abc import ABC, abstractmethod
from typing import Any, TypeVar

from .. import _registry
from ..errors import NipParametersError

__all__ = [
    "PARAMETER_CLASSES",
    "PARAMETER_VALUE_CLASSES",
    "ParameterValue",
    "get_parameter_class",
    "get_parameter_or_parameter_value_class",
    "load_all_classes",
    "register_parameter_class",
    "register_parameter_value_class",
]


class ParameterValue(ABC):
    """Anything that can stand as a value in the parameters tree and round-trip through a dict."""

    @abstractmethod
    def to_dict(self) -> Any:
        """The JSON-ready form of this value."""

    @classmethod
    @abstractmethod
    def from_dict(cls, params_dict: Any, ignore_extra_keys: bool = False) -> ParameterValue:
        """Rebuild the value from its `to_dict()` form."""


PARAMETER_CLASSES: dict[str, type[Any]] = {}
PARAMETER_VALUE_CLASSES: dict[str, type[ParameterValue]] = {}

_C = TypeVar("_C", bound=type)


def register_parameter_class(cls: _C) -> _C:
    """Register a parameters dataclass so that a `_type` naming it can be read back."""
    PARAMETER_CLASSES[cls.__name__] = cls
    return cls


def register_parameter_value_class(cls: _C) -> _C:
    """Register a non-dataclass parameter value (update schedules, the agents collection)."""
    PARAMETER_VALUE_CLASSES[cls.__name__] = cls
    return cls


def load_all_classes() -> None:
    """Import every generated module (named in `_registry.MODULE_ORDER`), in nip's order.

    The package root loads them on first use only (``nip-params validate`` needs none), so a
    lookup that misses fills the registries before it answers. Fixed names from the generated
    registry only: never a name taken from a config.
    """
    package = __name__.rsplit(".", 2)[0]
    for module in _registry.MODULE_ORDER:
        if f"{package}.{module}" not in sys.modules:  # once loaded, a miss imports nothing
            importlib.import_module(f"..{module}", __package__)  # nip.parameters.<module>


def get_parameter_or_parameter_value_class(name: str) -> type[ParameterValue]:
    """The registered class called `name`: value classes first, then parameter classes.

    Only registered classes can be returned: a `_type` is never imported or evaluated.
    """
    found = PARAMETER_VALUE_CLASSES.get(name) or PARAMETER_CLASSES.get(name)
    if found is None:
        load_all_classes()
        found = PARAMETER_VALUE_CLASSES.get(name) or PARAMETER_CLASSES.get(name)
    if found is None:
        raise NipParametersError(f"Parameter class {name!r} not found.")
    return found


def get_parameter_class(name: str) -> type[Any]:
    """The registered parameters dataclass called `name`."""
    found = PARAMETER_CLASSES.get(name)
    if found is None:
        load_all_classes()
        found = PARAMETER_CLASSES.get(name)
    if found is None:
        raise NipParametersError(f"Parameter class {name!r} not found.")
    return found


_VALUE_TYPES: dict[type, bool] = {}  # type -> is it a ParameterValue (isinstance on an ABC is slow)


def is_value_type(kind: type) -> bool:
    """Is `kind` a ParameterValue class? Cached: this is asked for every field of every dump."""
    found = _VALUE_TYPES.get(kind)
    if found is None:
        found = _VALUE_TYPES[kind] = issubclass(kind, ParameterValue)
    return found
