"""Start-up: `nip-params validate FILE` loads the reader, the schemas and the validator only; the
package root loads every public name on first use, and a class lookup fills the registry."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from nip.parameters import _registry

pytestmark = pytest.mark.slow  # fresh interpreters

EXAMPLE = Path(__file__).parents[2] / "examples" / "code_validation_ei.yaml"


def _modules_after(code: str) -> tuple[str, list[str]]:
    script = code + "\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))\n"
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True)
    *output, last = run.stdout.strip().splitlines()
    return "\n".join(output), json.loads(last)


def test_validate_one_file_loads_no_generated_class() -> None:
    out, loaded = _modules_after(
        "from nip.parameters.cli import main\n"
        f"assert main(['validate', {str(EXAMPLE)!r}]) == 0"
    )
    assert out.endswith(": ok")
    generated = {f"nip.parameters.{m}" for m in _registry.MODULE_ORDER}
    unwanted = generated | {
        "nip.parameters._public",  # every public name
        "nip.parameters._objects",  # the runtime of the classes
        "nip.parameters._migration",  # a current config needs no migration
        "jsonschema",  # python-jsonschema words rare problems only
        "ruamel",  # the round-trip writer of `migrate`
        "tomllib",  # read for .toml files only
        "multiprocessing",  # one file needs no worker
        "concurrent",
    }
    assert sorted(unwanted & set(loaded)) == []
    assert {"nip.parameters._validation.validators", "jsonschema_rs", "yaml"} <= set(loaded)


def test_the_package_root_loads_its_names_on_first_use() -> None:
    _, loaded = _modules_after("import nip.parameters")
    assert "nip.parameters._public" not in loaded
    out, loaded = _modules_after(
        "import nip.parameters as p\n"
        "print(p.HyperParameters.__module__, p.agents.__name__, 'validate' in dir(p))\n"
        "from nip.parameters import *\n"
        "print(AgentsParams is AgentsParameters)"
    )
    assert out.splitlines() == ["nip.parameters.hyper_parameters nip.parameters.agents True",
                                "True"]
    assert "nip.parameters._public" in loaded


def test_a_lookup_in_the_registry_loads_every_class() -> None:
    # `workflow` alone imports no generated module; its root class comes from the registry.
    out, _ = _modules_after(
        "from nip.parameters.workflow import diff\n"
        "a = {'scenario': 'graph_isomorphism', 'trainer': 'vanilla_ppo', 'dataset': 'eru10000'}\n"
        "print([d.address for d in diff(a, dict(a, seed=7))])"
    )
    assert out == "['seed']"
