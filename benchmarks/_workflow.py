"""The workflow cases: expanding and checking a large sweep, and diffing two full configs, each
next to `from_dict` on the same configs (the issue's references)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import yaml
from _configs import REPO
from _harness import Row, time_group

from nip.parameters import HyperParameters, diff, expand_sweep
from nip.parameters._objects.overrides import set_values
from nip.parameters._workflow.spec import load_spec

SWEEP_BASE = REPO / "examples" / "sweeps" / "ppo_gi_base.yaml"


def sweep_spec(combinations: int) -> dict[str, Any]:
    """nip's ppo_gi base (inline, so no file is read while timing) and a grid of 10 values per
    address: 10,000 combinations from four addresses (1,000 from three)."""
    base = yaml.safe_load(SWEEP_BASE.read_text(encoding="utf-8"))
    axes = {
        "rl.lr": [round(1e-4 * (i + 1), 6) for i in range(10)],
        "seed": [8144 + i for i in range(10)],
        "agents.verifier.num_gnn_layers": list(range(1, 11)),
        "ppo.clip_epsilon": [round(0.1 + 0.02 * i, 3) for i in range(10)],
    }
    count = {1_000: 3, 10_000: 4}[combinations]
    return {"base": base, "grid": dict(list(axes.items())[:count])}


def workflow_rows(combinations: int, budget: float, sample_seconds: float,
                  log: Callable[[str], None]) -> list[Row]:
    spec = sweep_spec(combinations)
    log(f"workflow: a {combinations:,}-combination sweep")
    expanded = expand_sweep(spec)
    configs = [params.to_dict() for _, params in expanded]
    # What expansion hands to from_dict: the base with each combination's overrides set.
    loaded = load_spec(spec)
    composed = [set_values(loaded.base, [(loaded.setters[a], v) for a, v in overrides.items()])
                for overrides, _ in expanded]
    # Each call takes about a second: five interleaved samples of each, not the usual budget.
    t = time_group(
        {
            "from_dict": lambda: [HyperParameters.from_dict(d) for d in configs],
            "composed": lambda: [HyperParameters.from_dict(d) for d in composed],
            "sweep": lambda: expand_sweep(spec),
        },
        budget=2 * 5 * 0.02,
        sample_seconds=0.02,
        min_samples=5,
    )
    group = f"sweep of {combinations:,} combinations (ppo_gi base, 10 values per address)"
    ref = Row(group, f"HyperParameters.from_dict(d) on the {combinations:,} configs (as written)",
              t["from_dict"])
    sweep = Row(group, "expand_sweep(spec): expand and check every combination", t["sweep"],
                "slower", ref, 1.2)
    sparse = Row(group, "from_dict(d) on the composed dicts expansion builds (base + overrides)",
                 t["composed"], "slower", ref)
    rows = [ref, sweep, sparse,
            Row(group, "  expand_sweep(spec) against that", t["sweep"], "slower", sparse)]

    log("workflow: diff of two full configs")
    left = configs[0]
    right = copy.deepcopy(configs[-1])
    right["agents"]["prover"]["d_gnn"] = 32
    changed = len(diff(left, right))
    t = time_group(
        {"from_dict": lambda: HyperParameters.from_dict(left), "diff": lambda: diff(left, right)},
        budget=budget,
        sample_seconds=sample_seconds,
    )
    group = "diff of two full configs"
    ref = Row(group, "HyperParameters.from_dict(d), one config", t["from_dict"])
    rows += [ref, Row(group, f"nip.parameters.diff(a, b), {changed} leaves differ", t["diff"],
                      "slower", ref, 2.0)]
    return rows
