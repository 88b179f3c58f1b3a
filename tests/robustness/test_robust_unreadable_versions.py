"""Issue 11, item 5 (the part that is not about files): a `_package_version` that cannot be read, or
a list index that is not one, gets the library's error (exit 1 or 2), through every API and command.

A null `_package_version` is one of them: only a missing key means "unversioned" (issue 17, item 10:
read as unversioned, a 1.0 config was migrated again, `min_message_rounds` 2 -> 3).

`"²".isdigit()` is True and `int("²")` raises a plain ValueError; so does `int()` of 5,000 digits.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable
from typing import Any

import pytest
from robust_support import count, record_error

from nip.parameters import HyperParameters, NipParametersError, iter_errors, validate
from nip.parameters._migration import migrate, needs_migration
from nip.parameters.cli import main
from nip.parameters.version import convert_hyper_param_dict

BASE = {"scenario": "graph_isomorphism", "trainer": "vanilla_ppo", "dataset": "eru10000"}
VERSIONS = [None, "²", "1" * 5000, "٣.٠", "--1", "1.²", "1. 0", "1.0.0.0", 10**5000, -1, 1e300, [1], {}]


def _raising_iter_errors(config: dict[str, Any]) -> None:
    problems = list(iter_errors(config))
    if problems:
        raise NipParametersError(str(problems[0]))


CALLS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "from_dict": HyperParameters.from_dict,
    "from_dict(ignore_extra_keys)": lambda c: HyperParameters.from_dict(c, ignore_extra_keys=True),
    "validate": validate,
    "iter_errors": _raising_iter_errors,
    "convert_hyper_param_dict": convert_hyper_param_dict,
    "migrate": migrate,
    "needs_migration": needs_migration,
}


@pytest.mark.parametrize("call", sorted(CALLS))
@pytest.mark.parametrize("version", VERSIONS, ids=[f"version{i}" for i in range(len(VERSIONS))])
def test_an_unreadable_version_is_the_librarys_error_in_every_api(version, call):
    count("unreadable versions tried")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(NipParametersError) as info:
            CALLS[call]({**BASE, "_package_version": version})
    record_error(info.value)
    assert len(str(info.value)) < 1000


def _files(tmp_path) -> list[str]:
    paths = []
    for i, version in enumerate([None, "²", "1" * 5000, "٣.٠"]):
        json_path, yaml_path = tmp_path / f"v{i}.json", tmp_path / f"v{i}.yaml"
        json_path.write_text(json.dumps({**BASE, "_package_version": version}), encoding="utf-8")
        yaml_path.write_text("".join(f"{k}: {v}\n" for k, v in BASE.items())
                             + f"_package_version: {json.dumps(version)}\n", encoding="utf-8")
        paths += [str(json_path), str(yaml_path)]
    unquoted = tmp_path / "digits.yaml"  # a YAML integer of 5,000 digits
    unquoted.write_text("".join(f"{k}: {v}\n" for k, v in BASE.items())
                        + "_package_version: " + "1" * 5000 + "\n", encoding="utf-8")
    return [*paths, str(unquoted)]


@pytest.mark.parametrize("command", [["validate"], ["validate", "--format", "json"], ["get", "@", "seed"],
                                     ["get", "--raw", "@", "_package_version"],
                                     ["migrate", "--dry-run"], ["migrate", "--to", "1.0", "--dry-run"],
                                     ["compose", "@", "seed=7"]])
def test_an_unreadable_version_exits_1_or_2_in_every_command(tmp_path, capsys, command):
    for path in _files(tmp_path):
        argv = [path if part == "@" else part for part in command]
        if "@" not in command:
            argv.append(path)
        count("unreadable versions tried")
        code = main(argv)
        captured = capsys.readouterr()
        if command[:2] == ["get", "--raw"]:  # reads the file as written, without checking it
            assert code in (0, 2) and "Traceback" not in captured.err, captured.err[:300]
            continue
        assert code in (1, 2), (argv, code, captured.err[:300])
        assert "Traceback" not in captured.err and len(captured.err) < 3000


@pytest.mark.parametrize("index", ["--0", "²", "9" * 5000, "٣", "0x1", "+0", " 0"])
def test_a_list_index_that_is_not_one_exits_1(tmp_path, capsys, index):
    path = tmp_path / "run.json"
    path.write_text(json.dumps({**BASE, "message_regression": {"agents": ["prover"]}}), encoding="utf-8")
    for raw in ([], ["--raw"]):
        count("unreadable indices tried")
        assert main(["get", *raw, str(path), f"message_regression.agents.{index}"]) == 1
        assert "is not an index of it" in capsys.readouterr().err
    with pytest.raises(NipParametersError):
        HyperParameters.from_dict(json.loads(path.read_text())).get(f"message_regression.agents.{index}")


def test_diff_cannot_compare_an_unreadable_version_and_says_so_with_2(tmp_path, capsys):
    """`diff` exits 1 for "different": a version it cannot read is exit 2, not a difference."""
    other = tmp_path / "other.json"
    other.write_text(json.dumps(BASE), encoding="utf-8")
    for path in _files(tmp_path):
        count("unreadable versions tried")
        for argv in (["diff", path, str(other)], ["diff", str(other), path]):
            assert main(argv) == 2, argv
            err = capsys.readouterr().err
            assert "Traceback" not in err and ("cannot compare" in err or "cannot be read" in err), err[:300]
