"""``nip-params diff A B``: the settings where two configs differ, leaf by leaf."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from typing import Any

from .._files import read_config
from .._workflow.diff import diff, side_by_side
from ..errors import ConfigFileError, NipParametersError
from ._output import EXIT_INVALID as EXIT_DIFFERENT
from ._output import EXIT_OK, EXIT_USAGE, emit, report_error

__all__ = ["register", "run"]

EXAMPLES = """\
examples:
  nip-params diff runs/a.yaml runs/b.json          one line per setting that differs
  nip-params diff old/v0.1.json new.yaml           an old version is migrated first
  nip-params diff wandb/run-1/files/config.yaml wandb/run-2/files/config.yaml
  nip-params diff --format json a.yaml b.yaml      machine-readable
  nip-params diff --all a.yaml b.yaml              every setting, the same ones too

output: one line per leaf, `address: left -> right`, values as JSON; (absent) where one side has
no such setting (an agent only one side names, a field of another agent class):
  rl.lr: 0.0003 -> 0.001
  agents.prover.d_gnn: 16 -> 32

Both configs are read as every command reads them (W&B run configs unwrapped), migrated to the
current version and filled with defaults: a default written out and one left out are the same.
Agents are compared after the `_default` fallback, so {_default: X} and {prover: X} agree on
the prover. _package_version, _package_name, $schema and agents_update_repr are not settings.

exit status: 0 the same, 1 different, 2 bad usage, an unreadable file or an invalid config.
"""


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``diff`` sub-command."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "diff",
        description="Compare two configs setting by setting, after migrating both and filling in "
        "defaults, and list every leaf that differs.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("left", metavar="A", help="config file; '-' is stdin")
    parser.add_argument("right", metavar="B", help="config file; '-' is stdin")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text (default): a line per leaf; json: one report")
    parser.add_argument("--all", action="store_true",
                        help="list every leaf, the same ones too (text: `address: value`)")
    parser.set_defaults(func=run)
    return parser


def _read(source: str) -> tuple[str, Mapping[str, Any]]:
    loaded = read_config(source)
    if not isinstance(loaded.data, Mapping):
        raise ConfigFileError(loaded.name, f"holds a {type(loaded.data).__name__}, not a config object")
    return loaded.name, loaded.data


def run(args: argparse.Namespace) -> int:
    """Run ``nip-params diff``; returns the exit status."""
    if args.left == "-" and args.right == "-":
        report_error("'-' (stdin) can be given only once", "diff")
        return EXIT_USAGE
    configs = []
    for source in (args.left, args.right):
        try:
            configs.append(_read(source))
        except ConfigFileError as error:
            report_error(str(error), "diff")
            return EXIT_USAGE
    (left_name, left), (right_name, right) = configs
    try:
        compare = side_by_side if args.all else diff
        found = compare(left, right, names=(left_name, right_name))
    except NipParametersError as error:  # invalid, or a version that cannot be read or migrated
        report_error(f"cannot compare: {error}", "diff")
        return EXIT_USAGE  # not 1, which says "different"
    same = all(d.same for d in found)
    if args.format == "json":
        report = {"left": left_name, "right": right_name, "same": same,
                  "differences": [d.to_json() for d in found]}
        emit(json.dumps(report, indent=2, ensure_ascii=False) + "\n", sys.stdout)
    else:
        emit("".join(f"{_line(d)}\n" for d in found), sys.stdout)
    return EXIT_OK if same else EXIT_DIFFERENT


def _line(difference: Any) -> str:
    if difference.same:
        return f"{difference.address}: {json.dumps(difference.left, ensure_ascii=False)}"
    return str(difference).replace("\n", " ")
