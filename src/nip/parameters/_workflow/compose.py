"""Composing a config: bases read (any format, W&B run configs, old versions migrated), merged in
order, then overrides applied and the result checked (`nip-params compose`)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .. import _registry
from .._files import read_config
from .._objects.overrides import Override, build_with_overrides
from .._objects.values import get_parameter_class
from ..errors import ConfigFileError

__all__ = ["Source", "compose", "load_base", "merge", "root_class"]

Source = str | os.PathLike[str] | Mapping[str, Any]


def root_class() -> Any:
    """The class of a whole config, from the class registry (the generated modules fill it)."""
    return get_parameter_class(_registry.ROOT_CLASS)


def load_base(source: Source) -> dict[str, Any]:
    """A base as a current-version dict: a file (``-`` is stdin) or a mapping given inline.

    W&B's additions are dropped and an older version is migrated (with a warning), as
    `from_dict` does; nothing is checked yet: a base may leave out what the overrides give.
    """
    if isinstance(source, Mapping):
        data: Any = source
    else:
        loaded = read_config(source)
        data = loaded.data
        if not isinstance(data, Mapping):
            raise ConfigFileError(loaded.name, f"holds a {type(data).__name__}, not a config object")
    return dict(root_class()._prepare_dict(data))


def merge(configs: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """The configs merged in order: groups and agents key by key, a later value winning.

    A group or agent that names its class (`_type`) replaces an earlier one that does not name the
    same class, whole: merging the fields of two classes would give neither.
    """
    out: dict[str, Any] = {}
    for config in configs:
        out = _merged(out, config)
    return out


def _merged(earlier: Mapping[str, Any], later: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(earlier)
    for key, value in later.items():
        old = out.get(key)
        if isinstance(old, Mapping) and isinstance(value, Mapping) and _same_class(old, value):
            out[key] = _merged(old, value)
        else:
            out[key] = value
    return out


def _same_class(earlier: Mapping[str, Any], later: Mapping[str, Any]) -> bool:
    """May `later` be merged into `earlier`? Not when it names its class (`_type`) and the earlier
    one does not name the same (a hand-written entry's class is implicit: it may differ)."""
    return "_type" not in later or earlier.get("_type") == later["_type"]


def compose(bases: Sequence[Source], overrides: Mapping[str, Any] | Iterable[str | Override]) -> Any:
    """The config made of `bases` (merged in order) and `overrides`, built and checked.

    With no base, the overrides start from nothing: they must give what every config needs
    (``scenario``, ``trainer``, ``dataset``); every other value is its default.
    """
    data = merge(load_base(base) for base in bases)
    return build_with_overrides(root_class(), data, overrides)
