"""One voice: every error line starts with `nip-params: error:`, counts agree with their number,
the top-level help lists every exit status, and `--version` names what `get_version()` names."""

from __future__ import annotations

import importlib.metadata
import re

import pytest

from nip.parameters._validation import schemas
from nip.parameters.cli import _output
from nip.parameters.version import get_version

BAD_ONE = "scenario: graph_isomorphism\ntrainer: vanilla_ppo\ndataset: d\nseed: -1\n"
BAD_TWO = BAD_ONE + "rl: {lr: -1}\n"


@pytest.mark.parametrize(("text", "count"), [(BAD_ONE, "1 problem"), (BAD_TWO, "2 problems")])
def test_migrate_failure_speaks_as_every_command(cli, write, text, count):
    path = write("bad.yaml", text)
    run = cli("migrate", "--dry-run", str(path))
    assert run.code == 1
    errors = [line for line in run.out.splitlines() if "error" in line]
    assert errors and all(line.startswith("nip-params: error: ") for line in errors), run.out
    assert re.search(rf": {count}$", run.out, re.MULTILINE), run.out
    assert "(s)" not in run.out + run.err


def test_counts_agree_with_one(cli, write):
    spec = write("one.yaml", "base: {scenario: graph_isomorphism, trainer: vanilla_ppo, "
                 "dataset: d}\ngrid: {seed: [1]}\n")
    run = cli("sweep", str(spec), "--dry-run")
    assert run.code == 0
    assert "1 combination, all valid" in run.err and "1 combinations" not in run.err


def test_top_level_help_lists_every_exit_status(cli):
    run = cli("--help")
    assert run.code == 0
    statuses = run.out[run.out.index("exit status:"):]
    for code in (_output.EXIT_OK, _output.EXIT_INVALID, _output.EXIT_USAGE, _output.EXIT_INTERNAL):
        assert re.search(rf"\b{code} [a-z]", statuses), (code, statuses)


def test_version_names_what_get_version_writes(cli, monkeypatch):
    # The distribution's own version may lag the schema (after `make new-version`): the version
    # shown first must be the one to_dict() writes as _package_version.
    monkeypatch.setattr(importlib.metadata, "version", lambda name: "0.0.1")
    run = cli("--version")
    assert run.code == 0
    assert run.out.startswith(f"nip-params {get_version()} (schema {schemas.CURRENT_VERSION};"), run.out
    assert get_version().startswith(schemas.CURRENT_VERSION + ".")


def test_counts_of_list_items_agree_with_one():
    from nip.parameters import HyperParameters

    params = HyperParameters(scenario="graph_isomorphism", trainer="spg", dataset="d",
                             spg={"stackelberg_sequence": [["verifier"]]})
    with pytest.raises(KeyError, match="is a list of 1 item;"):
        params.get("spg.stackelberg_sequence.x")
    with pytest.raises(ValueError, match="has 1 item, no item 3"):
        params.with_overrides({"spg.stackelberg_sequence.3": ["prover"]})


def test_a_count_bound_of_one_item_agrees():
    from jsonschema import Draft202012Validator

    from nip.parameters._validation.messages import ProblemMaker

    error = next(Draft202012Validator({"type": "array", "maxItems": 1}).iter_errors([1, 2]))
    assert [p.message for p in ProblemMaker({}).convert([error])] == ["expected at most 1 item, got 2"]
