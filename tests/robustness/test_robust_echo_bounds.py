"""Issue 11, item 12: what a message echoes of the input is escaped and bounded.

An ANSI escape in a key must not reach a terminal raw (it could erase the real problem line); a key
of 65,536 characters must not be echoed whole in every address; a wide nested value must not be
quoted at tens of thousands of characters. Done where messages and addresses are made (`brief`,
`Problem.address`, `Problem.__str__`/`to_json`), so it holds for every entry point.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Callable
from typing import Any

import pytest
from robust_support import count, record_error

from nip.parameters import HyperParameters, NipParametersError, iter_errors, validate
from nip.parameters.cli import main
from nip.parameters.version import convert_hyper_param_dict

BASE = {"scenario": "graph_isomorphism", "trainer": "vanilla_ppo", "dataset": "eru10000"}
ANSI = "\x1b[2K\x1b[1A\x1b[31mok"  # erase the line, move up: hides the problem on a terminal
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
WIDE = {f"k{i}": {f"j{j}": "v" * 200 for j in range(30)} for i in range(30)}  # ~200,000 characters
CASES: dict[str, dict[str, Any]] = {
    "ANSI in a group key": {**BASE, "rl": {ANSI: 1}},
    "ANSI in an agent name": {**BASE, "agents": {ANSI: {"d_gnn": "x"}}},
    "ANSI in a value": {**BASE, "trainer": ANSI},
    "bidi override and newline in a key": {**BASE, "rl": {"a\u202eb\nc": 1}},
    "lone surrogate in a key": {**BASE, "ppo": {"\ud800": 1}},
    "65,536-character key": {**BASE, "rl": {"k" * 65_536: 1}, "ppo": {"k" * 65_536: 2}},
    "65,536-character agent name": {**BASE, "agents": {"a" * 65_536: {"d_gnn": "x", "seed": 1}}},
    "wide nested value": {**BASE, "seed": WIDE},
    "wide nested value in a list": {**BASE, "message_regression": {"agents": [WIDE]}},
}


def _iter_errors_raising(config: dict[str, Any]) -> None:
    problems = list(iter_errors(config))
    if problems:
        raise NipParametersError("\n".join(map(str, problems)))


CALLS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "from_dict": HyperParameters.from_dict,
    "constructor": lambda c: HyperParameters(**c),
    "validate": validate,
    "iter_errors": _iter_errors_raising,
    # conversion keeps unknown keys (with a warning): from_dict then refuses them
    "convert_hyper_param_dict": lambda c: HyperParameters.from_dict(
        convert_hyper_param_dict({**c, "_package_version": "1.0.0"})),
}


def _bounded(text: str, limit: int = 2_000) -> None:
    assert not RAW.search(text), repr(RAW.search(text))
    for line in text.splitlines():
        assert len(line) <= limit, f"a line of {len(line):,} characters: {line[:200]!r}..."


@pytest.mark.parametrize("call", sorted(CALLS))
@pytest.mark.parametrize("case", sorted(CASES))
def test_messages_escape_and_bound_what_they_echo(case, call):
    count("echo inputs tried")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(NipParametersError) as info:
            CALLS[call](CASES[case])
    record_error(info.value)
    _bounded(str(info.value))
    for problem in getattr(info.value, "problems", ()):
        _bounded(problem.address, 200)
        _bounded(json.dumps(problem.to_json(), ensure_ascii=False), 4_000)
    for warning in caught:
        _bounded(str(warning.message))


def test_the_cli_prints_escaped_bounded_lines(tmp_path, capsys):
    for name, config in CASES.items():
        path = tmp_path / f"{len(name)}.json"
        path.write_text(json.dumps(config), encoding="utf-8")
        for argv in (["validate", str(path)], ["validate", "--format", "json", str(path)],
                     ["get", str(path), "seed"]):
            count("echo inputs tried")
            assert main(argv) in (1, 2)  # 2: the file reader refuses a lone surrogate itself
            captured = capsys.readouterr()
            _bounded(captured.out, 5_000)
            _bounded(captured.err, 5_000)
            assert len(captured.out) + len(captured.err) < 50_000, (name, argv)


def test_an_escaped_key_still_names_its_place():
    with pytest.raises(NipParametersError) as info:
        HyperParameters.from_dict(CASES["ANSI in a group key"])
    [problem] = info.value.problems
    assert problem.address == "rl.\\x1b[2K\\x1b[1A\\x1b[31mok"
    assert problem.path == ("rl", ANSI)  # the data keeps the key as it is
