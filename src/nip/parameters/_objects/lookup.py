"""One lookup for `params.get(address)` and `nip-params get`: a dotted address or a JSON pointer,
through parameter objects, their dict form, lists (by index) and the agents, which fall back to
`_default` as their `[]` does, whether they are an `AgentsParameters` or its dict form."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from typing import Any

from .._validation import closest
from ..errors import AddressNotFoundError, brief, counted
from .agents import DEFAULT_AGENT
from .fields import field_infos

__all__ = ["address_parts", "get", "lookup"]

_INDEX = re.compile(r"-?[0-9]{1,18}")  # ASCII digits only: int() would also read "²" or "٣"
_COLLECTION = object()  # the dict form of a keyed collection (the agents): `_default` answers


def get(obj: Any, address: str) -> Any:
    """The value at a dotted address, e.g. ``"rl.lr"`` or ``"agents.prover.d_gnn"``."""
    return lookup(obj, address)


def _parts(address: str) -> list[str]:
    """``"a.b.0"`` or the JSON pointer ``"/a/b/0"`` (RFC 6901) as its parts; ``""``, ``"."`` and
    ``"/"`` name the whole value."""
    if address in ("", ".", "/"):
        return []
    if address.startswith("/"):
        return [p.replace("~1", "/").replace("~0", "~") for p in address[1:].split("/")]
    return list(address_parts(address))


def lookup(value: Any, address: str, root_class: type | None = None) -> Any:
    """The value at `address` in a parameters object or in a dict. For a dict, `root_class` (the
    class it is the dict form of) tells where the agents are, so that they fall back to `_default`."""
    if not isinstance(address, str):
        raise AddressNotFoundError(str(address), "an address is a string")
    kind: Any = root_class
    walked: list[str] = []
    for part in _parts(address):
        where = ".".join(walked) or "the config"
        value, kind = _step(value, kind, part, where, address)
        walked.append(part)
    return value


def address_parts(address: str) -> tuple[str, ...]:
    """The keys of a dotted address: ``"agents.prover.d_gnn"`` -> ``("agents", "prover", "d_gnn")``.

    A list item is addressed by its index (``"spg.stackelberg_sequence.0"``); an empty part (``"rl..lr"``)
    is kept, for the caller to report.
    """
    return tuple(address.split("."))


def _step(value: Any, kind: Any, part: str, where: str, address: str) -> tuple[Any, Any]:
    if hasattr(type(value), "__dataclass_fields__"):  # a parameters object, or a schedule
        return _attribute(value, part, where, address), None
    if isinstance(value, Mapping):
        if part in value:
            return value[part], _next_kind(kind, part)
        if kind is _COLLECTION and DEFAULT_AGENT in value:  # (an AgentsParameters does this itself)
            return value[DEFAULT_AGENT], None
        raise AddressNotFoundError(address, f"{where} has no key {brief(part)}{_hint(part, value)}")
    if isinstance(value, (list, tuple)):
        if not _INDEX.fullmatch(part) or not -len(value) <= int(part) < len(value):
            raise AddressNotFoundError(
                address, f"{where} is a list of {counted(len(value), 'item')}; {brief(part)} is not an index of it")
        return value[int(part)], None
    raise AddressNotFoundError(address, f"{where} is a single value, it has no {brief(part)}")


def _attribute(value: Any, part: str, where: str, address: str) -> Any:
    if hasattr(type(value), "_normalise"):  # a parameters object: its fields, by either name
        names = {n: info.name for info in field_infos(type(value)) for n in (info.name, info.json_name)}
    else:  # an update schedule: its arguments
        names = {f.name: f.name for f in dataclasses.fields(value) if f.init}
    if part in names:
        return getattr(value, names[part])
    raise AddressNotFoundError(address, f"{where} has no key {brief(part)}{_hint(part, names)}")


def _next_kind(kind: Any, part: str) -> Any:
    """What the value under `part` of a dict of class `kind` is: a class, the agents, or unknown."""
    if not isinstance(kind, type) or not hasattr(kind, "_normalise"):
        return None
    for info in field_infos(kind):
        if info.json_name == part:
            if info.collection_class is not None:
                return _COLLECTION
            return info.group_class
    return None


def _hint(part: str, options: Any) -> str:
    guess = closest(part, [str(k) for k in options])
    return f" (did you mean {guess!r}?)" if guess else ""
