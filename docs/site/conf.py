"""Sphinx configuration of the documentation site (`make docs`; docs/site/README.md explains the build).

The sources are assembled by ``python -m codegen.site`` into the build folder: this folder's pages, the
repository's Markdown (read through MyST, not copied into the repository) and the reference pages
generated from the published schemas and the CLI parsers.
"""

from __future__ import annotations

from typing import Any, get_args

from nip.parameters.types import BaseRunType

project = "nip-parameters"
author = "the nip-parameters authors"
copyright = "the nip-parameters authors"

extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx.ext.napoleon"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
smartquotes = False  # the reference quotes the schema's text and values exactly
exclude_patterns = ["_build"]

# Every warning is an error (`-W --keep-going` in the Makefile), every reference must resolve.
nitpicky = True
# The site is built offline, so the standard library's inventory (intersphinx) is not available:
# references to its types in the API signatures have nowhere to point.
nitpick_ignore_regex = [
    ("py:class", r"(typing|typing_extensions|collections\.abc|types|pathlib|os|enum|dataclasses)\..*"),
    ("py:class", r"(Any|Self|ClassVar|Literal|Mapping|Sequence|Iterable|Iterator|Callable|TypeVar|PathLike|Path|T)"),
    ("py:obj", r"(typing|collections\.abc)\..*"),
    # Private type variables of generic signatures (``_P``, ``_C``) have no page of their own.
    ("py:class", r"nip\.parameters\..*\._[A-Z]\w*"),
]
# The generated docstrings write a field's type as ``Annotated[int, BaseRunPreserve('rerun_tests')]``;
# Sphinx reads the quoted base-run type inside as a class name.
nitpick_ignore = [("py:class", f"'{value}'") for value in get_args(BaseRunType)]

myst_heading_anchors = 4  # `[...](cli.md#exit-status)` links resolve as on GitHub
myst_enable_extensions = ["colon_fence"]
suppress_warnings = ["myst.header"]  # the README's heading levels are GitHub's, not a book's

autodoc_member_order = "bysource"
autodoc_typehints = "description"
napoleon_numpy_docstring = True
napoleon_google_docstring = False

html_theme = "sphinx_book_theme"
html_title = "nip-parameters"
html_theme_options: dict[str, Any] = {
    "show_toc_level": 2,
    "home_page_in_toc": True,
    "use_download_button": False,
    "use_fullscreen_button": False,
}
html_static_path = ["_static"]
html_css_files = ["site.css"]  # phone-sized layout of the reference entries (tests/site checks it)
html_show_sourcelink = False
html_copy_source = False


def setup(app: Any) -> None:
    from pygments.lexers import JavascriptLexer

    app.add_lexer("jsonc", JavascriptLexer)  # JSON with comments (and `...` elisions)
    # One entry per field of a schema class: indexed, searchable, and linkable with :schemafield:.
    app.add_object_type("schemafield", "schemafield", objname="schema field",
                        indextemplate="pair: %s; schema field")
