"""`nip-params schema diff OLD NEW`: versions, published and authoring directories, text and JSON."""

from __future__ import annotations

from pathlib import Path

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


def test_an_authoring_directory_outside_a_checkout_is_explained(cli, tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "types.json").write_text("{}")
    run = cli("schema", "diff", "1.0", str(tmp_path / "a" / "b"))
    assert run.code == 2
    assert "authoring directory" in run.err and "nip-params schema --out" in run.err


def test_help_shows_diff_with_examples(cli):
    run = cli("schema", "--help")
    assert run.code == 0
    assert "nip-params schema diff 0.1 1.0" in run.out
    assert "breaking" in run.out and "compatible" in run.out and "annotation" in run.out
