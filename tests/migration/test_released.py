"""Released schema versions are immutable in meaning: the committed lock matches, a change of meaning
is caught, and the documentation of a released version may still be improved."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from migration_support import REPO

from codegen import released


def test_the_committed_lock_matches():
    assert released.check(REPO) == []
    assert released.released_versions(REPO) == [
        d.name for d in sorted((REPO / "schema").iterdir(), key=lambda d: d.name)
        if d.is_dir() and d.name[0].isdigit()
    ][:-1]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "schema", tmp_path / "schema")
    return tmp_path


def test_an_edited_file_is_caught(repo):
    path = repo / "schema" / "0.1" / "protocol.json"
    path.write_text(path.read_text().replace('"default": 0', '"default": 5', 1))
    [problem] = released.check(repo)
    assert "schema/0.1/protocol.json: changed since version 0.1 was released" in problem
    assert "new version" in problem


def test_an_added_or_removed_file_is_caught(repo):
    (repo / "schema" / "0.1" / "extra.json").write_text("{}")
    (repo / "schema" / "0.1" / "types.json").unlink()
    problems = released.check(repo)
    assert any("0.1/extra.json: added" in p for p in problems)
    assert any("0.1/types.json: locked but missing" in p for p in problems)


def test_a_released_version_without_a_lock_is_caught(repo):
    (repo / "schema" / released.LOCK_FILE).unlink()
    [problem] = released.check(repo)
    assert "schema/0.1/ is released" in problem and "not locked" in problem


def test_lock_adds_new_releases_but_never_rehashes(repo):
    path = repo / "schema" / "0.1" / "types.json"
    path.write_text(path.read_text().replace('"enum": [', '"enum": ["extra", ', 1))
    assert released.lock(repo) == []
    assert released.check(repo), "an edit is not silently accepted by re-locking"
    assert released.lock(repo, force=True) == ["0.1/types.json"]
    assert released.check(repo) == []
    shutil.copytree(repo / "schema" / "1.0", repo / "schema" / "1.1")
    assert released.check(repo) and "1.0" in released.check(repo)[0]
    added = released.lock(repo)
    assert added and all(name.startswith("1.0/") for name in added)
    assert released.check(repo) == []


def test_a_malformed_lock_is_reported(repo):
    (repo / "schema" / released.LOCK_FILE).write_text("not a lock line\n")
    [problem] = released.check(repo)
    assert "expected '<sha256>  <version>/<file>'" in problem


def _edit(path: Path, edit) -> None:
    document = json.loads(path.read_text())
    edit(document)
    path.write_text(json.dumps(document, indent=4, sort_keys=True) + "\n")  # reformatted, too


def _rl_lr(document):
    return document["$defs"]["RlTrainerParameters"]["properties"]["lr"]


def test_documentation_of_a_released_version_may_improve(repo):
    def better_docs(document):
        _rl_lr(document).update(description="The base learning rate of every optimiser.",
                                examples=[0.001], title="learning rate")

    _edit(repo / "schema" / "0.1" / "trainers.json", better_docs)
    _edit(repo / "schema" / "0.1" / "migration.json",
          lambda step: step.update(description="Reworded.", **{"$comment": "reworded"}))
    assert released.check(repo) == []


@pytest.mark.parametrize("edit", [
    lambda d: _rl_lr(d).update(default=0.1),
    lambda d: _rl_lr(d).update(minimum=0),
    lambda d: _rl_lr(d).update(type="integer"),
    lambda d: d["$defs"]["RlTrainerParameters"]["properties"].pop("lr"),
    lambda d: d["$defs"]["RlTrainerParameters"]["properties"].update(
        description={"type": "string"}),  # a field *named* description is meaning, not an annotation
], ids=["default", "constraint", "type", "field-removed", "field-named-description"])
def test_a_change_of_meaning_is_caught(repo, edit):
    _edit(repo / "schema" / "0.1" / "trainers.json", edit)
    [problem] = released.check(repo)
    assert "schema/0.1/trainers.json: changed since version 0.1 was released" in problem


def test_a_change_of_a_released_migration_step_is_caught(repo):
    def other_op(step):
        step["operations"][0]["message"] = "a different warning"

    _edit(repo / "schema" / "0.1" / "migration.json", other_op)
    [problem] = released.check(repo)
    assert "0.1/migration.json: changed" in problem


def test_a_lock_of_the_byte_scheme_asks_for_a_reviewed_relock(repo):
    lock = repo / "schema" / released.LOCK_FILE
    lock.write_text(lock.read_text().replace(released.SCHEME + "\n", ""))
    [problem] = released.check(repo)
    assert "hashes file bytes" in problem and "--lock --force" in problem
