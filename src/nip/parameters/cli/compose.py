"""``nip-params compose [BASE ...] [ADDRESS=VALUE ...]``: one config from bases and overrides."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from .._files import dump_config, format_of, read_config
from .._files.locate import locator, problem_position
from .._files.output import write_file
from .._objects.lookup import address_parts
from .._workflow.compose import compose
from ..errors import (
    ConfigFileError,
    NipParametersError,
    ParameterValidationError,
    Problem,
)
from ._output import EXIT_INVALID, EXIT_OK, emit, located, report_error, usage_error

__all__ = ["is_override", "register", "run"]

EXAMPLES = """\
examples:
  nip-params compose base.yaml rl.lr=3e-4 agents.prover.d_gnn=32
  nip-params compose base.yaml gi_agents.yaml seed=7 -o run.yaml    bases merged in order
  nip-params compose scenario=graph_isomorphism trainer=vanilla_ppo dataset=eru10000
  nip-params compose run.json '~agents.verifier' spg.stackelberg_sequence=null
  nip-params compose wandb/run-1/files/config.yaml seed=8 -o rerun.json   a W&B run config

Bases are config files (JSON, YAML, TOML; '-' is stdin; W&B run configs are unwrapped and old
versions migrated), merged in order: groups and agents key by key, a later value wins. With no
base, the overrides start from nothing and must give scenario, trainer and dataset.

Overrides come after the bases. ADDRESS is dotted: groups (rl.lr), agents by name
(agents.prover.d_gnn, agents._default.d_gnn) and list items by index. VALUE is read as YAML
(0.001, true, null, [a, b], {lr: 0.1}) and converted to the type the schema gives ADDRESS; a
string field keeps the text (dataset=1e3 is "1e3"). ADDRESS=null sets null; ~ADDRESS removes the
key, so its default applies again (quote it in a shell: '~agents.verifier').

The output is the complete config (to_dict(), with _package_version), checked against the schema.
Nothing is written when an address or a value is wrong. -o OUT is written atomically (an existing
file keeps its mode); OUT may not be one of the bases.

exit status: 0 ok, 1 an unknown address or an invalid config, 2 bad usage or an unreadable file.
"""

# ADDRESS= (dotted keys) or ~ADDRESS: anything else is a base file (`./a=b.yaml` is a file).
_OVERRIDE = re.compile(r"(~|[A-Za-z0-9_\-]+(\.[A-Za-z0-9_\-]+)*=)")


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``compose`` sub-command."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "compose",
        description="Merge base config files in order, apply ADDRESS=VALUE and ~ADDRESS "
        "overrides, check the result and print (or write) the complete config.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("items", nargs="*", metavar="BASE|ADDRESS=VALUE",
                        help="base files first, then overrides")
    parser.add_argument("-o", "--output", metavar="OUT", help="write the config here (atomically)")
    parser.add_argument("--format", choices=("json", "yaml"),
                        help="output format (default: from OUT's extension, else json)")
    parser.set_defaults(func=run)
    return parser


def is_override(item: str) -> bool:
    """Is a command-line item an override (``ADDRESS=VALUE`` or ``~ADDRESS``), not a base file?"""
    return _OVERRIDE.match(item) is not None


def run(args: argparse.Namespace) -> int:
    """Run ``nip-params compose``; returns the exit status."""
    items: list[str] = list(args.items)
    if not items:
        return usage_error("compose", "give base files and/or ADDRESS=VALUE overrides")
    first = next((i for i, item in enumerate(items) if is_override(item)), len(items))
    bases, overrides = items[:first], items[first:]
    late = [item for item in overrides if not is_override(item) and Path(item).is_file()]
    if late:  # anything else after the first override is one, and is reported if malformed
        return usage_error("compose", f"{late[0]!r} comes after an override: give base files first")
    fmt = args.format or (format_of(args.output) if args.output else None) or "json"
    if fmt not in ("json", "yaml"):
        return usage_error("compose", f"cannot write {fmt.upper()}: use --format json or yaml")
    try:
        params = compose(bases, overrides)
    except ParameterValidationError as error:
        return _report_located(error, bases, overrides)
    text = dump_config(params.to_dict(include_package_meta=True), fmt)
    if args.output:  # a base is never overwritten; a link at OUT is replaced, not followed
        write_file(args.output, text, inputs=[base for base in bases if base != "-"])
    else:
        emit(text, sys.stdout)
    return EXIT_OK


def _report_located(error: ParameterValidationError, bases: list[str], overrides: list[str]) -> int:
    """The error, each problem a base file holds at the line and column of the last base that
    gives the value (a value an override sets is named by its override instead)."""
    set_by = [address_parts(item.lstrip("~").split("=", 1)[0]) for item in overrides]
    lines = [f"  {place}: {problem}" if (place := _place(problem, bases, set_by)) else f"  {problem}"
             for problem in error.problems]
    head = str(error).splitlines()[0]
    report_error("\n".join([head, *lines, *([error.note] if error.note else [])]))
    return EXIT_INVALID


def _place(problem: Problem, bases: list[str], set_by: list[tuple[str, ...]]) -> str | None:
    path = [str(part) for part in problem.path]
    if any(path[: len(parts)] == list(parts) or (path and list(parts[: len(path)]) == path)
           for parts in set_by):
        return None
    for base in reversed(bases):
        if base == "-":  # stdin cannot be read a second time
            continue
        try:
            loaded = read_config(base)  # again, and only now that there is a problem to place
        except (ConfigFileError, NipParametersError):
            continue
        if _holds(loaded.data, problem.path):
            at = problem_position(locator(loaded.text, loaded.format, wrapped=loaded.wandb_run),
                                  problem)
            return located(loaded.name, *(at or ()))
    return None


def _holds(data: Any, path: tuple[Any, ...]) -> bool:
    """Does `data` hold a value at `path`?"""
    for part in path:
        in_list = isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)
        if not (in_list or (isinstance(data, dict) and part in data)):
            return False
        data = data[part]
    return True
