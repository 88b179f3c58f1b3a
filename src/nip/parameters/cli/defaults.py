"""``nip-params defaults``: a complete config with every default filled in."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .._files import dump_config
from .._validation import schemas
from ..errors import ParameterValidationError
from ..hyper_parameters import HyperParameters
from ._output import EXIT_OK, emit, report_error, usage_error

__all__ = ["register", "run"]


EXAMPLES = """\
examples:
  nip-params defaults --scenario graph_isomorphism --trainer vanilla_ppo --dataset eru10000
  nip-params defaults --scenario code_validation --trainer pure_text_ei \\
      --protocol debate --dataset lrhammond/buggy-apps --format yaml > run.yaml

The output is HyperParameters(...).to_dict(): the exact dict nip writes, with the agents filled in
for the scenario. Edit it and check it with `nip-params validate`.

exit status: 0 ok, 2 bad usage (e.g. a scenario or trainer that does not exist).
"""


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``defaults`` sub-command."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "defaults",
        description="Print HyperParameters(...).to_dict() for a scenario and trainer: a "
        "complete config with every default filled in.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--scenario", required=True, metavar="S", help="the scenario")
    parser.add_argument("--trainer", required=True, metavar="T", help="the trainer")
    parser.add_argument(
        "--protocol",
        metavar="P",
        help="the interaction protocol (default: the schema's default)",
    )
    parser.add_argument(
        "--dataset",
        metavar="D",
        help="the dataset name (required unless the schema gives a default or an example)",
    )
    parser.add_argument(
        "--format",
        choices=("json", "yaml"),
        default="json",
        help="output format (default: json)",
    )
    parser.add_argument(
        "--package-meta",
        action="store_true",
        help="also write _package_version and _package_name (to_dict(include_package_meta=True))",
    )
    parser.set_defaults(func=run)
    return parser


def _schema_dataset() -> str | None:
    """The root ``dataset`` field's default or first example in the current schema, if any."""
    root = schemas.class_schema(schemas.CURRENT_VERSION, HyperParameters.__name__) or {}
    prop = root.get("properties", {}).get("dataset", {})
    if isinstance(prop.get("default"), str):
        return str(prop["default"])
    examples = prop.get("examples") or []
    return str(examples[0]) if examples and isinstance(examples[0], str) else None


def _undecodable(value: str | None) -> str | None:
    """The first byte of an argument that was not UTF-8 (``0xff``), or None."""
    for char in value or "":
        if "\udc80" <= char <= "\udcff":
            return f"0x{ord(char) - 0xDC00:02x}"
    return None


def run(args: argparse.Namespace) -> int:
    """Run ``nip-params defaults``; returns the exit status."""
    dataset = args.dataset
    if dataset is None:
        dataset = _schema_dataset()
        if dataset is None:
            return usage_error("defaults",
                "--dataset is required: the schema gives no default dataset"
            )
        report_error(f"no --dataset given, using {dataset!r}", "defaults", kind="note")
    kwargs: dict[str, Any] = {
        "scenario": args.scenario,
        "trainer": args.trainer,
        "dataset": dataset,
    }
    if args.protocol is not None:
        kwargs["interaction_protocol"] = args.protocol
    for flag, value in (("--scenario", args.scenario), ("--trainer", args.trainer),
                        ("--protocol", args.protocol), ("--dataset", dataset)):
        undecodable = _undecodable(value)
        if undecodable:  # the shell passed bytes that are not UTF-8 (Python escapes them)
            return usage_error("defaults", f"{flag}: not valid UTF-8 (byte {undecodable}); a "
                               "config file is UTF-8, so it cannot hold this value")
    try:
        params = HyperParameters(**kwargs)
    except ParameterValidationError as error:
        flags = {
            "scenario": "--scenario",
            "trainer": "--trainer",
            "dataset": "--dataset",
            "interaction_protocol": "--protocol",
        }
        lines = [
            f"  {flags.get(p.address, p.address)}: {p.message}"
            + (f" ({p.hint})" if p.hint else "")
            for p in error.problems
        ]
        return usage_error("defaults", "invalid arguments\n" + "\n".join(lines))
    data = (
        params.to_dict(include_package_meta=True)
        if args.package_meta
        else params.to_dict()
    )
    emit(dump_config(data, args.format), sys.stdout)
    return EXIT_OK
