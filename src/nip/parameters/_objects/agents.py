"""The agents collection, written by hand: a dict of agent name -> agent parameters.

The schema describes only its dict form (`x-python-handwritten`); lookups fall back to the
`_default` agent and `to_dict` adds `agents_update_repr`, a summary of the agents' update schedules.
The generated `agents` module registers it, so that the registry keeps nip's order.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import NipParametersError
from .schedules import AlternatingScheduleBehaviour, ConstantScheduleBehaviour
from .values import ParameterValue, get_parameter_or_parameter_value_class

__all__ = ["DEFAULT_AGENT", "UPDATE_REPR_KEY", "AgentsParameters"]

DEFAULT_AGENT = "_default"
UPDATE_REPR_KEY = "agents_update_repr"


class AgentsParameters(dict[str, Any], ParameterValue):
    """The agents, keyed by name. ``"_default"`` answers for any agent that is not named."""

    def __getitem__(self, name: str) -> Any:
        if dict.__contains__(self, name):
            return dict.__getitem__(self, name)
        if dict.__contains__(self, DEFAULT_AGENT):
            return dict.__getitem__(self, DEFAULT_AGENT)
        raise KeyError(f"Agent {name!r} not found in agents parameters")

    def __contains__(self, name: object) -> bool:
        return dict.__contains__(self, name) or dict.__contains__(self, DEFAULT_AGENT)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {name: agent.to_dict() for name, agent in self.items()}
        out[UPDATE_REPR_KEY] = self._agents_update_repr()
        return out

    @classmethod
    def from_dict(cls, params_dict: Mapping[str, Any], ignore_extra_keys: bool = False) -> Any:
        """Rebuild the agents; each entry's class is its `_type` (inside a config, the scenario)."""
        agents = {}
        for name, entry in params_dict.items():
            if name == UPDATE_REPR_KEY:
                continue
            if not isinstance(entry, Mapping) or "_type" not in entry:
                raise NipParametersError(f"agent {name!r} needs a '_type' to be read on its own")
            agent_cls = get_parameter_or_parameter_value_class(entry["_type"])
            agents[name] = agent_cls.from_dict(entry, ignore_extra_keys=ignore_extra_keys)
        return cls(agents)

    def _agents_update_repr(self) -> str:
        schedules = [(name, agent.update_schedule) for name, agent in self.items()]
        if all(isinstance(s, ConstantScheduleBehaviour) for _, s in schedules):
            return "Standard"
        if all(isinstance(s, AlternatingScheduleBehaviour) for _, s in schedules):
            alternating = _alternating_repr(schedules)
            if alternating:
                return alternating
        inner = ", ".join(f"{name!r}: {schedule}" for name, schedule in schedules)
        return f"Custom({inner})"


def _alternating_repr(schedules: list[tuple[str, Any]]) -> str | None:
    periods = {s.period for _, s in schedules}
    rounds = {s.first_agent_num_rounds for _, s in schedules}
    firsts = [name for name, s in schedules if s.first_agent]
    seconds = [name for name, s in schedules if not s.first_agent]
    if len(periods) != 1 or len(rounds) != 1 or len(firsts) > 1 or len(seconds) > 1:
        return None
    first = repr(firsts[0]) if firsts else "None"
    second = repr(seconds[0]) if seconds else "None"
    return f"Alternating({periods.pop()}, {rounds.pop()}, {first}, {second})"
