"""`make bench`, section "scaling": does the cost grow linearly with the size of a config?

Two tables of measurements (not assertions):

- agents: `from_dict` on a valid config with 1, 10, 100 and 1,000 full agents, and `iter_errors` on
  the same config with one fault in every agent;
- faults: `iter_errors` (in process) and `nip-params validate FILE` (its own process, the file as
  issue 11 found it: small agents, each with one fault) for 1 to 10,000 faulty agents, two kinds of
  fault: a wrong type, and a misspelt key (which gets a "did you mean" hint).

- workflow: `compose` with N invalid overrides (a wrong value each), and a sweep spec of N grid
  addresses (`load_spec`: valid, unknown addresses, a wrong value each), 100 to 10,000 (the limit).

Each row gives the time and the time per agent (or fault); linear growth shows as a flat "per"
column. The CLI's time includes the process's start-up, so its "per fault" falls as faults grow.

    .venv/bin/python benchmarks/_scaling.py            # this section alone
    .venv/bin/python benchmarks/_scaling.py workflow   # its workflow table alone
"""

from __future__ import annotations

import copy
import json
import sys
import tempfile
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _process
from _configs import full_config, small_config
from _harness import fmt_time, time_group

import nip.parameters as nip_params
from nip.parameters import HyperParameters

NIP_PARAMS = str(Path(sys.executable).parent / "nip-params")
AGENT_COUNTS = (1, 10, 100, 1_000)
FAULT_COUNTS = (1, 100, 1_000, 10_000)


def with_agents(count: int, fault: bool) -> dict[str, Any]:
    """The full config with `count` copies of its prover agent (one wrong value each, if `fault`)."""
    data = copy.deepcopy(full_config().data)
    agent = data["agents"]["prover"]
    agents: dict[str, Any] = {}
    for i in range(count):
        agents[f"agent_{i:05d}"] = dict(agent, d_gnn="sixteen") if fault else copy.deepcopy(agent)
    data["agents"] = agents
    return data


def with_faults(count: int, kind: str) -> dict[str, Any]:
    """The small config with `count` agents, each a one-key dict with one fault (as issue 11's
    163 KB file with 6,400 agents): a wrong type, or a misspelt key."""
    data = copy.deepcopy(small_config().data)
    entry = {"temperature": "hot"} if kind == "type" else {"temperatur": 0.7}
    data["agents"] = {f"agent_{i:05d}": dict(entry) for i in range(count)}
    return data


def _timed(fns: dict[str, Callable[[], object]], budget: float, sample_seconds: float) -> dict[str, float]:
    timings = time_group(fns, budget=budget, sample_seconds=sample_seconds, min_samples=3)
    return {name: t.median for name, t in timings.items()}


def agent_table(budget: float, sample_seconds: float, log: Callable[[str], None]) -> str:
    rows = [["agents", "from_dict(d)", "per agent", "iter_errors(d), a fault per agent", "per agent"]]
    for count in AGENT_COUNTS:
        log(f"scaling: {count:,} agents")
        valid, faulty = with_agents(count, False), with_agents(count, True)
        assert not list(nip_params.iter_errors(valid))
        assert len(list(nip_params.iter_errors(faulty))) == count
        with warnings.catch_warnings():  # the numbered agents are no protocol's: warned, as they should be
            warnings.simplefilter("ignore")
            t = _timed({"from_dict": lambda v=valid: HyperParameters.from_dict(v),
                        "errors": lambda f=faulty: list(nip_params.iter_errors(f))}, budget, sample_seconds)
        rows.append([f"{count:,}", fmt_time(t["from_dict"]), fmt_time(t["from_dict"] / count),
                     fmt_time(t["errors"]), fmt_time(t["errors"] / count)])
    return _render(rows)


def fault_table(budget: float, sample_seconds: float, log: Callable[[str], None]) -> str:
    rows = [["faults", "kind", "iter_errors(d)", "per fault", "file size", "nip-params validate FILE",
             "per fault", "exit"]]
    with tempfile.TemporaryDirectory(prefix="nip-bench-faults-") as tmp:
        for kind in ("type", "key"):
            for count in FAULT_COUNTS:
                log(f"scaling: {count:,} faults ({kind})")
                data = with_faults(count, kind)
                problems = list(nip_params.iter_errors(data))
                assert len(problems) == count, (kind, count, len(problems))
                t = _timed({"errors": lambda d=data: list(nip_params.iter_errors(d))}, budget / 4,
                           sample_seconds)["errors"]
                path = Path(tmp) / f"faults_{kind}_{count}.json"
                path.write_text(json.dumps(data, indent=1), encoding="utf-8")
                wall, status = _cli(path)
                what = "wrong type" if kind == "type" else "misspelt key (hinted)"
                rows.append([f"{count:,}", what, fmt_time(t), fmt_time(t / count),
                             f"{path.stat().st_size / 1000:,.1f} kB", fmt_time(wall),
                             fmt_time(wall / count), str(status)])
    return _render(rows)


WORKFLOW_COUNTS = (100, 1_000, 10_000)
SPEC_BASE = {"scenario": "graph_isomorphism", "trainer": "vanilla_ppo", "dataset": "d"}


def _refused(fn: Callable[[], object]) -> Callable[[], object]:
    def run() -> object:
        try:
            return fn()
        except nip_params.ParameterValidationError as error:
            return error
    return run


def workflow_table(budget: float, sample_seconds: float, log: Callable[[str], None]) -> str:
    from nip.parameters._workflow.compose import compose
    from nip.parameters._workflow.spec import load_spec

    cases: dict[str, Callable[[int], Callable[[], object]]] = {
        "compose, N invalid overrides": lambda n: _refused(lambda: compose(
            [SPEC_BASE], [f"agents.a{i}.d_gnn=big" for i in range(n)])),
        "sweep spec, N valid addresses": lambda n: _refused(lambda: load_spec(
            {"base": SPEC_BASE, "grid": {f"agents.a{i}.d_gnn": [8] for i in range(n)}})),
        "sweep spec, N unknown addresses": lambda n: _refused(lambda: load_spec(
            {"base": SPEC_BASE, "grid": {f"agents.a{i}.d_gnnx": [8] for i in range(n)}})),
        "sweep spec, N invalid values": lambda n: _refused(lambda: load_spec(
            {"base": SPEC_BASE, "grid": {f"agents.a{i}.d_gnn": ["big"] for i in range(n)}})),
    }
    rows = [["N", "case", "time", "per item"]]
    for name, make in cases.items():
        for count in WORKFLOW_COUNTS:
            log(f"scaling: {name}, N = {count:,}")
            t = _timed({"case": make(count)}, budget / 4, sample_seconds)["case"]
            rows.append([f"{count:,}", name, fmt_time(t), fmt_time(t / count)])
    return _render(rows)


def _cli(path: Path, runs: int = 3) -> tuple[float, int]:
    """Best wall time of `nip-params validate FILE` over `runs` (in the environment of the other
    fresh-process cases: byte code compiled once), and its exit status."""
    results = [_process.run([NIP_PARAMS, "validate", str(path)]) for _ in range(runs)]
    return min(r.seconds for r in results), results[-1].returncode


def _render(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.rjust(w) if i != 1 or len(rows[0]) < 8 else c.ljust(w)
                       for i, (c, w) in enumerate(zip(row, widths, strict=True))) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def run(budget: float, sample_seconds: float, log: Callable[[str], None]) -> str:
    return "\n\n".join([agent_table(budget, sample_seconds, log), fault_table(budget, sample_seconds, log),
                        workflow_table(budget, sample_seconds, log)])


if __name__ == "__main__":
    if sys.argv[1:] == ["workflow"]:
        print(workflow_table(2.0, 0.02, lambda m: print(m, file=sys.stderr)))
        sys.exit(0)
    with tempfile.TemporaryDirectory(prefix="nip-bench-pycache-") as cache:
        _process.use_pycache(Path(cache))
        print(run(2.0, 0.02, lambda m: print(m, file=sys.stderr)))
