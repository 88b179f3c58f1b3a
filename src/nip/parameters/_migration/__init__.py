"""Migrating old configs: versioned steps declared as data (schema/<v>/migration.json), applied here.

The public face is ``nip.parameters.version`` (nip's API) and ``nip-params migrate``; this package
is the engine behind both. See docs/migrations.md.
"""

from . import engine, report
from .engine import *  # noqa: F403 - the engine's API is this package's API
from .report import *  # noqa: F403

__all__ = engine.__all__ + report.__all__
