"""``nip-params``: validate, inspect and migrate nip hyper-parameter configs from the shell.

Each command is a module of this package with ``register(subparsers)`` (adds its sub-parser and sets
``func``) and ``run(args) -> int`` (the exit status). `COMMANDS` lists them in help order.

Exit status: 0 success, 1 a config is invalid (or a value is missing), 2 bad usage or an unreadable
file. No error prints a traceback; set ``NIP_PARAMS_TRACEBACK=1`` to see one for an internal error.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from types import ModuleType
from typing import Any

from .._validation import schemas
from ..errors import ConfigFileError, NipParametersError
from . import compose, defaults, diff, get, migrate, schema, sweep, validate
from ._output import EXIT_INTERNAL, EXIT_INVALID, EXIT_OK, EXIT_USAGE, report_error

__all__ = ["COMMANDS", "EXIT_INVALID", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]


#: The commands, in help order. (Importing this package loads nip.parameters anyway, so the
#: command modules are imported at once: deferring them would save nothing.)
COMMANDS: dict[str, ModuleType] = {
    "validate": validate,
    "schema": schema,
    "defaults": defaults,
    "get": get,
    "migrate": migrate,
    "compose": compose,
    "sweep": sweep,
    "diff": diff,
}

EPILOG = """\
examples:
  nip-params validate run.yaml other.json        check configs against the schema
  nip-params defaults --scenario graph_isomorphism --trainer vanilla_ppo --dataset eru10000
  nip-params get run.yaml agents.prover.num_gnn_layers
  nip-params schema > nip-params.schema.json     the bundled schema, for editors and other tools
  nip-params migrate --dry-run old/*.json        what an old config would become
  nip-params compose base.yaml rl.lr=3e-4        a config from bases and overrides
  nip-params sweep sweep.yaml -o runs/           a checked config per grid combination
  nip-params diff a.yaml b.json                  the settings where two configs differ

Run `nip-params COMMAND --help` for the options of one command.
exit status: 0 ok, 1 invalid config, 2 bad usage or unreadable file.
"""


class _VersionAction(argparse.Action):
    """``--version``: the package version and the schema versions it reads."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: Any) -> None:
        super().__init__(
            option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs
        )

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> None:
        from importlib.metadata import (  # ~5 ms: only when asked
            PackageNotFoundError,
            version,
        )

        try:
            package = version("nip-parameters")
        except PackageNotFoundError:  # running from a source tree that is not installed
            package = "(not installed)"
        sys.stdout.write(
            f"nip-params {package} (schema {schemas.CURRENT_VERSION}; "
            f"reads {', '.join(schemas.available_versions())})\n"
        )
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """The whole ``nip-params`` parser, one sub-parser per entry of :data:`COMMANDS`."""
    parser = argparse.ArgumentParser(
        prog="nip-params",
        description="Validate, inspect and migrate nip hyper-parameter configs "
        "(JSON, YAML or TOML) against the nip-parameters JSON Schema.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version", action=_VersionAction, help="show the versions and exit"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in COMMANDS.values():
        command.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run ``nip-params`` with ``argv`` (default: ``sys.argv[1:]``); returns the exit status."""
    with warnings.catch_warnings():
        # The library's warnings (a migrated config, a deprecated value) are for the user: show
        # each once, as one plain line, not with a source line of this package.
        warnings.filterwarnings("default", module=r"nip\.parameters(\.|$)")
        warnings.showwarning = _show_warning
        return _main(argv)


def _show_warning(
    message: Warning | str, category: type[Warning], *_: Any, **__: Any
) -> None:
    kind = "deprecated" if issubclass(category, DeprecationWarning) else "warning"
    report_error(str(message), kind=kind)


def _main(argv: list[str] | None) -> int:
    try:
        parser = build_parser()
        try:
            args = parser.parse_args(argv)
        except (
            SystemExit
        ) as exit_:  # --help, --version, or a usage error (already printed)
            return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
        return int(args.func(args))
    except ConfigFileError as error:
        report_error(str(error))
        return EXIT_USAGE
    except NipParametersError as error:
        report_error(str(error))
        return EXIT_INVALID
    except KeyboardInterrupt:
        report_error("interrupted")
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `nip-params schema | head`): stop quietly, as cat does.
        _silence_stdout()
        return EXIT_INVALID
    except Exception as error:  # a bug must still not print a traceback
        if os.environ.get("NIP_PARAMS_TRACEBACK"):
            raise
        report_error(
            f"internal error ({type(error).__name__}: {error}); this is a bug in "
            "nip-parameters: please report it (NIP_PARAMS_TRACEBACK=1 shows the traceback)"
        )
        return EXIT_INTERNAL


def _silence_stdout() -> None:
    """After EPIPE, point stdout at /dev/null so the interpreter's final flush does not fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
