"""A small fixture schema (authoring form), published with the real publisher, for the differ tests."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from nip.parameters._publishing import Publisher, VersionSource
from nip.parameters._schema_diff import SchemaChange, SchemaDiff, diff

BASE = "https://example.org/schema/"

FIXTURE: dict[str, dict[str, Any]] = {
    "types": {
        "$id": BASE + "types.json",
        "$defs": {
            "Colour": {"title": "Colour", "description": "A colour.", "type": "string",
                       "enum": ["red", "green", "blue"]},
        },
    },
    "groups": {
        "$id": BASE + "groups.json",
        "$defs": {
            "GroupParameters": {
                "title": "GroupParameters", "description": "A group.", "type": "object",
                "properties": {
                    "size": {"title": "size", "description": "How many.", "type": "integer", "default": 3},
                    "label": {"title": "label", "description": "A label.", "type": "string", "default": "x"},
                    "shade": {"title": "shade", "description": "Its colour.",
                              "$ref": "types.json#/$defs/Colour", "default": "red"},
                },
            },
            "Member": {
                "title": "Member", "description": "One member.", "type": "object",
                "properties": {
                    "weight": {"title": "weight", "description": "Its weight.", "type": "number",
                               "default": 1.0, "minimum": 0},
                },
            },
        },
    },
    "hyper_parameters": {
        "$id": BASE + "hyper_parameters.json",
        "$ref": "#/$defs/HyperParameters",
        "$defs": {
            "HyperParameters": {
                "title": "HyperParameters", "description": "The root.", "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"title": "name", "description": "A name.", "type": "string"},
                    "rate": {"title": "rate", "description": "A rate.", "type": "number", "default": 0.5},
                    "tag": {"title": "tag", "description": "A tag.", "type": ["string", "null"],
                            "default": None},
                    "group": {"title": "group", "description": "The group.",
                              "anyOf": [{"$ref": "groups.json#/$defs/GroupParameters"}, {"type": "null"}],
                              "default": None},
                    "members": {"title": "members", "description": "Members by name.", "type": "object",
                                "additionalProperties": {"$ref": "groups.json#/$defs/Member"}, "default": {}},
                },
            },
        },
    },
}

Edit = Callable[[dict[str, dict[str, Any]]], None]


def publish(groups: dict[str, dict[str, Any]], version: str = "1.0") -> dict[str, Any]:
    return Publisher(VersionSource(version, groups, {}), None).publish()


def compare(edit: Edit, base_edit: Edit | None = None) -> SchemaDiff:
    """The diff from the fixture (after ``base_edit``) to the same fixture after ``edit``."""
    old = copy.deepcopy(FIXTURE)
    if base_edit is not None:
        base_edit(old)
    new = copy.deepcopy(old)
    edit(new)
    return diff(publish(old, "1.0"), publish(new, "1.1"), old_label="1.0", new_label="1.1")


def root(groups: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return groups["hyper_parameters"]["$defs"]["HyperParameters"]


def group(groups: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return groups["groups"]["$defs"]["GroupParameters"]


def only(result: SchemaDiff, *, skip_annotations: bool = True) -> SchemaChange:
    """The one change found (annotation-only changes aside, unless asked)."""
    found = [c for c in result.changes if not (skip_annotations and c.classification == "annotation")]
    assert len(found) == 1, [str(c) for c in result.changes]
    return found[0]
