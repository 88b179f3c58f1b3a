"""The everyday workflow in Python: expanding a sweep and comparing two configs.

``params.with_overrides(...)`` (on `HyperParameters`) applies dotted-address overrides; the
`nip-params compose`, `sweep` and `diff` commands do the same from the shell (docs/workflow.md).
The implementation lives in `_workflow/`, loaded on first use so that ``import nip.parameters``
stays light; the package root re-exports these names.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from ._workflow.config_difference import Difference

__all__ = ["Difference", "diff", "expand_sweep"]


def expand_sweep(spec: str | os.PathLike[str] | Mapping[str, Any], *,
                 max_runs: int | None = None) -> list[tuple[dict[str, Any], Any]]:
    """Every combination of a sweep spec, as ``(overrides, HyperParameters)`` pairs.

    `spec` is a spec file (YAML or JSON) or a mapping: ``base`` (a file, relative to the spec, or
    an inline config, or a list of them), ``grid`` (address -> list of values: their cartesian
    product), optionally ``zip`` (lists of grid addresses varied together) and ``name`` (a file
    name template). Every combination is built and checked: `ParameterValidationError` lists every
    problem with the combinations it occurs in; a malformed spec raises `SpecError`, each problem
    with its line in the spec file. A spec of more than `max_runs` combinations (default: the
    limit of 100,000) is refused with `SpecError` before any is built.
    """
    from ._workflow.sweep import MAX_RUNS
    from ._workflow.sweep import expand_sweep as expand

    return expand(spec, max_runs=MAX_RUNS if max_runs is None else max_runs)


def diff(a: Any, b: Any, *, names: tuple[str, str] = ("a", "b")) -> list[Difference]:
    """The leaves where config `b` differs from config `a`, as `Difference(address, left, right)`.

    `a` and `b` are dicts (any version: migrated first; W&B's additions dropped) or parameter
    objects. Both are filled with defaults, so a default written out and a key left out are the
    same; agents are compared after the `_default` fallback. A side that has no value at an address
    is `ABSENT` there. An invalid dict raises `ParameterValidationError`, naming it by `names`.
    """
    from ._workflow.config_diff import diff as compare

    return compare(a, b, names=names)
