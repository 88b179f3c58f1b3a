"""The alternating schedule's derived window, as nip computes it (not serialised)."""

from __future__ import annotations

from typing import Any


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
