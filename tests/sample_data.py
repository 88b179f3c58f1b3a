"""Where the test data lives, and the reference samples of nip 1.0 (copied from shared/reference)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"
SAMPLES = DATA / "reference_samples"


def load_samples(kind: str) -> list[dict[str, Any]]:
    """Every sample of one kind: `current`, `invalid` or `migrate` (format: samples/README.md)."""
    return [json.loads(p.read_text()) for p in sorted((SAMPLES / kind).glob("*.json"))]
