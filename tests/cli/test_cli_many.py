"""Many files in one call: directories, --files-from, --jobs ordering, json/jsonl reports, summary."""

from __future__ import annotations

import io
import json
import os
import re
import signal
import subprocess
import sys
from functools import partial
from pathlib import Path

import pytest
import yaml

from nip.parameters.cli import _parallel, _sources


def _tree(write, valid_config) -> Path:
    """A run history: W&B runs, a sweep's output, and files the default selection leaves out."""
    bad = dict(valid_config, seed="x")
    wandb = {k: {"desc": None, "value": v} for k, v in valid_config.items()}
    wandb["wandb_version"] = 1
    write("h/wandb/run-2/files/config.yaml", yaml.safe_dump(wandb))
    write("h/wandb/run-1/files/config.yaml", yaml.safe_dump(bad))
    write("h/wandb/run-1/files/wandb-metadata.json", {"not": "a config"})
    write("h/sweep/b.nip.json", valid_config)
    write("h/sweep/a.nip.yaml", yaml.safe_dump(valid_config))
    write("h/sweep/index.json", {"not": "a config"})
    write("h/notes.yaml", "not: a config\n")
    return write("h/sweep/c.nip.toml", 'scenario = "graph_isomorphism"\n').parents[1]


EXPECTED_ORDER = [  # depth-first, sorted
    "sweep/a.nip.yaml",
    "sweep/b.nip.json",
    "sweep/c.nip.toml",
    "wandb/run-1/files/config.yaml",
    "wandb/run-2/files/config.yaml",
]


def _files(report: list[dict], root: Path) -> list[str]:
    return [str(Path(item["file"]).relative_to(root)) for item in report]


def test_a_directory_is_searched_with_the_default_selection(cli, write, valid_config) -> None:
    root = _tree(write, valid_config)
    run = cli("validate", "--format", "json", str(root))
    assert run.code == 1
    report = run.json()
    assert _files(report, root) == EXPECTED_ORDER
    assert [item["valid"] for item in report] == [True, True, False, False, True]
    assert report[-1]["unwrapped"] == "wandb-run-config"
    # The summary closes the report, on stderr.
    assert run.err.startswith(
        "nip-params validate: 5 files: 3 valid, 2 invalid, 0 unreadable ("
    )


def test_include_and_exclude_change_the_selection(cli, write, valid_config) -> None:
    root = _tree(write, valid_config)
    run = cli("validate", "--format", "json", "--include", "**/*.json", str(root))
    assert _files(run.json(), root) == [
        "sweep/b.nip.json", "sweep/index.json", "wandb/run-1/files/wandb-metadata.json"
    ]
    run = cli("validate", "--format", "json", "--exclude", "wandb", "--exclude", "*.toml",
              str(root))
    assert _files(run.json(), root) == ["sweep/a.nip.yaml", "sweep/b.nip.json"]
    assert run.code == 0


def test_nothing_selected_is_a_usage_error(cli, write, valid_config) -> None:
    root = _tree(write, valid_config)
    run = cli("validate", "--include", "*.nothing", str(root))
    assert run.code == 2
    assert "no config files found in" in run.err and "--include" in run.err


def test_links_are_not_followed_and_special_files_not_opened(
    cli, write, valid_config, tmp_path
) -> None:
    root = _tree(write, valid_config)
    os.symlink("..", root / "sweep" / "loop")  # a loop
    os.symlink(root / "sweep" / "a.nip.yaml", root / "link.nip.yaml")  # a link to a file
    os.mkfifo(root / "sweep" / "pipe.nip.yaml")  # would block a reader without a writer
    os.symlink("/dev/zero", root / "zero.nip.json")
    run = cli("validate", "--format", "jsonl", str(root))
    lines = [json.loads(line) for line in run.out.splitlines()]
    files = [str(Path(item["file"]).relative_to(root)) for item in lines[:-1]]
    assert files == [*EXPECTED_ORDER[:2], "sweep/c.nip.toml", "sweep/pipe.nip.yaml", *EXPECTED_ORDER[3:]]
    pipe = lines[3]
    assert pipe["error"]["message"] == "is not a regular file (a FIFO); not opened"
    assert lines[-1]["summary"]["unreadable"] == 1
    assert run.code == 2


def test_an_unreadable_directory_is_reported_and_the_rest_checked(
    cli, write, valid_config, monkeypatch
) -> None:
    root = _tree(write, valid_config)
    real = os.scandir

    def scandir(path):
        if str(path).endswith("run-1"):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(_sources.os, "scandir", scandir)
    run = cli("validate", str(root))
    assert run.code == 2
    assert "run-1: directory cannot be read: Permission denied" in run.err
    assert run.out.count(": ok") == 3  # a, b and run-2 (c.nip.toml is incomplete)


def test_files_from_newlines_nul_and_stdin(cli, write, valid_config, monkeypatch) -> None:
    root = _tree(write, valid_config)
    names = [str(root / name) for name in EXPECTED_ORDER]
    lines = write("list.txt", "\n".join(names[:2]) + "\r\n\n" + names[2] + "\n")
    run = cli("validate", "--format", "json", "--files-from", str(lines))
    assert _files(run.json(), root) == EXPECTED_ORDER[:3]
    nul = write("list.bin", ("\0".join(names) + "\0").encode())
    run = cli("validate", "--format", "json", "--files-from", str(nul))
    assert _files(run.json(), root) == EXPECTED_ORDER
    stdin = io.TextIOWrapper(io.BytesIO("\0".join(names[3:]).encode()))
    monkeypatch.setattr(sys, "stdin", stdin)
    run = cli("validate", "--format", "json", "--files-from", "-", names[0])
    assert _files(run.json(), root) == [EXPECTED_ORDER[0], *EXPECTED_ORDER[3:]]


def test_a_file_named_twice_is_checked_once(cli, write, valid_config) -> None:
    root = _tree(write, valid_config)
    a = root / EXPECTED_ORDER[0]
    listing = write("list.txt", f"{a}\n{root / 'sweep' / '..' / EXPECTED_ORDER[0]}\n")
    run = cli("validate", "--format", "json", "--files-from", str(listing), str(a), str(root))
    assert _files(run.json(), root) == EXPECTED_ORDER


def test_names_with_newlines_stay_one_line(cli, write, valid_config) -> None:
    write("odd/a\nb.nip.json", valid_config)
    root = write("odd/c\x1b[2J.nip.json", dict(valid_config, seed="x")).parent
    run = cli("validate", str(root))
    assert run.out.splitlines() == [
        f'"{root}/a\\nb.nip.json": ok',
        f'"{root}/c\\u001b[2J.nip.json":6:11: seed: expected integer, got string \'x\'',
    ]


def test_files_from_problems(cli, write, tmp_path) -> None:
    run = cli("validate", "--files-from", str(tmp_path / "missing.txt"))
    assert (run.code, run.err) == (2, f"nip-params validate: error: --files-from "
                                      f"{tmp_path}/missing.txt: no such file\n")
    run = cli("validate", "--files-from", str(tmp_path))
    assert run.code == 2 and "is a directory" in run.err
    long = write("long.txt", "x" * (_sources.MAX_NAME_BYTES + 10) + "\n")
    run = cli("validate", "--files-from", str(long))
    assert run.code == 2 and "longer than 4096 bytes" in run.err
    assert cli("validate").code == 2


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl"])
def test_jobs_keep_the_order_of_one_job(cli, write, valid_config, fmt) -> None:
    for i in range(150):  # several chunks, so workers really run
        config = dict(valid_config, seed="x") if i % 7 == 0 else valid_config
        write(f"many/{i:03d}/{i % 5}.nip.json", config)
    root = write("many/broken.nip.json", "{").parent
    one = cli("validate", "--format", fmt, "--jobs", "1", str(root))
    two = cli("validate", "--format", fmt, "--jobs", "2", str(root))
    assert one.code == two.code == 2
    if fmt == "jsonl":  # every line but the summary's time
        assert one.out.splitlines()[:-1] == two.out.splitlines()[:-1]
        summary = json.loads(two.out.splitlines()[-1])["summary"]
        assert {k: v for k, v in summary.items() if k != "seconds"} == {
            "files": 151, "valid": 128, "invalid": 22, "unreadable": 1}
    else:
        assert one.out == two.out
    if fmt == "json":
        assert len(two.json()) == 151


def _kill_on(marker: str, chunk: list[str]) -> list[str]:
    if marker in chunk:
        os.kill(os.getpid(), signal.SIGKILL)
    return [item.upper() for item in chunk]


def test_a_killed_worker_is_reported_and_the_run_goes_on() -> None:
    items = [f"f{i:04d}" for i in range(400)]
    results = list(_parallel.ordered_map(
        partial(_kill_on, "f0100"), items, jobs=2, lost=lambda item, why: f"lost {item}"))
    assert len(results) == len(items)
    lost = [r for r in results if r.startswith("lost")]
    assert "lost f0100" in lost
    assert len(lost) <= _parallel.CHUNK * 2 * _parallel.WINDOW_PER_JOB  # only what was in flight
    kept = [r for r in results if not r.startswith("lost")]
    assert kept == sorted(kept) and kept[-1] == "F0399"


def test_one_file_starts_no_worker(monkeypatch) -> None:
    monkeypatch.setattr(_parallel, "_in_workers", None)  # would fail if called
    assert list(_parallel.ordered_map(partial(_kill_on, "-"), ["a"], jobs=4,
                                      lost=lambda item, why: why)) == ["A"]


def _old_tree(write) -> Path:
    samples = Path(__file__).parents[1] / "data" / "reference_samples" / "migrate"
    old = json.loads((samples / "real-v0.1-pvg-min-rounds-2.json").read_text())["input"]
    wandb = {k: {"desc": None, "value": v} for k, v in old.items()}
    wandb["wandb_version"] = 1
    write("old/wandb/run-1/files/config.yaml", yaml.safe_dump(wandb))
    write("old/b.nip.yaml", yaml.safe_dump(old))
    return write("old/a.nip.json", old).parent


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_migrate_a_directory(cli, write, jobs) -> None:
    root = _old_tree(write)
    before = (root / "a.nip.json").read_text()
    run = cli("migrate", "--dry-run", "--format", "jsonl", "--jobs", jobs, str(root))
    lines = [json.loads(line) for line in run.out.splitlines()]
    assert [Path(item["file"]).relative_to(root).as_posix() for item in lines[:-1]] == [
        "a.nip.json", "b.nip.yaml", "wandb/run-1/files/config.yaml"]
    assert all(item["ok"] and item["report"]["changes"] for item in lines[:-1])
    summary = lines[-1]["summary"]
    assert (summary["files"], summary["ok"], summary["failed"]) == (3, 3, 0)
    assert (root / "a.nip.json").read_text() == before  # a dry run
    # --in-place leaves W&B's own files out of the default selection
    run = cli("migrate", "--in-place", "--jobs", jobs, str(root))
    assert run.code == 0, run.err
    assert "wandb" not in run.out and run.out.count("written to") == 2
    assert run.err.startswith("nip-params migrate: 2 files: 2 ok, 0 failed, 0 unreadable")
    assert json.loads((root / "a.nip.json").read_text()) != json.loads(before)


def test_migrate_a_directory_needs_dry_run_or_in_place(cli, write) -> None:
    root = _old_tree(write)
    run = cli("migrate", str(root))
    assert run.code == 2
    assert "directories and --files-from go with --dry-run or --in-place" in run.err


def test_the_report_written_into_the_tree_is_not_read_back(write, valid_config, tmp_path) -> None:
    root = _tree(write, valid_config)
    report = root / "report.nip.json"
    with open(report, "wb") as out:
        done = subprocess.run([sys.executable, "-m", "nip.parameters.cli", "validate", "--format",
                               "json", str(root)], stdout=out, stderr=subprocess.PIPE, check=False)
    assert done.returncode == 1, done.stderr
    files = [Path(item["file"]).relative_to(root).as_posix()
             for item in json.loads(report.read_text())]
    assert files == EXPECTED_ORDER  # not report.nip.json, half-written


def test_stdin_among_many_files_is_read_with_jobs(tmp_path, write, valid_config) -> None:
    files = [str(write(f"s/{i:03d}.nip.json", valid_config)) for i in range(80)]
    done = subprocess.run(
        [sys.executable, "-m", "nip.parameters.cli", "validate", "--jobs", "2", *files[:40], "-",
         *files[40:]], input=json.dumps(dict(valid_config, seed="x")), capture_output=True,
        text=True, check=False)
    assert done.returncode == 1, done.stderr
    assert done.stdout.splitlines()[40] == "<stdin>:1:123: seed: expected integer, got string 'x'"


@pytest.mark.parametrize("jobs", ["0", "-1", "257", "1e3", "99999999999999999999999", ""])
def test_odd_job_counts_are_usage_errors(cli, write, valid_config, jobs) -> None:
    path = write("a.nip.json", valid_config)
    run = cli("validate", "--jobs", jobs, str(path))
    assert run.code == 2
    assert "--jobs" in run.err and run.out == ""


def test_progress_on_a_real_terminal_and_none_when_piped(write, valid_config) -> None:
    import pty

    for i in range(40):
        write(f"t/{i:02d}.nip.json", valid_config)
    root = write("t/00.nip.json", valid_config).parent
    command = [sys.executable, "-m", "nip.parameters.cli", "validate", "-q", "--jobs", "2",
               str(root)]
    master, slave = pty.openpty()  # a terminal that reports no size: 80 columns are assumed
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    seen = b""
    while chunk := _read_pty(master):
        seen += chunk
    os.close(master)
    assert process.wait(timeout=120) == 0
    text = seen.decode()
    assert re.search(r"\r\x1b\[K\d+(/40)? files  [\d,]+ files/s  ", text), text
    assert text.endswith("nip-params validate: 40 files: 40 valid, 0 invalid, 0 unreadable "
                         f"{text.rsplit('unreadable ', 1)[1]}")
    piped = subprocess.run(command, capture_output=True, text=True, check=False)
    assert "files/s  " not in piped.stderr and "\r" not in piped.stderr
    assert piped.stderr.startswith("nip-params validate: 40 files: 40 valid")


def _read_pty(fd: int) -> bytes:
    try:
        return os.read(fd, 65536)
    except OSError:  # EIO: the other side is closed
        return b""


def test_a_piped_list_on_a_terminal_is_read_once(cli, write, valid_config, monkeypatch) -> None:
    # On a terminal a second pass counts the files for the ETA: never over a pipe it would drain.
    from nip.parameters.cli import _progress

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    counted = []
    real = _progress.RateProgress.count_in_background
    monkeypatch.setattr(_progress.RateProgress, "count_in_background",
                        lambda self, count: (counted.append(1), real(self, count)))
    names = [str(write(f"p/{i:02d}.nip.json", valid_config)) for i in range(40)]
    listing = write("list.txt", "\n".join(names) + "\n")
    assert cli("validate", "-q", "--files-from", str(listing)).code == 0
    assert counted == [1]  # a regular file can be read twice
    read, write_end = os.pipe()
    os.write(write_end, listing.read_bytes())
    os.close(write_end)
    try:
        run = cli("validate", "-q", "--format", "jsonl", "--files-from", f"/dev/fd/{read}")
    finally:
        os.close(read)
    assert counted == [1]  # not counted: the pipe is read once, by the run
    assert json.loads(run.out.splitlines()[-1])["summary"]["files"] == 40
