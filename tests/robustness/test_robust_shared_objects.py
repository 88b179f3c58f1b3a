"""Issue 11, item 1: an object reachable from two places is migrated once at each place.

A YAML anchor and its alias (`mnip_protocol: *proto`) or one Python dict given for two groups is one
object. `copy.deepcopy` keeps that sharing, so the 0.1 -> 1.0 step (+1 on `min_message_rounds` of
each protocol) used to reach it twice: 1 -> 3 instead of 1 -> 2, silently.
"""

from __future__ import annotations

import json
import warnings

import pytest
from robust_support import count

from nip.parameters import HyperParameters
from nip.parameters._migration import migrate
from nip.parameters.cli import main
from nip.parameters.version import convert_hyper_param_dict

ROUNDS = "min_message_rounds"
YAML_SHARED = """\
# yaml-language-server: $schema=https://nip-parameters.org/schema/0.1/bundle.json
scenario: graph_isomorphism   # the task
trainer: vanilla_ppo
dataset: 'eru10000'
_package_version: "0.1.0"
debate_protocol: &proto
  min_message_rounds: 1   # at least one round
  max_message_rounds: 8
mnip_protocol: *proto
"""


def _shared_dict() -> dict:
    protocol = {ROUNDS: 1, "max_message_rounds": 8}  # one dict, given for two groups
    return {"scenario": "graph_isomorphism", "trainer": "vanilla_ppo", "dataset": "eru10000",
            "_package_version": "0.1.0", "debate_protocol": protocol, "mnip_protocol": protocol}


@pytest.mark.parametrize("entry", ["convert_hyper_param_dict", "from_dict", "migrate"])
def test_a_dict_used_for_two_groups_is_migrated_once_at_each(entry):
    given = _shared_dict()
    count("shared-object inputs tried")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if entry == "from_dict":
            out = HyperParameters.from_dict(given).to_dict()
        elif entry == "migrate":
            out = migrate(given).data
        else:
            out = convert_hyper_param_dict(given)
    assert out["debate_protocol"][ROUNDS] == out["mnip_protocol"][ROUNDS] == 2
    assert given["debate_protocol"][ROUNDS] == 1, "the argument is not modified"


def test_a_yaml_alias_is_migrated_once_in_place_keeping_comments_and_quotes(tmp_path, capsys):
    path = tmp_path / "run.yaml"
    path.write_text(YAML_SHARED, encoding="utf-8")
    count("shared-object inputs tried")
    assert main(["migrate", "--in-place", str(path)]) == 0
    text = path.read_text(encoding="utf-8")
    assert text.count("min_message_rounds: 2   # at least one round") == 2, text
    assert "min_message_rounds: 3" not in text
    assert "scenario: graph_isomorphism   # the task" in text and "dataset: 'eru10000'" in text
    assert '_package_version: "1.0.0"' in text
    assert "/schema/1.0/bundle.json" in text
    capsys.readouterr()
    assert main(["get", str(path), "mnip_protocol.min_message_rounds"]) == 0
    assert capsys.readouterr().out == "2\n"


def test_a_yaml_alias_printed_by_migrate_is_migrated_once(tmp_path, capsys):
    path = tmp_path / "run.yaml"
    path.write_text(YAML_SHARED, encoding="utf-8")
    capsys.readouterr()
    assert main(["migrate", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.count("min_message_rounds: 2") == 2 and "min_message_rounds: 3" not in out
    assert path.read_text(encoding="utf-8") == YAML_SHARED, "without --in-place the file is kept"


def test_json_has_no_sharing_and_migrates_the_same(tmp_path, capsys):
    path = tmp_path / "run.json"
    path.write_text(json.dumps(_shared_dict()), encoding="utf-8")
    assert main(["migrate", "--in-place", str(path)]) == 0
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["debate_protocol"][ROUNDS] == data["mnip_protocol"][ROUNDS] == 2
