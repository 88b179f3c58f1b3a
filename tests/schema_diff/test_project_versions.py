"""The project's own versions: what the 0.1 -> 1.0 diff finds, and that the 1.0 step covers it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from codegen import evolution
from nip.parameters._migration.hooks import HOOKS
from nip.parameters._schema_diff import check_coverage, diff
from nip.parameters._validation import schemas as schema_store

REPO = Path(__file__).resolve().parents[2]


def _shipped(version: str) -> dict:
    return {p.name: json.loads(p.read_text()) for p in schema_store.schema_dir(version).glob("*.json")}


def test_every_breaking_change_from_0_1_is_covered_by_the_1_0_step():
    old, new = _shipped("0.1"), _shipped("1.0")
    result = diff(old, new, old_label="0.1", new_label="1.0")
    coverage = check_coverage(result, new["migration.json"], hooks=HOOKS)
    assert coverage.problems() == []
    found = {(item.change.where, item.change.kind, item.by[0].op) for item in coverage.items}
    # 1.0 bounds what cannot mean anything (negative counts, fractions outside [0, 1]); one
    # declaration refuses 0.1 values outside those ranges rather than converting them
    ranges = {entry for entry in found if entry[1] == "constraint_narrowed"}
    by_hook = {where for where, _, op in ranges if op == "hook"}  # the round minimum's hook comes first
    assert all("min_message_rounds" in where for where in by_hook)
    assert {op for _, _, op in ranges} == {"reject_invalid", "hook"}
    assert found - ranges == {
        ("interaction_protocol", "values_removed", "reject_value"),
        ("interaction_protocol", "default_changed", "map_values"),
        ("pvg_protocol -> nip_protocol", "field_renamed", "rename_key"),
        ("pvg_protocol -> nip_protocol", "class_renamed", "map_values"),
        ("pvg_protocol.min_message_rounds -> nip_protocol.min_message_rounds", "default_changed", "hook"),
        ("debate_protocol.min_message_rounds", "default_changed", "hook"),
        ("mnip_protocol.min_message_rounds", "default_changed", "hook"),
        ("pvg_protocol.min_message_rounds_scheduler -> nip_protocol.min_message_rounds_scheduler",
         "field_removed", "remove_key"),
        ("debate_protocol.min_message_rounds_scheduler", "field_removed", "remove_key"),
        ("mnip_protocol.min_message_rounds_scheduler", "field_removed", "remove_key"),
        ("spg.sos_a_param -> spg.sos_scaling_factor", "field_renamed", "rename_key"),
        ("spg.sos_b_param -> spg.sos_threshold_factor", "field_renamed", "rename_key"),
        ("spg.stackelberg_sequence", "default_changed", "set_default_if_absent"),
        ("code_validation.apps_exclude_flagged", "default_changed", "set_default_if_absent"),
    }


def test_without_the_stackelberg_pin_the_check_fails():
    old, new = _shipped("0.1"), _shipped("1.0")
    step = dict(new["migration.json"])
    step["operations"] = [op for op in step["operations"] if op.get("at") != "spg.stackelberg_sequence"]
    problems = check_coverage(diff(old, new), step, hooks=HOOKS).problems()
    assert problems == [
        'spg.stackelberg_sequence: default changed ([["verifier"], ["prover"]] -> null) is not covered by '
        'migration.json: needs set_default_if_absent at spg.stackelberg_sequence with value '
        '[["verifier"], ["prover"]] (a pin of the old default), or a map_values/hook that turns it into '
        'the new default']


def test_a_version_compared_with_itself_has_no_changes():
    assert diff(_shipped("1.0"), _shipped("1.0")).changes == ()


def test_the_check_names_a_step_that_does_not_start_from_the_previous_version(tmp_path):
    shutil.copytree(REPO / "schema", tmp_path / "schema")
    path = tmp_path / "schema" / "1.0" / "migration.json"
    step = json.loads(path.read_text())
    step["from"] = "0.9"
    path.write_text(json.dumps(step))
    problems = evolution.problems(tmp_path)
    assert problems[0] == 'schema/1.0/migration.json must start from the previous version ("from": "0.1"), not from "0.9"'
    result = diff(_shipped("0.1"), _shipped("1.0"))
    breaking = len(check_coverage(result, _shipped("1.0")["migration.json"], hooks=HOOKS).items)
    assert len(problems) == 1 + breaking  # and then, without its step, each breaking change is uncovered
    assert evolution.problems(REPO) == []


def test_a_step_that_still_says_todo_is_a_problem(tmp_path):
    """make check refuses a step a person has not finished: the TODO would reach docs/changes.md."""
    shutil.copytree(REPO / "schema", tmp_path / "schema")
    path = tmp_path / "schema" / "1.0" / "migration.json"
    step = json.loads(path.read_text())
    step["operations"][0]["why"] = "TODO: say why"
    path.write_text(json.dumps(step))
    problems = evolution.problems(tmp_path)
    assert problems == [f"schema/1.0/migration.json is not finished: operation 1 ({step['operations'][0]['op']} "
                        f"at {step['operations'][0]['at']}), why: TODO: say why. Decide what the TODO asks "
                        "(the op may be wrong: a removed field that lives on is a rename_key), write the "
                        "reason in its place and delete the TODO"]


def test_the_annotation_keywords_are_the_vocabularys_editor_group_and_json_schemas_metadata():
    from nip.parameters._schema_diff.keywords import (
        ANNOTATION_KEYWORDS,
        METADATA_KEYWORDS,
    )
    vocabulary = json.loads((REPO / "schema" / "vocabulary.json").read_text())
    assert set(ANNOTATION_KEYWORDS) == set(METADATA_KEYWORDS) | set(vocabulary["editor"])
    assert not set(ANNOTATION_KEYWORDS) & set(vocabulary["nip"]), "an x- keyword may change meaning"
