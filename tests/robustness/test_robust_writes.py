"""What the commands write (issue 11): `migrate --in-place` keeps owner, group, mode, hard links
and comments, refuses read-only files, survives `kill -9` at every step without leaving debris;
`migrate -o DIR` never overwrites one result with another; `schema --out` never follows a link.
"""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from robust_support import KILLER, count

from nip.parameters._files import read_config
from nip.parameters.cli import main

OLD = Path(__file__).resolve().parents[2] / "examples" / "old" / "pvg_v0.1_code_validation.json"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _old(path: Path) -> Path:
    shutil.copy(OLD, path)
    return path


def _migrated(tmp_path: Path) -> bytes:
    expected = _old(tmp_path / "expected.json")
    assert main(["migrate", "--in-place", str(expected)]) == 0
    return expected.read_bytes()


def test_in_place_keeps_owner_group_and_mode(tmp_path: Path, capsys) -> None:
    path = _old(tmp_path / "secret.json")
    os.chmod(path, 0o600)
    owner = (1234, 1234) if IS_ROOT else (os.geteuid(), os.getegid())
    if IS_ROOT:  # the case: root migrates a 0600 file of uid 1234
        os.chown(path, *owner)
    assert main(["migrate", "--in-place", str(path)]) == 0
    for written in (path, tmp_path / "secret.json.bak"):
        info = written.stat()
        assert (info.st_uid, info.st_gid) == owner and stat.S_IMODE(info.st_mode) == 0o600, written
    assert read_config(path).data["_package_version"] == "1.0.0"


def test_read_only_files_are_refused_unless_forced(tmp_path: Path, capsys) -> None:
    path = _old(tmp_path / "locked.json")
    os.chmod(path, 0o444)
    original = path.read_bytes()
    capsys.readouterr()
    assert main(["migrate", "--in-place", str(path)]) == 1
    assert "read-only (mode 0444)" in capsys.readouterr().out
    assert path.read_bytes() == original and not (tmp_path / "locked.json.bak").exists()
    assert main(["migrate", "--in-place", "--force", str(path)]) == 0
    assert path.read_bytes() == _migrated(tmp_path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o444
    assert (tmp_path / "locked.json.bak").read_bytes() == original


def test_hard_links_are_refused_unless_forced_then_written_through(tmp_path: Path, capsys) -> None:
    path = _old(tmp_path / "run.json")
    other = tmp_path / "same-run.json"
    os.link(path, other)
    original = path.read_bytes()
    capsys.readouterr()
    assert main(["migrate", "--in-place", str(path)]) == 1
    assert "has 2 hard links" in capsys.readouterr().out
    assert path.read_bytes() == other.read_bytes() == original  # nothing split
    assert main(["migrate", "--in-place", "--force", str(path)]) == 0
    assert "written through its 2 hard links" in capsys.readouterr().out
    assert os.path.samefile(path, other) and other.read_bytes() == _migrated(tmp_path)
    assert (tmp_path / "run.json.bak").read_bytes() == original


def test_force_needs_in_place(tmp_path: Path, capsys) -> None:
    assert main(["migrate", "--force", "--dry-run", str(_old(tmp_path / "a.json"))]) == 2


def test_output_directory_refuses_two_inputs_with_one_name(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = _old(tmp_path / "a" / "run.json"), _old(tmp_path / "b" / "run.json")
    capsys.readouterr()
    assert main(["migrate", "-o", str(out), str(first), str(second)]) == 2
    assert "would both be written to" in capsys.readouterr().err
    assert list(out.iterdir()) == []  # refused before anything is written
    # an output that is one of the inputs: that is --in-place (with a backup), not -o
    assert main(["migrate", "-o", str(tmp_path / "a"), str(first)]) == 2
    assert "use --in-place" in capsys.readouterr().err
    assert first.read_bytes() == OLD.read_bytes()


def test_a_planted_link_in_an_output_directory_is_replaced_not_followed(tmp_path: Path, capsys) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    schemas = tmp_path / "schemas"
    schemas.mkdir()
    (schemas / "bundle.json").symlink_to(victim)
    assert main(["schema", "--out", str(schemas)]) == 0
    assert victim.read_text() == "keep me"
    assert not (schemas / "bundle.json").is_symlink() and (schemas / "bundle.json").stat().st_size > 1000
    out = tmp_path / "out"
    out.mkdir()
    (out / "run.json").symlink_to(victim)
    assert main(["migrate", "-o", str(out), str(_old(tmp_path / "run.json"))]) == 0
    assert victim.read_text() == "keep me" and not (out / "run.json").is_symlink()


COMMENTED = """\
# a 0.1 config
scenario: code_validation
trainer: pure_text_ei
dataset: lrhammond/buggy-apps
interaction_protocol: pvg
pvg_protocol:
  min_message_rounds_scheduler: constant
  # under the first key, which is removed

  # a second comment under it
  min_message_rounds: 2
  max_message_rounds: 8
debate_protocol:
  min_message_rounds: 0
  # under a kept key, above a removed one
  min_message_rounds_scheduler: constant   # on the removed key's own line: goes with it
  # under the removed last key of a group
mnip_protocol:
  min_message_rounds: 0
  min_message_rounds_scheduler: constant
  # under a removed key, above a kept one
  max_message_rounds: 8
spg:
  sos_a_param: 0.25
_package_version: "0.1.0"
"""


def test_full_line_comments_under_removed_keys_are_kept(tmp_path: Path, capsys) -> None:
    text = COMMENTED
    path = tmp_path / "commented.yaml"
    path.write_text(text)
    capsys.readouterr()
    assert main(["migrate", str(path)]) == 0
    out = capsys.readouterr().out
    kept = [line.strip() for line in text.splitlines() if line.strip().startswith("#")]
    assert len(kept) == 6
    for comment in kept:
        assert comment in out, comment
    assert "goes with it" not in out  # the removed key's own end-of-line comment
    assert "scheduler" not in out.replace("# ", "")  # the keys themselves are gone
    lines = out.splitlines()
    # each comment keeps its place: under the entry above it
    assert lines[lines.index("  # under a removed key, above a kept one") + 1] == "  max_message_rounds: 8"
    assert lines[lines.index("  # a second comment under it") + 1].startswith("  min_message_rounds:")


# ---- kill -9 at every step of an in-place migration -----------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("name", ["run.json", "run.yaml"])
def test_kill_9_at_every_step_leaves_the_old_or_new_file_and_the_next_run_cleans_up(
    tmp_path: Path, name: str
) -> None:
    source = tmp_path / "source" / name
    source.parent.mkdir()
    if name.endswith(".json"):
        _old(source)
    else:
        source.write_text("# comment\nscenario: graph_isomorphism\ntrainer: spg\ndataset: d\n"
                          "interaction_protocol: pvg\nspg:\n  sos_a_param: 0.25\n"
                          "_package_version: '0.1.0'\n")
    original = source.read_bytes()
    expected = tmp_path / "expected" / name
    expected.parent.mkdir()
    shutil.copy(source, expected)
    assert main(["migrate", "--in-place", str(expected)]) == 0
    migrated = expected.read_bytes()
    kills = debris = 0
    for step in range(1, 60):
        work = tmp_path / f"step-{step}"
        work.mkdir()
        target = work / name
        target.write_bytes(original)
        done = subprocess.run([sys.executable, "-c", KILLER, str(step), "migrate", "--in-place",
                               str(target)], capture_output=True, timeout=120, check=False)
        count("kill -9 during migrate --in-place")
        assert target.read_bytes() in (original, migrated), f"step {step}: a mix"
        backup = work / (name + ".bak")
        if backup.exists():
            assert backup.read_bytes() == original, f"step {step}: an incomplete backup"
        if done.returncode != -signal.SIGKILL:
            assert done.returncode == 0, done.stderr
            break
        kills += 1
        debris += any(p.name.endswith(".tmp") for p in work.iterdir())
        # the next run finishes the job and removes what the killed one left
        assert main(["migrate", "--in-place", str(target)]) == 0
        assert target.read_bytes() == migrated
        leftovers = sorted(p.name for p in work.iterdir() if p.name not in (name, backup.name))
        assert leftovers == [], f"step {step}: {leftovers}"
    assert kills >= 10, "fewer kill points than expected: is the injection working?"
    assert debris > 0, "no kill left a temporary file: the clean-up was not exercised"
