"""Every internal link of the built site resolves: the file exists and, with a fragment, so does the
anchor. (Sphinx's linkcheck needs a network; this walks the HTML instead.)"""

from __future__ import annotations

import re
from html import unescape as html_unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from site_html import soup

pytestmark = pytest.mark.slow  # builds the documentation site (once per session)

_ID = re.compile(r'\sid="([^"]*)"')
_LINK = re.compile(r'<(?:a|link|script|img)\s[^>]*?(?:href|src)="([^"]*)"')  # Sphinx writes "-quoted attributes


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    # Pages only: _static/ holds the theme's template fragments, not pages. Regular expressions, not
    # an HTML parser: Sphinx's output is regular, and this walks a few thousand links in a second.
    pages = {page: page.read_text(encoding="utf-8") for page in site.rglob("*.html")
             if "_static" not in page.parts}
    ids = {page: {html_unescape(i) for i in _ID.findall(text)} for page, text in pages.items()}
    broken, checked = [], 0
    for page, text in pages.items():
        for value in map(html_unescape, _LINK.findall(text)):
            parts = urlsplit(value)
            if not value or parts.scheme or value.startswith("//"):
                continue  # external (not followed offline) or none
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            checked += 1
            if not target.is_file():
                broken.append(f"{page.relative_to(site)}: {value} (no file)")
            elif parts.fragment and target in ids and unquote(parts.fragment) not in ids[target]:
                broken.append(f"{page.relative_to(site)}: {value} (no anchor)")
    assert not broken, "\n".join(broken[:40])
    assert checked > 5000  # the reference alone cross-links every field


def test_the_site_has_each_part_the_home_page_names(site: Path) -> None:
    home = soup(site / "index.html")
    links = {a.get("href") for a in home.select("article a")}
    for part in ("reference/index.html", "cli-reference.html", "api.html", "docs/workflow.html",
                 "docs/migrations.html", "docs/architecture.html", "schema-for-tools.html"):
        assert part in links and (site / part).is_file(), part


def test_no_page_loads_a_script_or_stylesheet_from_the_network(site: Path) -> None:
    """The site works offline and from file://: every asset it loads is in the build."""
    external = re.compile(r'<(?:script|link|img)\s[^>]*?(?:src|href)="(?:https?:)?//')
    loading = [page.name for page in site.rglob("*.html") if "_static" not in page.parts
               and external.search(page.read_text(encoding="utf-8"))]
    assert loading == []
