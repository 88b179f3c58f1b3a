# Generated from schema/1.0/dataset.json by `make generate`. Do not edit.
"""Parameters for the dataset."""

from dataclasses import dataclass
from typing import Any

from ._objects import (
    SubParameters,
    drop_extra_keys,
    field_defaults,
    fixed_container,
    integral,
    register_parameter_class,
)
from .types import BinarificationMethodType

__all__ = ["DatasetParameters"]


@register_parameter_class
@dataclass
class DatasetParameters(SubParameters):
    """How the dataset is turned into a binary task and how large it may be.

    Parameters
    ----------
    binarification_method : BinarificationMethodType
        How a multi-class dataset becomes a two-class one.
    selected_classes : tuple[int, int] | None
        The two class indices used by select_two; null for the dataset default.
    binarification_seed : int | None
        Seed for random binarification; null for the dataset default.
    make_balanced : bool
        Balance the two classes.
    max_train_size : int | None
        Cap on training-set size; null keeps it all. Range: ≥ 0.
    """

    binarification_method: BinarificationMethodType = "merge"
    """How a multi-class dataset becomes a two-class one.

    Default: `'merge'`.
    """
    selected_classes: tuple[int, int] | None = None
    """The two class indices used by select_two; null for the dataset default.

    Default: `None`.
    """
    binarification_seed: int | None = None
    """Seed for random binarification; null for the dataset default.

    Default: `None`.
    """
    make_balanced: bool = True
    """Balance the two classes.

    Default: `True`.
    """
    max_train_size: int | None = None
    """Cap on training-set size; null keeps it all.

    Range: ≥ 0.

    Default: `None`.
    """

    def __init__(
        self,
        binarification_method: BinarificationMethodType = "merge",
        selected_classes: tuple[int, int] | None = None,
        binarification_seed: int | None = None,
        make_balanced: bool = True,
        max_train_size: int | None = None,
    ) -> None:
        # The dataclass `__init__`, written out: the fields stored at once (not one checked
        # assignment each), then `__post_init__` normalises and checks the object.
        object.__setattr__(
            self,
            "__dict__",
            {
                "binarification_method": binarification_method,
                "selected_classes": selected_classes,
                "binarification_seed": binarification_seed,
                "make_balanced": make_balanced,
                "max_train_size": max_train_size,
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
            if (
                type(values["selected_classes"]) is list
                or type(values["selected_classes"]) is dict
            ):
                values["selected_classes"] = fixed_container(
                    cls, "selected_classes", values["selected_classes"]
                )
            if type(values["binarification_seed"]) is float:
                values["binarification_seed"] = integral(values["binarification_seed"])
            if type(values["max_train_size"]) is float:
                values["max_train_size"] = integral(values["max_train_size"])
        obj = object.__new__(cls)
        object.__setattr__(obj, "__dict__", values)
        return obj

    def _fields_to_dict(self) -> dict[str, Any]:
        return {
            "binarification_method": self.binarification_method,
            "selected_classes": self.selected_classes,
            "binarification_seed": self.binarification_seed,
            "make_balanced": self.make_balanced,
            "max_train_size": self.max_train_size,
        }


DatasetParameters._FIELD_DEFAULTS = field_defaults(DatasetParameters)
