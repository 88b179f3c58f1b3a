"""Checking configs against the published schemas shipped in the package.

What the rest of the package uses: `validate`/`iter_errors` (public), the per-class checks that
building objects needs, and the plain-data walk. Imports nothing above it (see docs/architecture.md).
"""

from .api import (
    class_check,
    class_keys,
    class_problems,
    iter_errors,
    old_version_note,
    unknown_key_problem,
    validate,
    version_of,
)
from .messages import closest

__all__ = [
    "class_check",
    "class_keys",
    "class_problems",
    "closest",
    "iter_errors",
    "old_version_note",
    "unknown_key_problem",
    "validate",
    "version_of",
]
