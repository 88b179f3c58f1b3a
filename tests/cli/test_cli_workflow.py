"""`nip-params compose`, `sweep` and `diff`, and W&B run configs read by every command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from nip.parameters import HyperParameters
from nip.parameters.cli.compose import is_override

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
SWEEP = EXAMPLES / "sweeps" / "ppo_gi.yaml"
SWEEP_BASE = EXAMPLES / "sweeps" / "ppo_gi_base.yaml"
RUN_FILE = EXAMPLES / "wandb" / "run_config.yaml"
OLD_RUN_FILE = EXAMPLES / "wandb" / "old_run_config.yaml"
GI = ["scenario=graph_isomorphism", "trainer=vanilla_ppo", "dataset=eru10000"]


# ---- compose ----------------------------------------------------------------------------------------
def test_compose_from_overrides_only(cli) -> None:
    run = cli("compose", *GI, "agents.prover.d_gnn=32", "rl.lr=3e-4")
    assert run.code == 0, run.err
    expected = HyperParameters(scenario="graph_isomorphism", trainer="vanilla_ppo", dataset="eru10000")
    expected = expected.with_overrides({"agents.prover.d_gnn": 32, "rl.lr": 0.0003})
    assert run.json() == expected.to_dict(include_package_meta=True)


def test_compose_merges_bases_key_by_key_and_a_later_value_wins(cli, write) -> None:
    first = write("first.yaml", "scenario: graph_isomorphism\ntrainer: vanilla_ppo\ndataset: a\n"
                  "rl: {lr: 0.1, num_epochs: 3}\nagents: {prover: {d_gnn: 8, num_gnn_layers: 2}}\n")
    second = write("second.json", {"dataset": "b", "rl": {"lr": 0.2},
                                   "agents": {"prover": {"d_gnn": 64}}})
    run = cli("compose", str(first), str(second), "seed=3", "--format", "yaml")
    assert run.code == 0, run.err
    config = yaml.safe_load(run.out)
    assert (config["dataset"], config["seed"]) == ("b", 3)
    assert (config["rl"]["lr"], config["rl"]["num_epochs"]) == (0.2, 3)
    assert (config["agents"]["prover"]["d_gnn"], config["agents"]["prover"]["num_gnn_layers"]) == (64, 2)


def test_compose_replaces_a_group_whose_class_changes(cli, write) -> None:
    first = write("first.yaml", "scenario: graph_isomorphism\ntrainer: vanilla_ppo\ndataset: a\n"
                  "agents: {verifier: {d_gnn: 8}}\n")
    second = write("second.yaml", "agents: {verifier: {_type: RandomAgentParameters, is_random: true}}\n")
    run = cli("compose", str(first), str(second))
    assert run.code == 0, run.err
    assert run.json()["agents"]["verifier"]["_type"] == "RandomAgentParameters"


def test_compose_reads_w_and_b_run_files_and_migrates_old_versions(cli) -> None:
    run = cli("compose", str(RUN_FILE), "seed=1")
    assert run.code == 0, run.err
    assert run.json()["seed"] == 1 and run.json()["rl"]["lr"] == 0.0003
    old = cli("compose", str(OLD_RUN_FILE))
    assert old.code == 0, old.err
    assert "migrated" in old.err and old.json()["interaction_protocol"] == "nip"


def test_compose_writes_atomically_and_nothing_on_error(cli, tmp_path) -> None:
    out = tmp_path / "run.yaml"
    assert cli("compose", str(SWEEP_BASE), "seed=5", "-o", str(out)).code == 0
    assert yaml.safe_load(out.read_text())["seed"] == 5
    before = out.read_bytes()
    bad = cli("compose", str(SWEEP_BASE), "rl.lrr=3", "-o", str(out))
    assert bad.code == 1 and "rl.lrr: unknown key 'lrr'" in bad.err and "did you mean 'lr'" in bad.err
    assert out.read_bytes() == before
    missing = tmp_path / "never.json"
    assert cli("compose", str(SWEEP_BASE), "rl.lr=fast", "-o", str(missing)).code == 1
    assert not missing.exists() and list(tmp_path.iterdir()) == [out]  # no temporary left either


@pytest.mark.parametrize(
    ("argv", "code", "says"),
    [
        ([], 2, "give base files"),
        (["seed=1", str(SWEEP_BASE)], 2, "comes after an override"),
        (["missing.yaml"], 2, "no such file"),
        ([*GI, "-o", "x.toml"], 2, "cannot write TOML"),
        (GI[:2], 1, "missing required key 'dataset'"),
        ([*GI, "rl.lr", "x y=1", "rl.lrr=1"], 1, "'rl.lr': expected ADDRESS=VALUE or ~ADDRESS"),
        ([*GI, "rl.lrr=1", "ppo.num_epochs=2"], 1, "did you mean rl.num_epochs"),
    ],
)
def test_compose_usage_and_input_errors(cli, argv, code, says) -> None:
    run = cli("compose", *argv)
    assert run.code == code and says in run.err


def test_what_counts_as_an_override() -> None:
    assert is_override("rl.lr=1") and is_override("~agents.verifier") and is_override("a-b.c_d=")
    assert not is_override("runs/a=b.yaml") and not is_override("base.yaml") and not is_override("-")


# ---- sweep ------------------------------------------------------------------------------------------
def test_sweep_writes_a_config_per_combination_and_the_index(cli, tmp_path) -> None:
    out = tmp_path / "runs" / "ppo_gi"
    run = cli("sweep", str(SWEEP), "-o", str(out))
    assert run.code == 0, run.err
    index = json.loads((out / "sweep.json").read_text())
    assert index["written_by"] == "nip-params sweep"
    configs = index["configs"]
    assert len(configs) == 16 and sorted(p.name for p in out.iterdir()) == sorted(
        [*configs, "sweep.json"])
    first = next(iter(configs))
    assert first == "lr0.0003-v2-seed8144.nip.json"
    config = json.loads((out / first).read_text())
    assert config["_package_version"] == "1.0.0" and config["seed"] == 8144
    assert HyperParameters.from_dict(config).seed == configs[first]["seed"]
    assert [p.name for p in out.parent.iterdir()] == ["ppo_gi"]  # no staging directory left


def test_sweep_refuses_a_non_empty_directory_without_force(cli, tmp_path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    run = cli("sweep", str(SWEEP), "-o", str(out))
    assert run.code == 2 and "not empty" in run.err and "--force" in run.err
    assert [p.name for p in out.iterdir()] == ["notes.txt"]
    assert cli("sweep", str(SWEEP), "-o", str(out), "--force").code == 0
    assert len(list(out.glob("*.nip.json"))) == 16 and (out / "sweep.json").is_file()
    # again with --force and another format: the earlier configs (named in its index) go, mine stay
    assert cli("sweep", str(SWEEP), "-o", str(out), "--force", "--format", "yaml").code == 0
    assert len(list(out.glob("*.nip.yaml"))) == 16
    assert {p.name for p in out.glob("*.json")} == {"sweep.json"} and (out / "notes.txt").exists()


def test_sweep_writes_nothing_when_a_combination_is_invalid(cli, write, tmp_path) -> None:
    spec = write("spec.yaml", f"base: {SWEEP_BASE}\ngrid:\n  scenario: [graph_isomorphism, code_validation]\n")
    out = tmp_path / "out"
    run = cli("sweep", str(spec), "-o", str(out))
    assert run.code == 1 and "1 of 2 combinations" in run.err
    assert "in combination #1 (scenario=code_validation)" in run.err
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["spec.yaml"]


def test_sweep_dry_run_lists_and_writes_nothing(cli, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    run = cli("sweep", str(SWEEP), "--dry-run")
    assert run.code == 0 and "16 combinations, all valid" in run.err
    lines = run.out.splitlines()
    assert len(lines) == 16 and lines[0].split() == [
        "lr0.0003-v2-seed8144", "rl.lr=0.0003", "agents.verifier.num_gnn_layers=2", "seed=8144"]
    assert list(tmp_path.iterdir()) == []


def test_sweep_default_directory_is_named_after_the_spec(cli, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli("sweep", str(SWEEP)).code == 0
    assert (tmp_path / "ppo_gi" / "sweep.json").is_file()


def test_sweep_spec_errors_carry_the_line(cli, write) -> None:
    spec = write("spec.yaml", f"base: {SWEEP_BASE}\ngrid:\n  rl.lr: [0.1]\n  agents.prover.d_gnnn: [8]\n")
    run = cli("sweep", str(spec), "--dry-run")
    assert run.code == 1
    assert f"{spec}:4:3: grid.agents.prover.d_gnnn: unknown key 'd_gnnn'" in run.err
    assert "did you mean 'd_gnn'?" in run.err


def test_sweep_to_a_w_and_b_configuration_and_back(cli, tmp_path) -> None:
    run = cli("sweep", str(SWEEP), "--format", "wandb")
    assert run.code == 0, run.err
    config = yaml.safe_load(run.out)
    assert config["method"] == "grid"
    assert config["parameters"]["seed"] == {"values": [8144, 820, 4173, 3992]}
    out = tmp_path / "sweep.yaml"
    assert cli("sweep", str(SWEEP), "--format", "wandb", "-o", str(out)).code == 0
    assert yaml.safe_load(out.read_text()) == config
    check = cli("sweep", "--check", str(out))
    assert check.code == 0 and "ok (3 parameters)" in check.out


def test_sweep_check_reports_names_values_and_distributions_at_their_lines(cli, write) -> None:
    sweep = write("sweep.yaml", (
        "method: random\n"                                        # 1
        "parameters:\n"                                           # 2
        "  rl.lrr: {values: [0.1]}\n"                             # 3
        "  seed: {values: [1, two]}\n"                            # 4
        "  agents.prover.num_gnn_layers:\n"                       # 5
        "    {min: 1, max: 4, distribution: uniform}\n"           # 6
        "  agents.prover.d_gnn: {min: 8, max: 64}\n"              # 7
        "  rl:\n"                                                 # 8
        "    parameters:\n"                                       # 9
        "      gamma: {value: high}\n"                            # 10
        "progam: train.py\n"))                                    # 11
    run = cli("sweep", "--check", str(sweep))
    assert run.code == 1
    # line:column of the value, or of the key for an unknown key
    for expected in (f"{sweep}:3:3: parameters.rl.lrr: unknown key 'lrr'",
                     f"{sweep}:4:22: parameters.seed.values.1: expected integer, got string 'two'",
                     f"{sweep}:6:36: parameters.agents.prover.num_gnn_layers.distribution: uniform draws any number",
                     f"{sweep}:10:22: parameters.rl.parameters.gamma.value: expected number",
                     f"{sweep}:11:1: progam: unknown key 'progam'"):
        assert expected in run.err, run.err
    assert "d_gnn" not in run.err  # integer bounds: int_uniform, fine
    grid = write("grid.yaml", "method: grid\nparameters:\n  rl.lr: {min: 0.1, max: 0.2}\n")
    assert "a grid sweep needs values" in cli("sweep", "--check", str(grid)).err


# ---- diff -------------------------------------------------------------------------------------------
def test_diff_exit_codes_and_lines(cli, write) -> None:
    a = write("a.yaml", "scenario: graph_isomorphism\ntrainer: vanilla_ppo\ndataset: eru10000\n")
    full = HyperParameters(scenario="graph_isomorphism", trainer="vanilla_ppo", dataset="eru10000")
    b = write("b.json", full.to_dict(include_package_meta=True))
    same = cli("diff", str(a), str(b))
    assert (same.code, same.out) == (0, "")
    c = write("c.json", full.with_overrides({"rl.lr": 0.01, "agents.prover.d_gnn": 32}).to_dict())
    different = cli("diff", str(a), str(c))
    assert different.code == 1
    assert different.out.splitlines() == ["agents.prover.d_gnn: 16 -> 32", "rl.lr: 0.003 -> 0.01"]
    report = cli("diff", "--format", "json", str(a), str(c)).json()
    assert report["same"] is False and report["differences"][1] == {
        "address": "rl.lr", "change": "changed", "left": 0.003, "right": 0.01}
    everything = cli("diff", "--all", str(a), str(c))
    assert everything.code == 1 and "rl.lr: 0.003 -> 0.01" in everything.out
    assert "seed: 6198" in everything.out and len(everything.out.splitlines()) > 200


def test_diff_unreadable_or_invalid_is_2(cli, write) -> None:
    a = write("a.yaml", "scenario: graph_isomorphism\ntrainer: vanilla_ppo\ndataset: eru10000\n")
    bad = write("bad.yaml", "scenario: graph_isomorphism\ntrainer: vanilla_ppo\ndataset: x\nrl: {lr: fast}\n")
    run = cli("diff", str(a), str(bad))
    assert run.code == 2 and f"invalid config {bad}" in run.err and "rl.lr" in run.err
    assert cli("diff", str(a), "missing.yaml").code == 2
    assert cli("diff", "-", "-").code == 2


def test_diff_of_w_and_b_run_files_and_an_old_version(cli, tmp_path) -> None:
    second = cli("diff", str(RUN_FILE), str(SWEEP_BASE))
    assert second.code == 1 and second.out == "seed: 820 -> 6198\n"
    old = cli("diff", str(OLD_RUN_FILE), str(EXAMPLES / "old" / "pvg_v0.1_code_validation.json"))
    assert old.code == 0, old.out


# ---- W&B run files in the other commands ---------------------------------------------------------------
def test_validate_says_a_file_was_unwrapped(cli) -> None:
    text = cli("validate", str(RUN_FILE))
    assert text.code == 0 and "ok (W&B run config, unwrapped)" in text.out
    report = cli("validate", "--format", "json", str(RUN_FILE), str(SWEEP_BASE)).json()
    assert [r["unwrapped"] for r in report] == ["wandb-run-config", None]


def test_get_and_migrate_read_w_and_b_run_files(cli, tmp_path) -> None:
    assert cli("get", str(RUN_FILE), "agents.verifier.num_gnn_layers").out == "2\n"
    migrated = cli("migrate", str(OLD_RUN_FILE))
    assert migrated.code == 0 and "wandb_version" not in migrated.out
    assert yaml.safe_load(migrated.out)["interaction_protocol"] == "nip"
    copy = tmp_path / "config.yaml"
    copy.write_bytes(OLD_RUN_FILE.read_bytes())
    refused = cli("migrate", "--in-place", str(copy))
    assert refused.code == 2 and "W&B run config" in refused.out
    assert copy.read_bytes() == OLD_RUN_FILE.read_bytes()


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_a_string_that_looks_like_a_number_survives_the_written_file(cli, tmp_path, fmt) -> None:
    out = tmp_path / f"run.{fmt}"
    assert cli("compose", *GI[:2], "dataset=1e3", "-o", str(out)).code == 0
    assert cli("get", str(out), "dataset").out == "1e3\n"  # read back as the string it is
