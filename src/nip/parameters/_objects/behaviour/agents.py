"""Agent behaviour: loading settings from a W&B run config (nip's `load_from_wandb_config`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from ..fields import field_infos


class AgentBehaviour:
    """Mixed into `AgentParameters` (see `x-python-mixin` in schema/<version>/agents.json)."""

    LOAD_PRESERVED_PARAMETERS: ClassVar[list[str]]

    def load_from_wandb_config(self, wandb_config: Mapping[str, Any]) -> None:
        """Take this agent's settings from a W&B run config, keeping the checkpoint fields.

        As in nip, `is_random` is then set from the config on this instance.
        """
        preserved = set(self.LOAD_PRESERVED_PARAMETERS)
        for info in field_infos(type(self)):
            if info.json_name in wandb_config and info.name not in preserved:
                setattr(self, info.name, wandb_config[info.json_name])
        # nip shadows the class constant with an instance attribute here.
        setattr(self, "is_random", wandb_config["is_random"])  # noqa: B010
