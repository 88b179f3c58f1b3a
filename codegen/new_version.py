"""Start a new schema version: ``python -m codegen.new_version X.Y`` (``make new-version VERSION=X.Y``).

1. copies the current (newest) ``schema/<current>/`` to ``schema/<X.Y>/``, pointing every ``$id`` at
   the new version and dropping the keywords that described the step into the current version
   (``x-renamed-from``, ``x-old-default``);
2. locks ``schema/<current>/``, which is now released and immutable (``codegen/released.py``);
3. scaffolds ``schema/<X.Y>/migration.json``, an empty step from the current version;
4. regenerates everything (``python -m codegen``).

Then edit the schema files, ``make generate``, and declare each breaking change in migration.json:
``make check`` names every one that has no op, and ``python -m codegen.new_version --scaffold``
(``make scaffold-migration``) appends the ops it can infer. Then ``make test`` (docs/migrations.md).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from nip.parameters._schema_diff import STEP_KEYWORDS, TODO, strip_annotations
from nip.parameters._schema_files import MIGRATION_FILE, MIGRATION_SCHEMA_FILE
from nip.parameters._validation.versions import version_key

from . import evolution, released
from .sources import version_directories

__all__ = ["new_version"]

ID_BASE = "https://nip-parameters.org/schema/"
_VERSION = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)$")


def _key(version: str) -> tuple[int, int]:
    return version_key(version) or (-1, -1)


def new_version(repo_root: Path, version: str, *, generate: bool = True) -> Path:
    """Create ``schema/<version>/`` from the newest version; return the new directory."""
    repo_root = Path(repo_root)
    schema_root = repo_root / "schema"
    if not _VERSION.match(version):
        raise SystemExit(f"expected a version like 1.1 (major.minor), got {version!r}")
    current = version_directories(schema_root)[-1].name
    if _key(version) <= _key(current):
        raise SystemExit(f"the new version must be newer than the current one ({current}), got {version}")
    problems = released.check(repo_root)
    if problems:
        raise SystemExit("released versions differ from their lock; fix that first:\n  "
                         + "\n  ".join(problems))
    source, target = schema_root / current, schema_root / version
    target.mkdir()
    old_base, new_base = f"{ID_BASE}{current}/", f"{ID_BASE}{version}/"
    for path in sorted(source.glob("*.json")):
        if path.name == MIGRATION_FILE:
            continue
        text = path.read_text(encoding="utf-8").replace(old_base, new_base)
        (target / path.name).write_text(_without_step_keywords(text), encoding="utf-8")
    for path in sorted(source.iterdir()):  # anything else travels unchanged
        if path.is_file() and path.suffix != ".json":
            shutil.copy2(path, target / path.name)

    package = {"name": "nip", "version": f"{version}.0"}
    previous_step = source / MIGRATION_FILE
    if previous_step.exists():
        package["name"] = json.loads(previous_step.read_text(encoding="utf-8"))["package"]["name"]
    step = {
        "$schema": f"../{MIGRATION_SCHEMA_FILE}",  # editors complete the ops and their parameters
        "$comment": f"The migration step into schema {version}. Format: docs/migrations.md.",
        "format": 1,
        "from": current,
        "to": version,
        "package": package,
        "description": f"{TODO}: what changed from {current} to {version}.",
        "operations": [],
    }
    (target / MIGRATION_FILE).write_text(json.dumps(step, indent=2) + "\n", encoding="utf-8")

    newly_locked = released.lock(repo_root)
    print(f"created schema/{version}/ from schema/{current}/; locked {len(newly_locked)} file(s) of {current}")
    if generate:
        subprocess.run([sys.executable, "-m", "codegen"], cwd=repo_root, check=True)
    print(f"next: edit schema/{version}/*.json and `make generate`; `make check` names each breaking change "
          f"that needs an op in schema/{version}/{MIGRATION_FILE}, and `make scaffold-migration` pre-fills "
          "the ops it can infer; then `make test` (docs/migrations.md)")
    return target


def _without_step_keywords(text: str) -> str:
    """The schema file without `STEP_KEYWORDS`: they describe the step into the version copied."""
    document = json.loads(text)
    stripped = strip_annotations(document, STEP_KEYWORDS)
    if stripped == document:
        return text  # untouched: keep the author's formatting
    return json.dumps(stripped, indent=2) + "\n"


def scaffold(repo_root: Path) -> int:
    """Append the ops that can be inferred to the newest version's migration step; report the rest."""
    added, left = evolution.scaffold(Path(repo_root))
    for op in added:
        print(f"added: {json.dumps(op, ensure_ascii=False)}")
    print(f"{len(added)} op(s) added to the migration step; review each (their `why` says TODO where "
          "a person must decide)")
    for problem in left:
        print(f"still needs an op by hand: {problem}", file=sys.stderr)
    return 1 if left else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen.new_version", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("version", nargs="?", help="the new version, major.minor (e.g. 1.1)")
    parser.add_argument("--scaffold", action="store_true",
                        help="instead: append to the newest version's migration.json the ops its "
                        "breaking changes need, as far as they can be inferred")
    parser.add_argument("--no-generate", action="store_true", help="skip `python -m codegen`")
    parser.add_argument("--repo", type=Path, default=Path(__file__).resolve().parent.parent)
    args = parser.parse_args(argv)
    if args.scaffold:
        if args.version is not None:
            parser.error("--scaffold works on the newest version and takes no VERSION")
        return scaffold(args.repo)
    if args.version is None:
        parser.error("give the new VERSION (e.g. 1.1), or --scaffold")
    new_version(args.repo, args.version, generate=not args.no_generate)
    return 0


if __name__ == "__main__":
    sys.exit(main())
