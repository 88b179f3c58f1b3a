"""Every command that reads a file, given the special files an attacker or a slip gives it
(SECURITY.md, "Every command against every hostile input": the special-files and terminal-text
columns): `/dev/zero`, a FIFO with no writer, a directory, a dangling link, a link loop and a
missing file whose name holds terminal escapes. Each is an unreadable input (exit 2) with a message
that names the file escaped; none hangs, none is an internal error, and nothing is written.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from robust_support import count, time_limit

from nip.parameters.cli import main

ROOT = Path(__file__).resolve().parents[2]
BASE = ROOT / "examples" / "sweeps" / "ppo_gi_base.yaml"

# command -> argv with FILE in the place of the input under test
COMMANDS = {
    "validate": ["validate", "FILE"],
    "get": ["get", "FILE", "seed"],
    "migrate": ["migrate", "FILE"],
    "migrate --in-place": ["migrate", "--in-place", "FILE"],
    "compose": ["compose", "FILE", "seed=1"],
    "diff": ["diff", "FILE", str(BASE)],
    "sweep": ["sweep", "FILE", "--dry-run"],
    "sweep --check": ["sweep", "--check", "FILE"],
}


def _inputs(folder: Path) -> dict[str, str]:
    fifo = folder / "fifo.yaml"
    os.mkfifo(fifo)
    (folder / "a-directory.yaml").mkdir()
    os.symlink("nowhere.yaml", folder / "dangling.yaml")
    os.symlink("loop-b.yaml", folder / "loop-a.yaml")
    os.symlink("loop-a.yaml", folder / "loop-b.yaml")
    return {"/dev/zero": "/dev/zero", "fifo": str(fifo), "directory": str(folder / "a-directory.yaml"),
            "dangling link": str(folder / "dangling.yaml"), "link loop": str(folder / "loop-a.yaml"),
            "escapes in the name": str(folder / "\x1b[2J\x1b]0;owned\x07.yaml")}


@pytest.mark.parametrize("command", list(COMMANDS))
def test_special_files_are_unreadable_inputs_for_every_command(tmp_path, capsys, command) -> None:
    shutil.copy(BASE, tmp_path / "base.yaml")
    for what, path in _inputs(tmp_path).items():
        before = sorted(p.name for p in tmp_path.iterdir())
        argv = [path if word == "FILE" else word for word in COMMANDS[command]]
        capsys.readouterr()
        with time_limit(30):
            code = main(argv)
        captured = capsys.readouterr()
        text = captured.out + captured.err
        count("special files through every command")
        assert code == 2, (command, what, text)
        assert "internal error" not in text and "\x1b" not in text and "\x07" not in text, (command, what)
        assert sorted(p.name for p in tmp_path.iterdir()) == before, (command, what)
