# Generated from schema/1.0/things.json by `make generate`. Do not edit.
"""Parameters of things."""

from dataclasses import dataclass, field

from ._fields import env_default
from .parameters_base import (
    SubParameters,
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
