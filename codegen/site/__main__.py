"""`python -m codegen.site OUT`: assemble the documentation site's sources into OUT (run by `make docs`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from .assemble import assemble

REPO = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen.site", description=__doc__)
    parser.add_argument("out", type=Path, help="folder to (re)create with the site's sources")
    args = parser.parse_args(argv)
    counts = assemble(REPO, args.out.resolve())
    print("site sources:", ", ".join(f"{n} {what}" for what, n in counts.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
