"""The attribute docstrings the generator writes: what editors show on hover and what Sphinx's
autodoc + napoleon render (nip's own site documents these classes)."""

from __future__ import annotations

import pytest

from codegen.model import FieldSpec
from codegen.render import field_doc


def _field(summary: str, range_text: str = "") -> FieldSpec:
    return FieldSpec(name="lr", json_name="lr", type_hint="float", default="0.003", default_factory=None,
                     description=summary, summary=summary, range_text=range_text)


def test_the_range_stands_in_its_own_paragraph_after_the_description() -> None:
    doc = field_doc(_field("Base learning rate.", "≥ 0"))
    first, *rest = doc.split("\n")
    assert first == "Base learning rate."  # no colon: napoleon would read "X: Y" as a type
    assert "    Range: ≥ 0." in rest


@pytest.mark.parametrize("summary", ["Branching factor: responses per step.", "Clip: a float threshold."])
def test_a_colon_on_the_first_line_is_refused_with_the_field_named(summary: str) -> None:
    with pytest.raises(ValueError, match="field 'lr' has a colon on its first line"):
        field_doc(_field(summary))


def test_a_colon_inside_backquotes_or_after_the_first_line_is_fine() -> None:
    field_doc(_field("Uses `a:b` notation."))
    field_doc(_field("A long description that goes on and on and wraps onto a second line of the "
                     "docstring, where a colon: is harmless."))
