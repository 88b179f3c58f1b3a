"""Update schedules, written by hand: their base (it has no fields of its own) and the two mixins the
schema names with `x-python-mixin`.

The schema describes only the base's dict form (`x-python-handwritten`): `{"_type": Name}`, plus
`Name: {arguments}` when the schedule has arguments.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from ..errors import NipParametersError
from .values import ParameterValue, get_parameter_or_parameter_value_class

__all__ = ["AgentUpdateSchedule", "AlternatingScheduleBehaviour", "ConstantScheduleBehaviour"]


class AgentUpdateSchedule(ParameterValue):
    """Base of the update schedules. Subclasses are frozen dataclasses of their arguments.

    Serialised as ``{"_type": Name}``, plus ``Name: {arguments}`` when there are arguments.
    """

    def _arguments(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}  # type: ignore[arg-type]

    def to_dict(self) -> dict[str, Any]:
        name = type(self).__name__
        arguments = self._arguments()
        return {"_type": name, name: arguments} if arguments else {"_type": name}

    @classmethod
    def from_dict(cls, params_dict: Mapping[str, Any], ignore_extra_keys: bool = False) -> Any:
        if "_type" not in params_dict:
            raise NipParametersError("Missing agent update schedule class ('_type') in dictionary")
        target = get_parameter_or_parameter_value_class(params_dict["_type"])
        if not (isinstance(target, type) and issubclass(target, AgentUpdateSchedule)):
            raise NipParametersError(f"{params_dict['_type']!r} is not an agent update schedule")
        arguments = dict(params_dict.get(target.__name__, {}))
        if ignore_extra_keys:
            names = {f.name for f in dataclasses.fields(target)}  # type: ignore[arg-type]
            arguments = {k: v for k, v in arguments.items() if k in names}
        return target(**arguments)

    def __str__(self) -> str:
        # nip formats the arguments with str(), e.g. "ContiguousPeriodicUpdateSchedule(period=7, ...)"
        inner = ", ".join(f"{k}={v}" for k, v in self._arguments().items())
        return f"{type(self).__name__}({inner})"


class ConstantScheduleBehaviour:
    """Marks the schedule that updates on every iteration: agents that all have it are
    summarised as "Standard" in `agents_update_repr`."""


class AlternatingScheduleBehaviour:
    """The first agent updates on cycle positions [0, n), the second on [n, period)."""

    period: Any
    first_agent_num_rounds: Any
    first_agent: Any

    def __post_init__(self) -> None:
        n = self.first_agent_num_rounds
        start, stop = (0, n) if self.first_agent else (n, self.period)
        object.__setattr__(self, "start", start)  # the schedule is frozen
        object.__setattr__(self, "stop", stop)
