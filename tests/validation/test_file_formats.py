"""The schemas of this project's own file formats are shipped, in the catalog, and fit the files
the project itself ships."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nip.parameters._files import read_config
from nip.parameters._schema_files import (
    FORMAT_SCHEMA_FILES,
    MIGRATION_SCHEMA_FILE,
    SWEEP_SPEC_SCHEMA_FILE,
)
from nip.parameters._validation.file_formats import format_problems, format_schema
from nip.parameters._validation.schemas import shipped_root

REPO = Path(__file__).resolve().parents[2]


def test_each_format_schema_is_in_the_catalog_at_its_id():
    catalog = json.loads((shipped_root() / "catalog.json").read_text())
    urls = {entry["url"] for entry in catalog["schemas"]}
    for name in FORMAT_SCHEMA_FILES:
        assert format_schema(name)["$id"] in urls, name


@pytest.mark.parametrize("path", sorted((REPO / "schema").glob("*/migration.json")), ids=lambda p: p.parent.name)
def test_the_shipped_steps_fit_their_format(path):
    assert format_problems(MIGRATION_SCHEMA_FILE, json.loads(path.read_text())) == []


@pytest.mark.parametrize("path", sorted((REPO / "examples" / "sweeps").glob("*.yaml")), ids=lambda p: p.name)
def test_the_example_sweeps_fit_their_format(path):
    data = read_config(path).data
    if "grid" in data:  # a spec (a base config sits beside it)
        assert format_problems(SWEEP_SPEC_SCHEMA_FILE, data) == []


def test_a_format_problem_has_its_address_and_the_schema_says_what_fits():
    (problem,) = format_problems(MIGRATION_SCHEMA_FILE, {
        "from": "1.0", "to": "1.1", "package": {"name": "nip", "version": "1.1.0"}, "description": "d",
        "operations": [{"op": "rename_key", "at": "a", "to": "b.c"}]})
    assert problem.address == "operations.0.to"
    assert "no dots" in (problem.hint or "")


def test_an_unknown_schema_version_is_worded_once_everywhere(tmp_path):
    """validate --schema-version, schema --version, a dict's _package_version and the library
    name an unknown version in the same words, against the same list."""
    from nip.parameters import iter_errors
    from nip.parameters._validation import schemas
    from nip.parameters.cli import main
    from nip.parameters.errors import NipParametersError

    expected = schemas.unknown_version("9.9")
    assert expected.startswith("unknown schema version '9.9' (known: ")
    (problem,) = iter_errors({"_package_version": "9.9"})
    assert problem.message == expected
    with pytest.raises(NipParametersError, match=expected.replace("(", r"\(").replace(")", r"\)")):
        schemas.schema_dir("9.9")
    config = tmp_path / "c.json"
    config.write_text("{}")
    import contextlib
    import io
    for argv in (["validate", "--version", "9.9", str(config)], ["schema", "--version", "9.9"]):
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            assert main(argv) == 2
        assert expected in err.getvalue(), argv


def test_the_w_and_b_keys_are_read_from_the_sweep_spec_schema():
    from nip.parameters._workflow import wandb_sweep
    wandb = format_schema(SWEEP_SPEC_SCHEMA_FILE)["$defs"]["wandb"]["properties"]
    assert wandb_sweep.METHODS == tuple(wandb["method"]["enum"]) == ("grid", "random", "bayes")
