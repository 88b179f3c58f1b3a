"""Fixtures for every test: a clean environment for the env-var defaults."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _no_wandb_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """nip's expected outputs were made with WANDB_ENTITY and WANDB_PROJECT unset."""
    monkeypatch.delenv("WANDB_ENTITY", raising=False)
    monkeypatch.delenv("WANDB_PROJECT", raising=False)
