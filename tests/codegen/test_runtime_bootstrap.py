"""The generator imports the runtime pieces it shares (the schema differ, the migration hooks)
without running the generated package root, so `make generate` can repair broken generated modules."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_runtime_pieces_load_without_the_generated_modules_and_leave_no_stand_in() -> None:
    script = textwrap.dedent(
        """
        import sys
        from codegen.runtime import runtime

        differ = runtime("_schema_diff")
        hooks = runtime("_migration.hooks").HOOKS
        assert callable(differ.diff) and hooks, "pieces loaded"
        assert not any(name.startswith("nip.parameters") for name in sys.modules), sorted(sys.modules)
        import nip.parameters
        assert hasattr(nip.parameters, "HyperParameters"), "the real package imports afterwards"
        print("ok")
        """
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True,
                            check=False)
    assert result.stdout.strip() == "ok", result.stderr
