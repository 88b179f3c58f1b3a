"""Lay out the site's source tree in a build folder."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from .cli_reference import render_cli
from .reference import render_reference
from .schema_model import load_versions

__all__ = ["GUIDES", "MARKER", "NotASiteFolder", "assemble"]

#: Markdown of the repository that the site shows, at the same relative paths (so its links resolve).
GUIDES = ("README.md", "SECURITY.md", "docs/*.md", "docs/reference/*.md")
_PUBLISHED = Path("src/nip/parameters/_schemas")
_LINK = re.compile(r"\]\(([^)\s#]+)(?:#[^)\s]*)?\)")  # a Markdown link's relative target
_MAX_LINKED_BYTES = 1_000_000  # a linked file larger than this is not worth a download link
MORE_PAGE = "more.md"
MARKER = ".nip-site-sources"  # marks a folder this module made, and so may delete and rebuild


class NotASiteFolder(Exception):
    """The output folder holds something this module did not make: it is never deleted."""


def assemble(repo: Path, out: Path) -> dict[str, int]:
    """Rebuild ``out`` from scratch; returns counts for the build log."""
    _clear(repo, out)
    # The marker first: a build killed at any later point leaves a folder the next build may replace.
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("sources of the documentation site; `make docs` rebuilds this folder\n")
    shutil.copytree(repo / "docs" / "site", out, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("__pycache__", "README.md"))
    guides = [path.relative_to(repo) for pattern in GUIDES for path in sorted(repo.glob(pattern))]
    for relative in guides:
        _copy(repo, out, relative)
    extra_pages = _copy_linked(repo, out, guides)
    _write_more_page(out, [p for p in extra_pages if p.parent != Path("docs/reference")]
                     + sorted(p for p in guides if p.parent == Path("docs/reference")))
    copied = len(guides) + len(extra_pages)
    versions = load_versions(repo / _PUBLISHED, repo / "schema")
    pages = render_reference(versions)
    for page, text in pages.items():
        target = out / "reference" / page
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    (out / "cli-reference.rst").write_text(render_cli(), encoding="utf-8")
    fields = sum(len(c.own) for v in versions for c in v.classes.values())
    return {"guides": copied, "reference pages": len(pages), "versions": len(versions), "field entries": fields}


def _clear(repo: Path, out: Path) -> None:
    """Remove a previous build of the sources, and nothing else: a folder without the marker (the
    repository, a typo'd path, a file) is refused before anything is written."""
    if out == repo or repo.is_relative_to(out):
        raise NotASiteFolder(f"{out} holds the repository itself; give a folder of its own (build/docs/src)")
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise NotASiteFolder(f"{out} is not a folder; give a folder of its own (build/docs/src)")
    if out.is_dir() and any(out.iterdir()):
        if not (out / MARKER).is_file():
            raise NotASiteFolder(f"{out} is not empty and was not made by `make docs`; "
                                 "give a new or empty folder, or remove it first")
        shutil.rmtree(out)


def _copy(repo: Path, out: Path, relative: Path) -> None:
    target = out / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(repo / relative, target)


def _copy_linked(repo: Path, out: Path, pages: list[Path]) -> list[Path]:
    """Copy the repository files the Markdown links to (so the links work in the site too): a
    Markdown file becomes a page, anything else a download. Returns the new pages."""
    new_pages: list[Path] = []
    todo = list(pages)
    while todo:
        page = todo.pop()
        for target in _LINK.findall((repo / page).read_text(encoding="utf-8")):
            if "://" in target or target.startswith(("/", "mailto:")):
                continue
            linked = (repo / page.parent / target).resolve()
            if not linked.is_file() or not linked.is_relative_to(repo) \
                    or linked.stat().st_size > _MAX_LINKED_BYTES:
                continue
            relative = linked.relative_to(repo)
            if (out / relative).exists():
                continue
            _copy(repo, out, relative)
            if relative.suffix == ".md":
                new_pages.append(relative)
                todo.append(relative)
    return new_pages


def _write_more_page(out: Path, pages: list[Path]) -> None:
    entries = "\n".join(str(p.with_suffix("")) for p in pages)
    (out / MORE_PAGE).write_text(
        "# More pages of the repository\n\nPages the guides link to, and the per-module summary "
        "of the current schema that the repository keeps as Markdown.\n\n"
        f":::{{toctree}}\n:maxdepth: 1\n\n{entries}\n:::\n", encoding="utf-8")
