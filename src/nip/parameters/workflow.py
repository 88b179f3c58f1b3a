"""The everyday workflow in Python: expanding a sweep and comparing two configs.

``params.with_overrides(...)`` (on `HyperParameters`) applies dotted-address overrides; the
`nip-params compose`, `sweep` and `diff` commands do the same from the shell (docs/workflow.md).
The implementation lives in `_workflow/`; the package root re-exports these names.
"""

from ._workflow.diff import Difference, diff
from ._workflow.sweep import expand_sweep

__all__ = ["Difference", "diff", "expand_sweep"]
