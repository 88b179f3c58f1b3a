"""`python -m codegen.site OUT`: assemble the documentation site's sources into OUT (run by `make docs`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .assemble import NotASiteFolder, assemble

REPO = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen.site", description=__doc__)
    parser.add_argument("out", type=Path, help="folder to (re)create with the site's sources")
    args = parser.parse_args(argv)
    out = Path(args.out.absolute())  # not resolved: a symlinked output folder is refused, not followed
    try:
        counts = assemble(REPO, out)
    except (NotASiteFolder, OSError) as problem:
        print(f"python -m codegen.site: error: {problem}", file=sys.stderr)
        return 2
    print("site sources:", ", ".join(f"{n} {what}" for what, n in counts.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
