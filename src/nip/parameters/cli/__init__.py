"""``nip-params``: validate, inspect and migrate nip hyper-parameter configs from the shell.

Each command is a module of this package with ``register(subparsers)`` (adds its sub-parser and sets
``func``) and ``run(args) -> int`` (the exit status). `COMMANDS` lists them in help order, with the
one line the top-level help shows. Only the command being run is imported: some need heavy modules
(ruamel.yaml, the sweep machinery) that `nip-params validate` on a thousand files should not wait for.

Exit status: 0 success, 1 a config is invalid (or a value is missing), 2 bad usage or an unreadable
file, 3 an internal error. No error prints a traceback; set ``NIP_PARAMS_TRACEBACK=1`` to see one for an internal error.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import warnings
from typing import Any

from .._validation import schemas
from ..errors import ConfigFileError, NipParametersError
from ._output import EXIT_INTERNAL, EXIT_INVALID, EXIT_OK, EXIT_USAGE, report_error

__all__ = ["COMMANDS", "EXIT_INVALID", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]


#: Command -> the one line the top-level help shows, in help order; the module is cli/<command>.py.
COMMANDS: dict[str, str] = {
    "validate": "check config files against the schema",
    "schema": "print, export, locate or compare the published schemas",
    "defaults": "print a complete config with every default filled in",
    "get": "print one value of a config",
    "migrate": "migrate config files written by an older version",
    "compose": "make one config from bases and ADDRESS=VALUE overrides",
    "sweep": "write a checked config for every combination of a grid (or a W&B sweep)",
    "diff": "list the settings where two configs differ",
}

EPILOG = """\
examples:
  nip-params validate run.yaml other.json        check configs against the schema
  nip-params validate wandb/ --format jsonl       every config in a tree, a JSON line each
  nip-params defaults --scenario graph_isomorphism --trainer vanilla_ppo --dataset eru10000
  nip-params get run.yaml agents.prover.num_gnn_layers
  nip-params schema > nip-params.schema.json     the bundled schema, for editors and other tools
  nip-params migrate --dry-run old/*.json        what an old config would become
  nip-params compose base.yaml rl.lr=3e-4        a config from bases and overrides
  nip-params sweep sweep.yaml -o runs/           a checked config per grid combination
  nip-params diff a.yaml b.json                  the settings where two configs differ

Run `nip-params COMMAND --help` for the options of one command.
exit status: 0 ok, 1 invalid config, 2 bad usage or unreadable file, 3 internal error (a bug
in nip-parameters: please report it).
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

        from ..version import (
            get_version,  # the newest migration step: what to_dict() writes
        )

        try:
            package = version("nip-parameters")
        except PackageNotFoundError:  # running from a source tree that is not installed
            package = "not installed"
        # First the version this package writes as _package_version (get_version()), which names
        # the current schema; the distribution's own version only follows it.
        sys.stdout.write(
            f"nip-params {get_version()} (schema {schemas.CURRENT_VERSION}; "
            f"reads {', '.join(schemas.available_versions())}; "
            f"distribution nip-parameters {package})\n"
        )
        parser.exit()


def build_parser(selected: str | None = None) -> argparse.ArgumentParser:
    """The ``nip-params`` parser: the `selected` command in full (its module imported), every other
    one as a stand-in that shows its line in the top-level help."""
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
    for name, summary in COMMANDS.items():
        if name == selected:
            command_module(name).register(subparsers)
        else:
            subparsers.add_parser(name, help=summary)
    return parser


def command_module(name: str) -> Any:
    """The module of one command (``cli/<name>.py``), imported on first use."""
    return importlib.import_module(f"{__name__}.{name}")


def _selected(argv: list[str]) -> str | None:
    """The command named in `argv` (the first word that is not an option), if it is one."""
    word = next((a for a in argv if not a.startswith("-")), None)
    return word if word in COMMANDS else None


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
    if argv is None and "_ARGCOMPLETE" in os.environ:  # a shell asking for completions
        from ._complete import complete

        complete(build_parser, _selected)
    try:
        words = sys.argv[1:] if argv is None else argv
        parser = build_parser(_selected(words))
        try:
            args = parser.parse_args(words)
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
