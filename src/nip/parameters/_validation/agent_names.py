"""Agent names nip never runs: a warning, not an error (nip 1.0 accepts any name under `agents`).

nip builds an agent for each name its protocol handler lists and ignores any other entry, so a
misspelt `verfier:` or a `prover:` under `debate` silently runs the real agent on its defaults.
Which agents each protocol runs is stated in the schema (`x-agent-names` on the root's `agents`),
and generated into `_registry`.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from .. import _registry
from ..errors import Problem, warn
from .schemas import CURRENT_VERSION, class_schema
from .spelling import close_match

__all__ = ["protocol_agents", "unrun_agent_problems", "warn_unrun_agents"]

_WARNED = 10  # agents named one warning each; the rest are counted
_NOT_AGENTS = frozenset({"_default", "agents_update_repr"})  # the template, and to_dict's summary


def protocol_agents(config: Any) -> tuple[tuple[str, ...], str] | None:
    """The agents nip runs for `config` (a dict, or an object with the fields as attributes), and
    what decides them (``interaction_protocol 'nip'``); None for a protocol the schema lacks."""
    protocol = _at(config, ("interaction_protocol",), _default_protocol())
    if not isinstance(protocol, str) or protocol not in _registry.AGENT_NAMES:
        return None
    runs, why = _registry.AGENT_NAMES[protocol], f"interaction_protocol {protocol!r}"
    for address, added in _registry.AGENT_NAMES_WHEN_TRUE.items():
        if _at(config, address, None) is True:
            runs, why = (*runs, *added), f"{why} with {'.'.join(address)}"
    return runs, why


def _at(config: Any, address: tuple[str, ...], missing: Any) -> Any:
    """The value at `address` in a dict or an object (None on the way: `missing`)."""
    for part in address:
        config = config.get(part) if isinstance(config, Mapping) else getattr(config, part, None)
        if config is None:
            return missing
    return config


def unrun_agent_problems(config: Any) -> list[Problem]:
    """One problem for each agent of `config` that its protocol does not run."""
    agents = _at(config, ("agents",), None)
    found = protocol_agents(config) if isinstance(agents, Mapping) else None
    if found is None:
        return []
    runs, why = found
    unrun = [name for name in agents if isinstance(name, str) and name not in _NOT_AGENTS and name not in runs]
    if not unrun:  # the common case, on every from_dict: no message is worded
        return []
    listed = " and ".join([", ".join(runs[:-1]), runs[-1]] if len(runs) > 1 else runs)
    return [Problem(("agents", name), f"not an agent of {why}, which runs {listed}: nip ignores "
                                      f"this entry{_did_you_mean(name, runs)}")
            for name in unrun]


def _did_you_mean(name: str, runs: tuple[str, ...]) -> str:
    """The numbered agents of a name (`prover` -> `prover0`, `prover1`), else a near spelling."""
    numbered = [run for run in runs if run.rstrip("0123456789") == name.rstrip("0123456789")]
    near = numbered or [match for match in [close_match(name, runs)] if match]
    return f"; did you mean {' or '.join(repr(n) for n in near)}?" if near else ""


def warn_unrun_agents(config: Any, where: str = "") -> None:
    """Warn for each agent of a config (a current-version dict, or an object with the fields as
    attributes) that its protocol does not run; `where` (a file name) leads each warning."""
    problems = unrun_agent_problems(config)
    for problem in problems[:_WARNED]:
        warn(f"{where}{problem.address}: {problem.message}")
    if len(problems) > _WARNED:  # 10,000 misnamed agents are one more line, not 10,000
        warn(f"{where}agents: {len(problems) - _WARNED} more agent names that nip ignores")


@cache
def _default_protocol() -> Any:
    root = class_schema(CURRENT_VERSION, _registry.ROOT_CLASS) or {}
    return root.get("properties", {}).get("interaction_protocol", {}).get("default")
