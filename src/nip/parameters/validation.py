"""Checking plain config dicts against the schema of their version (`validate`, `iter_errors`).

The implementation lives in `_validation/`; the package root re-exports both functions.
"""

from ._validation import iter_errors, validate

__all__ = ["iter_errors", "validate"]
