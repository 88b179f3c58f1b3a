"""`make bench`, section "lines": what the line:column of each problem costs.

Positions are worked out only for a file with problems (a valid file pays nothing), by a second
walk of the text. The table gives, for the full config written as JSON, YAML and TOML with one
wrong value, and for issue 11's kind of file with 10,000 faulty agents (JSON and YAML), the time
of reading and checking the file (`check_file` without positions) next to the time of finding
every problem's position in it.

    .venv/bin/python benchmarks/_lines.py            # this section alone
"""

from __future__ import annotations

import copy
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

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


if __name__ == "__main__":
    print(run(4.0, 0.05, lambda message: print(message, file=sys.stderr)))
