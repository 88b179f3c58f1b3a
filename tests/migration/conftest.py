"""Fixtures of the migration tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from migration_support import copy_repo


@pytest.fixture(scope="module")
def repo_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A temporary copy of the repository (schema, generator, package), one per test module."""
    root = tmp_path_factory.mktemp("repo")
    copy_repo(root)
    return root
