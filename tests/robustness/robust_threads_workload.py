"""The thread-safety workload: thousands of configs, valid and invalid, over every scenario.

Used in-process by test_robust_threads.py and, for a cold start (no validator built, no cache filled),
in a fresh interpreter: `python robust_threads_workload.py N THREADS` prints the results as JSON.
Each result is text (a config's JSON, or an error's message), so runs can be compared exactly.
"""

from __future__ import annotations

import json
import math
import random
import sys
import threading
import warnings
from concurrent.futures import ThreadPoolExecutor
from typing import Any

SCENARIOS = {
    "graph_isomorphism": ("GraphIsomorphismAgentParameters", {"d_gnn": 8, "num_gnn_layers": 2}),
    "image_classification": ("ImageClassificationAgentParameters", {"num_blocks_per_group": 3}),
    "code_validation": ("CodeValidationAgentParameters", {"use_dummy_api": True}),
}
TRAINERS = ["vanilla_ppo", "spg", "reinforce", "solo_agent", "pure_text_ei", "pure_text_malt", "ppo"]
PROTOCOLS = ["nip", "adp", "debate", "merlin_arthur", "mnip", "solo_verifier", "multi_channel_test"]
SCHEDULES = [
    None,
    {"_type": "ConstantUpdateSchedule"},
    {"_type": "ContiguousPeriodicUpdateSchedule",
     "ContiguousPeriodicUpdateSchedule": {"period": 7, "start": 2, "stop": 5}},
    {"_type": "AlternatingPeriodicUpdateSchedule",
     "AlternatingPeriodicUpdateSchedule": {"period": 4, "first_agent_num_rounds": 2, "first_agent": False}},
]


def _valid(rng: random.Random, index: int) -> dict[str, Any]:
    scenario = rng.choice(sorted(SCENARIOS))
    _, fields = SCENARIOS[scenario]
    config: dict[str, Any] = {
        "scenario": scenario,
        "trainer": rng.choice(TRAINERS),
        "dataset": f"dataset-{index}",
        "interaction_protocol": rng.choice(PROTOCOLS),
        "seed": index,
        "test_size": rng.choice([0.1, 0.25, 0.5, 0.75]),
    }
    shape = rng.randrange(4)
    if shape == 1:
        config["agents"] = {"_default": dict(fields)}
    elif shape >= 2:
        schedule = rng.choice(SCHEDULES)
        agent = {**fields, "agent_lr_factor": {"actor": rng.random(), "critic": 1}}
        if schedule is not None:
            agent["update_schedule"] = schedule
        config["agents"] = {"prover": agent, "verifier": {"is_random": True}}
    if rng.random() < 0.5:
        config["rl"] = {"num_iterations": index, "lr": 1e-4 * (index % 7 + 1)}
    if rng.random() < 0.3:
        config["spg"] = {"stackelberg_sequence": [["verifier"], ["prover"]], "variant": "sos"}
    return config


def _break(rng: random.Random, config: dict[str, Any]) -> dict[str, Any]:
    broken = json.loads(json.dumps(config))
    how = rng.randrange(7)
    if how == 0:
        broken["rl"] = {"num_epochs_typo": 3}
    elif how == 1:
        broken["seed"] = "not a number"
    elif how == 2:
        broken["trainer"] = "ppo2"
    elif how == 3:
        broken["test_size"] = math.nan
    elif how == 4:
        deep: Any = 0
        for _ in range(1000):
            deep = [deep]
        broken["dataset"] = deep
    elif how == 5:
        broken.setdefault("agents", {})["prover"] = {"_type": "os.system"}
    else:
        del broken["scenario"]
    return broken


def workload(size: int, seed: int = 12345) -> list[tuple[str, dict[str, Any]]]:
    """(kind, config) pairs, the same for a given size and seed: about 1 in 6 invalid."""
    rng = random.Random(seed)
    items = []
    for index in range(size):
        config = _valid(rng, index)
        if rng.random() < 1 / 6:
            items.append(("invalid", _break(rng, config)))
        else:
            items.append(("valid", config))
    return items


def run(item: tuple[str, dict[str, Any]]) -> list[str]:
    """Build, serialise, validate and read back one config; every outcome as text."""
    from nip.parameters import HyperParameters, iter_errors, validate
    from nip.parameters.errors import NipParametersError

    _kind, config = item
    out: list[str] = []
    for step in ("construct", "from_dict", "validate", "iter_errors"):
        try:
            if step == "construct":
                out.append(json.dumps(HyperParameters(**config).to_dict()))
            elif step == "from_dict":
                params = HyperParameters.from_dict(config)
                written = params.to_dict(include_package_meta=True)
                again = HyperParameters.from_dict(written)
                out.append(json.dumps(written) + ("" if again == params else " (round trip differs)"))
            elif step == "validate":
                validate(config)
                out.append("valid")
            else:
                out.append("\n".join(str(p) for p in iter_errors(config)))
        except NipParametersError as error:
            out.append(f"{type(error).__name__}: {error}")
        except TypeError as error:  # a missing or unknown constructor argument, as in nip
            out.append(f"TypeError: {error}")
    return out


def run_threaded(items: list[tuple[str, dict[str, Any]]], threads: int) -> list[list[str]]:
    """Every item on a pool of `threads`; the first `threads` items start together (a barrier), so
    that the validators and caches are first used by many threads at once."""
    barrier = threading.Barrier(threads)

    def first(item: tuple[str, dict[str, Any]]) -> list[str]:
        barrier.wait(timeout=60)
        return run(item)

    with ThreadPoolExecutor(max_workers=threads) as pool:
        head = [pool.submit(first, item) for item in items[:threads]]
        rest = [pool.submit(run, item) for item in items[threads:]]
        return [f.result(timeout=600) for f in head + rest]


def main() -> None:
    size, threads = int(sys.argv[1]), int(sys.argv[2])
    warnings.simplefilter("ignore")  # deprecated 'ppo', from any thread
    cold = not any(name.startswith("nip.parameters") for name in sys.modules)
    sys.setswitchinterval(1e-5)  # switch threads often: more interleavings
    items = workload(size)
    results = run_threaded(items, threads)  # the threads import the package, all at once
    json.dump({"cold": cold, "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
