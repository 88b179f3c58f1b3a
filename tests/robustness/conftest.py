"""Robustness suite: prints how many inputs were tried and how many distinct errors were seen.

`NIP_SLOW=1` selects the deeper hypothesis profile and the full mutation set (robust_support.py).
"""

from __future__ import annotations

from typing import Any

import robust_support


def pytest_terminal_summary(terminalreporter: Any) -> None:
    counts = robust_support.COUNTS
    if not counts:
        return
    terminalreporter.section("robustness: inputs tried")
    for what in sorted(counts):
        terminalreporter.write_line(f"{what}: {counts[what]}")
    terminalreporter.write_line(
        f"distinct error messages (numbers normalised): {len(robust_support.ERROR_MESSAGES)}"
    )
    terminalreporter.write_line(f"profile: {'NIP_SLOW' if robust_support.SLOW else 'default'}")
