# Generated from schema/1.0/things.json by `make generate`. Do not edit.
"""Parameters of things."""

from dataclasses import dataclass, field
from typing import Any

from ._objects import SubParameters, dump_value, env_default, register_parameter_class
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

    def _fields_to_dict(self) -> dict[str, Any]:
        return {
            "scale": self.scale,
        }


@register_parameter_class
@dataclass
class ThingParameters(SubParameters):
    """A base class, `abstract` in name only.

    Parameters
    ----------
    factor : Factors | dict | None
        Nested, nullable.
    owner : str
        From the environment.
    colour : ColourType
        Which colour.
    """

    factor: Factors | dict | None = field(default=None, metadata={"nip_class": Factors})
    owner: str = field(default_factory=env_default("TINY_OWNER", ""))
    colour: ColourType = "red"

    def _fields_to_dict(self) -> dict[str, Any]:
        return {
            "factor": dump_value(self.factor),
            "owner": self.owner,
            "colour": self.colour,
        }


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
    count: int = 3

    def _fields_to_dict(self) -> dict[str, Any]:
        return {
            "factor": dump_value(self.factor),
            "owner": self.owner,
            "colour": self.colour,
            "size": self.size,
            "count": self.count,
        }
