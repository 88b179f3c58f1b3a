"""Hover in a Python editor: jedi (the engine of jedi-language-server and of many editors' Python
support) shows each field's description, range and default, read from the generated attribute
docstrings. The script is analysed as an editor does: from its text and path, nothing imported.
"""

from __future__ import annotations

import json
from pathlib import Path

import jedi
import pytest

from nip.parameters._validation import schemas as schema_store

BUNDLE = json.loads(schema_store.bundle_path().read_text(encoding="utf-8"))["$defs"]

SCRIPT = """\
from nip.parameters import HyperParameters
params = HyperParameters("graph_isomorphism", "vanilla_ppo", "eru10000")
params.{address}
"""


def _words(text: str) -> str:
    return " ".join(text.split())


def _hover(tmp_path: Path, address: str) -> str:
    code = SCRIPT.format(address=address)
    script = jedi.Script(code, path=tmp_path / "run.py")
    line = code.splitlines()[-1]
    found = script.help(3, len(line) - 1)  # on the last name, as a mouse over it
    assert found, f"jedi finds nothing at {address}"
    return _words(found[0].docstring())


def _published(cls: str, field: str) -> dict:
    return BUNDLE[cls]["properties"][field]


@pytest.mark.parametrize(
    ("address", "cls"),
    [("seed", "HyperParameters"), ("test_size", "HyperParameters"), ("rl.lr", "RlTrainerParameters"),
     ("rl.gamma", "RlTrainerParameters"), ("base_run.base_run_type", "BaseRunParameters")],
)
def test_hover_shows_description_range_and_default(tmp_path, address, cls) -> None:
    field = address.rsplit(".", 1)[-1]
    schema = _published(cls, field)
    shown = _hover(tmp_path, address)
    assert _words(schema["description"]) in shown  # the description, with its range
    assert "Range:" in schema["description"] or "Range" not in shown
    assert f"Default: `{schema['default']!r}`" in shown


def test_hover_on_every_field_of_a_group(tmp_path) -> None:
    """Each field of the learning settings has its own text (no field shows another's)."""
    for field, schema in BUNDLE["RlTrainerParameters"]["properties"].items():
        if field.startswith("_"):
            continue
        shown = _hover(tmp_path, f"rl.{field}")
        assert shown.startswith(_words(schema["description"])), field


def test_hover_on_a_group_says_what_it_accepts(tmp_path) -> None:
    shown = _hover(tmp_path, "rl.body_lr_factor")
    assert _words(_published("RlTrainerParameters", "body_lr_factor")["description"]) in shown
    assert "Accepts: `LrFactors | dict[str, Any] | None`" in shown


@pytest.mark.parametrize(
    "made", ['HyperParameters.from_file("run.yaml")', "HyperParameters.from_dict({})",
             'HyperParameters.from_file("run.yaml").with_overrides(["seed=1"])'],
)
def test_hover_on_a_config_read_from_a_file_or_a_dict(tmp_path, made) -> None:
    """The class methods' return type is one jedi follows (a TypeVar, not `typing.Self`)."""
    code = f"from nip.parameters import HyperParameters\nparams = {made}\nparams.rl.lr\n"
    found = jedi.Script(code, path=tmp_path / "run.py").help(3, len("params.rl.lr") - 1)
    assert found and _words(_published("RlTrainerParameters", "lr")["description"]) in _words(
        found[0].docstring())
