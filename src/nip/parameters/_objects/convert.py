"""`convert_hyper_param_dict`: migrate an old config, keeping the keys the schema does not know.

nip resumes a run with `from_dict(convert_hyper_param_dict(wandb_config), ignore_extra_keys=True)`,
and a W&B config often carries keys of its own. Conversion therefore never fails on an unknown key:
it keeps it, warns once naming every such key, and leaves the decision to `from_dict` (an error by
default, dropped with `ignore_extra_keys=True`). Every other problem is still an error here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import _registry
from .._migration import migrate
from .._migration.checks import validate_target
from ..errors import Problem, warn
from .build import _strip_unknown, unknown_keys
from .values import get_parameter_class

__all__ = ["convert_keeping_unknown_keys"]

_NAMED = 10  # unknown keys named in the warning; the rest are counted


def convert_keeping_unknown_keys(data: Mapping[str, Any]) -> dict[str, Any]:
    result = migrate(data, validate=False)
    out = result.data
    root = get_parameter_class(_registry.ROOT_CLASS)
    extra = unknown_keys(root, out)
    if extra:
        named = ", ".join(Problem(path, "").address for path in extra[:_NAMED])
        more = f" and {len(extra) - _NAMED} more" if len(extra) > _NAMED else ""
        warn(f"kept {len(extra)} key{'s' if len(extra) != 1 else ''} that version "
             f"{result.report.to_version} does not know: {named}{more}. "
             f"{root.__name__}.from_dict rejects them unless ignore_extra_keys=True, which drops them")
    subject = (f"config after migrating {result.report.from_version or 'unversioned'} -> "
               f"{result.report.to_version}" if result.report.steps
               else f"config (version {result.report.to_version})")
    validate_target(_strip_unknown(root, out) if extra else out, result.report.to_version, subject=subject)
    return out
