# Generated from schema/1.0/hyper_parameters.json by `make generate`. Do not edit.
"""The root of the tiny tree."""

from dataclasses import dataclass, field
from typing import Any

from ._objects import BaseHyperParameters, dump_value, register_parameter_class
from .things import BigThingParameters
from .types import ColourType

__all__ = ["HyperParameters"]


@register_parameter_class
@dataclass
class HyperParameters(BaseHyperParameters):
    """The tiny root.

    Parameters
    ----------
    name : str
        Required.
    thing : BigThingParameters | dict | None
        A group.
    mode : ColourType
        With a deprecated alias.
    """

    name: str
    thing: BigThingParameters | dict | None = field(
        default=None, metadata={"nip_class": BigThingParameters}
    )
    mode: ColourType = field(
        default="blue", metadata={"deprecated_values": {"crimson": "red"}}
    )

    def _fields_to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "thing": dump_value(self.thing),
            "mode": self.mode,
        }
