"""Where the time goes: cProfile of the object cases of `make bench`.

    .venv/bin/python benchmarks/profile_hotspots.py [--calls N] [--top K] [CASE ...]

Cases: from_dict, to_dict, ctor (full config), ctor_small, iter_errors (invalid full configs).
For each, prints the top functions by own time and by cumulative time (nip.parameters functions
are shown with their file), plus the per-call cost of each.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _configs import build_small, full_config, small_config

import nip.parameters as nip_params
from nip.parameters import HyperParameters


def cases() -> dict[str, Any]:
    full, small = full_config(), small_config()
    obj = HyperParameters.from_dict(full.data)
    return {
        "from_dict": lambda: HyperParameters.from_dict(full.data),
        "to_dict": obj.to_dict,
        "ctor": full.construct,
        "ctor_small": lambda: build_small(small.data),
        "iter_errors": lambda: [list(nip_params.iter_errors(b)) for b in full.invalid],
    }


def _where(func: tuple[str, int, str]) -> str:
    filename, line, name = func
    if filename == "~":
        return name  # a built-in
    path = Path(filename)
    parts = path.parts
    if "nip" in parts:
        short = "/".join(parts[parts.index("nip") :])
    elif "site-packages" in parts:
        short = "/".join(parts[parts.index("site-packages") + 1 :])
    else:
        short = path.name
    return f"{short}:{line}({name})"


def report(name: str, fn: Any, calls: int, top: int) -> None:
    for _ in range(20):
        fn()  # warm caches
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(calls):
        fn()
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = stats.total_tt  # type: ignore[attr-defined]
    print(
        f"\n=== {name}: {total / calls * 1e6:.0f} µs per call under cProfile ({calls} calls)"
    )
    entries = stats.stats  # type: ignore[attr-defined]
    for key, label in [
        (lambda e: e[1][2], "own time"),
        (lambda e: e[1][3], "cumulative"),
    ]:
        print(
            f"  top {top} by {label}:          ncalls/call   own µs/call   cum µs/call"
        )
        ranked = sorted(entries.items(), key=key, reverse=True)
        shown = 0
        for func, (_cc, nc, tt, ct, _callers) in ranked:
            if label == "cumulative" and (func[2] == "<lambda>" or ct >= total * 0.999):
                continue  # the harness itself
            print(
                f"    {_where(func):<70.70} {nc / calls:8.1f} {tt / calls * 1e6:12.1f} "
                f"{ct / calls * 1e6:12.1f}"
            )
            shown += 1
            if shown == top:
                break


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", help="default: all")
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--top", type=int, default=12)
    args = parser.parse_args()
    available = cases()
    for name in args.cases or list(available):
        report(name, available[name], args.calls, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
