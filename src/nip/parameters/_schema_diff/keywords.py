"""Which schema keywords do what, for the differ and the released-version lock.

`ANNOTATION_KEYWORDS` says which keywords only document (JSON Schema's meta-data keywords, and
the `editor` group of schema/vocabulary.json, read from the shipped copy): changing them changes no
config's validity or meaning. The differ reports their changes as annotation-only, and
``schema/released.lock`` hashes a released schema with them stripped (`meaning`), so the docs of a
released version can be improved while a change of meaning still fails `make check`.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from .._schema_files import COMPLETION_KEYWORD, VOCABULARY_FILE

__all__ = [
    "ANNOTATION_KEYWORDS",
    "COMPLETION_KEYWORD",
    "METADATA_KEYWORDS",
    "STEP_ANNOTATION_KEYS",
    "STEP_KEYWORDS",
    "canonical",
    "meaning",
    "meaning_digest",
    "strip_annotations",
]

#: JSON Schema's own meta-data keywords (draft 2020-12, and `$comment`): they only document.
METADATA_KEYWORDS = frozenset({"$comment", "title", "description", "examples", "deprecated"})


def _editor_keywords() -> frozenset[str]:
    """The editors' keywords, as the shipped vocabulary lists them (its `editor` group): each one
    only changes what an editor shows."""
    path = Path(__file__).resolve().parent.parent / "_schemas" / VOCABULARY_FILE
    return frozenset(json.loads(path.read_text(encoding="utf-8"))["editor"])


#: Keywords that only document: JSON Schema's meta-data keywords and the editors' keywords.
ANNOTATION_KEYWORDS = METADATA_KEYWORDS | _editor_keywords()


#: Keywords that describe the step *into* the version that carries them (not the tree itself).
#: `make new-version` drops them when it copies a version.
STEP_KEYWORDS = frozenset({"x-renamed-from", "x-old-default"})

#: The prose of a migration step file: improving it changes no migration.
STEP_ANNOTATION_KEYS = frozenset({"$comment", "description", "why"})

# Keywords whose value is a map of names to subschemas, a list of subschemas, or one subschema: the
# only places where a key is a keyword. Everything else (default, const, enum, x-test-params...) is data.
_SCHEMA_MAPS = frozenset({"$defs", "definitions", "properties", "patternProperties", "dependentSchemas"})
_SCHEMA_LISTS = frozenset({"allOf", "anyOf", "oneOf", "prefixItems"})
_SCHEMA_ONE = frozenset({
    "items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames",
    "unevaluatedItems", "unevaluatedProperties", "additionalItems", "contentSchema",
})


def strip_annotations(node: Any, keywords: frozenset[str] = ANNOTATION_KEYWORDS) -> Any:
    """A copy of the schema ``node`` without annotation keywords (names of fields are kept)."""
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in keywords:
            continue
        if key in _SCHEMA_MAPS and isinstance(value, dict):
            out[key] = {name: strip_annotations(sub, keywords) for name, sub in value.items()}
        elif key in _SCHEMA_LISTS and isinstance(value, list):
            out[key] = [strip_annotations(sub, keywords) for sub in value]
        elif key in _SCHEMA_ONE:
            out[key] = strip_annotations(value, keywords)
        else:
            out[key] = value
    return out


def _strip_step(step: Any) -> Any:
    if not isinstance(step, dict):
        return step
    out = {k: v for k, v in step.items() if k not in STEP_ANNOTATION_KEYS}
    if isinstance(out.get("operations"), list):
        out["operations"] = [
            {k: v for k, v in op.items() if k not in STEP_ANNOTATION_KEYS} if isinstance(op, dict) else op
            for op in out["operations"]
        ]
    return out


def canonical(value: Any) -> str:
    """One text per JSON value: keys sorted, no whitespace; ``1``, ``1.0`` and ``true`` differ."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def meaning(document: Any, *, step: bool = False) -> str:
    """The canonical text of what a schema file (or, with ``step``, a migration step) means."""
    return canonical(_strip_step(document) if step else strip_annotations(document))


def meaning_digest(document: Any, *, step: bool = False) -> str:
    """SHA-256 of `meaning`."""
    return hashlib.sha256(meaning(document, step=step).encode("utf-8")).hexdigest()
