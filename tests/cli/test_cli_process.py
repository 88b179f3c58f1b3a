"""`nip-params` as a real process: the console script, concurrent runs, a closed pipe."""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from nip.parameters import iter_errors

SCRIPT = Path(sys.executable).parent / "nip-params"


def _run(*argv: str, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        argv, check=False, capture_output=True, text=True, timeout=60, **kwargs
    )


def test_console_script(tmp_path, valid_config) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps(valid_config))
    bad = tmp_path / "bad.yaml"
    bad.write_text("scenario: graph_isomorphism\ntrainer: ppo2\ndataset: x\n")
    result = _run(str(SCRIPT), "validate", str(good), str(bad))
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == f"{good}: ok"
    assert result.stdout.splitlines()[1].startswith(f"{bad}:2:10: trainer: ")  # line:column
    assert result.stderr == ""
    version = _run(str(SCRIPT), "--version")
    assert version.returncode == 0 and version.stdout.startswith("nip-params ")


def test_python_dash_m(tmp_path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("seed = \n")
    result = _run(sys.executable, "-m", "nip.parameters.cli", "validate", str(broken))
    assert result.returncode == 2
    assert (
        result.stderr
        == f"nip-params: error: {broken}:1:8: invalid TOML: Invalid value\n"
    )
    assert "Traceback" not in result.stderr


def test_python_dash_m_package_runs_the_cli(tmp_path, valid_config) -> None:
    """`python -m nip.parameters` is the nip-params command: same output, same exit statuses."""
    good = tmp_path / "good.json"
    good.write_text(json.dumps(valid_config))
    ok = _run(sys.executable, "-m", "nip.parameters", "validate", str(good))
    assert (ok.returncode, ok.stdout, ok.stderr) == (0, f"{good}: ok\n", "")
    usage = _run(sys.executable, "-m", "nip.parameters", "no-such-command")
    assert usage.returncode == 2 and "Traceback" not in usage.stderr
    assert "nip-params" in usage.stderr


def test_concurrent_runs_never_interleave_a_files_lines(tmp_path, valid_config) -> None:
    """Four processes validate into one file at once; each file's lines stay together."""
    runs, per_run = 4, 8
    bad = copy.deepcopy(valid_config)
    bad["trainer"], bad["seeed"], bad["agents"]["_default"]["d_gnn"] = "ppo2", 1, "x"
    groups = []
    for run in range(runs):
        files = []
        for index in range(per_run):
            path = tmp_path / f"run{run}-file{index}-{'x' * 40}.json"
            path.write_text(json.dumps(bad))
            files.append(str(path))
        groups.append(files)
    out_path = tmp_path / "out.txt"
    fd = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        procs = [
            subprocess.Popen(
                [sys.executable, "-m", "nip.parameters.cli", "validate", *files],
                stdout=fd,
                stderr=subprocess.PIPE,
            )
            for files in groups
        ]
        for proc in procs:
            _, err = proc.communicate(timeout=60)
            assert proc.returncode == 1, err
    finally:
        os.close(fd)
    per_file = len(list(iter_errors(bad)))
    assert per_file >= 3
    lines = out_path.read_text().splitlines()
    assert len(lines) == runs * per_run * per_file
    line_re = re.compile(r"^(\S+\.json):\d+:\d+: (agents\._default\.d_gnn|seeed|trainer): .+$")
    order = []
    for line in lines:
        match = line_re.match(line)
        assert match, f"mangled line: {line!r}"
        order.append(match.group(1))
    for name in {*order}:
        positions = [i for i, seen in enumerate(order) if seen == name]
        assert positions == list(range(positions[0], positions[0] + per_file)), name


def test_a_closed_pipe_is_not_a_traceback() -> None:
    """`nip-params schema | head -0`: the reader is gone before the first write."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # every write now fails with EPIPE
    try:
        result = subprocess.run(
            [sys.executable, "-m", "nip.parameters.cli", "schema"],
            check=False,
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    finally:
        os.close(write_end)
    assert (
        result.stderr == ""
    )  # no traceback, no "Exception ignored ... BrokenPipeError"
    assert result.returncode == 1


def test_a_migration_warning_is_one_plain_line(tmp_path) -> None:
    samples = Path(__file__).parents[1] / "data" / "reference_samples" / "migrate"
    case = json.loads((samples / "real-v0.1-pvg-min-rounds-2.json").read_text())
    old = tmp_path / "old.json"
    old.write_text(json.dumps(case["input"]))
    result = _run(
        sys.executable, "-m", "nip.parameters.cli", "get", str(old), "trainer"
    )
    assert result.returncode == 0
    assert result.stdout == f"{case['input']['trainer']}\n"
    assert result.stderr.startswith(
        "nip-params: warning: "
    )  # not "<file>:8: UserWarning"
    assert "0.1" in result.stderr
    assert len(result.stderr.splitlines()) == 1  # no source line under it
