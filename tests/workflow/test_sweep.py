"""`nip.parameters.expand_sweep(spec)`: the grid's product (and zips), every combination checked,
every problem of a spec at its place and line, the W&B sweep configuration."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nip.parameters import (
    HyperParameters,
    ParameterValidationError,
    SpecError,
    expand_sweep,
)
from nip.parameters._workflow.spec import load_spec
from nip.parameters._workflow.sweep import expand
from nip.parameters._workflow.wandb_sweep import wandb_sweep_config

REPO = Path(__file__).resolve().parents[2]
PPO_GI = REPO / "examples" / "sweeps" / "ppo_gi.yaml"
GRID_000 = REPO / "tests" / "data" / "reference_samples" / "current" / "script-ppo_gi-grid-000.json"
BASE = {"scenario": "graph_isomorphism", "trainer": "vanilla_ppo", "dataset": "eru10000"}


def test_the_ppo_gi_example_reproduces_nips_grid_run():
    combinations = expand_sweep(PPO_GI)
    assert len(combinations) == 16
    overrides, params = combinations[0]
    assert overrides == {"rl.lr": 0.0003, "agents.verifier.num_gnn_layers": 2, "seed": 8144}
    assert params.to_dict() == json.loads(GRID_000.read_text(encoding="utf-8"))["to_dict"]
    assert [o["seed"] for o, _ in combinations[:4]] == [8144, 820, 4173, 3992]  # last varies fastest
    assert len({json.dumps(o, sort_keys=True) for o, _ in combinations}) == 16


def test_the_product_in_grid_order_with_values_converted():
    spec = {"base": BASE, "grid": {"seed": [1, 2.0], "rl.lr": [1, "3e-4"]}}
    combinations = expand_sweep(spec)
    assert [o for o, _ in combinations] == [
        {"seed": 1, "rl.lr": 1.0}, {"seed": 1, "rl.lr": 0.0003},
        {"seed": 2, "rl.lr": 1.0}, {"seed": 2, "rl.lr": 0.0003},
    ]
    assert [type(o["seed"]) for o, _ in combinations] == [int] * 4
    for overrides, params in combinations:
        assert isinstance(params, HyperParameters)
        assert params.seed == overrides["seed"] and params.rl.lr == overrides["rl.lr"]
    with pytest.raises(SpecError, match=r"grid\.dataset\.0: expected string, got integer 10"):
        expand_sweep({"base": BASE, "grid": {"dataset": [10]}})  # YAML read it as a number


def test_zip_varies_addresses_together():
    spec = {"base": BASE, "grid": {"seed": [1, 2, 3], "rl.lr": [0.1, 0.2, 0.3], "rl.gamma": [0.5, 0.9]},
            "zip": [["seed", "rl.lr"]]}
    pairs = [(o["seed"], o["rl.lr"], o["rl.gamma"]) for o, _ in expand_sweep(spec)]
    assert pairs == [(1, 0.1, 0.5), (1, 0.1, 0.9), (2, 0.2, 0.5), (2, 0.2, 0.9), (3, 0.3, 0.5), (3, 0.3, 0.9)]


def test_names_from_the_template_and_by_index():
    spec = {"base": BASE, "grid": {"seed": [1, 2]}, "name": "{dataset}-s{seed}-{rl.lr}-{index}"}
    assert [c.name for c in expand(load_spec(spec))] == ["eru10000-s1-0.003-0", "eru10000-s2-0.003-1"]
    spec = {"base": BASE, "grid": {"seed": list(range(12))}}
    assert [c.name for c in expand(load_spec(spec))][:2] == ["00", "01"]
    spec = {"base": {**BASE, "dataset": "lrhammond/buggy-apps"}, "grid": {"seed": [1]}, "name": "{dataset}"}
    assert expand(load_spec(spec))[0].name == "lrhammond_buggy-apps"  # safe as a file name


def test_clashing_names_are_refused():
    spec = {"base": BASE, "grid": {"seed": [1, 2]}, "name": "run"}
    with pytest.raises(SpecError, match="both named 'run'"):
        expand_sweep(spec)


def test_every_invalid_combination_is_listed_with_its_overrides():
    base = {**BASE, "agents": {"prover": {"num_gnn_layers": 3}}}  # a graph-isomorphism field
    spec = {"base": base, "grid": {"scenario": ["graph_isomorphism", "code_validation"], "seed": [1, 2]}}
    with pytest.raises(ParameterValidationError) as caught:
        expand_sweep(spec)
    error = caught.value
    assert "2 of 4 combinations" in str(error)
    (problem,) = error.problems
    assert problem.address == "agents.prover.num_gnn_layers"
    assert "in 2 of 4 combinations: #2 (scenario=code_validation seed=1); #3" in problem.hint


def test_a_spec_file_reports_every_problem_at_its_line(tmp_path):
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "base: base.yaml\n"            # 1
        "grid:\n"                      # 2
        "  rl.lrr: [0.1]\n"            # 3
        "  seed: [1, two]\n"           # 4
        "  rl.gamma: 0.9\n"            # 5
        "zip: [[seed, nope]]\n"        # 6
        "name: '{agents.prover.foo}'\n"  # 7
        "grd: {}\n",                   # 8
        encoding="utf-8",
    )
    (tmp_path / "base.yaml").write_text("scenario: graph_isomorphism\ntrainer: vanilla_ppo\n"
                                        "dataset: eru10000\n", encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        expand_sweep(spec)
    error = caught.value
    found = {p.address: line for p, line in zip(error.problems, error.lines, strict=True)}
    assert found == {"grid.rl.lrr": (3, 3), "grid.seed.1": (4, 13), "grid.rl.gamma": (5, 13),
                     "zip.0.1": (6, 14), "name": (7, 7), "grd": (8, 1)}
    assert f"{spec}:3:3: grid.rl.lrr: unknown key 'lrr'" in str(error)
    assert "did you mean 'grid'?" in str(error)


@pytest.mark.parametrize(
    ("spec", "says"),
    [
        ([1, 2], "<root>: expected object, got array"),
        ({"base": BASE, "grid": []}, "grid: expected object, got array"),
        ({"base": BASE, "grid": {"seed": []}},
         r"grid.seed: expected at least 1 item, got 0 \(The values this address takes \(a single value"),
        ({"base": 3, "grid": {"seed": [1]}}, "base: expected string or object, got integer 3"),
        ({"base": "missing.yaml", "grid": {"seed": [1]}}, "cannot read the base"),
        ({"base": BASE, "grid": {"seed": [1]}, "zip": "seed"}, "zip: expected array, got string 'seed' \\(Groups of grid addresses"),
        ({"base": BASE, "grid": {"seed": [1, 2], "rl.lr": [0.1]}, "zip": [["seed", "rl.lr"]]},
         "lists of the same length"),
        ({"base": BASE, "grid": {"seed": [1]}, "name": ""}, "name: .* \\(The file name of each run"),
        ({"base": BASE, "grid": {"seed": [1]}, "wandb": {"parameters": {}}},
         r"wandb.parameters: not allowed here \(Made from grid: give the values there.\)"),
        ({"base": BASE, "grid": {"seed": [1]}, "wandb": {"method": "bogus"}},
         "wandb.method: expected one of 'grid', 'random', 'bayes', got 'bogus'"),
        ({"base": {**BASE, "agents": {"verifier": {}}}, "grid": {"seed": [1]},
          "name": "{agents.prover.d_gnn}"}, "has no value in combination #0"),
    ],
)
def test_malformed_specs(spec, says):
    with pytest.raises(SpecError, match=says):
        expand_sweep(spec)


def test_the_w_and_b_sweep_configuration():
    spec = load_spec({"base": BASE, "grid": {"rl.lr": [0.1, 0.2], "agents.prover.d_gnn": [8]},
                      "wandb": {"program": "train.py", "metric": {"name": "loss", "goal": "minimize"}}})
    assert wandb_sweep_config(spec) == {
        "method": "grid", "program": "train.py", "metric": {"name": "loss", "goal": "minimize"},
        "parameters": {"rl.lr": {"values": [0.1, 0.2]}, "agents.prover.d_gnn": {"values": [8]}},
    }
    zipped = load_spec({"base": BASE, "grid": {"seed": [1], "rl.lr": [0.1]}, "zip": [["seed", "rl.lr"]]})
    with pytest.raises(SpecError, match="zip group cannot be written with --format wandb"):
        wandb_sweep_config(zipped)
