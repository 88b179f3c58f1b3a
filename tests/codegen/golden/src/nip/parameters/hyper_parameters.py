# Generated from schema/1.0/hyper_parameters.json by `make generate`. Do not edit.
"""The root of the tiny tree."""

from dataclasses import dataclass, field
from typing import Any, Literal

from ._objects import (
    BUILT_FROM_NONE,
    BaseHyperParameters,
    deprecated_value,
    drop_extra_keys,
    dump_value,
    field_defaults,
    register_parameter_class,
)
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
    thing : BigThingParameters
        A group.
    mode : ColourType
        With a deprecated alias.
    """

    name: str
    """Required.

    Default: required.
    """
    thing: BigThingParameters = field(
        default=BUILT_FROM_NONE, metadata={"nip_class": BigThingParameters}
    )
    """A group.

    Default: the group's defaults (`None` builds them).
    Accepts: `BigThingParameters | dict[str, Any] | None`.
    """
    mode: ColourType = field(
        default="blue", metadata={"deprecated_values": {"crimson": "red"}}
    )
    """With a deprecated alias.

    Default: `'blue'`.
    Accepts: `ColourType | Literal['crimson']`.
    """

    def __init__(
        self,
        name: str,
        thing: BigThingParameters | dict[str, Any] | None = None,
        mode: ColourType | Literal["crimson"] = "blue",
    ) -> None:
        # The dataclass `__init__`, written out: the fields stored at once (not one checked
        # assignment each), then `__post_init__` normalises and checks the object.
        object.__setattr__(
            self,
            "__dict__",
            {
                "name": name,
                "thing": thing,
                "mode": mode,
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
            if values["mode"] in {"crimson": "red"}:
                values["mode"] = deprecated_value(
                    "mode", values["mode"], {"crimson": "red"}
                )
        values["thing"] = BigThingParameters._from_checked_dict(values["thing"] or {})
        obj = object.__new__(cls)
        object.__setattr__(obj, "__dict__", values)
        return obj

    def _fields_to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "thing": dump_value(self.thing),
            "mode": self.mode,
        }


HyperParameters._FIELD_DEFAULTS = field_defaults(HyperParameters)
