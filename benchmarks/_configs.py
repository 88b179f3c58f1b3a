"""The configs every case runs on: a full graph-isomorphism config and a small hand-written one.

Both are plain JSON data (lists, not tuples), exactly what a config file loads as, so every
validator and model sees the same input.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
SMALL_EXAMPLE = REPO / "examples" / "code_validation_ei.yaml"


def build_full() -> Any:
    """nip 1.0's README case: a graph-isomorphism run with a prover and a verifier."""
    from nip.parameters import GraphIsomorphismAgentParameters, HyperParameters

    return HyperParameters(
        scenario="graph_isomorphism",
        trainer="vanilla_ppo",
        dataset="eru10000",
        agents={
            "prover": GraphIsomorphismAgentParameters(),
            "verifier": GraphIsomorphismAgentParameters(),
        },
    )


def build_small(data: dict[str, Any]) -> Any:
    from nip.parameters import HyperParameters

    return HyperParameters(**data)


@dataclass
class Config:
    name: str
    data: dict[str, Any]  # JSON form, never modified by the benchmark
    construct: Callable[[], Any]  # the constructor case: HyperParameters(...) in Python
    construct_text: str
    invalid: list[dict[str, Any]]  # broken variants, for the error-reporting cases


def _json_form(value: Any) -> Any:
    return json.loads(json.dumps(value))


def _broken(
    data: dict[str, Any], *edits: tuple[tuple[str, ...], Any]
) -> dict[str, Any]:
    """A deep copy of `data` with each `(path, value)` set; every parent must already exist."""
    out = copy.deepcopy(data)
    for path, value in edits:
        node = out
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value
    return out


def full_config() -> Config:
    data = _json_form(build_full().to_dict())
    invalid = [
        _broken(data, (("agents", "prover", "d_gnn"), "sixteen")),
        _broken(data, (("trainer",), "vanila_ppo"), (("rl", "num_epochz"), 4)),
        _broken(
            data,
            (("seed",), "x"),
            (("ppo", "clip_epsilon"), "0.2"),
            (("agents", "verifier", "activation_function"), "gelu"),
        ),
        _broken(
            data,
            (("learning_rate",), 1e-3),
            (("agents", "verifier", "update_schedule"), {"_type": "Nope"}),
        ),
    ]
    return Config(
        "full",
        data,
        build_full,
        'HyperParameters(scenario=..., trainer=..., dataset=..., agents={"prover": '
        'GraphIsomorphismAgentParameters(), "verifier": GraphIsomorphismAgentParameters()})',
        invalid,
    )


def small_config() -> Config:
    data = _json_form(yaml.safe_load(SMALL_EXAMPLE.read_text(encoding="utf-8")))
    invalid = [
        _broken(
            data,
            (("trainer",), "pure_txt_ei"),
        ),
        _broken(data, (("agents", "verifier", "temperature"), "hot")),
        _broken(
            data,
            (("pure_text_ei", "rollout_selection_method"), "best"),
            (("code_validation", "apps_difficult"), "introductory"),
        ),
        _broken(
            data,
            (("agents", "prover1", "max_response_words"), -1.5),
            (("interaction_protocol",), "debat"),
        ),
    ]
    return Config(
        "small",
        data,
        lambda: build_small(data),
        "HyperParameters(**<examples/code_validation_ei.yaml>)",
        invalid,
    )


def count_values(value: Any) -> int:
    """Keys and items in a nested structure: a rough size of a config."""
    if isinstance(value, dict):
        return len(value) + sum(count_values(v) for v in value.values())
    if isinstance(value, list):
        return len(value) + sum(count_values(v) for v in value)
    return 0
