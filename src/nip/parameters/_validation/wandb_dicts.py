"""W&B run configs: the `config.yaml` W&B writes next to a run, and the dict its API returns.

A run's `config.yaml` starts with ``wandb_version: 1``, holds every key of the logged config as
``{desc: ..., value: ...}`` and adds a ``_wandb`` key of W&B's own bookkeeping. The API's
``run.config`` is the plain dict, sometimes with ``_wandb``. Both are recognised wherever a config
is read or checked (`validate`, `from_dict`, `convert_hyper_param_dict`, `migrate`, the file
reader): this module is the one place that unwraps them. What W&B added is dropped, the logged
values are kept as they are. It sits with the validator, the lowest layer that reads configs, and
imports nothing heavy: `import nip.parameters` stays light.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import ConfigFileError, brief

__all__ = ["BOOKKEEPING_KEY", "VERSION_KEY", "WANDB_KEYS", "is_run_file", "is_wandb_dict",
           "plain_run_config", "unwrap_run_file", "wrapping_fault"]

VERSION_KEY = "wandb_version"  # only W&B's run files have it: it marks the wrapped form
BOOKKEEPING_KEY = "_wandb"  # W&B's own record of the run (versions, timings), never a nip key
WANDB_KEYS = (VERSION_KEY, BOOKKEEPING_KEY)  # either one marks a dict W&B wrote
_WRAPPER_KEYS = frozenset({"desc", "value"})


def is_wandb_dict(data: Mapping[str, Any]) -> bool:
    """Does `data` carry W&B's additions (a run file's wrapping, or the API's ``_wandb``)?"""
    return any(key in data for key in WANDB_KEYS)


def is_run_file(data: Any) -> bool:
    """Is `data` a W&B run file's content (``wandb_version`` and ``{desc, value}`` entries)?"""
    return isinstance(data, Mapping) and VERSION_KEY in data


def unwrap_run_file(data: Mapping[str, Any], name: str) -> dict[str, Any]:
    """The config logged to W&B, from the content of its run file `name` (config.yaml).

    Raises `ConfigFileError` when an entry is not ``{desc, value}``: that file is not one W&B wrote,
    and guessing would lose data.
    """
    fault = wrapping_fault(data)
    if fault is not None:
        raise ConfigFileError(name, fault[1])
    return {key: entry["value"] for key, entry in data.items() if key not in WANDB_KEYS}


def wrapping_fault(data: Mapping[str, Any]) -> tuple[str, str] | None:
    """The first key of a run file's content that is not ``{desc, value}``, and what is wrong."""
    for key, entry in data.items():
        if key in WANDB_KEYS:
            continue
        if not isinstance(entry, Mapping) or "value" not in entry or set(entry) - _WRAPPER_KEYS:
            return key, (f"has {VERSION_KEY!r}, so it was read as a W&B run config, but {key!r} is "
                         f"{brief(entry)}, not {{desc: ..., value: ...}} as W&B writes every key")
    return None


def plain_run_config(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """`data` without W&B's additions: a run file's content unwrapped, an API ``run.config``
    without ``_wandb``; any other dict is returned as it is (not copied)."""
    if VERSION_KEY in data:
        return unwrap_run_file(data, "W&B run config")
    if BOOKKEEPING_KEY in data:
        return {key: value for key, value in data.items() if key != BOOKKEEPING_KEY}
    return data
