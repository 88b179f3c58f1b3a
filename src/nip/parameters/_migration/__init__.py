"""Migrating old configs: versioned steps declared as data (schema/<v>/migration.json), applied here.

The public face is ``nip.parameters.version`` (nip's API) and ``nip-params migrate``; this package
is the engine behind both. See docs/migrations.md.
"""

from .engine import (
    FROM_DATA,
    MigrationResult,
    current_version,
    migrate,
    migrate_on_load,
    needs_migration,
)
from .report import ABSENT, Change, MigrationReport

__all__ = [
    "ABSENT",
    "FROM_DATA",
    "Change",
    "MigrationReport",
    "MigrationResult",
    "current_version",
    "migrate",
    "migrate_on_load",
    "needs_migration",
]
