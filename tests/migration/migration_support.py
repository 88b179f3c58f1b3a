"""Helpers for the migration tests: old-version configs built from small fragments, the samples."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
MIGRATE_SAMPLES = REPO / "tests" / "data" / "reference_samples" / "migrate"

BASE = {"scenario": "graph_isomorphism", "trainer": "vanilla_ppo", "dataset": "eru10000"}


def config(version: str | None, **fragment: Any) -> dict[str, Any]:
    """A minimal config stating ``version`` (None: no _package_version), plus ``fragment``."""
    out: dict[str, Any] = dict(copy.deepcopy(BASE), **copy.deepcopy(fragment))
    if version is not None:
        out["_package_version"] = version
    return out


def load_migrate_samples() -> list[dict[str, Any]]:
    return [json.loads(p.read_text()) for p in sorted(MIGRATE_SAMPLES.glob("*.json"))]


def get(data: dict[str, Any], address: str) -> Any:
    node: Any = data
    for part in address.split("."):
        node = node[part]
    return node


MISSING = object()


def get_or_missing(data: dict[str, Any], address: str) -> Any:
    try:
        return get(data, address)
    except (KeyError, TypeError):
        return MISSING
