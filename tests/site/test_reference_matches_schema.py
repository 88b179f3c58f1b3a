"""The reference pages state every field of every version as the published schema does.

Expected values are read straight off the published ``bundle.json`` of each version (not through the
site's generator): the default as JSON text, the bounds, the JSON types, the address.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from site_html import PUBLISHED, bundle, class_sections, entries, soup, versions

pytestmark = pytest.mark.slow  # builds the documentation site (once per session)

_BOUNDS = (("minimum", "≥"), ("exclusiveMinimum", ">"), ("maximum", "≤"), ("exclusiveMaximum", "<"))


def _branches(node: dict[str, Any]) -> list[dict[str, Any]]:
    return node.get("anyOf") or node.get("oneOf") or [node]


def _root_places(schema: dict[str, Any]) -> dict[str, str]:
    """Class -> the root field that holds it (``CommonPpoParameters`` -> ``ppo``)."""
    # The bundle's root is a version gate: a config of this version goes on to the root class.
    root_ref = schema.get("$ref") or schema["else"]["$ref"]
    root = schema["$defs"][root_ref.rsplit("/", 1)[-1]]
    places = {}
    for key, node in root["properties"].items():
        for branch in _branches(node):
            if "$ref" in branch:
                places.setdefault(branch["$ref"].rsplit("/", 1)[-1], key)
    return places | {root["title"]: ""}


def _pages(site: Path, version: str) -> dict[str, Any]:
    """Every class section of a version's reference, over all its group pages."""
    sections: dict[str, Any] = {}
    for page in sorted((site / "reference" / version).glob("*.html")):
        sections.update(class_sections(soup(page)))
    return sections


@pytest.mark.parametrize("version", versions())
def test_every_field_of_every_class_is_documented_as_the_schema_states(site: Path, version: str) -> None:
    schema = bundle(version)
    sections = _pages(site, version)
    places = _root_places(schema)
    vocabulary = {k: v for section in json.loads((PUBLISHED / "vocabulary.json").read_text()).values()
                  if isinstance(section, dict) for k, v in section.items()}
    checked = 0
    for name, definition in schema["$defs"].items():
        if "properties" not in definition:
            continue
        assert name in sections, f"schema {version}: class {name} has no section"
        section = sections[name]
        own = {e.name.split(" (schema")[0].rsplit(".", 1)[-1]: e for e in entries(section)}
        inherited = {row.get_text().strip() for row in section.select("table tbody tr td:first-child")}
        for field, node in definition["properties"].items():
            if field not in own:  # documented on a base class's entry, and listed here
                assert field in inherited, f"schema {version}: {name}.{field} is missing from its section"
                continue
            facts = own[field].facts
            where = f"schema {version}: {name}.{field}"
            if "default" in node:
                assert facts["Default"] == json.dumps(node["default"], ensure_ascii=False), where
            else:
                assert facts["Default"].startswith("none"), where
            bounds = [f"{sign} {json.dumps(b[key])}" for b in _branches(node)
                      for key, sign in _BOUNDS if key in b]
            assert facts.get("Range", "") == " and ".join(bounds), where
            for branch in _branches(node):
                if branch.get("deprecated"):
                    continue
                kinds = branch.get("type", [])
                for kind in [kinds] if isinstance(kinds, str) else kinds:
                    assert kind in facts["Type"], f"{where}: type {kind} not in {facts['Type']!r}"
                if "$ref" in branch:
                    assert branch["$ref"].rsplit("/", 1)[-1] in facts["Type"], where
            if name in places:
                expected = f"{places[name]}.{field}" if places[name] else field
                assert facts["Address"] == expected, where
            addresses = facts["Address"].split(", ")
            assert all(a == field or a.endswith(f".{field}") for a in addresses), where
            for key in (k for k in node if k.startswith("x-")):  # each behaviour, with its words
                words = vocabulary[key].replace("`", "")  # a `code` span shows as code, without quotes
                assert words in facts[key.capitalize()], f"{where}: {key}"
            for branch in _branches(node):
                if "deprecationMessage" in branch:
                    assert branch["deprecationMessage"] in facts["Deprecated"], where
            checked += 1
    assert checked > 200  # every version has a few hundred fields of its own


def test_inherited_fields_show_on_the_subclass(site: Path) -> None:
    """The issue's example: the graph-isomorphism agent lists the base agent fields too."""
    section = class_sections(soup(site / "reference" / versions()[-1] / "agents.html"))[
        "GraphIsomorphismAgentParameters"]
    rows = {row.get_text().strip() for row in section.select("table tbody tr td:first-child")}
    assert {"update_schedule", "use_manual_architecture", "checkpoint_entity"} <= rows


def test_enum_values_show_with_their_meanings(site: Path) -> None:
    schema = bundle(versions()[-1])
    activation = schema["$defs"]["ActivationType"]
    sections = _pages(site, versions()[-1])
    text = " ".join(sections["ActivationType"].get_text().split())
    for value, meaning in zip(activation["enum"], activation["enumDescriptions"], strict=True):
        assert json.dumps(value) in text and meaning in text


def test_a_changed_field_says_in_which_version(site: Path) -> None:
    """From the schema diff: `debate_protocol.min_message_rounds` changed its default in 1.0."""
    page = soup(site / "reference" / "1.0" / "protocol.html")
    changed = [" ".join(div.get_text().split()) for div in page.select("div.versionchanged")]
    assert any("Changed in version 1.0" in text and "default changed: 0 -> 1" in text
               for text in changed)
