"""``nip-params schema``: print, export, locate or compare the published schemas shipped in the package."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .._files.output import output_directory, refuse_inputs, write_into
from .._validation import schemas
from ._output import EXIT_OK, emit, usage_error

__all__ = ["register", "run"]


EXAMPLES = """\
examples:
  nip-params schema > nip-params.schema.json   the single-file bundle of the current version
  nip-params schema --version 0.1              the bundle of an older version
  nip-params schema --out schemas/             export the bundle, the per-group files, the
                                               keyword vocabulary, the SchemaStore catalog
                                               and the TypeScript types (bundle.d.ts)
  nip-params schema path                       where the installed bundle lives
  nip-params schema diff 0.1 1.0               every change from 0.1 to 1.0, classified
  nip-params schema diff 1.0 schema/1.1 --format json
                                               compare with a directory (authoring or published)

`schema diff` lists each change at its config address (rl.lr, agents.*.d_gnn): a class or field
added, removed or renamed (x-renamed-from), a type or enum narrowed or widened, a default or
constraint changed, or only annotations (title, description, examples). Each is classified:
  breaking     an old config may become invalid or change meaning: it needs a migration op
               (shown: the op that covers it in NEW's migration step, or the op it needs)
  compatible   every old config stays valid and keeps its meaning
  annotation   documentation only

The bundle is one JSON Schema (draft 2020-12) file that is the whole schema: every $ref points
into the file itself, so it works alone, wherever it is copied. Point an editor at it, e.g. in a
JSON config:
  {"$schema": "/path/printed/by/schema/path/bundle.json", ...}
or in a YAML config:
  # yaml-language-server: $schema=/path/printed/by/schema/path/bundle.json

exit status: 0 ok (also when `diff` finds changes), 2 bad usage (e.g. an unknown --version or
a schema that cannot be read) or an unwritable --out.
"""


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``schema`` sub-command."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "schema",
        description="Print the bundled JSON Schema, export it with the per-group files, "
        "print where the installed bundle lives, or compare two schema versions.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "action",
        nargs="?",
        choices=("path", "diff"),
        help="'path': print the location of the installed bundle instead of its content; "
        "'diff OLD NEW': list the changes from schema OLD to NEW",
    )
    parser.add_argument(
        "operands",
        nargs="*",
        metavar="OLD NEW",
        help="with 'diff': two schemas, each a version (e.g. 1.0) or a directory",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="with 'diff': text (default) or json",
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
        "for validators such as ajv), catalog.json and bundle.d.ts (TypeScript types) into DIR "
        "(created if needed)",
    )
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    """Run ``nip-params schema``; returns the exit status."""
    if args.action == "diff":
        if args.out or args.schema_version:
            return usage_error("schema", "'schema diff' takes no --out or --version: name both schemas")
        from .schema_diff import run_diff

        return run_diff(args)
    if args.operands:
        return usage_error("schema", f"unexpected argument(s): {' '.join(args.operands)}")
    if args.format != "text":
        return usage_error("schema", "--format applies to 'schema diff' only")
    version = args.schema_version or schemas.CURRENT_VERSION
    if version not in schemas.available_versions():
        return usage_error("schema", schemas.unknown_version(version))
    if args.action == "path":
        if args.out:
            return usage_error("schema", "'schema path' takes no --out")
        emit(f"{schemas.bundle_path(version)}\n", sys.stdout)
        return EXIT_OK
    if args.out:
        files = [*sorted(schemas.schema_dir(version).glob("*.json")), *schemas.declaration_files(version),
                 *schemas.shared_files()]
        return _export(files, Path(args.out))
    text = schemas.bundle_path(version).read_text(encoding="utf-8")
    emit(text if text.endswith("\n") else text + "\n", sys.stdout)
    return EXIT_OK


def _export(files: list[Path], out: Path) -> int:
    """Copy the published files of one version (bundle, groups, migration, vocabulary, catalog).

    Each through the output layer: a symbolic link planted at a name is replaced, never followed;
    the installed files themselves are never an output.
    """
    directory = output_directory(out, create=True)
    refuse_inputs([directory / path.name for path in files], files)
    for path in files:
        write_into(directory, path.name, path.read_bytes())
    emit("".join(f"{out / path.name}\n" for path in files), sys.stdout)
    return EXIT_OK
