"""`nip-params schema diff OLD NEW`: versions, published and authoring directories, text and JSON."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


# 0.1 -> 1.0: 14 changes of structure and defaults, 14 compatible ones (x-agent-names among them); 1.0 also bounds 85 fields
# (93 narrowed constraints, and the range in each field's description: 83 annotations)
COUNTS = {"breaking": 107, "compatible": 14, "annotation": 98}
HEADLINE = "schema 0.1 -> 1.0: 219 changes (107 breaking, 14 compatible, 98 annotation)"

def test_diff_of_two_shipped_versions(cli):
    run = cli("schema", "diff", "0.1", "1.0")
    assert run.code == 0
    lines = run.out.splitlines()
    assert lines[0] == HEADLINE
    assert "breaking:" in lines and "compatible:" in lines and "annotation:" in lines
    index = lines.index("  spg.sos_a_param -> spg.sos_scaling_factor: field renamed: declared with x-renamed-from")
    assert lines[index + 1] == "      covered by rename_key at spg.sos_a_param (operation 7)"


def test_json_lists_each_change_with_its_cover(cli):
    data = cli("schema", "diff", "0.1", "1.0", "--format", "json").json()
    assert (data["from"], data["to"], data["counts"]) == ("0.1", "1.0", COUNTS)
    removed = [c for c in data["changes"] if c["kind"] == "field_removed"]
    assert {c["address"] for c in removed} == {
        "pvg_protocol.min_message_rounds_scheduler", "debate_protocol.min_message_rounds_scheduler",
        "mnip_protocol.min_message_rounds_scheduler"}
    assert all(c["covered_by"] and c["needs"].startswith("remove_key") for c in removed)
    annotation = next(c for c in data["changes"] if c["classification"] == "annotation")
    assert annotation["needs"] is None and annotation["covered_by"] is None


def test_the_other_way_round_there_is_no_step_so_each_change_shows_what_it_needs(cli):
    run = cli("schema", "diff", "1.0", "0.1")
    assert run.code == 0
    assert "(no migration step from 1.0 in 0.1" in run.out
    assert "  code_validation.apps_exclude_flagged: field removed" in run.out
    assert "      needs remove_key (or rename_key) at code_validation.apps_exclude_flagged" in run.out


def test_authoring_and_published_directories(cli, tmp_path):
    assert cli("schema", "--out", str(tmp_path / "exported"), "--version", "0.1").code == 0
    run = cli("schema", "diff", str(tmp_path / "exported"), str(REPO / "schema" / "1.0"))
    assert run.code == 0, run.err
    assert run.out.splitlines()[0] == HEADLINE
    same = cli("schema", "diff", "1.0", str(REPO / "schema" / "1.0"))
    assert same.out.splitlines()[0] == "schema 1.0 -> 1.0: 0 changes (0 breaking, 0 compatible, 0 annotation)"


def test_usage_errors(cli, tmp_path):
    for argv, message in [
        (("schema", "diff", "0.1"), "takes two schemas"),
        (("schema", "diff", "0.1", "9.9"), "'9.9' is neither a schema version of this package"),
        (("schema", "diff", "0.1", str(tmp_path)), "no schema files"),
        (("schema", "diff", "0.1", "1.0", "--version", "1.0"), "takes no --out or --version"),
        (("schema", "path", "--format", "json"), "--format applies to 'schema diff' only"),
        (("schema", "path", "extra"), "unexpected argument"),
    ]:
        run = cli(*argv)
        assert run.code == 2, argv
        assert message in run.err, (argv, run.err)


def test_a_directory_that_is_no_schema_is_explained(cli, tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "types.json").write_text("{}")
    run = cli("schema", "diff", "1.0", str(tmp_path / "a" / "b"))
    assert run.code == 2
    assert "authoring directory" in run.err and "nip-params schema --out" in run.err


def test_an_authoring_directory_outside_a_checkout_runs_no_code_beside_it(cli, tmp_path):
    """Publishing is the package's own: a codegen/publish.py beside the input is never imported."""
    import shutil
    authoring = tmp_path / "schema" / "1.0"
    shutil.copytree(REPO / "schema" / "1.0", authoring)
    shutil.copy(REPO / "schema" / "limits.json", tmp_path / "schema" / "limits.json")
    trap = tmp_path / "codegen"
    trap.mkdir()
    marker = tmp_path / "imported"
    for name in ("__init__.py", "publish.py", "sources.py"):
        (trap / name).write_text(f"open({str(marker)!r}, 'w').write('ran')\n")
    run = cli("schema", "diff", "1.0", str(authoring))
    assert run.code == 0, run.err
    assert run.out.splitlines()[0] == "schema 1.0 -> 1.0: 0 changes (0 breaking, 0 compatible, 0 annotation)"
    assert not marker.exists()


def test_help_shows_diff_with_examples(cli):
    run = cli("schema", "--help")
    assert run.code == 0
    assert "nip-params schema diff 0.1 1.0" in run.out
    assert "breaking" in run.out and "compatible" in run.out and "annotation" in run.out


# -- hostile directories: read through the config reader, with its limits (SECURITY.md) ----------

def _published_copy(cli, tmp_path: Path, name: str = "pub") -> Path:
    out = tmp_path / name
    assert cli("schema", "--out", str(out), "--version", "1.0").code == 0
    return out / "1.0" if (out / "1.0").is_dir() else out


def _refuse(cli, old: str, new: str, *words: str) -> str:
    run = cli("schema", "diff", old, new)
    assert run.code == 2, (run.code, run.out[:200], run.err)
    for word in words:
        assert word in run.err, run.err
    return run.err


def test_a_link_to_dev_zero_is_refused_at_the_size_limit(cli, tmp_path):
    pub = _published_copy(cli, tmp_path)
    (pub / "zero.json").symlink_to("/dev/zero")
    _refuse(cli, "1.0", str(pub), "zero.json", "larger than the limit")


def test_a_fifo_without_a_writer_does_not_hang(cli, tmp_path):
    import os
    pub = _published_copy(cli, tmp_path)
    os.mkfifo(pub / "pipe.json")
    _refuse(cli, "1.0", str(pub), "pipe.json", "FIFO")


def test_a_deep_array_is_refused_at_the_depth_limit(cli, tmp_path):
    pub = _published_copy(cli, tmp_path)
    (pub / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    _refuse(cli, "1.0", str(pub), "deep.json", "deeper than the limit")


def test_a_ref_loop_is_named(cli, tmp_path):
    import json
    pub = _published_copy(cli, tmp_path)
    (pub / "loop.json").write_text(json.dumps({"$defs": {
        "LoopA": {"$ref": "#/$defs/LoopB"}, "LoopB": {"anyOf": [{"$ref": "#/$defs/LoopA"}]}}}))
    _refuse(cli, "1.0", str(pub), "$ref loop", "LoopA -> LoopB -> LoopA")


def test_an_authoring_base_loop_is_a_usage_error(cli, tmp_path):
    import json
    import shutil
    authoring = tmp_path / "schema" / "9.9"
    shutil.copytree(REPO / "schema" / "1.0", authoring)
    doc = json.loads((authoring / "types.json").read_text())
    doc["$defs"]["LoopA"] = {"allOf": [{"$ref": "#/$defs/LoopB"}], "properties": {"a": {"type": "string"}}}
    doc["$defs"]["LoopB"] = {"allOf": [{"$ref": "#/$defs/LoopA"}], "properties": {"b": {"type": "string"}}}
    (authoring / "types.json").write_text(json.dumps(doc))
    _refuse(cli, "1.0", str(authoring), "a $ref or allOf loop")


def test_too_many_files_are_refused_before_reading(cli, tmp_path):
    from nip.parameters.cli.schema_diff import MAX_SCHEMA_FILES
    pub = _published_copy(cli, tmp_path)
    for n in range(MAX_SCHEMA_FILES + 1):
        (pub / f"x{n}.json").write_text("{}")
    _refuse(cli, "1.0", str(pub), f"more than {MAX_SCHEMA_FILES}")


def test_a_step_that_does_not_fit_its_format_is_a_usage_error(cli, tmp_path):
    import json
    pub = _published_copy(cli, tmp_path)
    step = json.loads((pub / "migration.json").read_text())
    step["operations"].append({"op": "rename_key", "at": "a"})  # no `to`
    (pub / "migration.json").write_text(json.dumps(step))
    err = _refuse(cli, "0.1", str(pub), "does not fit the step format")
    assert f"operations.{len(step['operations']) - 1}.to: missing required key 'to'" in err


@pytest.mark.parametrize(("definition", "says"), [
    (None, "not a JSON Schema (draft 2020-12): at $defs/LrFactors: None is not of type"),
    (True, "every definition under $defs must be an object schema"),
    ({"properties": 5}, "at $defs/LrFactors/properties: 5 is not of type 'object'"),
    ({"properties": {"x": {"$ref": 5}}}, "at $defs/LrFactors/properties/x/$ref"),
])
def test_a_file_that_is_no_json_schema_is_a_usage_error(cli, tmp_path, definition, says):
    """Hostile shapes in a published directory: exit 2 naming the file and the place, never 3."""
    import json
    pub = _published_copy(cli, tmp_path)
    doc = json.loads((pub / "agents.json").read_text())
    doc["$defs"]["LrFactors"] = definition
    (pub / "agents.json").write_text(json.dumps(doc))
    _refuse(cli, "1.0", str(pub), "agents.json", says)
