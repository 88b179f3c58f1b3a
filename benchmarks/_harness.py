"""Timing and the one table: interleaved samples, gc off while timing, medians and same-run ratios.

The machine is shared and noisy, so every case is timed in a group with its reference, one sample
of each in turn (round robin): a burst of noise then hits the case and its reference alike.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = ["Row", "Timing", "fmt_time", "render_table", "time_group"]


@dataclass
class Timing:
    """Seconds per call, one value per sample."""

    samples: list[float]
    calls_per_sample: int = 1

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def min(self) -> float:
        return min(self.samples)

    @property
    def max(self) -> float:
        return max(self.samples)


def _calibrate(fn: Callable[[], object], sample_seconds: float) -> int:
    """Calls per sample so that one sample lasts about `sample_seconds` (warm-up included)."""
    calls, elapsed = 1, 0.0
    deadline = time.perf_counter() + max(0.02, sample_seconds)
    while True:  # warm-up: at least 3 calls and ~sample_seconds of running
        t0 = time.perf_counter()
        for _ in range(calls):
            fn()
        elapsed = (time.perf_counter() - t0) / calls
        if calls >= 3 and time.perf_counter() >= deadline:
            break
        calls = min(calls * 2, 10_000)
    return max(1, min(10_000, round(sample_seconds / max(elapsed, 1e-9))))


def time_group(
    fns: dict[str, Callable[[], object]],
    *,
    budget: float,
    sample_seconds: float,
    min_samples: int = 5,
    max_samples: int = 200,
) -> dict[str, Timing]:
    """Time every callable in `fns`, interleaved; roughly `budget` seconds of timed work in all."""
    calls = {name: _calibrate(fn, sample_seconds) for name, fn in fns.items()}
    per_round = len(fns) * sample_seconds
    rounds = max(min_samples, min(max_samples, int(budget / per_round)))
    samples: dict[str, list[float]] = {name: [] for name in fns}
    was_enabled = gc.isenabled()
    gc.collect()
    gc.freeze()  # what exists now is never scanned again: the per-round collections stay cheap
    gc.disable()
    try:
        for _ in range(rounds):
            gc.collect()  # outside the timed region; gc stays off while timing
            for name, fn in fns.items():
                n = calls[name]
                t0 = time.perf_counter()
                for _ in range(n):
                    fn()
                samples[name].append((time.perf_counter() - t0) / n)
    finally:
        gc.unfreeze()
        if was_enabled:
            gc.enable()
    return {name: Timing(samples[name], calls[name]) for name in fns}


def fmt_time(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    if seconds >= 1e-6:
        return f"{seconds * 1e6:.1f} µs"
    return f"{seconds * 1e9:.0f} ns"


@dataclass
class Row:
    """One line of the table.

    kind:
      "ref"     a reference: no ratio of its own;
      "slower"  ratio = this / ref, target is a maximum ("≤ 1.5x");
      "faster"  ratio = ref / this, target is a minimum speed-up ("≥ 50x faster");
      "peer"    a peer: ratio = ours / this peer ("ours 1.9x"), target, if any, a maximum;
      "info"    a number reported without ratio.
    `basis` is the statistic the ratio uses ("median", or "min" for fresh processes).
    """

    group: str
    case: str
    timing: Timing | None
    kind: str = "ref"
    ref: Row | None = None  # the reference (or, for a peer, our own case)
    target: float | None = None
    basis: str = "median"
    note: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    def _stat(self, row: Row) -> float:
        assert row.timing is not None
        return row.timing.min if self.basis == "min" else row.timing.median

    def ratio(self) -> float | None:
        if self.timing is None or self.ref is None or self.ref.timing is None:
            return None
        mine, theirs = self._stat(self), self._stat(self.ref)
        if self.kind == "slower":
            return mine / theirs
        if self.kind == "faster":
            return theirs / mine
        if self.kind == "peer":
            return theirs / mine  # ours / peer
        return None

    def cells(self) -> list[str]:
        t = self.timing
        times = (
            [fmt_time(t.median), fmt_time(t.min), fmt_time(t.max)] if t else ["-"] * 3
        )
        ratio = self.ratio()
        basis = " (min)" if self.basis == "min" else ""
        if ratio is None:
            ratio_s, vs = "", ""
        elif self.kind == "faster":
            ratio_s, vs = (
                f"{ratio:.1f}x faster{basis}",
                self.ref.case if self.ref else "",
            )
        elif self.kind == "peer":
            ratio_s, vs = (
                f"ours {ratio:.2f}x{basis}",
                f"ours: {self.ref.case}" if self.ref else "",
            )
        else:
            ratio_s, vs = f"{ratio:.2f}x{basis}", self.ref.case if self.ref else ""
        if self.target is None or ratio is None:
            target_s, met = "", ""
        elif self.kind == "faster":
            target_s, met = (
                f"≥ {self.target:g}x faster",
                "yes" if ratio >= self.target else "NO",
            )
        else:
            target_s, met = (
                f"≤ {self.target:g}x",
                "yes" if ratio <= self.target else "NO",
            )
        return [self.case, *times, ratio_s, vs, target_s, met]


HEADERS = ["case", "median", "min", "max", "ratio", "vs (same run)", "target", "met"]


def render_table(rows: list[Row]) -> str:
    body = [row.cells() for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in body)) for i, h in enumerate(HEADERS)]
    right = {1, 2, 3, 4}

    def line(cells: list[str]) -> str:
        padded = (
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        )
        return "| " + " | ".join(padded) + " |"

    out = [
        line(HEADERS),
        "|"
        + "|".join(
            ("-" * (w + 1) + ":") if i in right else "-" * (w + 2)
            for i, w in enumerate(widths)
        )
        + "|",
    ]
    group = None
    for row, cells in zip(rows, body, strict=True):
        if row.group != group:
            group = row.group
            out.append(line([f"**{group}**"] + [""] * (len(HEADERS) - 1)))
        out.append(line(cells))
    return "\n".join(out)
