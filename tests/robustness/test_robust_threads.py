"""Thread safety: many threads building, serialising, validating and reading configs at once get
exactly what one thread gets, including when the validators and caches are first built under load.

The workload (robust_threads_workload.py) mixes valid and invalid configs of every scenario, trainer
and protocol, agents with every kind of update schedule, random agents, and broken values (unknown
keys, wrong types, NaN, deep nesting, a hostile `_type`). Threads switch every 10 microseconds.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from robust_support import SLOW, count
from robust_threads_workload import run, run_threaded, workload

# The workload pairs agent names with protocols that do not run them: the warning is expected.
pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore:agents\\..*not an agent of")]

HERE = Path(__file__).resolve().parent
SIZE = 20_000 if SLOW else 3_000
COLD_SIZE = 10_000 if SLOW else 1_500
COLD_RUNS = 5 if SLOW else 2
THREADS = 8
ITEMS = workload(SIZE)


@pytest.fixture(scope="module")
def baseline() -> list[list[str]]:
    """One thread, in order: the reference results."""
    results = [run(item) for item in ITEMS]
    kinds = [kind for kind, _ in ITEMS]
    assert "invalid" in kinds and "valid" in kinds
    assert sum(1 for r in results if r[2] == "valid") > SIZE // 2
    return results


@pytest.fixture
def fast_switching() -> object:
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    yield None
    sys.setswitchinterval(interval)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_a_thread_pool_gets_exactly_what_one_thread_gets(baseline: list[list[str]],
                                                         fast_switching: object) -> None:
    count("configs run on threads", len(ITEMS))
    assert run_threaded(ITEMS, THREADS) == baseline


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_in_any_order(baseline: list[list[str]], fast_switching: object) -> None:
    order = list(range(len(ITEMS)))
    random.Random(99).shuffle(order)
    results = run_threaded([ITEMS[i] for i in order], THREADS)
    count("configs run on threads", len(ITEMS))
    for position, index in enumerate(order):
        assert results[position] == baseline[index], f"item {index}"


@pytest.mark.parametrize("attempt", range(COLD_RUNS))
def test_first_use_by_many_threads_in_a_fresh_interpreter(baseline: list[list[str]], attempt: int) -> None:
    """The package is imported, and its validators built, by 8 threads at once (a barrier)."""
    env = {k: v for k, v in os.environ.items() if k not in ("WANDB_ENTITY", "WANDB_PROJECT")}
    env["PYTHONPATH"] = os.pathsep.join([str(HERE), *sys.path])
    done = subprocess.run(
        [sys.executable, str(HERE / "robust_threads_workload.py"), str(COLD_SIZE), str(THREADS)],
        capture_output=True, text=True, env=env, timeout=600, check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout)
    count("configs run on threads (cold start)", COLD_SIZE)
    assert report["cold"], "the package was imported before the threads started"
    assert report["results"] == baseline[:COLD_SIZE]
