"""The wheel ships what the runtime and other tools read: every version's schemas and steps, the
keyword vocabulary and the SchemaStore catalog."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # builds a wheel
REPO = Path(__file__).resolve().parents[2]


def test_wheel_carries_the_published_schemas(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet",
         "--wheel-dir", str(tmp_path), str(REPO)],
        check=True, capture_output=True, timeout=300,
    )
    (wheel,) = tmp_path.glob("nip_parameters-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {p.relative_to(REPO / "src").as_posix()
               for p in (REPO / "src/nip/parameters/_schemas").rglob("*.json")}
    assert shipped and shipped <= names, sorted(shipped - names)
    for required in ("nip/parameters/py.typed", "nip/parameters/_schemas/catalog.json",
                     "nip/parameters/_schemas/vocabulary.json",
                     "nip/parameters/_schemas/1.0/bundle.json",
                     "nip/parameters/_schemas/1.0/migration.json",
                     "nip/parameters/_schema_diff/differ.py", "nip/parameters/cli/schema_diff.py"):
        assert required in names
    assert not any(n.startswith("nip/__init__") for n in names), "nip must stay a namespace package"
