"""Schema evolution you can trust, end to end, on a temporary copy of the repository.

1. `make new-version VERSION=1.1`: the copy differs from 1.0 in nothing;
2. in schema/1.1, delete `rl.anneal_lr` and change the default of `rl.lr`;
3. `make generate && make check` fails, naming both changes and the ops they need;
4. `make scaffold-migration` pre-fills the two ops;
5. the check fails while a scaffolded op still says TODO;
6. once decided, the check passes and the changelog lists both;
7. a 1.0 config migrates to 1.1 keeping its meaning (its `lr` pinned to the old default).

Everything runs with this interpreter (the worktree's venv): `make -o .venv/.installed` never builds one.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from migration_support import run_make, run_python

pytestmark = pytest.mark.slow  # runs make on a copy of the repository

OLD_LR = 0.003  # 1.0's default of rl.lr, as schema/1.0/trainers.json states it (checked below)
NEW_LR = 0.0005


@pytest.fixture
def repo(repo_copy: Path) -> Path:
    return repo_copy


def test_a_breaking_change_needs_its_op_and_then_migrates(repo: Path) -> None:
    # 1. a new version that is a copy of the current one: nothing to migrate yet
    run_make(repo, "new-version", "VERSION=1.1")
    assert "x-renamed-from" not in "".join(p.read_text() for p in (repo / "schema" / "1.1").glob("*.json"))
    same = run_python(repo, "-m", "nip.parameters.cli", "schema", "diff", "1.0", "1.1")
    assert same.stdout.splitlines()[0] == "schema 1.0 -> 1.1: 0 changes (0 breaking, 0 compatible, 0 annotation)"

    # 2. delete rl.anneal_lr, change rl.lr's default
    path = repo / "schema" / "1.1" / "trainers.json"
    doc = json.loads(path.read_text())
    fields = doc["$defs"]["RlTrainerParameters"]["properties"]
    assert fields["lr"]["default"] == OLD_LR
    del fields["anneal_lr"]
    fields["lr"]["default"] = NEW_LR
    path.write_text(json.dumps(doc, indent=2) + "\n")

    # 3. generating works (and warns); the check fails, naming both changes and their ops
    generated = run_make(repo, "generate")
    assert "migration op missing: rl.anneal_lr" in generated.stderr
    check = run_make(repo, "check", expect=None)
    assert check.returncode != 0
    problems = [line for line in check.stderr.splitlines() if line.startswith("migration op missing:")]
    assert len(problems) == 2, check.stderr
    assert "rl.anneal_lr: field removed" in problems[0]
    assert "needs remove_key (or rename_key) at rl.anneal_lr" in problems[0]
    assert "rl.lr: default changed (0.003 -> 0.0005)" in problems[1]
    assert "needs set_default_if_absent at rl.lr with value 0.003" in problems[1]
    assert "make scaffold-migration" in check.stderr

    # 4. the scaffold pre-fills both ops
    run_make(repo, "scaffold-migration")
    step = json.loads((repo / "schema" / "1.1" / "migration.json").read_text())
    assert (repo / "schema" / "1.1" / step["$schema"]).resolve() == repo / "schema" / "migration.schema.json"
    ops = [{k: v for k, v in op.items() if k != "why"} for op in step["operations"]]
    assert ops == [
        {"op": "remove_key", "at": "rl.anneal_lr"},
        {"op": "set_default_if_absent", "at": "rl.lr", "value": OLD_LR, "create_parents": True},
    ]
    assert all(op["why"] for op in step["operations"])

    # 5. the scaffold's TODOs fail the check until a person decides (a removed field could be a rename)
    todo = run_make(repo, "check", expect=None)
    assert todo.returncode != 0
    unfinished = [line for line in todo.stderr.splitlines() if "is not finished" in line]
    assert len(unfinished) == 3, todo.stderr
    assert unfinished[0].startswith("schema/1.1/migration.json is not finished: description: TODO:")
    assert unfinished[1].startswith("schema/1.1/migration.json is not finished: operation 1 "
                                    "(remove_key at rl.anneal_lr), why: TODO: removed in 1.1")
    assert "delete the TODO" in unfinished[1]
    assert "operation 2 (set_default_if_absent at rl.lr)" in unfinished[2]
    step["description"] = "rl.anneal_lr is gone; rl.lr has a smaller default"
    step["operations"][0]["why"] = "annealing is always on in 1.1"
    step["operations"][1]["why"] = "configs that did not set it keep the old default"
    (repo / "schema" / "1.1" / "migration.json").write_text(json.dumps(step, indent=2) + "\n")

    # 6. covered: the check passes; the changelog says what changed in 1.1 and what carries it over
    run_make(repo, "generate")
    run_make(repo, "check")
    changes = (repo / "docs" / "changes.md").read_text()
    section = changes[changes.index("## 1.1 (from 1.0)"):changes.index("## 1.0 (from 0.1)")]
    assert "| `rl.anneal_lr` | field removed |" in section and "`remove_key` at `rl.anneal_lr`" in section
    assert "| `rl.lr` | default changed | 0.003 -> 0.0005 |" in section
    assert "`set_default_if_absent` at `rl.lr`" in section

    # 7. a 1.0 config migrates to 1.1 and keeps its meaning
    script = textwrap.dedent(
        """
        import json, warnings
        import nip.parameters as p
        from nip.parameters import HyperParameters
        from nip.parameters._validation import schemas as schema_store
        from nip.parameters.version import convert_hyper_param_dict

        assert p.__file__.startswith(%(root)r), p.__file__
        assert schema_store.CURRENT_VERSION == "1.1"
        base = {"scenario": "graph_isomorphism", "trainer": "vanilla_ppo", "dataset": "eru10000",
                "_package_version": "1.0.0"}
        warnings.simplefilter("ignore")
        kept = convert_hyper_param_dict(dict(base, rl={"anneal_lr": True, "num_epochs": 3}))
        assert kept["rl"] == {"num_epochs": 3, "lr": %(old)r}, kept
        absent = convert_hyper_param_dict(dict(base))  # an absent group meant its 1.0 defaults
        assert absent["rl"] == {"lr": %(old)r}, absent
        explicit = convert_hyper_param_dict(dict(base, rl={"lr": 0.01}))
        assert explicit["rl"] == {"lr": 0.01}, explicit
        params = HyperParameters.from_dict(dict(base, rl={"anneal_lr": False}))
        assert params.rl.lr == %(old)r
        assert not hasattr(params.rl, "anneal_lr")
        fresh = HyperParameters(scenario="graph_isomorphism", trainer="vanilla_ppo", dataset="d")
        assert fresh.to_dict()["rl"]["lr"] == %(new)r
        print("ok")
        """
    ) % {"root": str(repo / "src"), "old": OLD_LR, "new": NEW_LR}
    assert run_python(repo, "-c", script).stdout.strip() == "ok"
