# Generated from schema/1.0/things.json by `make generate`. Do not edit.
"""Parameters of things."""

from dataclasses import dataclass, field
from typing import Any

from ._objects import (
    BUILT_FROM_NONE,
    FIELD_DEFAULT,
    SubParameters,
    drop_extra_keys,
    dump_value,
    env_default,
    env_value,
    field_defaults,
    fixed_container,
    integral,
    register_parameter_class,
)
from .types import ColourType

__all__ = ["BigThingParameters", "Factors", "ThingParameters"]


@register_parameter_class
@dataclass
class Factors(SubParameters):
    """A nested group.

    Parameters
    ----------
    scale : float
        How much.
    """

    scale: float = 1.0
    """How much.

    Default: `1.0`.
    """

    def __init__(
        self,
        scale: float = 1.0,
    ) -> None:
        # The dataclass `__init__`, written out: the fields stored at once (not one checked
        # assignment each), then `__post_init__` normalises and checks the object.
        object.__setattr__(
            self,
            "__dict__",
            {
                "scale": scale,
            },
        )
        self.__post_init__()

    @classmethod
    def _from_checked_dict(cls, data: dict[str, Any]) -> Any:
        """Build from a dict the schema has accepted: the fields filled directly."""
        values = {**cls._FIELD_DEFAULTS, **data}
        if data:
            values.pop("_type", None)
            if len(values) > 1:
                drop_extra_keys(cls, values)
        obj = object.__new__(cls)
        object.__setattr__(obj, "__dict__", values)
        return obj

    def _fields_to_dict(self) -> dict[str, Any]:
        return {
            "scale": self.scale,
        }


Factors._FIELD_DEFAULTS = field_defaults(Factors)


@register_parameter_class
@dataclass
class ThingParameters(SubParameters):
    """A base class, `abstract` in name only.

    Parameters
    ----------
    factor : Factors
        Nested, nullable.
    owner : str
        From the environment.
    colour : ColourType
        Which colour.
    """

    factor: Factors = field(default=BUILT_FROM_NONE, metadata={"nip_class": Factors})
    """Nested, nullable.

    Default: the group's defaults (`None` builds them).
    Accepts: `Factors | dict[str, Any] | None`.
    """
    owner: str = field(default_factory=env_default("TINY_OWNER", ""))
    """From the environment.

    Default: env `TINY_OWNER`, else `''`.
    """
    colour: ColourType = "red"
    """Which colour.

    Default: `'red'`.
    """

    def __init__(
        self,
        factor: Factors | dict[str, Any] | None = None,
        owner: str = FIELD_DEFAULT,
        colour: ColourType = "red",
    ) -> None:
        # The dataclass `__init__`, written out: the fields stored at once (not one checked
        # assignment each), then `__post_init__` normalises and checks the object.
        object.__setattr__(
            self,
            "__dict__",
            {
                "factor": factor,
                "owner": env_value("TINY_OWNER", "")
                if owner is FIELD_DEFAULT
                else owner,
                "colour": colour,
            },
        )
        self.__post_init__()

    @classmethod
    def _from_checked_dict(cls, data: dict[str, Any]) -> Any:
        """Build from a dict the schema has accepted: the fields filled directly."""
        values = {**cls._FIELD_DEFAULTS, **data}
        if data:
            values.pop("_type", None)
            if len(values) > 3:
                drop_extra_keys(cls, values)
        values["factor"] = Factors._from_checked_dict(values["factor"] or {})
        if "owner" not in data:
            values["owner"] = env_value("TINY_OWNER", "")
        obj = object.__new__(cls)
        object.__setattr__(obj, "__dict__", values)
        return obj

    def _fields_to_dict(self) -> dict[str, Any]:
        return {
            "factor": dump_value(self.factor),
            "owner": self.owner,
            "colour": self.colour,
        }


ThingParameters._FIELD_DEFAULTS = field_defaults(ThingParameters)


@register_parameter_class
@dataclass
class BigThingParameters(ThingParameters):
    """A subclass with a tuple field.

    Parameters
    ----------
    size : tuple[int, int] | None
        Two sides.
    count : int
        How many.
    """

    size: tuple[int, int] | None = None
    """Two sides.

    Default: `None`.
    """
    count: int = 3
    """How many.

    Default: `3`.
    """

    def __init__(
        self,
        factor: Factors | dict[str, Any] | None = None,
        owner: str = FIELD_DEFAULT,
        colour: ColourType = "red",
        size: tuple[int, int] | None = None,
        count: int = 3,
    ) -> None:
        # The dataclass `__init__`, written out: the fields stored at once (not one checked
        # assignment each), then `__post_init__` normalises and checks the object.
        object.__setattr__(
            self,
            "__dict__",
            {
                "factor": factor,
                "owner": env_value("TINY_OWNER", "")
                if owner is FIELD_DEFAULT
                else owner,
                "colour": colour,
                "size": size,
                "count": count,
            },
        )
        self.__post_init__()

    @classmethod
    def _from_checked_dict(cls, data: dict[str, Any]) -> Any:
        """Build from a dict the schema has accepted: the fields filled directly."""
        values = {**cls._FIELD_DEFAULTS, **data}
        if data:
            values.pop("_type", None)
            if len(values) > 5:
                drop_extra_keys(cls, values)
            if type(values["size"]) is list or type(values["size"]) is dict:
                values["size"] = fixed_container(cls, "size", values["size"])
            if type(values["count"]) is float:
                values["count"] = integral(values["count"])
        values["factor"] = Factors._from_checked_dict(values["factor"] or {})
        if "owner" not in data:
            values["owner"] = env_value("TINY_OWNER", "")
        obj = object.__new__(cls)
        object.__setattr__(obj, "__dict__", values)
        return obj

    def _fields_to_dict(self) -> dict[str, Any]:
        return {
            "factor": dump_value(self.factor),
            "owner": self.owner,
            "colour": self.colour,
            "size": self.size,
            "count": self.count,
        }


BigThingParameters._FIELD_DEFAULTS = field_defaults(BigThingParameters)
