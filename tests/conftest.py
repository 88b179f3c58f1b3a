"""Shared test helpers: the reference samples, and a clean environment for env-var defaults."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).parent / "data"
SAMPLES = DATA / "reference_samples"


def load_samples(kind: str) -> list[dict[str, Any]]:
    return [json.loads(p.read_text()) for p in sorted((SAMPLES / kind).glob("*.json"))]


@pytest.fixture(autouse=True)
def _no_wandb_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """nip's expected outputs were made with WANDB_ENTITY and WANDB_PROJECT unset."""
    monkeypatch.delenv("WANDB_ENTITY", raising=False)
    monkeypatch.delenv("WANDB_PROJECT", raising=False)
