"""The schema reference pages of the site: one folder per schema version, one page per group."""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import Any

import jinja2

from . import rst
from .schema_model import FieldDoc, VersionDoc

__all__ = ["PYTHON_PACKAGE", "object_name", "render_reference"]

PYTHON_PACKAGE = "nip.parameters"
_TEMPLATES = Path(__file__).parent / "templates"


def object_name(version: VersionDoc, class_name: str, field_name: str) -> str:
    """The name of a field's entry in the site's index and search (unique across versions)."""
    name = f"{class_name}.{field_name}"
    return name if version.current else f"{name} (schema {version.version})"


def render_reference(versions: list[VersionDoc]) -> dict[str, str]:
    """Relative path under ``reference/`` -> page text."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(_TEMPLATES), autoescape=False,
                             keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    env.filters.update(inline=rst.inline, literal=rst.literal, heading=rst.heading)
    env.globals["label"] = rst.label
    pages = {"index.rst": env.get_template("reference_index.rst.jinja2").render(versions=versions)}
    for version in versions:
        pages.update(_version_pages(env, version))
    return pages


def _version_pages(env: jinja2.Environment, version: VersionDoc) -> dict[str, str]:
    root = next(c.name for c in version.classes.values() if "" in c.addresses)
    title = f"Schema {version.version}" + (" (current)" if version.current else "")
    helpers: dict[str, Any] = {
        "v": version,
        "object_name": lambda cls, name: object_name(version, cls, name),
        "python_link": lambda cls: _python_link(version, cls),
        "type_rst": lambda item: _type_rst(version, item),
    }
    folder = version.version
    pages = {f"{folder}/index.rst": env.get_template("version_index.rst.jinja2").render(
        title=title, root=root, **helpers)}
    group_template = env.get_template("group.rst.jinja2")
    for group in version.groups:
        classes, types = version.in_group(group)
        pages[f"{folder}/{group}.rst"] = group_template.render(
            module=f"{PYTHON_PACKAGE}.{group}", classes=classes, types=types, **helpers)
    rows = sorted({(address, object_name(version, c.name, f.name))
                   for c in version.classes.values() for f in c.own for address in f.addresses})
    pages[f"{folder}/addresses.rst"] = env.get_template("addresses.rst.jinja2").render(
        rows=rows, **helpers)
    return pages


def _type_rst(version: VersionDoc, item: FieldDoc) -> str:
    """The type in words, each named definition a link to its section."""
    text = rst.inline(item.type_text)
    for name in sorted(set(item.type_links), key=len, reverse=True):
        link = f":ref:`{name} <{rst.label(version.version, name)}>`"
        text = re.sub(rf"(?<![\w<]){re.escape(name)}(?![\w>])", link, text, count=1)
    return text


def _python_link(version: VersionDoc, class_name: str) -> str:
    """A link to the class's API entry, for the current version and a class its module defines."""
    doc = version.classes[class_name]
    if not version.current or not doc.group:
        return ""
    module = importlib.import_module(f"{PYTHON_PACKAGE}.{doc.group}")
    value = getattr(module, class_name, None)
    if getattr(value, "__module__", None) != module.__name__:
        return ""
    return f":py:class:`{module.__name__}.{class_name}`"
