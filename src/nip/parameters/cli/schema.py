"""``nip-params schema``: print, export or locate the published schema shipped in the package."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from nip.parameters.cli._output import EXIT_OK, emit, usage_error

__all__ = ["register", "run"]


EXAMPLES = """\
examples:
  nip-params schema > nip-params.schema.json   the single-file bundle of the current version
  nip-params schema --version 0.1              the bundle of an older version
  nip-params schema --out schemas/             export the bundle, the per-group files, the
                                               keyword vocabulary and the SchemaStore catalog
  nip-params schema path                       where the installed bundle lives

The bundle is one JSON Schema (draft 2020-12) file that is the whole schema: every $ref points
into the file itself, so it works alone, wherever it is copied. Point an editor at it, e.g. in a
JSON config:
  {"$schema": "/path/printed/by/schema/path/bundle.json", ...}
or in a YAML config:
  # yaml-language-server: $schema=/path/printed/by/schema/path/bundle.json

exit status: 0 ok, 2 bad usage (e.g. an unknown --version) or an unwritable --out.
"""


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``schema`` sub-command."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "schema",
        help="print, export or locate the published schema",
        description="Print the bundled JSON Schema, export it with the per-group files, or "
        "print where the installed bundle lives.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "action",
        nargs="?",
        choices=("path",),
        help="'path': print the location of the installed bundle instead of its content",
    )
    parser.add_argument(
        "--version",
        dest="schema_version",
        metavar="V",
        help="schema version (default: current)",
    )
    parser.add_argument(
        "--out",
        metavar="DIR",
        help="write the bundle, the per-group files, vocabulary.json (the non-standard keywords, "
        "for validators such as ajv) and catalog.json into DIR (created if needed)",
    )
    parser.set_defaults(func=run)
    return parser



def run(args: argparse.Namespace) -> int:
    """Run ``nip-params schema``; returns the exit status."""
    from nip.parameters import schema_store

    version = args.schema_version or schema_store.CURRENT_VERSION
    known = schema_store.available_versions()
    if version not in known:
        return usage_error("schema",
            f"unknown schema version {version!r} (known: {', '.join(known)})"
        )
    if args.action == "path":
        if args.out:
            return usage_error("schema", "'schema path' takes no --out")
        emit(f"{schema_store.bundle_path(version)}\n", sys.stdout)
        return EXIT_OK
    if args.out:
        files = [*sorted(schema_store.schema_dir(version).glob("*.json")), *schema_store.shared_files()]
        return _export(files, Path(args.out))
    text = schema_store.bundle_path(version).read_text(encoding="utf-8")
    emit(text if text.endswith("\n") else text + "\n", sys.stdout)
    return EXIT_OK


def _export(files: list[Path], out: Path) -> int:
    """Copy the published files of one version (bundle, groups, migration, vocabulary, catalog)."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for path in files:
            target = out / path.name
            target.write_bytes(path.read_bytes())
            written.append(f"{target}\n")
    except OSError as exc:
        return usage_error("schema", f"cannot write to {out}: {exc.strerror or exc}")
    emit("".join(written), sys.stdout)
    return EXIT_OK
