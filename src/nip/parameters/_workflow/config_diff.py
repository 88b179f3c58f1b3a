"""Comparing two configs leaf by leaf, as they run: both migrated to the current version and filled
with defaults (an explicit default and an absent key are the same), agents after the `_default`
fallback (``{_default: X}`` and ``{prover: X, verifier: X}`` are the same for those agents).

Two objects are compared through their `to_dict()`. Two dicts are checked against the schema and
then walked together, group by group: an equal group is skipped at once, and a default is worked
out only for a key one side leaves out, so no objects are built. Both ways give the same answer
(tests/workflow/test_diff.py checks them against each other).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from functools import cache
from typing import Any

from .._migration.report import ABSENT
from .._objects.agents import DEFAULT_AGENT, UPDATE_REPR_KEY
from .._objects.build import check_class
from .._objects.dump import dump_value
from .._objects.fields import FieldInfo, field_infos
from .._objects.values import ParameterValue
from ..errors import ParameterValidationError
from .compose import root_class
from .config_difference import Difference, same_value

__all__ = ["ABSENT", "Difference", "diff", "side_by_side"]

_META = frozenset({"_package_version", "_package_name", "$schema"})  # not settings: never compared


def diff(a: Any, b: Any, *, names: tuple[str, str] = ("a", "b")) -> list[Difference]:
    """The leaves where config `b` differs from config `a` (dicts, of any version, or objects).

    An invalid dict raises `ParameterValidationError`, its subject naming the config (`names`).
    """
    out: list[Difference] = []
    if isinstance(a, ParameterValue) and isinstance(b, ParameterValue):
        _plain(_without_meta(a.to_dict()), _without_meta(b.to_dict()), (), out)
        return out
    root = root_class()
    left, right = (_checked(root, x, name) for x, name in zip((a, b), names, strict=True))
    _Walk(root, left, right, out).group(root, left, right, ())
    return out


def side_by_side(a: Any, b: Any, *, names: tuple[str, str] = ("a", "b")) -> list[Difference]:
    """Every leaf of both configs (filled, as `diff` sees them), the same ones too, in order."""
    root = root_class()
    left, right = (_built(root, x, name) for x, name in zip((a, b), names, strict=True))
    out: list[Difference] = []
    _plain(_without_meta(left.to_dict()), _without_meta(right.to_dict()), (), out, everything=True)
    return out


def _checked(root: Any, config: Any, name: str) -> dict[str, Any]:
    """A dict as `from_dict` would read it (W&B's additions dropped, migrated), checked."""
    if isinstance(config, ParameterValue):
        return dict(config.to_dict())
    if not isinstance(config, Mapping):
        raise TypeError(f"diff compares configs (dicts or parameter objects), got {type(config).__name__}")
    try:
        data = root._prepare_dict(config)
        check_class(root, data)
    except ParameterValidationError as error:
        raise ParameterValidationError(error.problems, subject=f"config {name}", note=error.note) from None
    return dict(data)


def _built(root: Any, config: Any, name: str) -> Any:
    if isinstance(config, ParameterValue):
        return config
    try:
        return root.from_dict(config)
    except ParameterValidationError as error:
        raise ParameterValidationError(error.problems, subject=f"config {name}", note=error.note) from None


def _without_meta(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in _META}


# ---- the reference: two filled dicts ------------------------------------------------------------
def _plain(left: Any, right: Any, path: tuple[str, ...], out: list[Difference],
           everything: bool = False) -> None:
    if isinstance(left, Mapping) and isinstance(right, Mapping):
        if path == (_agents_key(),):
            for name in _agent_names(left, right):
                _plain(_entry(left, name), _entry(right, name), (*path, name), out, everything)
            return
        for key in _keys(left, right):
            if key not in _META:
                _plain(left.get(key, ABSENT), right.get(key, ABSENT), (*path, str(key)), out, everything)
    elif everything or not same_value(left, right):
        out.append(Difference(".".join(path), left, right))


@cache
def _agents_key() -> str:
    return next(i.json_name for i in field_infos(root_class()) if i.collection_class is not None)


def _keys(left: Mapping[str, Any], right: Mapping[str, Any]) -> list[Any]:
    return [*left, *(k for k in right if k not in left)]


def _agent_names(left: Mapping[str, Any], right: Mapping[str, Any]) -> list[str]:
    """The agents to compare: every one named on either side; `_default` itself only when both
    sides have one (else it answers for nobody the other side names)."""
    names = [n for n in _keys(left, right) if n not in (DEFAULT_AGENT, UPDATE_REPR_KEY)]
    if DEFAULT_AGENT in left and DEFAULT_AGENT in right:
        names.append(DEFAULT_AGENT)
    return names


def _entry(agents: Mapping[str, Any], name: str) -> Any:
    return agents.get(name, agents.get(DEFAULT_AGENT, ABSENT))


# ---- the fast walk: two checked dicts, filled only where they differ ------------------------------
class _Walk:
    """Both configs' trees at once; `left` and `right` are the whole configs (they decide the
    class of each agent entry)."""

    def __init__(self, root: Any, left: Mapping[str, Any], right: Mapping[str, Any],
                 out: list[Difference]) -> None:
        self.root, self.left, self.right, self.out = root, left, right, out

    def group(self, cls: Any, left: Mapping[str, Any], right: Mapping[str, Any],
              path: tuple[str, ...]) -> None:
        if left == right:
            return  # the same dict fills the same way
        for info in field_infos(cls):
            key = info.json_name
            lv, rv = left.get(key, ABSENT), right.get(key, ABSENT)
            if lv is not ABSENT and rv is not ABSENT and lv == rv and (
                    type(lv) is type(rv) or same_value(lv, rv)):  # checked dicts: `==` tells enough
                continue
            where = (*path, key)
            if info.collection_class is not None:
                self.agents(_present(cls, info, lv), _present(cls, info, rv), where)
            elif info.group_class is not None:
                self.group(info.group_class, _present(cls, info, lv) or {},
                           _present(cls, info, rv) or {}, where)
            else:
                _plain(_leaf(cls, info, lv), _leaf(cls, info, rv), where, self.out)

    def agents(self, left: Any, right: Any, path: tuple[str, ...]) -> None:
        left, right = _agents_of(left), _agents_of(right)
        for name in _agent_names(left, right):
            le, re = _entry(left, name), _entry(right, name)
            lc = None if le is ABSENT else self.root._collection_entry_class(self.left, le)
            rc = None if re is ABSENT else self.root._collection_entry_class(self.right, re)
            if lc is rc and lc is not None:
                self.group(lc, le, re, (*path, name))
            else:  # another class (or none): compare the filled entries whole
                _plain(_filled(lc, le), _filled(rc, re), (*path, name), self.out)



def _agents_of(agents: Any) -> Mapping[str, Any]:
    """The agents as built from a checked config: none given means the scenario's `_default`."""
    return agents if isinstance(agents, Mapping) else {DEFAULT_AGENT: {}}


def _present(cls: Any, info: FieldInfo, value: Any) -> Any:
    return _default(cls, info) if value is ABSENT else value


def _leaf(cls: Any, info: FieldInfo, value: Any) -> Any:
    """A leaf as `to_dict` writes it: its default when absent, a deprecated value replaced, an
    update schedule in its own dict form."""
    value = _present(cls, info, value)
    if info.deprecated_values and isinstance(value, str | int | float | bool):
        value = info.deprecated_values.get(value, value)
    if info.value_class is not None and isinstance(value, Mapping):
        value = info.value_class.from_dict(value).to_dict()
    return dump_value(value)


def _filled(cls: Any, entry: Any) -> Any:
    return ABSENT if cls is None else cls.from_dict(entry).to_dict()


def _default(cls: Any, info: FieldInfo) -> Any:
    found = _fields(cls)[info.name]
    if found.default_factory is not dataclasses.MISSING:
        return dump_value(found.default_factory())
    return None if found.default is dataclasses.MISSING else found.default


@cache
def _fields(cls: Any) -> dict[str, dataclasses.Field[Any]]:
    return {f.name: f for f in dataclasses.fields(cls)}
