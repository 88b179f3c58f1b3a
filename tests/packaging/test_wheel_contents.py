"""The wheel ships what the runtime and other tools read: every version's schemas and steps, the
keyword vocabulary, the SchemaStore catalog and the TypeScript declarations."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # builds a wheel
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet",
         "--wheel-dir", str(out), str(REPO)],
        check=True, capture_output=True, timeout=300,
    )
    (built,) = out.glob("nip_parameters-*.whl")
    return built


def test_wheel_carries_the_published_schemas(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {p.relative_to(REPO / "src").as_posix()
               for p in (REPO / "src/nip/parameters/_schemas").rglob("*.json")}
    shipped |= {p.relative_to(REPO / "src").as_posix()
                for p in (REPO / "src/nip/parameters/_schemas").rglob("*.d.ts")}
    assert shipped and shipped <= names, sorted(shipped - names)
    for required in ("nip/parameters/py.typed", "nip/parameters/_schemas/catalog.json",
                     "nip/parameters/_schemas/vocabulary.json",
                     "nip/parameters/_schemas/1.0/bundle.json",
                     "nip/parameters/_schemas/1.0/bundle.d.ts",
                     "nip/parameters/_schemas/1.0/migration.json",
                     "nip/parameters/_schemas/migration.schema.json",
                     "nip/parameters/_schemas/sweep-spec.schema.json",
                     "nip/parameters/_schema_diff/differ.py", "nip/parameters/cli/schema_diff.py"):
        assert required in names
    assert not any(n.startswith("nip/__init__") for n in names), "nip must stay a namespace package"


def test_schema_diff_of_an_authoring_directory_runs_from_the_wheel_alone(wheel, tmp_path):
    """Installed from the wheel, away from any checkout, with `codegen` unimportable: the package
    publishes an authoring directory itself (the generator calls the same code)."""
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    authoring = tmp_path / "work" / "schema" / "1.0"
    shutil.copytree(REPO / "schema" / "1.0", authoring)
    script = (
        "import sys; sys.modules['codegen'] = None\n"  # any `import codegen...` now fails
        "import nip.parameters as p\n"
        f"assert p.__file__.startswith({str(site)!r}), p.__file__\n"
        "from nip.parameters.cli import main\n"
        f"sys.exit(main(['schema', 'diff', '0.1', {str(authoring)!r}]))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    run = subprocess.run([sys.executable, "-c", script], cwd=tmp_path / "work", env=env,
                         capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("schema 0.1 -> 1.0: "), run.stdout[:200]
