# Generated from schema/1.0/dataset.json by `make generate`. Do not edit.
"""Parameters for the dataset."""

from dataclasses import dataclass
from typing import Any

from ._objects import SubParameters, register_parameter_class
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
    selected_classes: tuple[int, int] | None = None
    binarification_seed: int | None = None
    make_balanced: bool = True
    max_train_size: int | None = None

    def _fields_to_dict(self) -> dict[str, Any]:
        return {
            "binarification_method": self.binarification_method,
            "selected_classes": self.selected_classes,
            "binarification_seed": self.binarification_seed,
            "make_balanced": self.make_balanced,
            "max_train_size": self.max_train_size,
        }
