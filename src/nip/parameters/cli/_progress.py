"""A progress line with rate and ETA, on stderr, only when stderr is a terminal.

The total is often not known at the start (a directory is searched as it is read): the ETA
appears once `total` is set (for named files at once; for directories when a count made in a
background thread has finished).
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterator
from typing import TextIO

from ._output import _is_tty, _terminal_width

__all__ = ["RateProgress"]

#: Seconds between two redraws: a fast run is not slowed by its own progress line.
REDRAW_SECONDS = 0.1
#: From this many files on, the line is worth showing.
MIN_FILES = 5


class RateProgress:
    """``1,234/10,000 files  2,150 files/s  ETA 0:04  path`` on one rewritten stderr line."""

    def __init__(self, *, total: int | None = None, stream: TextIO | None = None,
                 minimum: int = MIN_FILES) -> None:
        self.stream = sys.stderr if stream is None else stream
        self.enabled = _is_tty(self.stream)
        self.total = total
        self.minimum = minimum
        self.done = 0
        self._started = time.monotonic()
        self._drawn_at = 0.0
        self._shown = False

    def count_in_background(self, count: Callable[[], Iterator[object]]) -> None:
        """Set `total` from a second pass over the sources, made in a daemon thread (only when
        the line is shown at all)."""
        if not self.enabled or self.total is not None:
            return
        import threading  # only on a terminal


        def run() -> None:
            # The count is only for the ETA: the run itself reports every problem.
            with contextlib.suppress(Exception):
                self.total = sum(1 for _ in count())

        threading.Thread(target=run, name="nip-params-count", daemon=True).start()

    def step(self, label: str) -> None:
        self.done += 1
        if not self.enabled or self.done < self.minimum:
            return
        now = time.monotonic()
        if now - self._drawn_at < REDRAW_SECONDS and self.done != self.total:
            return
        self._drawn_at = now
        self._write(f"\r\x1b[K{self._text(now, label)}")
        self._shown = True

    def _text(self, now: float, label: str) -> str:
        elapsed = max(now - self._started, 1e-9)
        rate = self.done / elapsed
        total = self.total
        count = f"{self.done:,}/{total:,}" if total else f"{self.done:,}"
        text = f"{count} files  {rate:,.0f} files/s"
        if total and rate > 0 and total >= self.done:
            left = int((total - self.done) / rate)
            text += f"  ETA {left // 60}:{left % 60:02d}"
        text += f"  {label}"
        width = _terminal_width(self.stream) or 80  # a terminal that reports no size says 0
        return text if len(text) < width else text[: max(width - 2, 10)] + "…"

    def clear(self) -> None:
        """Remove the line before printing on the same terminal."""
        if self._shown:
            self._write("\r\x1b[K")
            self._shown = False

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):
            self.enabled = False
