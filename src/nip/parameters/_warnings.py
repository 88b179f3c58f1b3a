"""Warnings that point at the user's line, not at the inside of this package."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

_PACKAGE_DIR = str(Path(__file__).resolve().parent)


def warn(message: str, category: type[Warning]) -> None:
    """`warnings.warn` with the stack level of the first frame outside nip.parameters."""
    level, frame = 2, sys._getframe(1)  # stacklevel 2 is our caller
    while frame is not None and _inside(frame.f_code):
        level, frame = level + 1, frame.f_back  # type: ignore[assignment]
    warnings.warn(message, category, stacklevel=level)


def _inside(code: object) -> bool:
    filename = code.co_filename  # type: ignore[attr-defined]
    if filename == "<string>" and code.co_name == "__init__":  # type: ignore[attr-defined]
        return True  # the __init__ that dataclasses generates for our classes
    return str(Path(filename).resolve()).startswith(_PACKAGE_DIR)
