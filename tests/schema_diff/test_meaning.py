"""What a schema means: annotation keywords stripped, keys sorted (the released lock hashes this)."""

from __future__ import annotations

from nip.parameters._schema_diff import (
    ANNOTATION_KEYWORDS,
    meaning,
    meaning_digest,
    strip_annotations,
)


def test_annotations_are_stripped_but_fields_named_like_them_are_kept():
    schema = {
        "title": "T", "description": "D", "$comment": "C",
        "properties": {
            "title": {"type": "string", "description": "a field named title", "default": "x"},
            "description": {"type": "string", "examples": ["e"]},
        },
        "anyOf": [{"type": "null", "title": "none"}],
        "default": {"title": "data, not a keyword"},
        "x-test-params": {"description": 1},
    }
    assert strip_annotations(schema) == {
        "properties": {"title": {"type": "string", "default": "x"}, "description": {"type": "string"}},
        "anyOf": [{"type": "null"}],
        "default": {"title": "data, not a keyword"},
        "x-test-params": {"description": 1},
    }


def test_meaning_ignores_key_order_and_annotations_but_not_values():
    a = {"type": "integer", "default": 1, "description": "one"}
    b = {"description": "uno", "default": 1, "type": "integer"}
    assert meaning(a) == meaning(b) and meaning_digest(a) == meaning_digest(b)
    assert meaning_digest(a) != meaning_digest(dict(a, default=1.0))
    assert meaning_digest(a) != meaning_digest(dict(a, default=True))


def test_a_step_s_prose_is_not_its_meaning():
    step = {"description": "x", "$comment": "y", "operations": [{"op": "remove_key", "at": "a", "why": "w"}]}
    reworded = {"description": "z", "operations": [{"op": "remove_key", "at": "a", "why": "better"}]}
    assert meaning_digest(step, step=True) == meaning_digest(reworded, step=True)
    moved = {"operations": [{"op": "remove_key", "at": "b", "why": "w"}]}
    assert meaning_digest(step, step=True) != meaning_digest(moved, step=True)


def test_the_editor_keywords_are_annotations():
    assert {"title", "description", "examples", "markdownDescription", "enumDescriptions"} <= ANNOTATION_KEYWORDS
    assert not {"default", "enum", "type", "const", "x-env-default"} & ANNOTATION_KEYWORDS
