# Generated from schema/1.0/message_regression.json by `make generate`. Do not edit.
"""Parameters for doing regression analysis on the messages."""

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
from .types import ActivationType, MessageRegressionMethodType

__all__ = ["MessageRegressionParameters"]


@register_parameter_class
@dataclass
class MessageRegressionParameters(SubParameters):
    """Settings for regressing labels on the agents' messages, to see what the messages carry.

    Parameters
    ----------
    enabled : bool
        Run the message-to-label regression probe.
    agents : list[str] | None
        Agents whose messages are probed; null for all.
    regression_method : MessageRegressionMethodType
        Model family of the probe.
    test_size : float
        Held-out fraction of message data. Range: > 0 and < 1.
    reset_on_fit : bool
        Re-initialise the probe before every fit.
    mlp_num_layers : int
        Probe MLP depth. Range: ≥ 0.
    mlp_hidden_size : int
        Probe MLP width. Range: ≥ 0.
    mlp_activation : ActivationType
        Probe MLP non-linearity.
    mlp_num_epochs : int
        Probe MLP training epochs. Range: ≥ 0.
    mlp_batch_size : int
        Probe MLP batch size. Range: ≥ 1.
    mlp_learning_rate : float
        Probe MLP learning rate. Range: ≥ 0.
    """

    enabled: bool = False
    """Run the message-to-label regression probe.

    Default: `False`.
    """
    agents: list[str] | None = None
    """Agents whose messages are probed; null for all.

    Default: `None`.
    """
    regression_method: MessageRegressionMethodType = "mlp"
    """Model family of the probe.

    Default: `'mlp'`.
    """
    test_size: float = 0.2
    """Held-out fraction of message data.

    Range: > 0 and < 1.

    Default: `0.2`.
    """
    reset_on_fit: bool = True
    """Re-initialise the probe before every fit.

    Default: `True`.
    """
    mlp_num_layers: int = 2
    """Probe MLP depth.

    Range: ≥ 0.

    Default: `2`.
    """
    mlp_hidden_size: int = 64
    """Probe MLP width.

    Range: ≥ 0.

    Default: `64`.
    """
    mlp_activation: ActivationType = "relu"
    """Probe MLP non-linearity.

    Default: `'relu'`.
    """
    mlp_num_epochs: int = 10
    """Probe MLP training epochs.

    Range: ≥ 0.

    Default: `10`.
    """
    mlp_batch_size: int = 512
    """Probe MLP batch size.

    Range: ≥ 1.

    Default: `512`.
    """
    mlp_learning_rate: float = 0.001
    """Probe MLP learning rate.

    Range: ≥ 0.

    Default: `0.001`.
    """

    def __init__(
        self,
        enabled: bool = False,
        agents: list[str] | None = None,
        regression_method: MessageRegressionMethodType = "mlp",
        test_size: float = 0.2,
        reset_on_fit: bool = True,
        mlp_num_layers: int = 2,
        mlp_hidden_size: int = 64,
        mlp_activation: ActivationType = "relu",
        mlp_num_epochs: int = 10,
        mlp_batch_size: int = 512,
        mlp_learning_rate: float = 0.001,
    ) -> None:
        # The dataclass `__init__`, written out: the fields stored at once (not one checked
        # assignment each), then `__post_init__` normalises and checks the object.
        object.__setattr__(
            self,
            "__dict__",
            {
                "enabled": enabled,
                "agents": agents,
                "regression_method": regression_method,
                "test_size": test_size,
                "reset_on_fit": reset_on_fit,
                "mlp_num_layers": mlp_num_layers,
                "mlp_hidden_size": mlp_hidden_size,
                "mlp_activation": mlp_activation,
                "mlp_num_epochs": mlp_num_epochs,
                "mlp_batch_size": mlp_batch_size,
                "mlp_learning_rate": mlp_learning_rate,
            },
        )
        self.__post_init__()

    @classmethod
    def _from_checked_dict(cls, data: dict[str, Any]) -> Any:
        """Build from a dict the schema has accepted: the fields filled directly."""
        values = {**cls._FIELD_DEFAULTS, **data}
        if data:
            values.pop("_type", None)
            if len(values) > 11:
                drop_extra_keys(cls, values)
            if type(values["agents"]) is list or type(values["agents"]) is dict:
                values["agents"] = fixed_container(cls, "agents", values["agents"])
            if type(values["mlp_num_layers"]) is float:
                values["mlp_num_layers"] = integral(values["mlp_num_layers"])
            if type(values["mlp_hidden_size"]) is float:
                values["mlp_hidden_size"] = integral(values["mlp_hidden_size"])
            if type(values["mlp_num_epochs"]) is float:
                values["mlp_num_epochs"] = integral(values["mlp_num_epochs"])
            if type(values["mlp_batch_size"]) is float:
                values["mlp_batch_size"] = integral(values["mlp_batch_size"])
        obj = object.__new__(cls)
        object.__setattr__(obj, "__dict__", values)
        return obj

    def _fields_to_dict(self) -> dict[str, Any]:
        return {
            "enabled": self.enabled,
            "agents": self.agents,
            "regression_method": self.regression_method,
            "test_size": self.test_size,
            "reset_on_fit": self.reset_on_fit,
            "mlp_num_layers": self.mlp_num_layers,
            "mlp_hidden_size": self.mlp_hidden_size,
            "mlp_activation": self.mlp_activation,
            "mlp_num_epochs": self.mlp_num_epochs,
            "mlp_batch_size": self.mlp_batch_size,
            "mlp_learning_rate": self.mlp_learning_rate,
        }


MessageRegressionParameters._FIELD_DEFAULTS = field_defaults(
    MessageRegressionParameters
)
