"""Hostile and unusual files through every command (issue 11, file findings): each ends in the
error family with exit 1 or 2, never exit 3, a hang or unbounded memory.

Memory is checked with tracemalloc (what Python allocates while reading), time not at all: the
`make bench` section "hostile inputs" measures both at each limit.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
import yaml
from robust_support import count

from nip.parameters._files import (
    MAX_EXPANDED_BYTES,
    MAX_FILE_BYTES,
    MAX_STRING_LENGTH,
    dump_config,
    parse_config,
    read_config,
)
from nip.parameters.cli import main
from nip.parameters.errors import ConfigFileError

BASE = "scenario: graph_isomorphism\ntrainer: vanilla_ppo\ndataset: d\n"
COMMANDS = [
    ["validate"],
    ["validate", "--format", "json"],
    ["get", "--raw", "FILE", "seed"],
    ["get", "FILE", "seed"],
    ["migrate", "--dry-run"],
    ["migrate", "--in-place"],
]


def string_bomb(aliases: int, length: int = MAX_STRING_LENGTH) -> str:
    """One string of `length` characters, repeated by `aliases` aliases: the issue's 155 KB file
    (10,000 aliases of a 65,536-character string) expands to 655 MB."""
    return f'a: &a "{"x" * length}"\nb:\n' + "  - *a\n" * aliases


def run_all(capsys: pytest.CaptureFixture[str], path: Path) -> dict[str, tuple[int, str, int]]:
    """Each command on `path`: exit status, what it said, and how much it printed on stdout."""
    seen = {}
    for argv in COMMANDS:
        args = [str(path) if a == "FILE" else a for a in argv]
        if "FILE" not in argv:
            args.append(str(path))
        capsys.readouterr()
        code = main(args)
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err and "internal error" not in err, (args, err)
        seen[" ".join(argv)] = (code, err + out[:2000], len(out))  # json reports go to stdout
        count("hostile files through a command")
    return seen


def test_string_aliases_cannot_amplify_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bomb.yaml"
    path.write_text(string_bomb(10_000))
    assert path.stat().st_size < 160_000  # the 155 KB file
    tracemalloc.start()
    try:
        with pytest.raises(ConfigFileError, match="more than 8,388,608 bytes") as caught:
            read_config(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # the 127th alias (line 129) takes the keys and strings past 8 MiB: refused there, uncopied
    assert (caught.value.line, caught.value.column) == (129, 5)
    assert peak < 20 * 2**20, f"{peak:,} bytes allocated to refuse a 155 KB file"
    for what, (code, err, printed) in run_all(capsys, path).items():
        assert code == 2 and "8,388,608 bytes" in err, what
        assert printed < 10_000, f"{what} printed {printed:,} bytes"  # not 655 MB


def test_the_expanded_byte_limit_is_exact(tmp_path: Path) -> None:
    """A list of 128 strings of 65,536 bytes (one anchored, 127 aliases) is 8 MiB: accepted;
    one alias more is refused before it is copied."""
    length = MAX_STRING_LENGTH
    assert MAX_EXPANDED_BYTES == MAX_FILE_BYTES == 128 * length
    at_limit = f'- &a "{"x" * length}"\n' + "- *a\n" * 127
    data, _ = parse_config(at_limit, name="at.yaml", format="yaml")
    assert len(data) == 128 and sum(map(len, data)) == MAX_EXPANDED_BYTES
    with pytest.raises(ConfigFileError, match="more than 8,388,608 bytes") as caught:
        parse_config(at_limit + "- *a\n", name="past.yaml", format="yaml")
    assert caught.value.line == 129
    # keys count too, and multi-byte characters by their UTF-8 bytes
    euro = "€" * (length // 3)  # 3 bytes each
    with pytest.raises(ConfigFileError, match="bytes"):
        parse_config(f'- &a "{euro}"\n' + "- *a\n" * 128, name="utf8.yaml", format="yaml")


def test_base_60_is_a_string_and_a_long_one_is_refused_by_length(tmp_path: Path, capsys) -> None:
    # YAML 1.1 read `seed: 1:0:0:...` as one integer, in quadratic time (1.28 MB: 47 s).
    data, _ = parse_config("seed: 1:0:0\n", name="b60.yaml", format="yaml")
    assert data == {"seed": "1:0:0"}
    path = tmp_path / "b60.yaml"
    path.write_text(BASE + "seed: " + ":".join(["1"] + ["0"] * 640_000) + "\n")
    assert path.stat().st_size > 1_280_000
    with pytest.raises(ConfigFileError, match="longer than the limit"):
        read_config(path)
    for what, (code, _err, _printed) in run_all(capsys, path).items():
        assert code == 2, what
    small = tmp_path / "b60-small.yaml"
    small.write_text(BASE + "seed: 1:0:0\n")
    capsys.readouterr()
    assert main(["validate", str(small)]) == 1
    assert "seed: expected integer, got string '1:0:0'" in capsys.readouterr().out


HEX = [
    ("hex.yaml", BASE + "seed: 0x" + "f" * 5000 + "\n"),
    ("hex-long.yaml", BASE + "seed: 0x" + "f" * 1_000_000 + "\n"),
    ("oct.yaml", BASE + "seed: 0o" + "7" * 5000 + "\n"),
    ("just-over.yaml", BASE + "seed: 0x10000000000000000\n"),
    ("hex.toml", 'scenario = "graph_isomorphism"\ntrainer = "vanilla_ppo"\ndataset = "d"\n'
                 "seed = 0x" + "f" * 5000 + "\n"),
    ("bin.toml", 'scenario = "graph_isomorphism"\ntrainer = "vanilla_ppo"\ndataset = "d"\n'
                 "seed = 0b" + "1" * 70_000 + "\n"),
    ("oct.toml", 'scenario = "graph_isomorphism"\ntrainer = "vanilla_ppo"\ndataset = "d"\n'
                 "[rl]\nlr = 0o" + "7" * 5000 + "\n"),
    ("dec.json", '{"scenario": "graph_isomorphism", "seed": ' + "9" * 4300 + "}"),
]


@pytest.mark.parametrize(("name", "text"), HEX, ids=[h[0] for h in HEX])
def test_integers_past_64_bits_in_any_spelling(tmp_path: Path, capsys, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(ConfigFileError, match=r"64-bit range|digits"):
        read_config(path)
    for what, (code, err, _printed) in run_all(capsys, path).items():
        assert code == 2 and name in err, (what, err)
        assert len(err) < 600, f"{what}: {len(err):,} characters of error"


def _cli(*argv: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "nip.parameters.cli", *argv], capture_output=True,
                          timeout=60, check=False, **kwargs)  # type: ignore[call-overload]


def test_a_closed_stdin_is_an_unreadable_input() -> None:
    for argv in (["validate", "-"], ["get", "-", "seed"], ["get", "--raw", "-", "seed"]):
        done = _cli(*argv, preexec_fn=lambda: os.close(0))
        assert done.returncode == 2, (argv, done.stderr)
        assert b"stdin is closed" in done.stderr and b"Traceback" not in done.stderr


def test_a_fifo_without_a_writer_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "config.yaml"
    os.mkfifo(fifo)
    done = _cli("validate", str(fifo))  # a hang fails on the timeout
    assert done.returncode == 2 and b"FIFO with no writer" in done.stderr
    # a pipe with a writer is read as usual (process substitution, `validate /dev/stdin`)
    done = _cli("validate", "/dev/stdin", input=BASE.encode())
    assert done.returncode == 0, done.stderr


def test_a_newline_in_a_file_name_keeps_one_report_line_per_problem(tmp_path: Path) -> None:
    odd = tmp_path / "new\nline\x1b[2J.yaml"
    odd.write_text("scenario: graph_isomorphism\n")  # two problems: trainer and dataset missing
    done = _cli("validate", str(odd), str(tmp_path / "missing\n.yaml"))
    lines = done.stdout.decode().splitlines()
    assert len(lines) == 2 and all(line.startswith(json.dumps(str(odd))) for line in lines), lines
    errors = done.stderr.decode().splitlines()
    assert len(errors) == 1 and "\\n.yaml" in errors[0] and "\x1b" not in done.stderr.decode()


ODD_STRINGS = ["a\x85b", "a\u2028b\u2029c", "tab\there", "x\x1b[2J", "😀", "no", "1e-3", "~",
               "2024-01-01", "a: b", "- x", "#c", "'q'", '"', " lead", "trail ", "\x7f", "line\nbreak"]


@pytest.mark.parametrize("value", ODD_STRINGS, ids=[json.dumps(s) for s in ODD_STRINGS])
def test_what_defaults_writes_validate_accepts_and_reads_back_the_same(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    for fmt in ("yaml", "json"):
        capsys.readouterr()
        code = main(["defaults", "--scenario", "graph_isomorphism", "--trainer", "vanilla_ppo",
                     f"--dataset={value}", "--format", fmt])
        out = capsys.readouterr().out
        assert code == 0
        path = tmp_path / f"d.{fmt}"
        path.write_text(out, encoding="utf-8")
        assert main(["validate", "-q", str(path)]) == 0
        assert read_config(path).data["dataset"] == value
        if fmt == "yaml":  # a YAML 1.1 reader (nip 1.0) reads it the same (U+0085 is escaped)
            assert yaml.safe_load(out)["dataset"] == value


def test_defaults_refuses_an_argument_that_is_not_utf8(tmp_path: Path, capsys) -> None:
    # argv arrives with surrogateescape: the byte 0xff becomes "\udcff"
    assert main(["defaults", "--scenario", "graph_isomorphism", "--trainer", "vanilla_ppo",
                 "--dataset", "a\udcffb"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "--dataset: not valid UTF-8 (byte 0xff)" in err
    done = _cli("defaults", "--scenario", "graph_isomorphism", "--trainer", "vanilla_ppo",
                "--dataset", os.fsdecode(b"\xff"))
    assert done.returncode == 2 and done.stdout == b""


def test_u0085_survives_every_writer(tmp_path: Path) -> None:
    data = {"dataset": "a\x85b\u2028c\u2029d"}
    text = dump_config(data, "yaml")
    assert "\\N" in text and "\\L" in text and "\\P" in text  # escaped, not raw breaks
    assert parse_config(text, name="w.yaml", format="yaml")[0] == data
    assert yaml.safe_load(text) == data
    # migrate writes it back escaped, and reads the raw character as YAML 1.2 does
    path = tmp_path / "nel.yaml"
    path.write_text(BASE.replace("dataset: d", "dataset: a\x85b") + "_package_version: '0.1.0'\n"
                    + "interaction_protocol: pvg\n", encoding="utf-8")
    assert main(["migrate", "--in-place", str(path)]) == 0
    assert read_config(path).data["dataset"] == "a\x85b"
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["dataset"] == "a\x85b"


# ---- what held, and must keep holding ---------------------------------------------------------

TAG_ATTACKS = [
    "seed: !!python/object/apply:os.system ['touch PWNED']\n",
    "%TAG !e! tag:yaml.org,2002:python/object/apply:\n---\nseed: !e!os.system ['touch PWNED']\n",
    "%TAG ! tag:yaml.org,2002:python/name:\n---\nseed: !os.system\n",
    "seed: !<tag:yaml.org,2002:python/object/new:os.system> ['touch PWNED']\n",
    "seed: !!binary dG91Y2ggUFdORUQ=\n",
    "seed: !!timestamp 2024-01-01\n",
]


@pytest.mark.parametrize("text", TAG_ATTACKS)
def test_no_yaml_tag_or_tag_directive_runs_code(tmp_path: Path, capsys, monkeypatch, text: str) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "evil.yaml"
    path.write_text(text)
    with pytest.raises(ConfigFileError, match="is not allowed"):
        read_config(path)
    for what, (code, _err, _printed) in run_all(capsys, path).items():
        assert code == 2, what
    assert not (tmp_path / "PWNED").exists()


def test_hand_made_broken_files_each_exit_2_with_a_line_and_a_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = importlib.util.spec_from_file_location(
        "broken_inputs", Path(__file__).parents[1] / "files" / "test_files_broken_inputs.py")
    assert spec is not None and spec.loader is not None
    broken = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(broken)  # the broken-file table of tests/files
    placed = [case for case in broken.CASES if case.line is not None and case.column is not None]
    assert len(placed) >= 25
    for case in placed:
        path = tmp_path / case.name
        path.write_bytes(case.content)
        capsys.readouterr()
        assert main(["validate", str(path)]) == 2, case.name
        err = capsys.readouterr().err
        assert f"{path}:{case.line}:{case.column}: " in err, (case.name, err)
        count("broken files through validate")
