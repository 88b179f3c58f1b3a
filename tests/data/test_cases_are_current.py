"""The shared case corpus (tests/data/cases/) is exactly what make_cases.py writes from the nip 1.0
outputs kept in this repository, so a fresh clone can regenerate it."""

from __future__ import annotations

import json
from pathlib import Path

import make_cases

CASES = Path(__file__).parent / "cases"


def test_the_committed_cases_are_what_make_cases_writes() -> None:
    corpus = make_cases.build()
    for kind, cases in (("valid", corpus.valid), ("invalid", corpus.invalid)):
        committed = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in (CASES / kind).glob("*.json")}
        assert sorted(committed) == sorted(cases), f"run `python3 tests/data/make_cases.py` ({kind})"
        for cid, case in cases.items():
            assert committed[cid] == case, f"{kind}/{cid}.json is stale: run `python3 tests/data/make_cases.py`"
