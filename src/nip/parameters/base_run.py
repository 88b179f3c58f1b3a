# Generated from schema/1.0/base_run.json by `make generate`. Do not edit.
"""Parameters for basing the current experiment on a previous W&B run."""

from dataclasses import dataclass, field
from typing import Any

from ._objects import (
    FIELD_DEFAULT,
    SubParameters,
    drop_extra_keys,
    env_default,
    env_value,
    field_defaults,
    register_parameter_class,
)
from .types import BaseRunType

__all__ = ["BaseRunParameters"]


@register_parameter_class
@dataclass
class BaseRunParameters(SubParameters):
    """Settings for basing this experiment on an earlier Weights & Biases run.

    Parameters
    ----------
    base_run_type : BaseRunType
        Whether to start from an earlier run and in what way.
    run_id : str | None
        Id of the earlier W&B run (needed unless base_run_type is none).
    wandb_project : str
        W&B project of the earlier run (default from WANDB_PROJECT).
    wandb_entity : str
        W&B entity of the earlier run (default from WANDB_ENTITY).
    rerun_tests_force_test_during_training_state : bool
        When re-running tests, create the test-during-training state even if the old run
        lacked it.
    """

    base_run_type: BaseRunType = "none"
    """Whether to start from an earlier run and in what way.

    Default: `'none'`.
    """
    run_id: str | None = None
    """Id of the earlier W&B run (needed unless base_run_type is none).

    Default: `None`.
    """
    wandb_project: str = field(default_factory=env_default("WANDB_PROJECT", ""))
    """W&B project of the earlier run (default from WANDB_PROJECT).

    Default: env `WANDB_PROJECT`, else `''`.
    """
    wandb_entity: str = field(default_factory=env_default("WANDB_ENTITY", ""))
    """W&B entity of the earlier run (default from WANDB_ENTITY).

    Default: env `WANDB_ENTITY`, else `''`.
    """
    rerun_tests_force_test_during_training_state: bool = True
    """When re-running tests, create the test-during-training state even if the old run
    lacked it.

    Default: `True`.
    """

    def __init__(
        self,
        base_run_type: BaseRunType = "none",
        run_id: str | None = None,
        wandb_project: str = FIELD_DEFAULT,
        wandb_entity: str = FIELD_DEFAULT,
        rerun_tests_force_test_during_training_state: bool = True,
    ) -> None:
        # The dataclass `__init__`, written out: the fields stored at once (not one checked
        # assignment each), then `__post_init__` normalises and checks the object.
        object.__setattr__(
            self,
            "__dict__",
            {
                "base_run_type": base_run_type,
                "run_id": run_id,
                "wandb_project": env_value("WANDB_PROJECT", "")
                if wandb_project is FIELD_DEFAULT
                else wandb_project,
                "wandb_entity": env_value("WANDB_ENTITY", "")
                if wandb_entity is FIELD_DEFAULT
                else wandb_entity,
                "rerun_tests_force_test_during_training_state": rerun_tests_force_test_during_training_state,
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
        if "wandb_project" not in data:
            values["wandb_project"] = env_value("WANDB_PROJECT", "")
        if "wandb_entity" not in data:
            values["wandb_entity"] = env_value("WANDB_ENTITY", "")
        obj = object.__new__(cls)
        object.__setattr__(obj, "__dict__", values)
        return obj

    def _fields_to_dict(self) -> dict[str, Any]:
        return {
            "base_run_type": self.base_run_type,
            "run_id": self.run_id,
            "wandb_project": self.wandb_project,
            "wandb_entity": self.wandb_entity,
            "rerun_tests_force_test_during_training_state": self.rerun_tests_force_test_during_training_state,
        }


BaseRunParameters._FIELD_DEFAULTS = field_defaults(BaseRunParameters)
