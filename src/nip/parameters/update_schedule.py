# Generated from schema/1.0/update_schedule.json by `make generate`. Do not edit.
"""Parameters specifying the schedule for updating agents."""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ._objects import (
    AgentUpdateSchedule,
    AlternatingScheduleBehaviour,
    ConstantScheduleBehaviour,
    register_parameter_value_class,
)

__all__ = [
    "AgentUpdateSchedule",
    "AlternatingPeriodicUpdateSchedule",
    "ConstantUpdateSchedule",
    "ContiguousPeriodicUpdateSchedule",
]


@register_parameter_value_class
@dataclass(frozen=True)
class ConstantUpdateSchedule(ConstantScheduleBehaviour, AgentUpdateSchedule):
    """The agent updates on every iteration."""


@register_parameter_value_class
@dataclass(frozen=True)
class ContiguousPeriodicUpdateSchedule(AgentUpdateSchedule):
    """The agent updates on one contiguous stretch of each cycle: on cycle positions `start <=
    i < stop`.

    Parameters
    ----------
    period : int
        Cycle length in iterations. Range: ≥ 1.
    start : int
        First iteration (within the cycle) on which the agent updates. Range: ≥ 0.
    stop : int
        Iteration (within the cycle) at which updating stops (exclusive). Range: ≥ 0.
    """

    period: int
    """Cycle length in iterations.

    Range: ≥ 1.

    Default: required.
    """
    start: int
    """First iteration (within the cycle) on which the agent updates.

    Range: ≥ 0.

    Default: required.
    """
    stop: int
    """Iteration (within the cycle) at which updating stops (exclusive).

    Range: ≥ 0.

    Default: required.
    """

    if TYPE_CHECKING:  # the signature type checkers read: what each argument accepts

        def __init__(
            self,
            period: int,
            start: int,
            stop: int,
        ) -> None: ...


@register_parameter_value_class
@dataclass(frozen=True)
class AlternatingPeriodicUpdateSchedule(
    AlternatingScheduleBehaviour, ContiguousPeriodicUpdateSchedule
):
    """Two agents take turns: the first updates for `first_agent_num_rounds` iterations of each
    cycle, the second for the rest.

    Parameters
    ----------
    period : int
        Cycle length in iterations. Range: ≥ 1.
    first_agent_num_rounds : int
        Iterations per cycle given to the first agent; the rest go to the second. Range: ≥
        0.
    first_agent : bool
        True for the agent that updates first in each cycle, False for the other one.
    """

    period: int
    """Cycle length in iterations.

    Range: ≥ 1.

    Default: required.
    """
    first_agent_num_rounds: int
    """Iterations per cycle given to the first agent; the rest go to the second.

    Range: ≥ 0.

    Default: required.
    """
    first_agent: bool = True
    """True for the agent that updates first in each cycle, False for the other one.

    Default: `True`.
    """
    start: int = field(init=False, repr=False, compare=False)
    stop: int = field(init=False, repr=False, compare=False)

    if TYPE_CHECKING:  # the signature type checkers read: what each argument accepts

        def __init__(
            self,
            period: int,
            first_agent_num_rounds: int,
            first_agent: bool = True,
        ) -> None: ...
