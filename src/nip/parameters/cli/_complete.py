"""Shell completion (bash, zsh, fish) through argcomplete: commands, options, and the parameter
addresses of `get` and `compose`, read from the published schema (as Hydra completes overrides).

The shell runs ``nip-params`` with ``_ARGCOMPLETE`` set (the script that
``register-python-argcomplete nip-params`` prints does this); `main` then calls `complete`, which
prints the candidates for the word under the cursor and exits. Nothing here is imported by a plain
command run: argcomplete and the address walk load only when a shell asks.
"""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any, NoReturn

from .._validation import schemas

__all__ = ["addresses", "complete"]

#: The agent entry every config may have (its settings apply to every agent not named).
DEFAULT_AGENT = "_default"


def complete(build_parser: Any, selected: Any) -> NoReturn:
    """Print the completions of ``COMP_LINE`` at ``COMP_POINT`` and exit (argcomplete's protocol)."""
    import argcomplete

    line, point = os.environ.get("COMP_LINE", ""), int(os.environ.get("COMP_POINT", 0))
    words = argcomplete.split_line(line, point)[3]
    parser = build_parser(selected(words[1:]))
    _attach_completers(parser)
    argcomplete.autocomplete(parser)
    os._exit(0)  # autocomplete exits itself; this is for a parser it declined


def _attach_completers(parser: argparse.ArgumentParser) -> None:
    """Address completion on `get`'s ADDRESS and on `compose`'s BASE|ADDRESS=VALUE items."""
    for action in parser._subparsers._group_actions if parser._subparsers else ():
        for name, sub in getattr(action, "choices", {}).items():
            for argument in sub._actions:
                if (name, argument.dest) == ("get", "address"):
                    argument.completer = _get_completer
                elif (name, argument.dest) == ("compose", "items"):
                    argument.completer = _compose_completer


def _get_completer(prefix: str, parsed_args: argparse.Namespace, **_: Any) -> list[str]:
    names = _agent_names([getattr(parsed_args, "file", None)])
    return _one_level(addresses(names), prefix)


def _compose_completer(prefix: str, parsed_args: argparse.Namespace, **_: Any) -> list[str]:
    """Overrides (``rl.lr=``, ``trainer=vanilla_ppo``, ``~agents.prover``) and base files."""
    from argcomplete.completers import FilesCompleter

    items = list(getattr(parsed_args, "items", None) or [])
    names = _agent_names([item for item in items if "=" not in item])
    removal = "~" if prefix.startswith("~") else ""
    text = prefix[len(removal):]
    if "=" in text and not removal:
        address, _equals, start = text.partition("=")
        return [f"{address}={value}" for value in _values(address) if value.startswith(start)]
    found = [f"{removal}{a}" if a.endswith(".") or removal else f"{a}="
             for a in _one_level(addresses(names), text)]
    if removal or any(item for item in items if "=" in item):  # bases come first
        return found
    return found + list(FilesCompleter()(prefix))


def _one_level(candidates: list[str], prefix: str) -> list[str]:
    """The candidates that start with `prefix`, each cut after the part being typed: `rl.` offers
    `rl.lr`, not the fields of every group below (the shell lists a screen, not the schema)."""
    out: list[str] = []
    for candidate in candidates:
        if candidate.startswith(prefix) and candidate != prefix:
            cut = candidate.find(".", len(prefix))
            shown = candidate if cut < 0 else candidate[: cut + 1]
            if shown not in out:
                out.append(shown)
    return out


def addresses(agent_names: tuple[str, ...] = ()) -> list[str]:
    """Every address of the current schema: groups (ending in ``.``, to go on) and fields, with the
    agents as ``agents.NAME.FIELD`` for ``_default`` and `agent_names`."""
    fields, agent_fields = _tree()
    out = list(fields)
    for name in (DEFAULT_AGENT, *agent_names):
        out.append(f"agents.{name}.")
        out.extend(f"agents.{name}.{field}" for field in agent_fields)
    return sorted(set(out))


def _values(address: str) -> list[str]:
    """The values the schema lists for a field (an enum, a boolean), as a shell word."""
    return _enums().get(address, [])


@cache
def _bundle() -> dict[str, Any]:
    return json.loads(schemas.bundle_path().read_text(encoding="utf-8"))


@cache
def _tree() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the addresses outside the agents, the fields of any agent class)."""
    bundle = _bundle()
    root = _root(bundle)
    fields = [a for a, _ in _walk(bundle, root, "") if not a.startswith("agents")]
    fields.append("agents.")
    agent_fields: set[str] = set()
    for entry in _agent_classes(bundle, root):
        agent_fields.update(a for a, _ in _walk(bundle, entry, ""))
    return tuple(fields), tuple(sorted(agent_fields))


@cache
def _enums() -> dict[str, list[str]]:
    bundle = _bundle()
    out: dict[str, list[str]] = {}
    for address, node in _walk(bundle, _root(bundle), ""):
        values = _choices(bundle, node)
        if values:
            out[address] = values
    return out


def _walk(bundle: Mapping[str, Any], node: Mapping[str, Any], prefix: str) -> Iterator[tuple[str, Any]]:
    """(address, schema) of every field under a class node; a group also as ``address.``."""
    for key, sub in node.get("properties", {}).items():
        if key.startswith(("_", "$")) or not isinstance(sub, Mapping) or sub.get("x-meta"):
            continue
        target = _resolve(bundle, sub)
        if "properties" in target and key != "agents":
            yield f"{prefix}{key}.", target
            yield from _walk(bundle, target, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", sub


def _root(bundle: Mapping[str, Any]) -> Mapping[str, Any]:
    """The root class: the bundle's `$ref`, or the `else` of the gate that first checks the
    config's `_package_version` (its `then` only refuses)."""
    return _resolve(bundle, bundle.get("else", bundle) if "$ref" not in bundle else bundle)


def _resolve(bundle: Mapping[str, Any], node: Mapping[str, Any]) -> Mapping[str, Any]:
    """The class a node stands for: its ``$ref``, or the one member of an ``anyOf`` that is one."""
    seen = 0
    while "$ref" in node and seen < 20:
        node = _pointer(bundle, node["$ref"])
        seen += 1
    for member in (*node.get("anyOf", ()), *node.get("oneOf", ())):
        target = _resolve(bundle, member)
        if "properties" in target:
            return target
    return node


def _pointer(bundle: Mapping[str, Any], ref: str) -> Mapping[str, Any]:
    node: Any = bundle
    for part in ref.removeprefix("#/").split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node if isinstance(node, Mapping) else {}


def _agent_classes(bundle: Mapping[str, Any], root: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The classes an agent entry can have: every ``$ref`` the scenarios' rules give an entry."""
    found: list[Mapping[str, Any]] = []

    def refs(node: Any) -> None:
        if isinstance(node, Mapping):
            if isinstance(node.get("$ref"), str):
                found.append(_resolve(bundle, node))
            for value in node.values():
                refs(value)
        elif isinstance(node, list):
            for value in node:
                refs(value)

    for rule in root.get("allOf", ()):
        refs(rule.get("then", {}).get("properties", {}).get("agents", {}).get("additionalProperties"))
    return found


def _choices(bundle: Mapping[str, Any], node: Mapping[str, Any]) -> list[str]:
    """Enum values (without the hidden, deprecated ones) and booleans, as shell words."""
    if node.get("doNotSuggest") or node.get("deprecated"):
        return []
    node = dict(node)
    while "$ref" in node:
        node = {**_pointer(bundle, node.pop("$ref")), **node}
    if "enum" in node:
        return [v for v in node["enum"] if isinstance(v, str)]
    if node.get("type") == "boolean" or "boolean" in (node.get("type") or ()):
        return ["true", "false"]
    out: list[str] = []
    for member in (*node.get("anyOf", ()), *node.get("oneOf", ())):
        out.extend(v for v in _choices(bundle, member) if v not in out)
    return out


def _agent_names(files: list[Any]) -> tuple[str, ...]:
    """The agent names the named config files use (read only if they are small regular files)."""
    from .._files import read_config
    from ..errors import NipParametersError

    names: list[str] = []
    for file in files:
        if not file or file == "-" or not Path(file).is_file() or Path(file).stat().st_size > 1 << 20:
            continue
        try:
            data = read_config(file).data
        except (NipParametersError, OSError):
            continue
        agents = data.get("agents") if isinstance(data, dict) else None
        if isinstance(agents, dict):
            names.extend(k for k in agents if isinstance(k, str) and k.isprintable()
                         and k not in names and k != DEFAULT_AGENT and "." not in k)
    return tuple(names)
