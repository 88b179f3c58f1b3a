"""``nip-params sweep SPEC``: one checked config per combination of a grid, or a W&B sweep."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .._files import dump_config, shown_path
from .._files.output import output_directory, write_file
from .._workflow.spec import load_spec
from .._workflow.sweep import MAX_RUNS, expand, overrides_text
from .._workflow.wandb_sweep import check_wandb_sweep, wandb_sweep_config
from .._workflow.write import CONFIG_EXTENSIONS, INDEX_NAME, write_sweep
from ..errors import counted, shown
from ._output import EXIT_OK, emit, report_error, usage_error

__all__ = ["register", "run"]

EXAMPLES = """\
examples:
  nip-params sweep examples/sweeps/ppo_gi.yaml -o runs/ppo_gi      a config per combination
  nip-params sweep examples/sweeps/ppo_gi.yaml --dry-run           check, list, write nothing
  nip-params sweep examples/sweeps/ppo_gi.yaml --format wandb -o sweep.yaml
  nip-params sweep --check sweep.yaml                              check a W&B sweep file

The spec (YAML or JSON):
  base: base.yaml              a file (relative to the spec), an inline config, or a list of them
  grid:                        address -> list of values; every combination is made
    rl.lr: [0.0003, 0.001]
    agents.prover.num_gnn_layers: [2, 5]
  zip: [[rl.lr, seed]]         optional: grid addresses varied together (same-length lists)
  name: "lr{rl.lr}-p{agents.prover.num_gnn_layers}"   optional: file names ({index} by default)
  wandb: {program: train.py}   optional: more keys for the W&B sweep configuration

Every combination is checked before anything is written; all problems are listed, each with the
combinations it occurs in. A grid of more than 100,000 combinations (--max-runs) or 10,000
addresses is refused before anything is built. The output directory gets one config per
combination, NAME.nip.json or NAME.nip.yaml (to_dict(), with _package_version; `validate
DIR/*.nip.json` checks them all), and sweep.json, the index: config file -> overrides. A new
directory appears complete or not at all; a directory that exists and is not empty needs --force,
which replaces only files an earlier sweep wrote there (its index lists them).

--format wandb writes a W&B sweep configuration (method: grid, parameters at dotted addresses) to
OUT or stdout; run it with `wandb sweep`. A run's config is then a set of overrides: W&B's
${args_no_hyphens} passes them as rl.lr=0.001 ..., which `compose` and `with_overrides` read.

exit status: 0 ok, 1 an invalid spec or combination (or W&B file, with --check), 2 bad usage, an
unreadable file, or an output in the way (a directory that is not empty, an input, a path that
cannot be written).
"""


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``sweep`` sub-command."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "sweep",
        description="Expand a sweep spec (a base and a grid of ADDRESS -> values) into one checked "
        "config per combination, or into a W&B sweep configuration; --check checks a W&B sweep file.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("spec", metavar="SPEC", help="the sweep spec (with --check: a W&B sweep file)")
    parser.add_argument("-o", "--output", metavar="OUT",
                        help="the output directory (default: the spec's name, in the current "
                        "directory); with --format wandb, a file (default: stdout)")
    parser.add_argument("--format", choices=("json", "yaml", "wandb"), default="json",
                        help="json (default) or yaml: a config file per combination; wandb: a W&B "
                        "sweep configuration")
    parser.add_argument("--dry-run", action="store_true",
                        help="check every combination and list them; write nothing")
    parser.add_argument("--force", action="store_true",
                        help="write into an output directory that is not empty")
    parser.add_argument("--max-runs", type=_count, default=MAX_RUNS, metavar="N",
                        help=f"refuse a spec of more than N combinations, before building any "
                        f"(default: {MAX_RUNS:,})")
    parser.add_argument("--check", action="store_true",
                        help="SPEC is a W&B sweep file: check its parameter names and values")
    parser.set_defaults(func=run)
    return parser


def _count(text: str) -> int:
    """A positive integer of digits (``100000`` or ``100_000``)."""
    if not text.replace("_", "").isdecimal() or not text.isascii() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {text!r}")
    return int(text)


def run(args: argparse.Namespace) -> int:
    """Run ``nip-params sweep``; returns the exit status."""
    if args.check:
        count = check_wandb_sweep(args.spec)
        emit(f"{args.spec}: ok ({counted(count, 'parameter')})\n", sys.stdout)
        return EXIT_OK
    spec = load_spec(args.spec)
    if args.format == "wandb":
        config = wandb_sweep_config(spec)
        expand(spec, max_runs=args.max_runs)  # every combination is checked before anything is written
        text = dump_config(config, "yaml")
        if args.output and not args.dry_run:
            write_file(args.output, text, inputs=spec.inputs)
            emit(f"wrote a W&B grid sweep of {counted(spec.count, 'run')} to {args.output}\n", sys.stdout)
        else:
            emit(text, sys.stdout)
        return EXIT_OK
    combinations = expand(spec, max_runs=args.max_runs)
    if args.dry_run:
        width = max((len(c.name) for c in combinations), default=0)
        emit("".join(shown(f"{c.name:<{width}}  {overrides_text(c.overrides)}", _LINE_LIMIT) + "\n"
                     for c in combinations), sys.stdout)  # spec values escaped, as in messages
        report_error(f"{counted(len(combinations), 'combination')}, all valid (dry run: nothing written)", "sweep",
                     kind="note")
        return EXIT_OK
    if not args.output and args.spec == "-":
        return usage_error("sweep", "a spec read from stdin needs -o DIR")
    name = args.output or _default_directory(args.spec)
    if name is None:
        return usage_error("sweep", f"cannot name the output directory after the spec "
                           f"{shown_path(args.spec)}: give -o DIR")
    directory = output_directory(name, create=False)
    write_sweep(directory, combinations, args.format, force=args.force, inputs=spec.inputs,
                shown=shown_path(name))
    emit(f"wrote {counted(len(combinations), 'config')} (*{CONFIG_EXTENSIONS[args.format]}) and {INDEX_NAME} "
         f"to {shown_path(name)}\n", sys.stdout)
    return EXIT_OK


_LINE_LIMIT = 4000  # characters of one --dry-run line


def _default_directory(spec: str) -> str | None:
    """The spec's name without its extension, in the current directory; never ``.``, ``..`` or a
    hidden name (a spec named ``...yaml`` would otherwise write into the parent directory)."""
    stem = Path(spec).stem
    return None if not stem or stem.startswith(".") else stem
