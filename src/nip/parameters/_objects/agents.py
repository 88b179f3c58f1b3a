"""The agents collection, written by hand: a dict of agent name -> agent parameters.

The schema describes only its dict form (`x-python-handwritten`); lookups fall back to the
`_default` agent and `to_dict` adds `agents_update_repr`, a summary of the agents' update schedules.
The generated `agents` module registers it, so that the registry keeps nip's order.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from .. import _registry
from .._validation import closest
from .._validation.plain_data import is_plain, plain_copy
from ..errors import ParameterValidationError, Problem, brief
from .schedules import AlternatingScheduleBehaviour, ConstantScheduleBehaviour
from .values import PARAMETER_CLASSES, ParameterValue, get_parameter_class

__all__ = ["DEFAULT_AGENT", "UPDATE_REPR_KEY", "AgentsParameters"]

DEFAULT_AGENT = "_default"
UPDATE_REPR_KEY = "agents_update_repr"


#: The agent class of the entries (the generated modules name it: `AgentParameters`).
_Agent = TypeVar("_Agent", bound=ParameterValue)


class AgentsParameters(dict[str, _Agent], ParameterValue):
    """The agents, keyed by name. ``"_default"`` answers for any agent that is not named."""

    def __getitem__(self, name: str) -> _Agent:
        if dict.__contains__(self, name):
            return dict.__getitem__(self, name)
        if dict.__contains__(self, DEFAULT_AGENT):
            return dict.__getitem__(self, DEFAULT_AGENT)
        raise KeyError(f"Agent {name!r} not found in agents parameters")

    def __contains__(self, name: object) -> bool:
        return dict.__contains__(self, name) or dict.__contains__(self, DEFAULT_AGENT)

    def to_dict(self) -> dict[str, Any]:
        # An entry set in place as a plain value is written as it is: the check of the whole
        # config (before `to_file` writes, or `from_dict` reads it back) reports it.
        out: dict[str, Any] = {name: agent.to_dict() if isinstance(agent, ParameterValue) else agent
                               for name, agent in self.items()}
        out[UPDATE_REPR_KEY] = self._agents_update_repr()
        return out

    @classmethod
    def from_dict(cls, params_dict: Mapping[str, Any], ignore_extra_keys: bool = False) -> Any:
        """Rebuild the agents, checking each against its class: read on its own, an entry's class
        is its `_type`, which must name an agent class (inside a config, the scenario decides)."""
        if not isinstance(params_dict, Mapping):
            raise ParameterValidationError.single(
                (), f"expected an object (dict) of agents, got {type(params_dict).__name__}")
        if not is_plain(params_dict):
            params_dict, problems = plain_copy(params_dict)
            if problems:
                raise ParameterValidationError(problems, subject=cls.__name__)
        agents, problems = {}, []
        for name, entry in params_dict.items():
            if name == UPDATE_REPR_KEY:
                continue
            agent_cls, problem = _entry_class(name, entry)
            if problem is not None:
                problems.append(problem)
                continue
            try:
                agents[name] = agent_cls.from_dict(entry, ignore_extra_keys=ignore_extra_keys)
            except ParameterValidationError as error:
                problems += error.prefixed(name).problems
        if problems:
            raise ParameterValidationError(problems, subject=cls.__name__)
        return cls(agents)

    def _agents_update_repr(self) -> str:
        # (an entry set in place as a plain value has none: the check reports that entry)
        agents: Any = self.items()  # the generated agent classes: each has an update schedule
        schedules = [(name, None if isinstance(agent, Mapping) else agent.update_schedule)
                     for name, agent in agents]
        if all(isinstance(s, ConstantScheduleBehaviour) for _, s in schedules):
            return "Standard"
        if all(isinstance(s, AlternatingScheduleBehaviour) for _, s in schedules):
            alternating = _alternating_repr(schedules)
            if alternating:
                return alternating
        inner = ", ".join(f"{name!r}: {schedule}" for name, schedule in schedules)
        return f"Custom({inner})"


def _entry_class(name: str, entry: Any) -> tuple[Any, Problem | None]:
    """The agent class an entry's `_type` names, or the problem with it."""
    if not isinstance(entry, Mapping):
        return None, Problem((name,), f"expected an object (dict) of agent parameters, got "
                                      f"{type(entry).__name__} {brief(entry)}")
    if "_type" not in entry:
        return None, Problem((name, "_type"), "missing required key '_type'",
                             hint="read on its own, an agent needs its `_type`; inside a config "
                                  "the scenario decides it")
    base = _agent_base()
    found = PARAMETER_CLASSES.get(entry["_type"]) if isinstance(entry["_type"], str) else None
    if found is None or not issubclass(found, base):
        known = [n for n, c in PARAMETER_CLASSES.items() if issubclass(c, base)]
        guess = closest(entry["_type"], known) if found is None and isinstance(entry["_type"], str) else None
        return None, Problem((name, "_type"), f"{brief(entry['_type'])} is not an agent class",
                             expected=f"one of {', '.join(map(repr, known))}", actual=entry["_type"],
                             hint=f"did you mean {guess!r}?" if guess else None)
    return found, None


def _agent_base() -> type:
    """The class every agent class derives from: the common base of the classes an agent entry can
    have (the root class's hook: each scenario's agent class, and the random agent)."""
    classes = get_parameter_class(_registry.ROOT_CLASS)._collection_entry_classes()
    return next(c for c in classes[-1].__mro__ if all(issubclass(k, c) for k in classes))


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
