"""The command reference page, read off the ``nip-params`` argparse parsers (so it cannot drift)."""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from contextlib import contextmanager

from nip.parameters import cli
from nip.parameters.cli import _output

from . import rst

__all__ = ["render_cli"]

_WIDTH = "100"  # argparse wraps help to $COLUMNS; fixed so that the page does not depend on the terminal


def render_cli() -> str:
    with _columns(_WIDTH):
        top = cli.build_parser()
        lines = [
            ".. Built by `make docs` from nip.parameters.cli's parsers; not committed.", "",
            rst.heading("Command reference: nip-params", "="), "",
            "Generated from the argparse parsers of ``nip.parameters.cli``: each block is exactly "
            "what ``--help`` prints. :doc:`/docs/cli` explains the commands in prose.", "",
            *_block(top.format_help()),
            rst.heading("Exit status", "-"), "",
            "Every command ends with one of these statuses (``nip.parameters.cli._output``); "
            "with several files the highest wins. :doc:`/docs/cli` says which cases give which.", "",
            ".. list-table::", "   :header-rows: 1", "",
            "   * - status", "     - constant",
        ]
        for name in sorted(_output.__all__):
            value = getattr(_output, name)
            if name.startswith("EXIT_") and isinstance(value, int):
                lines += [f"   * - ``{value}``", f"     - ``{name}``"]
        lines.append("")
        for name in cli.COMMANDS:
            parser = _subparser(cli.build_parser(selected=name), name)
            lines += [f".. _cli-{name}:", "", rst.heading(f"nip-params {name}", "-"), "",
                      rst.inline(cli.COMMANDS[name]), "", *_block(parser.format_help())]
    return "\n".join(lines) + "\n"


def _subparser(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action.choices[name]
    raise LookupError(f"nip-params has no command {name!r}")


def _block(text: str) -> list[str]:
    return [".. code-block:: text", "", *(f"   {line}".rstrip() for line in text.splitlines()), ""]


@contextmanager
def _columns(width: str) -> Iterator[None]:
    saved = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = width
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("COLUMNS", None)
        else:
            os.environ["COLUMNS"] = saved
