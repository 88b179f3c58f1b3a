"""Issue 21, item 2: an agent name that the config's protocol does not run gets a warning with a
did-you-mean (not an error: nip 1.0 accepts any name, and then silently ignores the entry), in the
constructor, in `from_dict` and in every command. The names come from the schema (`x-agent-names`)."""

from __future__ import annotations

import json
import warnings

import pytest

from nip.parameters import HyperParameters, _registry
from nip.parameters._validation import schemas
from nip.parameters.cli import main

BASE = {"scenario": "graph_isomorphism", "trainer": "vanilla_ppo", "dataset": "eru10000"}
MISSPELT = ("agents.verfier: not an agent of interaction_protocol 'nip', which runs prover and verifier: "
            "nip ignores this entry; did you mean 'verifier'?")
PROVER_UNDER_DEBATE = ("agents.prover: not an agent of interaction_protocol 'debate', which runs prover0, "
                       "prover1 and verifier: nip ignores this entry; did you mean 'prover0' or 'prover1'?")
CASES = {
    "misspelt": ({"agents": {"verfier": {"d_gnn": 8}, "prover": {}}}, [MISSPELT]),
    "prover under debate": ({"interaction_protocol": "debate",
                             "agents": {"prover": {}, "prover0": {}, "verifier": {}}}, [PROVER_UNDER_DEBATE]),
    "zero knowledge adds two": ({"agents": {"simulator": {}, "adversarial_verifier": {}, "_default": {}},
                                 "protocol_common": {"zero_knowledge": True}}, []),
    "zero knowledge names without it": ({"agents": {"simulator": {}}}, [
        "agents.simulator: not an agent of interaction_protocol 'nip', which runs prover and verifier: "
        "nip ignores this entry"]),
    "the template and the runners": ({"interaction_protocol": "multi_channel_test", "agents": {
        "_default": {}, "prover0": {}, "prover1": {}, "prover2": {}, "verifier": {}}}, []),
    "solo verifier": ({"interaction_protocol": "solo_verifier", "agents": {"prover": {}}}, [
        "agents.prover: not an agent of interaction_protocol 'solo_verifier', which runs verifier: "
        "nip ignores this entry"]),
}


def _warnings(call, *args, **kwargs) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call(*args, **kwargs)
    return [str(w.message) for w in caught]


@pytest.mark.parametrize("case", sorted(CASES))
def test_from_dict_and_the_constructor_warn_for_each_agent_the_protocol_does_not_run(case):
    extra, expected = CASES[case]
    assert _warnings(HyperParameters.from_dict, {**BASE, **extra}) == expected
    assert _warnings(HyperParameters.from_dict, {**BASE, **extra}, ignore_extra_keys=True) == expected
    assert _warnings(HyperParameters, **BASE, **extra) == expected


@pytest.mark.parametrize("command", [["validate"], ["migrate", "--dry-run"], ["compose"], ["get", "@", "seed"]])
def test_every_command_warns_and_still_succeeds(tmp_path, capsys, command):
    path = tmp_path / "run.json"
    path.write_text(json.dumps({**BASE, **CASES["prover under debate"][0]}), encoding="utf-8")
    argv = [str(path) if part == "@" else part for part in command] + ([] if "@" in command else [str(path)])
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert f"warning: {PROVER_UNDER_DEBATE}" in err or f"warning: {path}: {PROVER_UNDER_DEBATE}" in err, err
    assert err.count("agents.prover:") == 1  # told once


def test_an_old_config_is_judged_by_the_current_protocols_only_after_migrating(tmp_path, capsys):
    path = tmp_path / "old.json"  # pvg 0.1: `pvg` is not a 1.0 protocol; migrated, it runs prover and verifier
    path.write_text(json.dumps({**BASE, "_package_version": "0.1.0", "interaction_protocol": "pvg",
                                "agents": {"prover": {}, "verifier": {}}}), encoding="utf-8")
    assert main(["validate", str(path)]) == 0
    assert main(["migrate", "--dry-run", str(path)]) == 0
    assert "not an agent" not in capsys.readouterr().err


def test_the_names_are_the_schemas_and_cover_every_protocol():
    root = schemas.class_schema(schemas.CURRENT_VERSION, "HyperParameters")
    stated = root["properties"]["agents"]["x-agent-names"]
    assert {p: tuple(n) for p, n in stated["protocols"].items()} == _registry.AGENT_NAMES
    assert _registry.AGENT_NAMES_WHEN_TRUE == {
        ("protocol_common", "zero_knowledge"): ("adversarial_verifier", "simulator")}
    types = schemas.load_group(schemas.CURRENT_VERSION, "types.json")["$defs"]
    assert list(_registry.AGENT_NAMES) == types["InteractionProtocolType"]["enum"]


def test_ten_thousand_misnamed_agents_are_eleven_warnings_with_escaped_names():
    agents = {f"agent\x1b[31m{i}\n": {} for i in range(10_000)}
    told = _warnings(HyperParameters.from_dict, {**BASE, "agents": agents})
    assert len(told) == 11 and told[-1] == "agents: 9990 more agent names that nip ignores"
    assert all("\x1b" not in line and "\n" not in line for line in told)
