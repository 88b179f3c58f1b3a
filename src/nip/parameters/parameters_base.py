"""Base classes and class registries of the parameters objects (nip's public API).

The generated classes derive from these. Everything here is generic: no field name or default
appears in this file; they come from the schema through the generated classes.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from . import _convert
from .errors import NipParametersError

__all__ = [
    "PARAMETER_CLASSES",
    "PARAMETER_VALUE_CLASSES",
    "BaseHyperParameters",
    "BaseRunPreserve",
    "ParameterValue",
    "SubParameters",
    "get_parameter_class",
    "get_parameter_or_parameter_value_class",
    "register_parameter_class",
    "register_parameter_value_class",
]

PARAMETER_CLASSES: dict[str, type[BaseHyperParameters]] = {}
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


def get_parameter_or_parameter_value_class(name: str) -> type[ParameterValue]:
    """The registered class called `name`: value classes first, then parameter classes.

    Only registered classes can be returned: a `_type` is never imported or evaluated.
    """
    found = PARAMETER_VALUE_CLASSES.get(name) or PARAMETER_CLASSES.get(name)
    if found is None:
        raise NipParametersError(f"Parameter class {name!r} not found.")
    return found


def get_parameter_class(name: str) -> type[BaseHyperParameters]:
    """The registered parameters dataclass called `name`."""
    found = PARAMETER_CLASSES.get(name)
    if found is None:
        raise NipParametersError(f"Parameter class {name!r} not found.")
    return found


class BaseRunPreserve:
    """Marks a field (in `Annotated`) whose current value is kept when a base run is re-used.

    nip's run loader keeps the current run's value of such a field when `base_run_type` is one
    of `base_run_types`; it has no effect inside the parameters package.
    """

    def __init__(self, *base_run_types: str) -> None:
        self.base_run_types = base_run_types

    def __repr__(self) -> str:
        return f"BaseRunPreserve({', '.join(map(repr, self.base_run_types))})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, BaseRunPreserve) and other.base_run_types == self.base_run_types

    def __hash__(self) -> int:
        return hash(self.base_run_types)


class ParameterValue(ABC):
    """Anything that can stand as a value in the parameters tree and round-trip through a dict."""

    @abstractmethod
    def to_dict(self) -> Any:
        """The JSON-ready form of this value."""

    @classmethod
    @abstractmethod
    def from_dict(cls, params_dict: Any, ignore_extra_keys: bool = False) -> ParameterValue:
        """Rebuild the value from its `to_dict()` form."""


_P = TypeVar("_P", bound="BaseHyperParameters")


@dataclass
class BaseHyperParameters(ParameterValue, ABC):
    """Base of every parameters dataclass: dict conversion, checking against the schema, `get`."""

    def __post_init__(self) -> None:
        if _convert.CHECKED.get():  # built inside a bigger object, which checks the whole tree
            self._normalise()
            return
        token = _convert.CHECKED.set(True)  # the outermost object: one check of the finished tree
        try:
            self._normalise()
        finally:
            _convert.CHECKED.reset(token)
        _convert.check_constructed(self)

    def _normalise(self) -> None:
        """Hook: nip's __post_init__ rules (`None` and dict groups become objects)."""
        _convert.normalise(self)

    def to_dict(self) -> dict[str, Any]:
        """The parameters as a nested dict in nip's format (fields in order, then `_type`)."""
        return _convert.to_dict(self)

    @classmethod
    def from_dict(
        cls: type[_P], params_dict: Mapping[str, Any], ignore_extra_keys: bool = False
    ) -> _P:
        """Build the parameters from a dict, checking it against the schema first.

        The dict is never modified. With `ignore_extra_keys`, keys that are not fields are
        dropped (at every level) instead of being reported.
        """
        return _convert.from_dict(cls, params_dict, ignore_extra_keys=ignore_extra_keys)

    @classmethod
    def _prepare_dict(cls, params_dict: Mapping[str, Any]) -> Mapping[str, Any]:
        """Hook run by `from_dict` before checking: the root class migrates old versions."""
        return params_dict

    def get(self, address: str) -> Any:
        """The value at a dot-separated address, e.g. ``"rl.lr"`` or ``"agents.prover.d_gnn"``."""
        return _convert.get(self, address)

    @classmethod
    def construct_test_params(cls: type[_P]) -> _P:
        """Small parameters for fast tests (defined for the agent classes, as in nip)."""
        values = getattr(cls, "TEST_PARAMETERS", None)
        if values is None:
            raise NotImplementedError(f"{cls.__name__} has no test parameters.")
        return cls(**values)


@dataclass
class SubParameters(BaseHyperParameters, ABC):
    """Base of a group of parameters nested in `HyperParameters` (and of agents, `LrFactors`)."""
