"""The schema editors' routine, end to end, on a temporary copy of the repository.

1. `python -m codegen.new_version 1.1` (what `make new-version VERSION=1.1` runs);
2. rename one field and add another in schema/1.1/;
3. write the migration step and regenerate;
4. migrate a 1.0 config (and a 0.1 one) and load it with the regenerated classes.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from migration_support import repo_env, run_python

pytestmark = pytest.mark.slow  # runs the generator on a copy of the repository


@pytest.fixture
def repo(repo_copy: Path) -> Path:
    return repo_copy


def test_the_editors_routine(repo: Path) -> None:
    # 1. a new version: copied, $ids moved, old version locked, empty step scaffolded, regenerated
    run_python(repo, "-m", "codegen.new_version", "1.1")
    new = repo / "schema" / "1.1"
    assert json.loads((new / "dataset.json").read_text())["$id"].endswith("/schema/1.1/dataset.json")
    step = json.loads((new / "migration.json").read_text())
    assert (step["from"], step["to"], step["operations"]) == ("1.0", "1.1", [])
    assert step["package"] == {"name": "nip", "version": "1.1.0"}
    lock = (repo / "schema" / "released.lock").read_text()
    assert "  1.0/dataset.json" in lock and "  0.1/dataset.json" in lock

    # 2. rename one field and add another
    path = new / "dataset.json"
    doc = json.loads(path.read_text())
    props = doc["$defs"]["DatasetParameters"]["properties"]
    renamed = {("max_train_examples" if k == "max_train_size" else k): v for k, v in props.items()}
    renamed["max_train_examples"]["title"] = "max_train_examples"
    renamed["shuffle"] = {"title": "shuffle", "description": "Shuffle the training set.",
                          "type": "boolean", "default": True}
    doc["$defs"]["DatasetParameters"]["properties"] = renamed
    path.write_text(json.dumps(doc, indent=2) + "\n")

    # 3. write the step and regenerate
    step["description"] = "max_train_size is now max_train_examples; shuffle is new."
    step["operations"] = [
        {"op": "rename_key", "at": "dataset_options.max_train_size", "to": "max_train_examples",
         "why": "renamed in 1.1"},
    ]
    (new / "migration.json").write_text(json.dumps(step, indent=2) + "\n")
    run_python(repo, "-m", "codegen")
    run_python(repo, "-m", "codegen", "--check")  # generated files in sync, released versions unchanged
    run_python(repo, "-m", "codegen.released")

    # 4. migrate a 1.0 config and a 0.1 config, and load them with the regenerated classes
    script = textwrap.dedent(
        """
        import json, warnings
        import nip.parameters as p
        from nip.parameters import HyperParameters
        from nip.parameters._validation import schemas as schema_store
        from nip.parameters.version import convert_hyper_param_dict, get_version

        assert p.__file__.startswith(%(root)r), p.__file__
        assert schema_store.CURRENT_VERSION == "1.1", schema_store.CURRENT_VERSION
        assert get_version() == "1.1.0"

        old = {"scenario": "graph_isomorphism", "trainer": "vanilla_ppo", "dataset": "eru10000",
               "dataset_options": {"max_train_size": 5}, "_package_version": "1.0.0"}
        converted = convert_hyper_param_dict(old)
        assert converted["dataset_options"] == {"max_train_examples": 5}, converted
        assert converted["_package_version"] == "1.1.0"
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            params = HyperParameters.from_dict(old)
        assert any("1.0.0" in str(w.message) for w in caught), [str(w.message) for w in caught]
        assert params.dataset_options.max_train_examples == 5
        assert params.dataset_options.shuffle is True
        assert "max_train_size" not in params.to_dict()["dataset_options"]

        older = {"scenario": "graph_isomorphism", "trainer": "vanilla_ppo", "dataset": "eru10000",
                 "interaction_protocol": "pvg", "pvg_protocol": {"min_message_rounds": 1},
                 "dataset_options": {"max_train_size": 7}, "_package_version": "0.1.0"}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            params = HyperParameters.from_dict(convert_hyper_param_dict(older))
        assert params.interaction_protocol == "nip"
        assert params.nip_protocol.min_message_rounds == 2
        assert params.dataset_options.max_train_examples == 7
        print("ok")
        """
    ) % {"root": str(repo / "src")}
    assert run_python(repo, "-c", script).stdout.strip().endswith("ok")


def test_new_version_refuses_an_older_or_existing_version(repo: Path) -> None:
    env = repo_env(repo)
    for version in ("1.0", "0.9", "banana"):
        result = subprocess.run([sys.executable, "-m", "codegen.new_version", version, "--no-generate"],
                                cwd=repo, env=env, capture_output=True, text=True, timeout=120,
                                check=False)
        assert result.returncode != 0, version
