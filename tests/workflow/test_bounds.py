"""Bounded, linear work for overrides and sweeps: each count has a stated limit, refused before any
work is done, and the work below the limit grows linearly with the count.

Linear growth is checked by counting the Python lines run (`sys.settrace`), not by timing: doubling
the count must about double the lines. Quadratic code (a list scanned once per item) runs four
times as many.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import pytest

from nip.parameters import ParameterValidationError, SpecError, expand_sweep
from nip.parameters._objects.overrides import MAX_OVERRIDES, overrides_from
from nip.parameters._workflow.compose import compose
from nip.parameters._workflow.spec import MAX_ADDRESSES, load_spec
from nip.parameters._workflow.sweep import MAX_RUNS, expand
from nip.parameters._workflow.wandb_sweep import check_wandb_sweep
from nip.parameters.cli import main

BASE = {"scenario": "graph_isomorphism", "trainer": "vanilla_ppo", "dataset": "eru10000"}


def python_lines(work: Callable[[], Any]) -> int:
    """How many lines of Python (a loop's line once per turn) `work` runs."""
    count = 0

    def trace(frame: Any, event: str, arg: Any) -> Any:
        nonlocal count
        count += 1
        return trace

    sys.settrace(trace)
    try:
        work()
    except ParameterValidationError:
        pass
    finally:
        sys.settrace(None)
    return count


def growth(make: Callable[[int], Callable[[], Any]], size: int = 400) -> float:
    """Lines run for 2 x size over lines for size (after a warm-up run fills the caches)."""
    python_lines(make(size // 4))
    return python_lines(make(2 * size)) / python_lines(make(size))


# ---- linear -------------------------------------------------------------------------------------------
@pytest.mark.slow
def test_n_invalid_override_values_cost_linear_work():
    def run(n: int) -> Callable[[], Any]:
        return lambda: compose([BASE], [f"agents.a{i}.d_gnn=big" for i in range(n)])

    with pytest.raises(ParameterValidationError) as caught:
        run(50)()
    assert len(caught.value.problems) == 50
    assert all("set by 'agents.a" in (p.hint or "") for p in caught.value.problems)
    ratio = growth(run)
    assert ratio < 2.2, f"doubling the count multiplied the work by {ratio:.2f}"


@pytest.mark.slow
def test_n_invalid_override_addresses_cost_linear_work():
    def run(n: int) -> Callable[[], Any]:
        return lambda: compose([BASE], [f"agents.a{i}.d_gnnx=1" for i in range(n)])

    ratio = growth(run)
    assert ratio < 2.2, f"doubling the count multiplied the work by {ratio:.2f}"


@pytest.mark.parametrize("kind", ["valid", "unknown address", "invalid value"])
def test_n_sweep_spec_addresses_cost_linear_work(kind):
    field, value = {"valid": ("d_gnn", 3), "unknown address": ("d_gnnx", 3),
                    "invalid value": ("d_gnn", "big")}[kind]

    def run(n: int) -> Callable[[], Any]:
        return lambda: load_spec({"base": BASE, "grid": {f"agents.a{i}.{field}": [value] for i in range(n)}})

    if kind != "valid":
        with pytest.raises(SpecError) as caught:
            run(30)()
        assert len(caught.value.problems) == 30
    ratio = growth(run)
    assert ratio < 2.2, f"doubling the count multiplied the work by {ratio:.2f}"


@pytest.mark.slow
def test_zip_groups_of_many_addresses_cost_linear_work():
    def run(n: int) -> Callable[[], Any]:
        grid = {f"agents.a{i}.d_gnn": [1, 2] for i in range(n)}
        return lambda: load_spec({"base": BASE, "grid": grid, "zip": [list(grid)[i:i + 2] for i in range(0, n, 2)]})

    assert len(run(6)().axes) == 3
    ratio = growth(run, size=1000)
    assert ratio < 2.2, f"doubling the count multiplied the work by {ratio:.2f}"


@pytest.mark.slow
def test_unknown_zip_addresses_cost_linear_work():
    def run(n: int) -> Callable[[], Any]:
        grid = {f"agents.a{i}.d_gnn": [1] for i in range(n)}
        return lambda: load_spec({"base": BASE, "grid": grid, "zip": [[f"agents.b{i}.d_gnn" for i in range(n)]]})

    with pytest.raises(SpecError) as caught:
        run(30)()
    assert len(caught.value.problems) == 30
    assert "did you mean 'agents.a0.d_gnn'?" in str(caught.value)
    ratio = growth(run)
    assert ratio < 2.2, f"doubling the count multiplied the work by {ratio:.2f}"


# ---- limits ---------------------------------------------------------------------------------------------
def test_overrides_past_the_limit_are_refused_before_any_is_read():
    taken = []

    def endless():
        while True:
            taken.append(1)
            yield "seed=1"

    with pytest.raises(ParameterValidationError, match=f"more than {MAX_OVERRIDES:,} overrides"):
        overrides_from(endless())
    assert len(taken) == MAX_OVERRIDES + 1  # an endless source is not read to its end
    assert len(overrides_from(["seed=1"] * MAX_OVERRIDES)) == MAX_OVERRIDES


def test_grid_addresses_past_the_limit_are_refused():
    grid = {f"agents.a{i}.d_gnn": [1] for i in range(MAX_ADDRESSES + 1)}
    with pytest.raises(SpecError, match=f"{MAX_ADDRESSES + 1:,} addresses, more than the limit of {MAX_ADDRESSES:,}"):
        load_spec({"base": BASE, "grid": grid})


def test_a_sweep_past_the_run_limit_is_refused_before_anything_is_built(monkeypatch):
    values = list(range(10))
    spec = load_spec({"base": BASE, "grid": {"seed": values, "rl.lr": [0.1] * 10, "agents.prover.d_gnn": values,
                                             "agents.verifier.d_gnn": values, "rl.gamma": [0.5] * 10,
                                             "agents.prover.num_gnn_layers": values}})
    assert spec.count == 10**6 > MAX_RUNS
    built = []
    monkeypatch.setattr("nip.parameters._workflow.sweep.set_values", lambda *a, **k: built.append(a))
    with pytest.raises(SpecError, match=r"1,000,000 combinations .*more than the limit of 100,000 runs") as caught:
        expand(spec)
    assert "--max-runs" in str(caught.value)
    assert not built


def test_max_runs_lowers_and_raises_the_limit():
    spec = {"base": BASE, "grid": {"seed": [1, 2, 3], "rl.lr": [0.1, 0.2]}}
    with pytest.raises(SpecError, match="6 combinations"):
        expand_sweep(spec, max_runs=5)
    assert len(expand_sweep(spec, max_runs=6)) == 6


def test_a_w_and_b_file_past_the_address_limit_is_refused(tmp_path):
    path = tmp_path / "sweep.yaml"
    path.write_text("method: grid\nparameters:\n" + "".join(f"  agents.a{i}.d_gnn: {{value: 1}}\n"
                                                             for i in range(MAX_ADDRESSES + 1)), encoding="utf-8")
    with pytest.raises(SpecError, match=rf"{MAX_ADDRESSES + 1:,} parameters, more than the limit of {MAX_ADDRESSES:,}"):
        check_wandb_sweep(path)


def test_sweep_max_runs_on_the_command_line(tmp_path, capsys):
    spec = tmp_path / "spec.yaml"
    spec.write_text("base: {scenario: graph_isomorphism, trainer: vanilla_ppo, dataset: d}\n"
                    "grid:\n  seed: [1, 2, 3]\n  rl.lr: [0.1, 0.2]\n", encoding="utf-8")
    assert main(["sweep", str(spec), "--dry-run", "--max-runs", "5"]) == 1
    assert f"{spec}:2:1: grid: the grid makes 6 combinations (3 x 2), more than the limit of 5 runs" in capsys.readouterr().err
    assert main(["sweep", str(spec), "--dry-run", "--max-runs", "6"]) == 0
    for bad in ("0", "-1", "x", "1e3", "٣"):
        assert main(["sweep", str(spec), "--max-runs", bad]) == 2
        assert "--max-runs: expected a positive whole number" in capsys.readouterr().err
