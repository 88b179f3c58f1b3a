"""`python -m codegen [--check]`: regenerate everything derived from schema/ (run by `make generate`)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import evolution, released
from .outputs import generate_all

REPO = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen", description=__doc__)
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if regenerating would change a file")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    outputs = generate_all(REPO)
    changed = [path for path, text in outputs.items() if _read(REPO / path) != text]
    if args.check:
        for path in changed:
            print(f"out of date: {path}", file=sys.stderr)
        if changed:
            print("Generated files differ from schema/: run `make generate` and commit.", file=sys.stderr)
        frozen = released.check(REPO)
        for problem in frozen:
            print(f"released schema changed: {problem}", file=sys.stderr)
        uncovered = _report_uncovered()
        if changed or frozen or uncovered:
            return 1
        print(f"generated code in sync: {len(outputs)} files checked; released schemas unchanged; "
              "every breaking change has its migration op")
        return 0
    for path in changed:
        target = REPO / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(outputs[path], encoding="utf-8")
    print(f"{len(outputs)} files generated ({len(changed)} changed) in {time.perf_counter() - started:.1f} s")
    _report_uncovered()  # a warning here; `make check` fails on it
    return 0


def _report_uncovered() -> list[str]:
    """Print every breaking change its version's migration step does not cover (see docs/migrations.md)."""
    uncovered = evolution.problems(REPO)
    for problem in uncovered:
        print(problem if problem.startswith("schema/") else f"migration op missing: {problem}", file=sys.stderr)
    if uncovered:
        print("Each breaking change needs an op in its version's migration.json (docs/migrations.md); "
              "`make scaffold-migration` pre-fills the ops it can infer.", file=sys.stderr)
    return uncovered


def _read(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.exists() else None


if __name__ == "__main__":
    sys.exit(main())
