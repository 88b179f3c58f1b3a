"""SECURITY.md's table of every command against every hostile input: each cell names a test that
exists, or says in words why the pair does not apply (n/a) or what is open; no cell is empty."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SECTION = "## Every command against every hostile input"
COLUMNS = ["reads / writes", "limits", "special files", "paths", "concurrency", "kill -9",
           "odd values", "terminal text"]
REFERENCE = re.compile(r"`((?:tests/)?[\w/]+\.py)(?:::(\w+))?`")


def _rows() -> list[list[str]]:
    text = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    section = text[text.index(SECTION):]
    section = section[: section.index("\n## ", 1)]
    lines = [line for line in section.splitlines() if line.startswith("| ")]
    return [[cell.strip() for cell in line.strip().strip("|").split(" | ")] for line in lines]


def test_the_table_has_every_column_and_no_empty_cell() -> None:
    header, *rows = _rows()
    assert header == COLUMNS
    body = [row for row in rows if not set(row[0]) <= {"-", " "}]
    assert len(body) >= 15
    for row in body:
        assert len(row) == len(COLUMNS), row[0]
        for column, cell in zip(COLUMNS, row, strict=True):
            assert cell, f"{row[0]} / {column}: an empty cell"
            if column != COLUMNS[0]:
                assert REFERENCE.search(cell) or cell.startswith(("n/a: ", "open: ")), (row[0], column)


def test_every_test_the_table_names_exists() -> None:
    cited = 0
    for row in _rows()[2:]:
        for cell in row[1:]:
            for file, name in REFERENCE.findall(cell):
                path = ROOT / file if file.startswith("tests/") else ROOT / "tests" / "robustness" / file
                assert path.is_file(), file
                if name:
                    assert re.search(rf"^def {name}\(", path.read_text(encoding="utf-8"), re.M), (file, name)
                cited += 1
    assert cited > 50
