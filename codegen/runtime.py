"""The runtime pieces the generator shares with the package (the schema differ, the migration hooks),
imported without running the generated package root.

`make generate` must work even when the generated modules it is about to rewrite are broken, so the
package's `__init__` (generated) is not run: a bare stand-in holds its place while the piece is
imported, and is taken away afterwards so that a later `import nip.parameters` gets the real package.
"""

from __future__ import annotations

import importlib
import sys
import types
from pathlib import Path
from typing import Any

PACKAGE = "nip.parameters"
PACKAGE_DIR = Path(__file__).resolve().parent.parent / "src" / "nip" / "parameters"


def runtime(module: str) -> Any:
    """``nip.parameters.<module>``; the package root is not run unless something already imported it."""
    if PACKAGE in sys.modules:
        return importlib.import_module(f"{PACKAGE}.{module}")
    before = set(sys.modules)
    stand_in = types.ModuleType(PACKAGE)
    stand_in.__path__ = [str(PACKAGE_DIR)]
    sys.modules[PACKAGE] = stand_in
    try:
        return importlib.import_module(f"{PACKAGE}.{module}")
    finally:
        for name in set(sys.modules) - before:
            if name == PACKAGE or name.startswith(f"{PACKAGE}."):
                del sys.modules[name]
