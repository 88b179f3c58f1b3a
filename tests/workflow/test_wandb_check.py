"""`sweep --check` (a W&B sweep file) and `sweep --format wandb` (one written from a spec) are one
check: the file's fixed values make the config its swept values go into, a parameter given twice
is reported and both are checked, and nothing is written that the check refuses."""

from __future__ import annotations

from pathlib import Path

import pytest

from nip.parameters import SpecError
from nip.parameters._workflow.spec import load_spec
from nip.parameters._workflow.wandb_sweep import check_wandb_sweep, wandb_sweep_config
from nip.parameters.cli import main

BASE = {"scenario": "graph_isomorphism", "trainer": "vanilla_ppo", "dataset": "eru10000"}


def sweep_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sweep.yaml"
    path.write_text("method: grid\nparameters:\n" + text, encoding="utf-8")
    return path


def test_a_fixed_scenario_decides_the_agent_fields_a_file_may_sweep(tmp_path):
    path = sweep_file(tmp_path, "  scenario: {value: code_validation}\n"
                                "  agents.prover.num_gnn_layers: {values: [2, 4]}\n")
    with pytest.raises(SpecError, match=r"sweep.yaml:4:3: parameters.agents.prover.num_gnn_layers: unknown key "
                       r"'num_gnn_layers' for CodeValidationAgentParameters"):
        check_wandb_sweep(path)


def test_a_swept_scenario_checks_agent_fields_under_each_of_its_values(tmp_path):
    path = sweep_file(tmp_path, "  scenario: {values: [graph_isomorphism, code_validation]}\n"
                                "  agents.prover.num_gnn_layers: {values: [2, 4]}\n")
    with pytest.raises(SpecError, match="for CodeValidationAgentParameters") as caught:
        check_wandb_sweep(path)
    assert len(caught.value.problems) == 1
    fine = sweep_file(tmp_path, "  scenario: {values: [graph_isomorphism]}\n"
                                "  agents.prover.num_gnn_layers: {values: [2, 4]}\n")
    assert check_wandb_sweep(fine) == 2


def test_without_a_scenario_any_agent_class_may_have_the_field(tmp_path):
    path = sweep_file(tmp_path, "  seed: {value: 3}\n  agents.prover.num_gnn_layers: {values: [2, 4]}\n")
    assert check_wandb_sweep(path) == 2


def test_a_parameter_given_dotted_and_nested_is_reported_and_both_are_checked(tmp_path):
    path = sweep_file(tmp_path, "  rl.lr: {values: [fast]}\n"
                                "  rl:\n    parameters:\n      lr: {values: [slow]}\n")
    with pytest.raises(SpecError) as caught:
        check_wandb_sweep(path)
    text = str(caught.value)
    assert "rl.lr is given twice: here and at parameters.rl.lr" in text
    assert "parameters.rl.lr.values.0: expected number, got string 'fast'" in text
    assert "parameters.rl.parameters.lr.values.0: expected number, got string 'slow'" in text


def test_format_wandb_refuses_what_check_refuses_at_the_spec_line(tmp_path, capsys):
    spec = tmp_path / "spec.yaml"
    spec.write_text("base: {scenario: graph_isomorphism, trainer: vanilla_ppo, dataset: d}\n"
                    "grid:\n  seed: [1, 2]\nwandb:\n  program: train.py\n  method: bogus\n", encoding="utf-8")
    out = tmp_path / "sweep.yaml"
    assert main(["sweep", str(spec), "--format", "wandb", "-o", str(out)]) == 1
    # refused when the spec is read, by its schema (sweep-spec.schema.json), at the spec's line
    assert f"{spec}:6:11: wandb.method: expected one of 'grid', 'random', 'bayes', got 'bogus'" in capsys.readouterr().err
    assert not out.exists()
    with pytest.raises(SpecError, match=r"wandb\.metrc: unknown key 'metrc'"):
        wandb_sweep_config(load_spec({"base": BASE, "grid": {"seed": [1]}, "wandb": {"metrc": {}}}))


def test_what_format_wandb_writes_passes_check(tmp_path, capsys):
    spec = tmp_path / "spec.yaml"
    spec.write_text("base: {scenario: graph_isomorphism, trainer: vanilla_ppo, dataset: d}\n"
                    "grid:\n  seed: [1, 2]\n  agents.prover.d_gnn: [8, 16]\n"
                    "wandb: {program: train.py, method: random, run_cap: 3}\n", encoding="utf-8")
    out = tmp_path / "sweep.yaml"
    assert main(["sweep", str(spec), "--format", "wandb", "-o", str(out)]) == 0
    assert check_wandb_sweep(out) == 2


def test_a_scenario_swept_after_many_root_values_still_decides_agent_fields(tmp_path):
    """Each scenario is checked however many other root values vary (once, only the first 64
    combinations of root values were, and a later scenario's agents went unchecked)."""
    grid = {"seed": list(range(64)), "scenario": ["graph_isomorphism", "code_validation"],
            "agents.prover.num_gnn_layers": [2]}
    with pytest.raises(SpecError, match=r"grid\.agents\.prover\.num_gnn_layers\.0: .*CodeValidationAgentParameters"):
        load_spec({"base": BASE, "grid": grid})
    seeds = ", ".join(map(str, range(64)))
    path = sweep_file(tmp_path, f"  seed: {{values: [{seeds}]}}\n"
                                "  scenario: {values: [graph_isomorphism, code_validation]}\n"
                                "  agents.prover.num_gnn_layers: {values: [2]}\n")
    with pytest.raises(SpecError, match="for CodeValidationAgentParameters"):
        check_wandb_sweep(path)
