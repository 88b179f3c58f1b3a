"""``nip-params get FILE ADDRESS``: print one value of a config."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from .._files import dump_config, read_config
from .._objects.lookup import lookup
from ..errors import AddressNotFoundError, brief
from ..hyper_parameters import HyperParameters
from ._output import EXIT_INVALID as EXIT_MISSING
from ._output import EXIT_OK, emit, report_error

__all__ = ["register", "run"]


EXAMPLES = """\
examples:
  nip-params get run.yaml trainer                         vanilla_ppo
  nip-params get run.yaml agents.prover.num_gnn_layers    5
  nip-params get run.yaml ppo                             the whole group, as JSON
  nip-params get run.yaml agents.verifier --format yaml   one agent, as YAML
  nip-params get run.yaml spg.stackelberg_sequence.0      list items by index
  nip-params get run.yaml /agents/prover/d_gnn            a JSON pointer works too
  nip-params get --raw partial.yaml rl                    only what the file itself says

By default the value comes from the complete config (HyperParameters.from_dict(file).to_dict()),
so a field the file leaves out shows its default; the file must then be valid. --raw reads the file
as written, without validation.

Strings print without quotes and other scalars as JSON (true, null, 0.003); groups, agents and
lists print as JSON (or YAML with --format yaml). --format json quotes strings too.

exit status: 0 ok, 1 no value at ADDRESS or an invalid config, 2 bad usage or an unreadable file.
"""


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``get`` sub-command."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "get",
        description="Print the value at a dotted ADDRESS (or JSON pointer) of a config file.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", metavar="FILE", help="config file; '-' is stdin")
    parser.add_argument(
        "address",
        metavar="ADDRESS",
        help="dotted address (agents.prover.d_gnn) or JSON pointer",
    )
    parser.add_argument(
        "--format",
        choices=("plain", "json", "yaml"),
        default="plain",
        help="plain (default): strings unquoted, the rest as JSON; json; yaml",
    )
    parser.add_argument(
        "--raw",
        action="store_true",
        help="read the file as written, without filling in defaults or validating",
    )
    parser.set_defaults(func=run)
    return parser


def _render(value: Any, fmt: str) -> str:
    if fmt == "yaml":
        return dump_config(value, "yaml")
    if fmt == "plain" and isinstance(value, str):
        return value + "\n"
    if fmt == "plain" and not isinstance(value, (dict, list, tuple)):
        return json.dumps(value) + "\n"
    return dump_config(value, "json")


def run(args: argparse.Namespace) -> int:
    """Run ``nip-params get``; returns the exit status."""
    loaded = read_config(args.file)
    data = loaded.data
    if not args.raw:
        if not isinstance(data, dict):
            report_error(f"{loaded.name} holds a {type(data).__name__}, not a config object "
                         "(use --raw to read it anyway)", "get")
            return EXIT_MISSING
        data = HyperParameters.from_dict(data).to_dict()
    try:  # the lookup of `HyperParameters.get`: agents fall back to `_default`, in --raw too
        value = lookup(data, args.address, HyperParameters if isinstance(data, dict) else None)
    except AddressNotFoundError as missing:
        report_error(f"no value at {brief(args.address)} in {loaded.name}: {missing.reason}", "get")
        return EXIT_MISSING
    emit(_render(value, args.format), sys.stdout)
    return EXIT_OK
