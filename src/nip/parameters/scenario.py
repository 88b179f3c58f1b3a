# Generated from schema/1.0/scenario.json by `make generate`. Do not edit.
"""Parameters specific to each scenario."""

from dataclasses import dataclass
from typing import Any, Literal

from ._objects import (
    SubParameters,
    drop_extra_keys,
    field_defaults,
    integral,
    register_parameter_class,
)

__all__ = ["CodeValidationParameters", "ImageClassificationParameters"]


@register_parameter_class
@dataclass
class ImageClassificationParameters(SubParameters):
    """Settings of the image-classification scenario.

    Parameters
    ----------
    num_block_groups : int
        Number of block groups in each agent's CNN. Range: ≥ 0.
    initial_num_channels : int
        Channel count of the first block. Range: ≥ 0.
    """

    num_block_groups: int = 1
    """Number of block groups in each agent's CNN.

    Range: ≥ 0.

    Default: `1`.
    """
    initial_num_channels: int = 16
    """Channel count of the first block.

    Range: ≥ 0.

    Default: `16`.
    """

    def __init__(
        self,
        num_block_groups: int = 1,
        initial_num_channels: int = 16,
    ) -> None:
        # The dataclass `__init__`, written out: the fields stored at once (not one checked
        # assignment each), then `__post_init__` normalises and checks the object.
        object.__setattr__(
            self,
            "__dict__",
            {
                "num_block_groups": num_block_groups,
                "initial_num_channels": initial_num_channels,
            },
        )
        self.__post_init__()

    @classmethod
    def _from_checked_dict(cls, data: dict[str, Any]) -> Any:
        """Build from a dict the schema has accepted: the fields filled directly."""
        values = {**cls._FIELD_DEFAULTS, **data}
        if data:
            values.pop("_type", None)
            if len(values) > 2:
                drop_extra_keys(cls, values)
            if type(values["num_block_groups"]) is float:
                values["num_block_groups"] = integral(values["num_block_groups"])
            if type(values["initial_num_channels"]) is float:
                values["initial_num_channels"] = integral(
                    values["initial_num_channels"]
                )
        obj = object.__new__(cls)
        object.__setattr__(obj, "__dict__", values)
        return obj

    def _fields_to_dict(self) -> dict[str, Any]:
        return {
            "num_block_groups": self.num_block_groups,
            "initial_num_channels": self.initial_num_channels,
        }


ImageClassificationParameters._FIELD_DEFAULTS = field_defaults(
    ImageClassificationParameters
)


@register_parameter_class
@dataclass
class CodeValidationParameters(SubParameters):
    """Settings of the code-validation scenario.

    Parameters
    ----------
    apps_difficulty : Literal['introductory', 'interview', 'competition']
        APPS difficulty level to use.
    apps_solution_number : int
        Which of a question's several solutions to use. Range: ≥ 0.
    apps_exclude_flagged : bool
        Drop datapoints that the moderation API flagged.
    """

    apps_difficulty: Literal["introductory", "interview", "competition"] = "interview"
    """APPS difficulty level to use.

    Default: `'interview'`.
    """
    apps_solution_number: int = 0
    """Which of a question's several solutions to use.

    Range: ≥ 0.

    Default: `0`.
    """
    apps_exclude_flagged: bool = True
    """Drop datapoints that the moderation API flagged.

    Default: `True`.
    """

    def __init__(
        self,
        apps_difficulty: Literal[
            "introductory", "interview", "competition"
        ] = "interview",
        apps_solution_number: int = 0,
        apps_exclude_flagged: bool = True,
    ) -> None:
        # The dataclass `__init__`, written out: the fields stored at once (not one checked
        # assignment each), then `__post_init__` normalises and checks the object.
        object.__setattr__(
            self,
            "__dict__",
            {
                "apps_difficulty": apps_difficulty,
                "apps_solution_number": apps_solution_number,
                "apps_exclude_flagged": apps_exclude_flagged,
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
            if type(values["apps_solution_number"]) is float:
                values["apps_solution_number"] = integral(
                    values["apps_solution_number"]
                )
        obj = object.__new__(cls)
        object.__setattr__(obj, "__dict__", values)
        return obj

    def _fields_to_dict(self) -> dict[str, Any]:
        return {
            "apps_difficulty": self.apps_difficulty,
            "apps_solution_number": self.apps_solution_number,
            "apps_exclude_flagged": self.apps_exclude_flagged,
        }


CodeValidationParameters._FIELD_DEFAULTS = field_defaults(CodeValidationParameters)
