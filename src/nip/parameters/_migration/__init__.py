"""Migrating old configs: versioned steps declared as data (schema/<v>/migration.json), applied here.

The public face is ``nip.parameters.version`` (nip's API) and ``nip-params migrate``; this package
is the engine behind both. See docs/migrations.md.

The chain of steps (and the steps, ops and checks it loads) is imported when one of its names is first
used: a config that states no old version never needs it, and `import nip.parameters` stays light
(the report's `ABSENT` and `Change` are used by `diff`).
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from . import report
from .report import *  # noqa: F403

if TYPE_CHECKING:  # what the names are, for the type checker
    from .chain import *  # noqa: F403

#: `chain.__all__` (tests/migration/test_chain.py checks that the two agree).
CHAIN_NAMES = ("FROM_DATA", "MigrationResult", "current_version", "migrate", "migrate_on_load",
                "needs_migration", "package_meta")

__all__ = [*CHAIN_NAMES, *report.__all__]


def __getattr__(name: str) -> Any:
    if name in CHAIN_NAMES or name == "chain":
        chain = import_module(f"{__name__}.chain")  # (sets this package's `chain` attribute)
        return chain if name == "chain" else getattr(chain, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
