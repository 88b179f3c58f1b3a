"""The bases of every generated parameters dataclass, and the hooks the generated classes rely on.

Everything here is generic: no field name or default appears in this file; they come from the schema
through the generated classes. A hook is overridden by a behaviour mixin that the schema names with
`x-python-mixin` (see behaviour/); each has a default here, so a class without a mixin works as is.
"""

from __future__ import annotations

from abc import ABC
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from . import assign, build, dump, lookup
from .arguments import ParameterClassMeta
from .values import ParameterValue, get_parameter_class

__all__ = ["BaseHyperParameters", "BaseRunPreserve", "SubParameters"]

# `type[_P] -> _P` rather than `Self`: the same for mypy and pyright, and jedi follows only this.
_P = TypeVar("_P", bound="BaseHyperParameters")
_BUILDING = build.CHECKED  # set while objects are built (their normalising sets fields again)


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


@dataclass
class BaseHyperParameters(ParameterValue, ABC, metaclass=ParameterClassMeta):
    """Base of every parameters dataclass: dict conversion, checking against the schema, `get`."""

    # The starting values of a generated `_from_checked_dict` (checked.field_defaults).
    _FIELD_DEFAULTS: ClassVar[dict[str, Any]]

    def __post_init__(self) -> None:
        build.construct(self)

    # Hidden from type checkers: with it, they would accept any attribute name being set.
    if not TYPE_CHECKING:

        def __setattr__(self, name: str, value: Any) -> None:
            """Setting a field of a built object converts and checks the value as the constructor
            would (`assign`); the first setting of each field, while the object is built, is not."""
            if name in self.__dict__ and not _BUILDING.get():
                value = assign.checked_value(self, name, value)
            object.__setattr__(self, name, value)

        def __delattr__(self, name: str) -> None:
            assign.checked_deletion(self, name)
            object.__delattr__(self, name)

    def to_dict(self) -> dict[str, Any]:
        """The parameters as a nested dict in nip's format (fields in order, then `_type`)."""
        return dump.to_dict(self)

    @classmethod
    def from_dict(cls: type[_P], params_dict: Mapping[str, Any], ignore_extra_keys: bool = False) -> _P:
        """Build the parameters from a dict, checking it against the schema first.

        The dict is never modified. With `ignore_extra_keys`, keys that are not fields are
        dropped (at every level) instead of being reported.
        """
        return build.from_dict(cls, params_dict, ignore_extra_keys=ignore_extra_keys)

    def get(self, address: str) -> Any:
        """The value at a dot-separated address, e.g. ``"rl.lr"`` or ``"agents.prover.d_gnn"``."""
        return lookup.get(self, address)

    @classmethod
    def construct_test_params(cls: type[_P]) -> _P:
        """Small parameters for fast tests (defined for the agent classes, as in nip)."""
        values = getattr(cls, "TEST_PARAMETERS", None)
        if values is None:
            raise NotImplementedError(f"{cls.__name__} has no test parameters.")
        return cls(**values)

    # ---- hooks: what a behaviour mixin may change -------------------------------------------
    def _normalise(self) -> None:
        """Run by `__post_init__` (and for objects built inside a bigger one): nip's rules that
        turn `None` and dict groups into objects, and deprecated values into their replacements."""
        build.normalise(self)

    @classmethod
    def _prepare_dict(cls, params_dict: Mapping[str, Any]) -> Mapping[str, Any]:
        """Run by `from_dict` before checking (the root class migrates old versions here)."""
        return params_dict

    @classmethod
    def _collection_entry_class(cls, data: Mapping[str, Any], entry: Mapping[str, Any]) -> type:
        """The class of one entry of a keyed collection field (the agents) in the dict `data`:
        by default the class its `_type` names (the root class decides by the scenario)."""
        return get_parameter_class(str(entry.get("_type")))

    @classmethod
    def _collection_from_checked(cls, data: Mapping[str, Any], value: Any, collection_class: type) -> Any:
        """The keyed collection field (the agents) of a checked dict `data`, built (by the
        generated `_from_checked_dict`): each entry of the class `_collection_entry_class` names."""
        return build.collection_from_checked(cls, data, value, collection_class)

    @classmethod
    def _collection_entry_classes(cls) -> tuple[type, ...]:
        """Every class an entry of a keyed collection field can have, whatever the dict holds
        (the root class: the agent class of each scenario, and the random agent)."""
        return ()


dump.PLAIN_TO_DICT.add(BaseHyperParameters.to_dict)  # `dump_value` calls `dump.to_dict` for it


@dataclass
class SubParameters(BaseHyperParameters, ABC):
    """Base of a group of parameters nested in `HyperParameters` (and of agents, `LrFactors`)."""
