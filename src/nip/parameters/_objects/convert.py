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
from .._migration import current_version, migrate
from ..errors import Problem, warn
from .build import _strip_unknown, unknown_keys
from .values import get_parameter_class

__all__ = ["convert_keeping_unknown_keys"]

_NAMED = 10  # unknown keys named in the warning; the rest are counted


def convert_keeping_unknown_keys(data: Mapping[str, Any]) -> dict[str, Any]:
    return migrate(data, checked_form=_without_unknown_keys).data


def _without_unknown_keys(migrated: dict[str, Any]) -> tuple[Mapping[str, Any], frozenset[Any]]:
    """What the strict check of the converted config sees: all but the keys the schema does not
    know, which are kept in the result and named in one warning (their paths are returned, so that
    no other warning names them again)."""
    root = get_parameter_class(_registry.ROOT_CLASS)
    prepared = root._prepare_dict(migrated)  # as from_dict reads it: without W&B's `_wandb`
    extra = unknown_keys(root, prepared)
    if not extra:
        return prepared, frozenset()
    named = ", ".join(Problem(path, "").address for path in extra[:_NAMED])
    more = f" and {len(extra) - _NAMED} more" if len(extra) > _NAMED else ""
    warn(f"kept {len(extra)} key{'s' if len(extra) != 1 else ''} that version {current_version()} "
         f"does not know: {named}{more}. {root.__name__}.from_dict rejects them unless "
         "ignore_extra_keys=True, which drops them")
    return _strip_unknown(root, prepared), frozenset(extra)
