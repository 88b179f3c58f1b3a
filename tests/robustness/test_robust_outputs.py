"""Every write goes through one output layer (issue 17, items 1, 3, 4, 5 and 18; issue 21 item 5).

`sweep`, `compose -o`, `migrate -o`, `schema --out` and `to_file`: a path mistake is a usage error
(exit 2, a message naming the path), never an internal error; an overwritten file keeps its mode;
an output that is also an input is refused; temporary files stay beside their target;
`sweep --force` touches only files an earlier sweep wrote; two sweeps racing into one new
directory leave one complete directory and a usage error; a killed sweep leaves nothing the next
run does not clean up; `sweep --dry-run` escapes what it prints.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from robust_support import KILLER, count, run_together, time_limit

from nip.parameters import HyperParameters
from nip.parameters.cli import main
from nip.parameters.errors import ConfigFileError

ROOT = Path(__file__).resolve().parents[2]
BASE = ROOT / "examples" / "sweeps" / "ppo_gi_base.yaml"
OLD = ROOT / "examples" / "old" / "pvg_v0.1_code_validation.json"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(list(argv))
    return code, capsys.readouterr().err


def _spec(folder: Path, name: str = "spec.yaml", seeds: tuple[int, ...] = (1, 2)) -> Path:
    shutil.copy(BASE, folder / "base.yaml")
    spec = folder / name
    body = {"base": "base.yaml", "grid": {"seed": list(seeds)}, "name": "s{seed}"}
    spec.write_text(json.dumps(body) if name.endswith(".json") else
                    f"base: base.yaml\ngrid:\n  seed: {list(seeds)}\nname: 's{{seed}}'\n")
    return spec


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# ---- item 1: sweep --force touches only what an earlier sweep wrote -------------------------------
def test_force_never_overwrites_a_spec_named_like_the_index_nor_deletes_the_base(tmp_path, capsys) -> None:
    exp = tmp_path / "exp"
    exp.mkdir()
    spec = _spec(exp, "sweep.json")
    (exp / "s1.nip.json").write_text("{}")  # a stem of the spec's keys would have gone, too
    before = {p.name: p.read_bytes() for p in exp.iterdir()}
    code, err = _run(capsys, "sweep", str(spec), "-o", str(exp), "--force")
    assert code == 2 and "sweep.json that nip-params sweep did not write" in err
    assert {p.name: p.read_bytes() for p in exp.iterdir()} == before


def test_force_replaces_only_configs_its_index_lists(tmp_path, capsys) -> None:
    spec = _spec(tmp_path)
    out = tmp_path / "out"
    assert _run(capsys, "sweep", str(spec), "-o", str(out))[0] == 0
    mine = out / "mine.nip.json"
    mine.write_text('{"keep": 1}')
    index = json.loads((out / "sweep.json").read_text())
    assert set(index["configs"]) == {"s1.nip.json", "s2.nip.json"}
    # an index edited to claim a path outside the directory or a file not named as configs are:
    # never deleted (a config name it lists is trusted: the index is the record of what was written)
    index["configs"].update({"../spec.yaml": {}, "../base.yaml": {}, "base.yaml": {}, ".x.nip.json": {},
                             "adir.nip.json": {}})
    (out / "base.yaml").write_text("mine")
    (out / "adir.nip.json").mkdir()  # a directory is never removed
    (out / "sweep.json").write_text(json.dumps({**index, "written_by": "nip-params sweep"}))
    other = _spec(tmp_path, "other.yaml", seeds=(3,))
    assert _run(capsys, "sweep", str(other), "-o", str(out), "--force")[0] == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "adir.nip.json", "base.yaml", "mine.nip.json", "s3.nip.json", "sweep.json"]
    assert mine.read_text() == '{"keep": 1}' and spec.exists() and (tmp_path / "base.yaml").exists()
    # a file of a config's name that no index lists is not replaced
    (out / "s4.nip.json").write_text("mine too")
    code, err = _run(capsys, "sweep", str(_spec(tmp_path, "four.yaml", (4,))), "-o", str(out), "--force")
    assert code == 2 and "s4.nip.json, which no earlier sweep" in err
    assert (out / "s4.nip.json").read_text() == "mine too"


@pytest.mark.parametrize("index", ["fifo", "/dev/zero", "huge", "deep", "directory"])
def test_force_reads_an_earlier_index_within_limits(tmp_path, capsys, index) -> None:
    spec = _spec(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    path = out / "sweep.json"
    if index == "fifo":
        os.mkfifo(path)
    elif index == "/dev/zero":
        path.symlink_to("/dev/zero")
    elif index == "huge":  # an index of ours, padded past the reader's 8 MiB
        path.write_text(json.dumps({"written_by": "nip-params sweep", "configs": {},
                                    "pad": "x" * (8 * 1024 * 1024)}))
    elif index == "deep":
        path.write_text("[" * 100_000 + "]" * 100_000)
    else:
        path.mkdir()
    with time_limit(30):
        code, err = _run(capsys, "sweep", str(spec), "-o", str(out), "--force")
    assert code == 2 and "did not write" in err and "internal error" not in err
    assert [p.name for p in out.iterdir()] == ["sweep.json"]


def test_an_output_that_is_an_input_is_refused(tmp_path, capsys) -> None:
    spec = _spec(tmp_path)
    base = tmp_path / "base.yaml"
    before = base.read_bytes()
    code, err = _run(capsys, "compose", str(base), "seed=3", "-o", str(base))
    assert code == 2 and "is an input" in err and base.read_bytes() == before
    from nip.parameters._validation import schemas

    installed = schemas.schema_dir(schemas.CURRENT_VERSION)
    before = {p.name: p.read_bytes() for p in installed.iterdir() if p.is_file()}
    code, err = _run(capsys, "schema", "--out", str(installed))
    assert code == 2 and "is an input" in err
    assert {p.name: p.read_bytes() for p in installed.iterdir() if p.is_file()} == before
    wandb = tmp_path / "spec.yaml"
    code, err = _run(capsys, "sweep", str(spec), "--format", "wandb", "-o", str(wandb))
    assert code == 2 and "is an input" in err and wandb.exists()
    assert "grid:" in wandb.read_text()


# ---- issue 21 item 5: the configs, and only they, match the globs that pick up configs -------------
@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_sweep_configs_match_the_catalog_and_pre_commit_patterns_and_the_index_does_not(
        tmp_path, capsys, fmt) -> None:
    import re

    import yaml

    out = tmp_path / "runs"
    assert _run(capsys, "sweep", str(_spec(tmp_path, seeds=(1, 2, 3))), "-o", str(out), "--format", fmt)[0] == 0
    names = sorted(p.name for p in out.iterdir())
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())[0]["files"]
    catalog = json.loads((ROOT / "schema" / "catalog.json").read_text())["fileMatch"]
    import fnmatch

    by_hook = [n for n in names if re.search(hook, n)]
    by_catalog = [n for n in names if any(fnmatch.fnmatch(n, pattern) for pattern in catalog)]
    by_glob = sorted(p.name for p in out.glob(f"*.nip.{fmt}"))
    assert by_hook == by_catalog == by_glob == [f"s{i}.nip.{fmt}" for i in (1, 2, 3)]
    assert "sweep.json" in names
    assert _run(capsys, "validate", "-q", *(str(out / n) for n in by_glob))[0] == 0


def test_every_writer_goes_through_the_output_layer() -> None:
    """Only the output layer (and the in-place rewrite beside it) calls the atomic writer, and no
    module writes a file some other way."""
    package = ROOT / "src" / "nip" / "parameters"
    allowed = {package / "_files" / "disk.py", package / "_files" / "output.py"}
    other_writes = ("write_new(", "write_text(", "write_bytes(", 'open(', "os.replace(", "os.rename(")
    for path in package.rglob("*.py"):
        if path in allowed or "_schemas" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        for call in other_writes:
            for line in (line for line in text.splitlines() if call in line):
                assert call == "open(" and not any(mode in line for mode in ('"w', "'w", '"a', "'a", '"x', "+")), (
                    f"{path.relative_to(ROOT)} writes outside the output layer: {line.strip()}")


# ---- item 3: path mistakes are usage errors; temporary files beside their target ----------------
def test_path_mistakes_of_every_writer_are_usage_errors(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    spec = _spec(tmp_path)
    (tmp_path / "empty").mkdir()
    os.symlink("empty", "to-empty")
    os.symlink("nowhere", "dangling")
    os.mkfifo("fifo")
    listener = socket.socket(socket.AF_UNIX)
    listener.bind("socket")
    long_name = "a" * 300 + ".json"
    cases = [
        (["sweep", str(spec), "-o", "dangling"], "does not exist"),
        (["compose", str(BASE), "-o", "missing_dir/x.json"], "does not exist"),
        (["compose", str(BASE), "-o", "."], "is a directory"),
        (["compose", str(BASE), "-o", "to-empty"], "is a directory"),
        (["compose", str(BASE), "-o", long_name], "at most 255"),
        (["sweep", str(spec), "-o", long_name], "at most 255"),
        (["migrate", str(OLD), "-o", "missing_dir/x.json"], "does not exist"),
        (["sweep", str(spec), "--format", "wandb", "-o", "missing_dir/w.yaml"], "does not exist"),
        (["schema", "--out", "dangling"], "does not exist"),
        (["schema", "--out", str(spec)], "not a directory"),
        (["compose", str(BASE), "-o", "\x1b[2J\x1b]0;x\x07/x.json"], "does not exist"),
        # a socket and a FIFO stand for devices: a regression must not replace the real /dev/null
        (["compose", str(BASE), "-o", "socket"], "not a file"),
        (["compose", str(BASE), "-o", "fifo"], "not a file"),
        (["migrate", str(OLD), "-o", "socket"], "not a file"),
    ]
    for argv, says in cases:
        capsys.readouterr()
        code = main(argv)
        captured = capsys.readouterr()
        count("output path mistakes")
        assert code == 2, (argv, captured.err)
        assert says in captured.err + captured.out and "internal error" not in captured.err, argv
        assert "\x1b" not in captured.err + captured.out, argv  # a path is shown escaped
    listener.close()
    assert stat.S_ISSOCK(os.lstat("socket").st_mode) and stat.S_ISFIFO(os.lstat("fifo").st_mode)
    # a link to an empty directory is a directory: the sweep goes into it
    assert _run(capsys, "sweep", str(spec), "-o", "to-empty")[0] == 0
    assert sorted(p.name for p in (tmp_path / "empty").iterdir()) == ["s1.nip.json", "s2.nip.json", "sweep.json"]
    with pytest.raises(ConfigFileError, match="at most 255"):
        HyperParameters.from_file(BASE).to_file(tmp_path / long_name)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_long_name_that_fits_is_written_with_a_short_enough_temporary_name(tmp_path, capsys) -> None:
    name = tmp_path / ("b" * 245 + ".json")  # 250 bytes: a temporary name of it + 55 would not fit
    assert _run(capsys, "compose", str(BASE), "-o", str(name))[0] == 0
    assert json.loads(name.read_text())["_package_version"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [name.name]


def test_a_directory_as_compose_output_puts_nothing_in_its_parent(tmp_path, capsys) -> None:
    target = tmp_path / "dir"
    target.mkdir()
    code, err = _run(capsys, "compose", str(BASE), "-o", str(target))
    assert code == 2 and "is a directory" in err
    assert [p.name for p in tmp_path.iterdir()] == ["dir"] and list(target.iterdir()) == []


def test_the_losing_sweep_of_two_into_one_new_directory_is_a_usage_error(tmp_path, capsys, monkeypatch) -> None:
    spec = _spec(tmp_path)
    out = tmp_path / "out"
    real = tempfile.mkdtemp

    def other_run_wins(*args, **kwargs):  # the other run renames its directory into place first
        staging = real(*args, **kwargs)
        out.mkdir()
        (out / "sweep.json").write_text("{}")
        return staging

    monkeypatch.setattr(tempfile, "mkdtemp", other_run_wins)
    code, err = _run(capsys, "sweep", str(spec), "-o", str(out))
    assert code == 2 and "another run wrote it meanwhile" in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["base.yaml", "out", "spec.yaml"]


@pytest.mark.slow  # 8 processes
def test_sweeps_racing_into_one_new_directory_leave_one_whole_directory(tmp_path) -> None:
    spec = _spec(tmp_path, seeds=tuple(range(8)))
    for attempt in range(4):
        out = tmp_path / f"out{attempt}"
        read, write = os.pipe()
        children = []
        for _ in range(2):
            pid = os.fork()
            if pid == 0:  # pragma: no cover - the child
                os.close(write)
                os.read(read, 1)  # both start together
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, 1)
                os.dup2(devnull, 2)
                os._exit(main(["sweep", str(spec), "-o", str(out)]))
            children.append(pid)
        os.close(read)
        os.write(write, b"go")
        os.close(write)
        codes = sorted(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in children)
        count("sweeps racing into one directory")
        assert codes in ([0, 2], [0, 0]), codes  # [0, 0]: the second started after the first ended?
        assert len(list(out.glob("*.nip.json"))) == 8 and (out / "sweep.json").is_file()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


@pytest.mark.slow  # 8 processes
def test_concurrent_writers_of_one_file_leave_one_whole_file(tmp_path) -> None:
    out = tmp_path / "run.json"
    argvs = [["compose", str(BASE), f"seed={seed}", "-o", str(out)] for seed in range(8)]
    assert run_together(argvs) == [0] * 8
    assert json.loads(out.read_text())["seed"] in range(8)  # one run's whole file
    assert [p.name for p in tmp_path.iterdir()] == ["run.json"]  # no temporary file left


# ---- item 4: an overwritten file keeps its mode, for every writer ------------------------------
def test_every_writer_keeps_the_mode_of_the_file_it_replaces(tmp_path, capsys) -> None:
    composed = tmp_path / "run.json"
    composed.write_text("{}")
    os.chmod(composed, 0o600)
    assert _run(capsys, "compose", str(BASE), "seed=5", "-o", str(composed))[0] == 0
    assert _mode(composed) == 0o600 and json.loads(composed.read_text())["seed"] == 5
    schemas = tmp_path / "schemas"
    assert _run(capsys, "schema", "--out", str(schemas))[0] == 0
    os.chmod(schemas / "bundle.json", 0o600)
    assert _run(capsys, "schema", "--out", str(schemas))[0] == 0
    assert _mode(schemas / "bundle.json") == 0o600
    migrated = tmp_path / "new.json"
    migrated.write_text("{}")
    os.chmod(migrated, 0o640)
    assert _run(capsys, "migrate", str(OLD), "-o", str(migrated))[0] == 0
    assert _mode(migrated) == 0o640
    saved = tmp_path / "saved.yaml"
    saved.write_text("x: 1\n")
    os.chmod(saved, 0o600)
    HyperParameters.from_file(BASE).to_file(saved)
    assert _mode(saved) == 0o600
    out = tmp_path / "out"
    spec = _spec(tmp_path)
    assert _run(capsys, "sweep", str(spec), "-o", str(out))[0] == 0
    config = next(out.glob("s1.*"))
    os.chmod(config, 0o600)
    assert _run(capsys, "sweep", str(spec), "-o", str(out), "--force")[0] == 0
    assert _mode(next(out.glob("s1.*"))) == 0o600


def test_a_new_sweep_directory_gets_the_mode_mkdir_gives(tmp_path, capsys) -> None:
    spec = _spec(tmp_path)
    old = os.umask(0o022)
    try:
        assert _run(capsys, "sweep", str(spec), "-o", str(tmp_path / "new"))[0] == 0
    finally:
        os.umask(old)
    assert _mode(tmp_path / "new") == 0o755 and _mode(tmp_path / "new" / "s1.nip.json") == 0o644
    empty = tmp_path / "kept"
    empty.mkdir(mode=0o750)
    os.chmod(empty, 0o750)
    assert _run(capsys, "sweep", str(spec), "-o", str(empty))[0] == 0
    assert _mode(empty) == 0o750


# ---- item 5: a killed sweep's staging directory; the default directory --------------------------
def _host() -> str:
    return hashlib.sha256(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:8]


def test_the_next_run_removes_a_killed_sweeps_staging_directory(tmp_path, capsys) -> None:
    spec = _spec(tmp_path)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    staging = tmp_path / f".out.nip-params-{_host()}-{dead}-abc123.tmp"
    staging.mkdir()
    (staging / "s1.nip.json").write_text("{}")
    alive = tmp_path / f".out.nip-params-{_host()}-{os.getppid()}-abc123.tmp"  # a running process's
    alive.mkdir()
    assert _run(capsys, "sweep", str(spec), "-o", str(tmp_path / "out"))[0] == 0
    assert not staging.exists() and alive.exists()


@pytest.mark.parametrize("name", ["...yaml", ".yaml"])
def test_the_default_directory_is_never_dot_dot_or_hidden(tmp_path, capsys, monkeypatch, name) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    spec = _spec(work, name)
    before = sorted(p.name for p in tmp_path.iterdir())
    code, err = _run(capsys, "sweep", str(spec.name), "--force")
    assert code == 2 and "give -o DIR" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert sorted(p.name for p in work.iterdir()) == sorted(["base.yaml", name])


def _files(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())} if directory.exists() else {}


@pytest.mark.slow  # a process a kill point
@pytest.mark.parametrize("force", [False, True])
def test_kill_9_at_every_step_of_a_sweep_leaves_whole_files_and_the_next_run_cleans_up(
        tmp_path, capsys, force) -> None:
    spec = _spec(tmp_path, seeds=(1, 2))
    earlier = _spec(tmp_path, "earlier.yaml", seeds=(2, 3))
    reference = tmp_path / "reference"
    assert _run(capsys, "sweep", str(spec), "-o", str(reference))[0] == 0
    new = _files(reference)
    assert _run(capsys, "sweep", str(earlier), "-o", str(tmp_path / "old-reference"))[0] == 0
    old = _files(tmp_path / "old-reference")
    kills = 0
    for step in range(1, 80):
        out = tmp_path / f"step-{step}"
        argv = ["sweep", str(spec), "-o", str(out)]
        if force:
            shutil.copytree(tmp_path / "old-reference", out)
            argv.append("--force")
        done = subprocess.run([sys.executable, "-c", KILLER, str(step), *argv],
                              capture_output=True, timeout=120, check=False)
        count("kill -9 during sweep")
        now = {n: data for n, data in _files(out).items() if not n.startswith(".")}  # not debris
        if force:  # each file old or new, never a mix, and the index claims every config there
            assert all(now[n] in (old.get(n), new.get(n)) for n in now if n != "sweep.json"), step
            claimed = json.loads(now["sweep.json"])["configs"]
            assert {n for n in now if n.endswith(".nip.json")} <= set(claimed), step
        else:  # all or nothing
            assert now in ({}, new), f"step {step}: a partial directory"
        if done.returncode != -9:
            assert done.returncode == 0, done.stderr
            break
        kills += 1
        # the next run (with --force: the killed run may have written some) finishes the job
        assert main([*argv, "--force"] if now else argv) == 0, step
        assert {n: data for n, data in _files(out).items() if not n.startswith(".")} == new, step
        leftovers = [p.name for p in [*tmp_path.iterdir(), *out.iterdir()] if p.name.startswith(".")]
        assert leftovers == [], f"step {step}: {leftovers}"
        shutil.rmtree(out)
    assert kills >= 5, "fewer kill points than expected: is the injection working?"


# ---- item 18: --dry-run escapes spec values ------------------------------------------------------
def test_dry_run_escapes_terminal_controls_in_spec_values(tmp_path, capsys) -> None:
    shutil.copy(BASE, tmp_path / "base.yaml")
    spec = tmp_path / "esc.yaml"
    spec.write_text('base: base.yaml\ngrid:\n  dataset: ["a\\e[31mred\\u202e", "b\\e]0;title\\a"]\n')
    capsys.readouterr()
    assert main(["sweep", str(spec), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out and "\a" not in out
    assert "dataset=a\\x1b[31mred\\u202e" in out and "dataset=b\\x1b]0;title\\x07" in out


def test_a_new_sweep_directory_syncs_its_own_files_before_the_rename_and_never_the_whole_system(
        tmp_path, monkeypatch) -> None:
    """Durable before visible, without `sync`: a system-wide sync waits on every other program's
    unwritten data (on a shared node, minutes)."""
    from nip.parameters._files import output

    events: list[tuple[str, str]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append(("fsync", os.readlink(f"/proc/self/fd/{fd}")))
        real_fsync(fd)

    def replace(src, dst) -> None:
        events.append(("replace", str(dst)))
        real_replace(src, dst)

    def no_sync() -> None:
        raise AssertionError("os.sync() called")

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(os, "sync", no_sync)
    files = {f"run-{i}.nip.json": f'{{"seed": {i}}}\n' for i in range(50)}
    output.write_directory(tmp_path / "runs", files, name="runs")
    renamed = events.index(("replace", str(tmp_path / "runs")))
    synced = {Path(path).name for kind, path in events[:renamed] if kind == "fsync"}
    assert set(files) <= synced
    assert sorted(p.name for p in (tmp_path / "runs").iterdir()) == sorted(files)
