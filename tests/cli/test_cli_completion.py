"""Shell completion: commands, options and parameter addresses, driven the way shells drive it
(argcomplete's protocol: COMP_LINE/COMP_POINT in the environment, candidates on a file), and once
through bash itself running the script `register-python-argcomplete` prints."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from nip.parameters import HyperParameters
from nip.parameters.cli._complete import addresses

BIN = Path(sys.executable).parent
NIP_PARAMS = str(BIN / "nip-params")
BASE = "scenario: graph_isomorphism\ntrainer: vanilla_ppo\ndataset: eru10000\nagents:\n  judge: {}\n"


def complete(line: str, tmp_path: Path, shell: str = "bash") -> list[str]:
    """The candidates `nip-params` offers for `line` (the cursor at its end), as `shell` asks."""
    out = tmp_path / "candidates"
    env = {**os.environ, "_ARGCOMPLETE": "1", "_ARGCOMPLETE_SHELL": shell, "COMP_LINE": line,
           "COMP_POINT": str(len(line)), "_ARGCOMPLETE_SUPPRESS_SPACE": "1",
           "_ARGCOMPLETE_STDOUT_FILENAME": str(out)}
    if shell == "fish":  # what the script of `register-python-argcomplete --shell fish` sets
        env.update(_ARGCOMPLETE_IFS="\n", _ARGCOMPLETE_DFS="\t")
    env.pop("_ARC_DEBUG", None)
    run = subprocess.run([NIP_PARAMS], env=env, cwd=tmp_path, capture_output=True, text=True,
                         timeout=60, check=False)
    assert run.returncode == 0, run.stderr
    text = out.read_text(encoding="utf-8")
    return [word for word in text.split("\n" if shell == "fish" else "\v") if word]


@pytest.fixture
def base(tmp_path: Path) -> Path:
    (tmp_path / "base.yaml").write_text(BASE, encoding="utf-8")
    return tmp_path / "base.yaml"


def test_commands_and_options(tmp_path):
    assert {"validate", "compose", "get", "--version"} <= set(complete("nip-params ", tmp_path))
    assert complete("nip-params va", tmp_path) == ["validate"]
    assert "--format" in complete("nip-params validate --f", tmp_path)
    assert {"text", "json", "github"} <= set(complete("nip-params validate --format ", tmp_path))


def test_get_completes_addresses_one_part_at_a_time(tmp_path, base):
    assert complete(f"nip-params get {base.name} rl.l", tmp_path) == ["rl.lmbda", "rl.loss_critic_type",
                                                                        "rl.lr"]
    # agents: _default, and the names the file uses
    assert complete(f"nip-params get {base.name} agents.", tmp_path) == ["agents._default.",
                                                                        "agents.judge."]
    assert "agents.judge.d_gnn" in complete(f"nip-params get {base.name} agents.judge.d_", tmp_path)


def test_compose_completes_overrides_values_and_bases(tmp_path, base):
    assert complete("nip-params compose base.yaml rl.l", tmp_path) == ["rl.lmbda=", "rl.loss_critic_type=",
                                                                      "rl.lr="]
    assert complete("nip-params compose base.yaml trainer=v", tmp_path) == ["trainer=vanilla_ppo"]
    assert complete("nip-params compose base.yaml ~agents.", tmp_path) == ["~agents._default.",
                                                                          "~agents.judge."]
    assert "base.yaml" in complete("nip-params compose bas", tmp_path)  # a base file
    assert "base_run." in complete("nip-params compose bas", tmp_path)


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_zsh_and_fish_get_the_same_candidates(tmp_path, base, shell):
    words = complete("nip-params compose base.yaml rl.l", tmp_path, shell)
    # zsh (the same script as bash) gets `word:description`, fish `word<TAB>description`
    assert [w.rsplit(":", 1)[0] if shell == "zsh" else w.split("\t")[0] for w in words] == [
        "rl.lmbda=", "rl.loss_critic_type=", "rl.lr="]


@pytest.mark.skipif(shutil.which("bash") is None or not (BIN / "register-python-argcomplete").exists(),
                    reason="needs bash and argcomplete's script")
def test_bash_runs_the_registered_script(tmp_path, base):
    script = ('source <(register-python-argcomplete nip-params)\n'
              'COMP_LINE="nip-params compose base.yaml rl.l"; COMP_POINT=${#COMP_LINE}\n'
              'COMP_WORDS=(nip-params compose base.yaml rl.l); COMP_CWORD=3\n'
              '_python_argcomplete nip-params rl.l base.yaml\n'
              'printf "%s\\n" "${COMPREPLY[@]}"\n')
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    run = subprocess.run(["bash", "-c", script], env=env, cwd=tmp_path, capture_output=True,
                         text=True, timeout=60, check=False)
    assert run.stdout.split() == ["rl.lmbda=", "rl.loss_critic_type=", "rl.lr="], run.stderr


def test_a_plain_command_never_imports_argcomplete(tmp_path, base):
    code = ("import sys\nfrom nip.parameters.cli import main\n"
            f"status = main(['validate', {str(base)!r}])\n"
            "print(status, 'argcomplete' in sys.modules, 'nip.parameters.cli._complete' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         check=False)
    assert run.stdout.splitlines()[-1] == "0 False False", run.stdout + run.stderr


def test_every_field_of_a_real_config_is_an_address():
    config = HyperParameters(scenario="graph_isomorphism", trainer="vanilla_ppo",
                             dataset="eru10000").to_dict()
    known = set(addresses(("prover",)))

    def leaves(value, prefix=""):
        for key, sub in value.items():
            if key.startswith("_") or key == "agents_update_repr":
                continue
            if isinstance(sub, dict) and sub:
                assert f"{prefix}{key}." in known, f"{prefix}{key}."
                yield from leaves(sub, f"{prefix}{key}.")
            else:
                yield f"{prefix}{key}"

    found = list(leaves(config))
    assert len(found) > 100
    assert [a for a in found if a not in known] == []


def test_hostile_files_on_the_line_never_hang_or_leak_into_the_shell(tmp_path):
    os.mkfifo(tmp_path / "fifo.yaml")  # nobody writes: reading it would hang
    assert complete("nip-params get fifo.yaml agents.", tmp_path) == ["agents._default."]
    (tmp_path / "odd.yaml").write_text('agents:\n  "a\\u001b[31mb": {}\n  "x y": {}\n  "p.q": {}\n',
                                       encoding="utf-8")
    # a name with a control character or a dot is not offered; a space is escaped for the shell
    assert complete("nip-params get odd.yaml agents.", tmp_path) == ["agents._default.", "agents.x\\ y."]
    big = tmp_path / "big.yaml"
    big.write_text("agents:\n  huge: {}\n" + "# padding\n" * 200_000, encoding="utf-8")  # > 1 MiB
    assert complete("nip-params get big.yaml agents.", tmp_path) == ["agents._default."]
