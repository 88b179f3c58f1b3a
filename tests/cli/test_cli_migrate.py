"""`nip-params migrate`: change lists, writing (atomically, with a backup), YAML comments, exit codes."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

import pytest
from sample_data import SAMPLES

from nip.parameters._files import write_atomically
from nip.parameters.cli import migrate as cli

MIGRATE_SAMPLES = SAMPLES / "migrate"

OLD_YAML = """\
# yaml-language-server: $schema=https://nip-parameters.org/schema/0.1/bundle.json
# A hand-written 0.1 config.
scenario: graph_isomorphism   # the task
trainer: spg
dataset: eru10000
interaction_protocol: pvg     # one prover
pvg_protocol:
  max_message_rounds: 8
  min_message_rounds: 2       # counted from zero in 0.1
  min_message_rounds_scheduler: constant
spg:
  sos_a_param: 0.25   # scaling
  variant: psos
  stackelberg_sequence:
  - [verifier]
  - [prover]
_package_version: "0.1.0"
"""


def sample_input(name: str = "real-v0.1-pvg-min-rounds-2") -> dict:
    return json.loads((MIGRATE_SAMPLES / f"{name}.json").read_text())["input"]


def invoke(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="nip-params")
    cli.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["migrate", *argv])
    return int(args.func(args))


@pytest.fixture
def old_json(tmp_path: Path) -> Path:
    path = tmp_path / "old.json"
    path.write_text(json.dumps(sample_input(), indent=4) + "\n")
    return path


@pytest.fixture
def old_yaml(tmp_path: Path) -> Path:
    path = tmp_path / "old.yaml"
    path.write_text(OLD_YAML)
    return path


def test_help_has_examples(capsys):
    with pytest.raises(SystemExit) as info:
        invoke("--help")
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert "examples:" in out and "--in-place" in out and "--dry-run" in out and "exit status" in out


def test_dry_run_lists_changes_and_writes_nothing(old_json, old_yaml, capsys):
    before = old_json.read_text(), old_yaml.read_text()
    assert invoke("--dry-run", str(old_json), str(old_yaml)) == 0
    out = capsys.readouterr().out
    assert f"{old_json}: 0.1 -> 1.0: 14 changes" in out
    assert 'interaction_protocol: "pvg" -> "nip"' in out
    assert "pvg_protocol -> nip_protocol" in out
    assert "nip_protocol.min_message_rounds: 2 -> 3" in out
    assert 'nip_protocol.min_message_rounds_scheduler: "constant" -> (absent) (removed)' in out
    assert "code_validation.apps_exclude_flagged: (absent) -> false" in out
    assert "dry run: nothing written" in out
    assert (old_json.read_text(), old_yaml.read_text()) == before
    assert not list(old_json.parent.glob("*.bak"))


def test_in_place_json_keeps_order_and_indent_and_a_backup(old_json, capsys):
    original = old_json.read_text()
    assert invoke("--in-place", str(old_json)) == 0
    assert Path(f"{old_json}.bak").read_text() == original
    text = old_json.read_text()
    assert text.startswith('{\n    "scenario"'), "four-space indent kept"
    data = json.loads(text)
    keys = list(data)
    assert keys.index("nip_protocol") == list(json.loads(original)).index("pvg_protocol")
    assert data["nip_protocol"]["min_message_rounds"] == 3
    assert data["_package_version"] == "1.0.0" and data["_package_name"] == "nip"
    assert "original kept in" in capsys.readouterr().out
    assert not [p for p in old_json.parent.iterdir() if p.name.endswith(".tmp")]


def test_in_place_yaml_keeps_comments_order_and_quotes(old_yaml):
    assert invoke("--in-place", str(old_yaml)) == 0
    text = old_yaml.read_text()
    assert text.splitlines()[0] == (
        "# yaml-language-server: $schema=https://nip-parameters.org/schema/1.0/bundle.json"
    )
    assert "# A hand-written 0.1 config." in text
    assert "scenario: graph_isomorphism   # the task" in text
    assert "interaction_protocol: nip     # one prover" in text
    assert "  min_message_rounds: 3       # counted from zero in 0.1" in text
    assert "min_message_rounds_scheduler" not in text
    assert "sos_scaling_factor: 0.25" in text and "# scaling" in text
    assert '_package_version: "1.0.0"' in text
    lines = text.splitlines()
    assert lines.index("nip_protocol:") < lines.index("spg:"), "renamed group stays in place"
    spg = lines.index("spg:")
    assert lines[spg + 1].startswith("  sos_scaling_factor"), "renamed field stays in place"


def test_the_migrated_file_loads(old_yaml):
    from nip.parameters import HyperParameters
    from nip.parameters._files import read_config

    assert invoke("--in-place", str(old_yaml)) == 0
    params = HyperParameters.from_dict(read_config(old_yaml).data)
    assert params.nip_protocol.min_message_rounds == 3
    assert params.spg.sos_scaling_factor == 0.25


def test_stdout_gets_the_config_and_stderr_the_changes(old_json, capsys):
    assert invoke(str(old_json)) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["interaction_protocol"] == "nip"
    assert "0.1 -> 1.0" in captured.err


def test_output_file_and_directory(old_json, old_yaml, tmp_path):
    out = tmp_path / "new.yaml"
    assert invoke(str(old_json), "-o", str(out)) == 0
    assert "interaction_protocol: nip" in out.read_text()
    target = tmp_path / "migrated"
    target.mkdir()
    assert invoke(str(old_json), str(old_yaml), "-o", str(target)) == 0
    assert json.loads((target / "old.json").read_text())["interaction_protocol"] == "nip"
    assert "# the task" in (target / "old.yaml").read_text()


@pytest.mark.parametrize(
    "argv",
    [
        ("{a}", "{b}"),  # several files, nowhere to write
        ("{a}", "{b}", "-o", "{missing}"),  # several files need a directory
        ("--to", "9.9", "{a}"),
        ("--from", "nonsense", "{a}"),
        ("{a}", "--in-place", "--dry-run"),
    ],
)
def test_usage_errors_exit_2(argv, old_json, old_yaml, tmp_path, capsys):
    names = {"a": old_json, "b": old_yaml, "missing": tmp_path / "nope"}
    args = [a.format(**names) for a in argv]
    try:
        status = invoke(*args)
    except SystemExit as exc:  # argparse itself
        status = int(exc.code)
    assert status == 2
    assert capsys.readouterr().err


def test_unreadable_files_exit_2(tmp_path, capsys):
    broken = tmp_path / "broken.json"
    broken.write_text("{ not json")
    assert invoke("--dry-run", str(tmp_path / "missing.json")) == 2
    assert invoke("--dry-run", str(broken)) == 2
    out = capsys.readouterr().out
    assert "missing.json" in out and "broken.json" in out


def test_migration_and_validation_failures_exit_1(tmp_path, capsys):
    market = tmp_path / "market.json"
    market.write_text(json.dumps(dict(sample_input(), interaction_protocol="market_making")))
    assert invoke("--in-place", str(market)) == 1
    out = capsys.readouterr().out
    assert "market_making" in out and "1.0" in out
    assert not Path(f"{market}.bak").exists(), "nothing written, no backup"
    bogus = tmp_path / "bogus.json"
    bogus.write_text(json.dumps(dict(sample_input(), trainer="bogus")))
    assert invoke("--dry-run", str(bogus)) == 1
    out = capsys.readouterr().out
    assert "trainer:" in out


def test_one_bad_file_does_not_stop_the_others(old_json, tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("[]")
    assert invoke("--in-place", str(bad), str(old_json)) == 1
    assert json.loads(old_json.read_text())["interaction_protocol"] == "nip"


def test_an_unmarked_file_is_current_unless_from_says_otherwise(tmp_path, capsys):
    unmarked = tmp_path / "unmarked.json"
    unmarked.write_text(json.dumps({"scenario": "graph_isomorphism", "trainer": "vanilla_ppo",
                                    "dataset": "eru10000", "nip_protocol": {"min_message_rounds": 2}}))
    before = unmarked.read_text()
    assert invoke("--in-place", str(unmarked)) == 0
    assert unmarked.read_text() == before, "nothing to do, nothing rewritten"
    assert "nothing to do" in capsys.readouterr().out
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"scenario": "graph_isomorphism", "trainer": "vanilla_ppo",
                               "dataset": "eru10000", "pvg_protocol": {"min_message_rounds": 2}}))
    assert invoke("--from", "unversioned", "--in-place", str(old)) == 0
    data = json.loads(old.read_text())
    assert data["nip_protocol"]["min_message_rounds"] == 3
    assert "before versions were recorded" in capsys.readouterr().out


def test_an_unmarked_old_file_gets_a_hint(tmp_path, capsys):
    old = tmp_path / "old.json"
    data = sample_input("real-unversioned-spg-sos-params-debate")
    assert "_package_version" not in data
    old.write_text(json.dumps(data))
    assert invoke("--dry-run", str(old)) == 1
    out = capsys.readouterr().out
    assert "pvg_protocol" in out
    assert f"hint: {old} states no _package_version" in out and "--from 0.1" in out
    assert invoke("--dry-run", "--from", "0.1", str(old)) == 0


def test_json_report(old_json, capsys):
    assert invoke("--dry-run", "--format", "json", str(old_json)) == 0
    [entry] = json.loads(capsys.readouterr().out)
    assert entry["ok"] and entry["file"] == str(old_json)
    assert entry["report"]["from_version"] == "0.1" and entry["report"]["to_version"] == "1.0"
    assert len(entry["report"]["changes"]) == 14


def test_to_0_1_only(tmp_path, capsys):
    path = tmp_path / "ancient.json"
    path.write_text(json.dumps({"scenario": "graph_isomorphism", "trainer": "vanilla_ppo",
                                "dataset": "eru10000", "interaction_protocol": "pvg"}))
    assert invoke("--from", "unversioned", "--to", "0.1", "-o", str(tmp_path / "v01.json"), str(path)) == 0
    data = json.loads((tmp_path / "v01.json").read_text())
    assert data["interaction_protocol"] == "pvg" and data["_package_version"] == "0.1.0"


# --- interruption -------------------------------------------------------------------------------

def test_a_crash_between_writing_and_renaming_leaves_the_original(old_json, monkeypatch, capsys):
    original = old_json.read_text()
    real_replace = os.replace

    def crash(src, dst):
        if Path(dst) == old_json.resolve():
            raise OSError(5, "simulated crash before the rename")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", crash)
    assert invoke("--in-place", str(old_json)) == 1
    assert old_json.read_text() == original, "original intact"
    assert Path(f"{old_json}.bak").read_text() == original, "backup kept"
    assert not [p for p in old_json.parent.iterdir() if p.name.endswith(".tmp")], "temp file removed"
    assert "cannot write" in capsys.readouterr().out


def test_an_interruption_inside_the_write_leaves_the_original(tmp_path, monkeypatch):
    path = tmp_path / "config.json"
    path.write_text('{"a": 1}\n')
    real_fsync = os.fsync
    calls = []

    def interrupted(fd):
        calls.append(fd)
        if len(calls) == 2:  # the backup is written first; interrupt the new file's write
            raise KeyboardInterrupt
        return real_fsync(fd)

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(path, '{"a": 2}\n')
    assert path.read_text() == '{"a": 1}\n'
    assert Path(f"{path}.bak").read_text() == '{"a": 1}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.json", "config.json.bak"]


def test_write_atomically_keeps_permissions(tmp_path):
    path = tmp_path / "config.json"
    path.write_text("{}")
    path.chmod(0o640)
    write_atomically(path, '{"b": 1}')
    assert path.read_text() == '{"b": 1}'
    assert path.stat().st_mode & 0o777 == 0o640


def test_the_real_cli_dispatches_to_migrate(old_json, capsys):
    from nip.parameters.cli import main

    assert main(["migrate", "--dry-run", str(old_json)]) == 0
    assert "0.1 -> 1.0" in capsys.readouterr().out
