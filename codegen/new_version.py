"""Start a new schema version: ``python -m codegen.new_version X.Y`` (``make new-version VERSION=X.Y``).

1. copies the current (newest) ``schema/<current>/`` to ``schema/<X.Y>/``, pointing every ``$id`` at
   the new version;
2. locks ``schema/<current>/``, which is now released and immutable (``codegen/released.py``);
3. scaffolds ``schema/<X.Y>/migration.json``, an empty step from the current version;
4. regenerates everything (``python -m codegen``).

Then edit the schema files, declare each change in migration.json, ``make generate`` and
``make test`` (see docs/migrations.md).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from . import released

__all__ = ["new_version"]

ID_BASE = "https://nip-parameters.org/schema/"
MIGRATION_FILE = "migration.json"
_VERSION = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)$")


def _key(version: str) -> tuple[int, int]:
    major, minor = version.split(".")
    return int(major), int(minor)


def new_version(repo_root: Path, version: str, *, generate: bool = True) -> Path:
    """Create ``schema/<version>/`` from the newest version; return the new directory."""
    repo_root = Path(repo_root)
    schema_root = repo_root / "schema"
    if not _VERSION.match(version):
        raise SystemExit(f"expected a version like 1.1 (major.minor), got {version!r}")
    existing = [d.name for d in schema_root.iterdir() if d.is_dir() and _VERSION.match(d.name)]
    current = max(existing, key=_key)
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
        (target / path.name).write_text(text, encoding="utf-8")
    for path in sorted(source.iterdir()):  # anything else travels unchanged
        if path.is_file() and path.suffix != ".json":
            shutil.copy2(path, target / path.name)

    package = {"name": "nip", "version": f"{version}.0"}
    previous_step = source / MIGRATION_FILE
    if previous_step.exists():
        package["name"] = json.loads(previous_step.read_text(encoding="utf-8"))["package"]["name"]
    step = {
        "$comment": f"The migration step into schema {version}. Format: docs/migrations.md.",
        "format": 1,
        "from": current,
        "to": version,
        "package": package,
        "description": f"TODO: what changed from {current} to {version}.",
        "operations": [],
    }
    (target / MIGRATION_FILE).write_text(json.dumps(step, indent=2) + "\n", encoding="utf-8")

    newly_locked = released.lock(repo_root)
    print(f"created schema/{version}/ from schema/{current}/; locked {len(newly_locked)} file(s) of {current}")
    if generate:
        subprocess.run([sys.executable, "-m", "codegen"], cwd=repo_root, check=True)
    print(f"next: edit schema/{version}/*.json, declare each change in schema/{version}/{MIGRATION_FILE}, "
          "then `make generate` and `make test` (docs/migrations.md)")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen.new_version", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("version", help="the new version, major.minor (e.g. 1.1)")
    parser.add_argument("--no-generate", action="store_true", help="skip `python -m codegen`")
    parser.add_argument("--repo", type=Path, default=Path(__file__).resolve().parent.parent)
    args = parser.parse_args(argv)
    new_version(args.repo, args.version, generate=not args.no_generate)
    return 0


if __name__ == "__main__":
    sys.exit(main())
