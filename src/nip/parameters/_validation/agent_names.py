"""Agent names nip never runs: a warning, not an error (nip 1.0 accepts any name under `agents`).

nip builds an agent for each name its protocol handler lists and ignores any other entry, so a
misspelt `verfier:` or a `prover:` under `debate` silently runs the real agent on its defaults.
Which agents each protocol runs is stated in the schema (`x-agent-names` on the root's `agents`),
and generated into `_registry`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from .. import _registry
from ..errors import Problem, warn
from .schemas import CURRENT_VERSION, class_schema
from .spelling import close_match

__all__ = ["protocol_agents", "unrun_agent_problems", "warn_unrun_agents"]

_WARNED = 10  # agents named one warning each; the rest are counted
_NOT_AGENTS = frozenset({"_default", "agents_update_repr"})  # the template, and to_dict's summary


def protocol_agents(protocol: Any, zero_knowledge: Any) -> tuple[str, ...] | None:
    """The agents nip runs under `protocol` (None for a protocol the schema does not know)."""
    if not isinstance(protocol, str) or protocol not in _registry.AGENT_NAMES:
        return None
    extra = _registry.ZERO_KNOWLEDGE_AGENT_NAMES if zero_knowledge is True else ()
    return (*_registry.AGENT_NAMES[protocol], *extra)


def unrun_agent_problems(names: Iterable[Any], protocol: Any, zero_knowledge: Any) -> list[Problem]:
    """One problem for each agent name in `names` that `protocol` does not run."""
    runs = protocol_agents(protocol, zero_knowledge)
    if runs is None:
        return []
    listed = " and ".join([", ".join(runs[:-1]), runs[-1]] if len(runs) > 1 else runs)
    zk = " with zero_knowledge" if zero_knowledge is True else ""
    problems = []
    for name in names:
        if not isinstance(name, str) or name in _NOT_AGENTS or name in runs:
            continue
        problems.append(Problem(("agents", name), (
            f"not an agent of interaction_protocol {protocol!r}{zk}, which runs {listed}: nip "
            f"ignores this entry{_did_you_mean(name, runs)}")))
    return problems


def _did_you_mean(name: str, runs: tuple[str, ...]) -> str:
    """The numbered agents of a name (`prover` -> `prover0`, `prover1`), else a near spelling."""
    numbered = [run for run in runs if run.rstrip("0123456789") == name.rstrip("0123456789")]
    near = numbered or [match for match in [close_match(name, runs)] if match]
    return f"; did you mean {' or '.join(repr(n) for n in near)}?" if near else ""


def warn_unrun_agents(config: Mapping[str, Any], where: str = "") -> None:
    """Warn once for each agent of a config (a current-version dict, or the values of an
    object's fields) that its protocol does not run; `where` (a file name) leads each warning."""
    agents = config.get("agents")
    if not isinstance(agents, Mapping):
        return
    common = config.get("protocol_common")
    zero_knowledge = (common.get("zero_knowledge") if isinstance(common, Mapping)
                      else getattr(common, "zero_knowledge", False))
    problems = unrun_agent_problems(agents, config.get("interaction_protocol", _default_protocol()),
                                    zero_knowledge)
    for problem in problems[:_WARNED]:
        warn(f"{where}{problem.address}: {problem.message}")
    if len(problems) > _WARNED:  # 10,000 misnamed agents are one more line, not 10,000
        warn(f"{where}agents: {len(problems) - _WARNED} more agent names that nip ignores")


@cache
def _default_protocol() -> Any:
    root = class_schema(CURRENT_VERSION, _registry.ROOT_CLASS) or {}
    return root.get("properties", {}).get("interaction_protocol", {}).get("default")
