"""`nip-params validate`: verdicts, exit codes, text and JSON output, stdin, progress."""

from __future__ import annotations

import copy
import io
import json
import re
import sys
from pathlib import Path

import yaml

from nip.parameters import iter_errors
from nip.parameters.cli import _progress as progress_module

DATA = Path(__file__).parents[1] / "data"


def _broken(config: dict) -> dict:
    bad = copy.deepcopy(config)
    bad["trainer"] = "ppo2"
    bad["agents"]["_default"]["d_gnn"] = "sixteen"
    bad["seeed"] = 1
    return bad


def test_valid_files_in_every_format(cli, write, valid_config) -> None:
    files = [
        write("a.json", valid_config),
        write("b.yaml", yaml.safe_dump(valid_config)),
        write("c.yml", yaml.safe_dump(valid_config)),
    ]
    run = cli("validate", *map(str, files))
    assert run.code == 0
    assert run.out == "".join(f"{f}: ok\n" for f in files)
    assert run.err == ""
    assert cli("validate", "-q", *map(str, files)).out == ""


def test_invalid_file_one_line_per_problem_address_first(
    cli, write, valid_config
) -> None:
    path = write("bad.json", _broken(valid_config))
    run = cli("validate", str(path))
    assert run.code == 1
    lines = run.out.splitlines()
    assert len(lines) == len(
        list(iter_errors(_broken(valid_config)))
    )  # one line per problem
    addresses = {line.split(": ")[1] for line in lines}
    assert addresses == {"agents._default.d_gnn", "seeed", "trainer"}
    assert all(re.match(rf"{re.escape(str(path))}:\d+:\d+: ", line) for line in lines)
    assert any("did you mean 'seed'?" in line for line in lines)


def test_json_format_is_a_report_per_file(cli, write, valid_config) -> None:
    good = write("good.json", valid_config)
    bad = write("bad.yaml", yaml.safe_dump(_broken(valid_config)))
    unreadable = write("dup.json", '{"seed": 1,\n "seed": 2}')
    run = cli("validate", "--format", "json", str(good), str(bad), str(unreadable))
    assert run.code == 2  # an unreadable file outranks an invalid one
    assert run.err == ""
    report = run.json()
    assert [entry["file"] for entry in report] == [str(good), str(bad), str(unreadable)]
    assert [entry["valid"] for entry in report] == [True, False, False]
    assert [entry["format"] for entry in report] == ["json", "yaml", None]
    assert report[0]["problems"] == [] and report[0]["error"] is None
    assert report[0]["note"] is None
    pointers = {p["pointer"] for p in report[1]["problems"]}
    assert pointers == {"/agents/_default/d_gnn", "/seeed", "/trainer"}
    assert set(report[1]["problems"][0]) >= {
        "address",
        "pointer",
        "message",
        "expected",
        "actual",
        "hint",
    }
    assert report[2]["error"] == {
        "message": "duplicate key 'seed'",
        "line": 2,
        "column": 2,
    }


def test_unreadable_file_exit_2_names_file_line_and_column(
    cli, write, valid_config
) -> None:
    good = write("good.json", valid_config)
    bad = write("bad.yaml", "seed: 1\nrl: [1, 2\n")
    run = cli("validate", str(good), str(bad), str(good.parent / "missing.json"))
    assert run.code == 2
    assert run.out == f"{good}: ok\n"
    errors = run.err.splitlines()
    assert errors[0].startswith(f"nip-params: error: {bad}:3:1: invalid YAML")
    assert (
        errors[1] == f"nip-params: error: {good.parent / 'missing.json'}: no such file"
    )


def test_some_invalid_exit_1(cli, write, valid_config) -> None:
    good = write("good.json", valid_config)
    bad = write("bad.json", _broken(valid_config))
    assert cli("validate", str(good), str(bad)).code == 1


def test_stdin(cli, monkeypatch, valid_config) -> None:
    text = yaml.safe_dump(_broken(valid_config))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    run = cli("validate", "-")
    assert run.code == 1
    assert all(re.match(r"<stdin>:\d+:\d+: ", line) for line in run.out.splitlines())
    monkeypatch.setattr(
        sys, "stdin", io.TextIOWrapper(io.BytesIO(json.dumps(valid_config).encode()))
    )
    assert cli("validate", "-").out == "<stdin>: ok\n"


def test_usage_errors_exit_2(cli, write, valid_config) -> None:
    path = write("good.json", valid_config)
    assert cli("validate").code == 2
    run = cli("validate", "--version", "9.9", str(path))
    assert run.code == 2 and "unknown schema version '9.9'" in run.err
    assert cli("validate", "-", "-").code == 2
    assert cli("validate", "--format", "xml", str(path)).code == 2


def test_version_option_selects_the_schema(cli, write, valid_config) -> None:
    path = write("current.json", valid_config)
    assert cli("validate", "--version", "1.0", str(path)).code == 0
    old = cli("validate", "--version", "0.1", str(path))
    assert old.code == 1  # 1.0's "nip_protocol" group and "nip" protocol are not 0.1's
    assert "nip" in old.out


def test_every_invalid_case_is_rejected_with_its_address(cli, tmp_path) -> None:
    cases = [
        json.loads(p.read_text())
        for p in sorted((DATA / "cases" / "invalid").glob("*.json"))
    ]
    samples = [
        json.loads(p.read_text())
        for p in sorted((DATA / "reference_samples" / "invalid").glob("*.json"))
    ]
    assert len(cases) + len(samples) >= 5
    files = []
    for index, case in enumerate(cases + samples):
        path = tmp_path / f"{index:03d}-{case['id']}.json"
        path.write_text(json.dumps(case["input"]))
        files.append(path)
    run = cli("validate", "--format", "json", *map(str, files))
    assert run.code == 1
    report = run.json()
    for case, entry in zip(cases + samples, report, strict=True):
        assert not entry["valid"], case["id"]
        if "pointer" in case:
            wanted = case["pointer"]
            assert any(
                p["pointer"].startswith(wanted)
                or wanted.startswith(p["pointer"] + "/")
                or p["pointer"] == wanted
                for p in entry["problems"]
            ), (case["id"], entry)
        else:
            text = json.dumps(entry["problems"])
            assert (
                case["path"] in text or "/" + case["path"].replace(".", "/") in text
            ), case["id"]


def test_every_valid_case_is_accepted(cli, tmp_path) -> None:
    cases = [
        json.loads(p.read_text())
        for p in sorted((DATA / "cases" / "valid").glob("*.json"))
    ]
    files = []
    for index, case in enumerate(cases):
        path = tmp_path / f"{index:03d}.json"
        path.write_text(json.dumps(case["input"]))
        files.append(str(path))
    run = cli("validate", "--format", "json", *files)
    assert [e["problems"] for e in run.json() if not e["valid"]] == []
    assert run.code == 0


def _fake_tty(monkeypatch, stream) -> None:
    monkeypatch.setattr(stream, "isatty", lambda: True)


def test_progress_line_only_on_a_tty_and_only_for_many_files(
    cli, write, valid_config, monkeypatch
) -> None:
    monkeypatch.setattr(progress_module, "REDRAW_SECONDS", 0.0)
    many = [str(write(f"c{i}.json", valid_config)) for i in range(progress_module.MIN_FILES)]
    run = cli("validate", *many)
    assert "files/s" not in run.err  # not a terminal: no progress
    _fake_tty(monkeypatch, sys.stderr)
    run = cli("validate", *many)
    total = len(many)
    for index in range(progress_module.MIN_FILES, total + 1):
        assert re.search(rf"{index}/{total} files  [0-9,]+ files/s  ETA \d+:\d\d  ", run.err)
    assert run.err.endswith("\r\x1b[K")  # the line is cleared at the end
    assert run.out.count(": ok\n") == total  # results stay on stdout, without progress
    assert "\r" not in run.out
    few = cli("validate", *many[: progress_module.MIN_FILES - 1])
    assert few.err == ""


def test_progress_stays_off_stdout_in_json_mode(
    cli, write, valid_config, monkeypatch
) -> None:
    many = [str(write(f"c{i}.json", valid_config)) for i in range(progress_module.MIN_FILES)]
    _fake_tty(monkeypatch, sys.stderr)
    run = cli("validate", "--format", "json", *many)
    assert len(run.json()) == len(many)  # stdout is pure JSON
    assert f"{len(many)}/{len(many)} files" in run.err


def test_an_unmarked_old_config_gets_a_note_naming_the_migration(cli, write) -> None:
    samples = DATA / "reference_samples" / "migrate"
    old = json.loads((samples / "real-v0.1-pvg-min-rounds-2.json").read_text())["input"]
    old.pop("_package_version")
    path = write("unmarked.json", old)
    run = cli("validate", str(path))
    assert run.code == 1
    note = run.out.splitlines()[-1]
    assert note.startswith(f"{path}: note: ") and "migrate --from 0.1" in note
    report = cli("validate", "--format", "json", str(path)).json()
    assert "migrate --from 0.1" in report[0]["note"]
    assert cli("validate", "--version", "1.0", str(path)).out.count(": note: ") == 0
