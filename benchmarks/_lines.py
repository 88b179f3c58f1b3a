"""`make bench`, section "lines": what the line:column of each problem costs, and how fast shell
completion answers.

Positions are worked out only for a file with problems (a valid file pays nothing), by a second
walk of the text. The table gives, for the full config written as JSON, YAML and TOML with one
wrong value, and for issue 11's kind of file with 10,000 faulty agents (JSON and YAML), the time
of reading and checking the file (`check_file` without positions) next to the time of finding
every problem's position in it.

Completion: the wall time of a `nip-params` process answering a shell's completion request (as
bash asks: COMP_LINE and friends in the environment), the fastest of several runs, next to
`nip-params --version` and `python -c pass` in the same run.

    .venv/bin/python benchmarks/_lines.py            # this section alone
"""

from __future__ import annotations

import copy
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _process
from _configs import full_config
from _harness import fmt_time, time_group
from _scaling import with_faults

from nip.parameters._files import dump_config, read_config
from nip.parameters._files.locate import locator, problem_position
from nip.parameters._validation import iter_errors

TOML_HEAD = 'scenario = "graph_isomorphism"\ntrainer = "vanilla_ppo"\ndataset = "eru10000"\n'


def _cases(folder: Path) -> list[tuple[str, Path]]:
    one = copy.deepcopy(full_config().data)
    one["agents"]["prover"]["d_gnn"] = "sixteen"
    many = with_faults(10_000, "type")
    cases = []
    for label, data, fmt in (("full config, 1 fault", one, "json"), ("full config, 1 fault", one, "yaml"),
                             ("10,000 faults", many, "json"), ("10,000 faults", many, "yaml")):
        path = folder / f"{label.split(',')[0].replace(' ', '_')}_{len(cases)}.{fmt}"
        path.write_text(dump_config(data, fmt), encoding="utf-8")
        cases.append((f"{label} ({fmt.upper()})", path))
    toml = folder / "one.toml"  # TOML has no writer here: the agent as a table
    toml.write_text(TOML_HEAD + '[agents.prover]\nd_gnn = "sixteen"\nnum_gnn_layers = 2\n', encoding="utf-8")
    cases.append(("small config, 1 fault (TOML)", toml))
    return cases


def run(budget: float, sample_seconds: float, log: Callable[[str], None]) -> str:
    rows = [["file", "read + check", "+ positions of every problem", "share"]]
    with tempfile.TemporaryDirectory(prefix="nip-bench-lines-") as tmp:
        for label, path in _cases(Path(tmp)):
            log(f"lines: {label}")
            loaded = read_config(path)
            problems = list(iter_errors(loaded.data))

            def check(path: Path = path) -> object:
                return list(iter_errors(read_config(path).data))

            def place(loaded=loaded, problems=problems) -> object:  # type: ignore[no-untyped-def]
                where = locator(loaded.text, loaded.format)
                return [problem_position(where, p) for p in problems]

            times = time_group({"check": check, "place": place}, budget=budget,
                               sample_seconds=sample_seconds)
            base, extra = times["check"].median, times["place"].median
            rows.append([label, fmt_time(base), fmt_time(extra), f"{extra / base:.2f}x"])
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows)


def completion(repeats: int, log: Callable[[str], None]) -> str:
    """Fastest wall time of a completion request, per kind, with `--version` and bare Python."""
    nip_params = str(Path(sys.executable).parent / "nip-params")
    with tempfile.TemporaryDirectory(prefix="nip-bench-complete-") as tmp:
        folder = Path(tmp)
        (folder / "base.yaml").write_text(TOML_HEAD.replace(" = ", ": "), encoding="utf-8")
        asks = {"a command (nip-params va)": "nip-params va",
                "an option (validate --f)": "nip-params validate --f",
                "an address (get base.yaml agents.prover.d_)": "nip-params get base.yaml agents.prover.d_",
                "an override (compose base.yaml rl.l)": "nip-params compose base.yaml rl.l"}
        rows = [["request", "fastest of runs"]]
        commands = {"python -c pass": [sys.executable, "-c", "pass"],
                    "nip-params --version": [nip_params, "--version"]}
        times = _process.startup(commands, repeats)
        for label, line in asks.items():
            log(f"completion: {label}")
            env = {**_process.ENV, "_ARGCOMPLETE": "1", "_ARGCOMPLETE_SHELL": "bash",
                   "COMP_LINE": line, "COMP_POINT": str(len(line)),
                   "_ARGCOMPLETE_STDOUT_FILENAME": os.devnull}
            times[label] = [_process.run([nip_params], cwd=folder, env=env).seconds
                            for _ in range(repeats)]
        rows += [[label, fmt_time(min(seconds))] for label, seconds in times.items()]
    widths = [max(len(r[i]) for r in rows) for i in range(2)]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows)


if __name__ == "__main__":
    def say(message: str) -> None:
        print(message, file=sys.stderr)

    print(run(4.0, 0.05, say))
    print()
    with tempfile.TemporaryDirectory(prefix="nip-bench-pycache-") as cache:
        _process.use_pycache(Path(cache))  # byte code kept, as an installed package has it
        print(completion(10, say))
