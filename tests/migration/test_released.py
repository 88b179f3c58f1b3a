"""Released schema versions are immutable: the committed lock matches, and any edit is caught."""

from __future__ import annotations

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
    path.write_text(path.read_text() + " ")
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
