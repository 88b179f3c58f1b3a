"""``nip-params``: validate, inspect and migrate nip hyper-parameter configs from the shell.

Each command is a module of this package with ``register(subparsers)`` (adds its sub-parser and sets
``func``) and ``run(args) -> int`` (the exit status). :data:`COMMANDS` lists them in help order.

Exit status: 0 success, 1 a config is invalid (or a value is missing), 2 bad usage or an unreadable
file. No error prints a traceback; set ``NIP_PARAMS_TRACEBACK=1`` to see one for an internal error.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
import warnings
from typing import Any

from nip.parameters.cli._output import EXIT_INTERNAL, EXIT_INVALID, EXIT_OK, EXIT_USAGE
from nip.parameters.errors import ConfigFileError, NipParametersError

__all__ = ["COMMANDS", "EXIT_INVALID", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]


#: Command name -> module implementing it (imported when the parser is built).
COMMANDS: dict[str, str] = {
    "validate": "nip.parameters.cli.validate",
    "schema": "nip.parameters.cli.schema",
    "defaults": "nip.parameters.cli.defaults",
    "get": "nip.parameters.cli.get",
    "migrate": "nip.parameters.cli.migrate",
}

EPILOG = """\
examples:
  nip-params validate run.yaml other.json        check configs against the schema
  nip-params defaults --scenario graph_isomorphism --trainer vanilla_ppo --dataset eru10000
  nip-params get run.yaml agents.prover.num_gnn_layers
  nip-params schema > nip-params.schema.json     the bundled schema, for editors and other tools
  nip-params migrate --dry-run old/*.json        what an old config would become

Run `nip-params COMMAND --help` for the options of one command.
exit status: 0 ok, 1 invalid config, 2 bad usage or unreadable file.
"""


class _VersionAction(argparse.Action):
    """``--version``: the package version and the current schema version, imported lazily."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: Any) -> None:
        super().__init__(
            option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs
        )

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> None:
        from importlib.metadata import PackageNotFoundError, version

        from nip.parameters import schema_store

        try:
            package = version("nip-parameters")
        except PackageNotFoundError:  # running from a source tree that is not installed
            package = "(not installed)"
        sys.stdout.write(
            f"nip-params {package} (schema {schema_store.CURRENT_VERSION}; "
            f"reads {', '.join(schema_store.available_versions())})\n"
        )
        parser.exit()


def _unavailable(name: str, reason: str) -> Any:
    """A stand-in for a command whose module cannot be imported in this build."""

    def register(subparsers: Any) -> None:
        parser = subparsers.add_parser(
            name, help=f"(unavailable: {reason})", add_help=True
        )
        parser.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
        parser.set_defaults(func=run)

    def run(args: argparse.Namespace) -> int:
        print(
            f"nip-params: error: the {name} command is unavailable: {reason}",
            file=sys.stderr,
        )
        return EXIT_USAGE

    return type(
        name, (), {"register": staticmethod(register), "run": staticmethod(run)}
    )


def _command_module(name: str, module: str) -> Any:
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name != module:  # the module exists but something it needs is broken
            raise
        return _unavailable(name, "not part of this build")


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
    for name, module in COMMANDS.items():
        _command_module(name, module).register(subparsers)
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
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(f"nip-params: {kind}: {message}\n")


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
        _error(str(error))
        return EXIT_USAGE
    except NipParametersError as error:
        _error(str(error))
        return EXIT_INVALID
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `nip-params schema | head`): stop quietly, as cat does.
        _silence_stdout()
        return EXIT_INVALID
    except Exception as error:  # a bug must still not print a traceback
        if os.environ.get("NIP_PARAMS_TRACEBACK"):
            raise
        _error(
            f"internal error ({type(error).__name__}: {error}); this is a bug in "
            "nip-parameters: please report it (NIP_PARAMS_TRACEBACK=1 shows the traceback)"
        )
        return EXIT_INTERNAL


def _error(message: str) -> None:
    try:
        sys.stderr.write(f"nip-params: error: {message}\n")
        sys.stderr.flush()
    except (OSError, ValueError):  # stderr closed: nothing left to tell
        pass


def _silence_stdout() -> None:
    """After EPIPE, point stdout at /dev/null so the interpreter's final flush does not fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
