"""A deep copy that shares nothing, for migration to edit.

A YAML anchor and its alias (`mnip_protocol: *proto`), or one Python dict given for two groups, is
one object reachable from two places. `copy.deepcopy` keeps that sharing, so a step that adds 1 to
`min_message_rounds` at both places would add 2 to the one object. Here every place gets its own
copy. The copy keeps the containers' and scalars' types, so ruamel.yaml's round-trip data keeps its
comments and quoting.
"""

from __future__ import annotations

import copy
from typing import Any

__all__ = ["unshared_copy"]


class _Forgetful(dict[int, Any]):
    """A `deepcopy` memo that never answers "already copied": each occurrence is copied anew.

    (Only the lookups are forgotten; `deepcopy` still keeps its originals alive through it.) A cycle
    would copy forever, so the data must have passed the plain-data check, which refuses one.
    """

    def get(self, key: int, default: Any = None) -> Any:
        return default


def unshared_copy(data: Any) -> Any:
    """`copy.deepcopy(data)`, without the sharing of objects reachable from two places."""
    return copy.deepcopy(data, _Forgetful())
