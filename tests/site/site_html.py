"""Reading the built site's HTML the way the tests need it: pages, links, and schema field entries."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup, Tag

REPO = Path(__file__).resolve().parents[2]
CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"  # Debian's packages
INSTALL_BROWSER = "apt-get update && apt-get install -y chromium chromium-driver"


def have_browser() -> bool:
    return Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()
PUBLISHED = REPO / "src" / "nip" / "parameters" / "_schemas"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def versions() -> list[str]:
    return sorted((p.name for p in PUBLISHED.iterdir() if (p / "bundle.json").is_file()),
                  key=lambda v: tuple(int(x) for x in v.split(".")))


def bundle(version: str) -> dict[str, Any]:
    return json.loads((PUBLISHED / version / "bundle.json").read_text(encoding="utf-8"))


@dataclass
class Entry:
    """One field's entry (a ``dl.schemafield``): its name and its field list, as text."""

    anchor: str
    name: str
    facts: dict[str, str]


def entries(page: BeautifulSoup | Tag) -> Iterator[Entry]:
    for block in page.select("dl.schemafield"):
        head = block.find("dt")
        assert isinstance(head, Tag)
        facts = {}
        for dt in block.select("dd > dl.field-list > dt"):
            dd = dt.find_next_sibling("dd")
            facts[dt.get_text().rstrip(":").strip()] = " ".join(dd.get_text().split()) if dd else ""
        name = head.select_one(".sig-name")
        yield Entry(str(head.get("id")), name.get_text() if name else "", facts)


def class_sections(page: BeautifulSoup) -> dict[str, Tag]:
    """Class or type name -> its section on a group page."""
    found = {}
    for section in page.select("section"):
        heading = section.find("h2", recursive=False)
        if heading is not None:
            found[heading.get_text().rstrip("#").strip()] = section
    return found
