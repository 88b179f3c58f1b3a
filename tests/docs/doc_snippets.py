"""The code snippets of README.md and docs/, found and run as a reader would run them.

Every fenced block needs a language. Code runs; data and output do not:

- ``python``: run as a script; ``pycon``: a ``>>>`` session, checked with doctest (``...`` matches
  anything); ``sh``: run by bash with ``-e -o pipefail``; ``console``: a ``$ command`` transcript,
  each command's output (stdout and stderr, as on a terminal) compared with the lines under it
  (``...`` or ``…`` match anything); ``js``: run by node (CommonJS) in the directory
  ``nip-params schema --out`` writes, with the Node packages of tests/js; ``ts``: the same, checked
  by the pinned ``tsc --strict`` first, then its JavaScript run by node;
- ``text``, ``json``, ``jsonc``, ``yaml``, ``toml``: data, output or a usage line, never run.

A code block that only illustrates is marked in its info string: ```` ```sh illustrative ````.
Everything runs in a fresh copy of tests/docs/files/, which holds the files the snippets name.
The convention is described in tests/docs/README.md.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FILES = Path(__file__).resolve().parent / "files"
NODE_MODULES = REPO / "tests" / "js" / "node_modules"
CODE = ("python", "pycon", "sh", "console", "js", "ts")
TSC = NODE_MODULES / "typescript" / "bin" / "tsc"
#: How a `ts` snippet is compiled: strict, CommonJS out, JSON imports (the exported bundle) allowed.
TSC_OPTIONS = ("--strict", "--target", "es2022", "--lib", "es2022", "--module", "commonjs",
               "--esModuleInterop", "--resolveJsonModule", "--pretty", "false", "--outDir", "out")
DATA = ("text", "json", "jsonc", "yaml", "toml")
ILLUSTRATIVE = "illustrative"
TIMEOUT = 180

_FENCE = re.compile(r"^(?P<indent> *)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")


@dataclass(frozen=True)
class Snippet:
    path: Path  # the Markdown file
    line: int  # of the opening fence, 1-based
    language: str  # first word of the info string ("" when there is none)
    attributes: tuple[str, ...]  # the other words (e.g. "illustrative")
    text: str

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(REPO)}:{self.line}"

    @property
    def runs(self) -> bool:
        return self.language in CODE and ILLUSTRATIVE not in self.attributes


def documents() -> list[Path]:
    """README.md and every Markdown file under docs/ (generated reference pages included)."""
    return [REPO / "README.md", *sorted((REPO / "docs").rglob("*.md"))]


def snippets(path: Path) -> list[Snippet]:
    """Every fenced block of one Markdown file, with its content unindented."""
    found: list[Snippet] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        opening = _FENCE.match(lines[i])
        if not opening:
            i += 1
            continue
        indent, fence = len(opening["indent"]), opening["fence"]
        words = opening["info"].split()
        body: list[str] = []
        j = i + 1
        while j < len(lines) and not re.fullmatch(rf" *{re.escape(fence[0])}{{{len(fence)},}} *", lines[j]):
            line = lines[j]
            body.append(line[indent:] if line[:indent] == " " * indent else line.lstrip(" "))
            j += 1
        language = words[0] if words else ""
        found.append(Snippet(path, i + 1, language, tuple(words[1:]), "\n".join(body) + "\n"))
        i = j + 1
    return found


def every_snippet() -> list[Snippet]:
    return [s for path in documents() for s in snippets(path)]


_INLINE = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
_FENCED = re.compile(r"^( *)(`{3,}|~{3,}).*?^\1\2", re.DOTALL | re.MULTILINE)
_KEY = re.compile(r"[A-Za-z_][\w.\-]*: ")


def inline_data(path: Path) -> list[Snippet]:
    """Inline code that is YAML a reader may paste: a flow mapping or list (`{lr: 0.1}`,
    `[a, b]`), or one `key: value` (`wandb: {program: train.py}`). A span with two colons that end
    a key outside brackets (`nip-params: error: ...`, `FILE: ADDRESS: ...`, `nip-params: hint:`) is
    a message form, not data."""
    text = path.read_text(encoding="utf-8")
    found: list[Snippet] = []
    for fence in [None, *_FENCED.finditer(text)]:  # inline code outside the fenced blocks
        start = 0 if fence is None else fence.end()
        end = next((m.start() for m in _FENCED.finditer(text, start)), len(text))
        for match in _INLINE.finditer(text, start, end):
            span = match.group(1)
            flow = span[:1] in "{[" and span[-1:] in "}]"
            if flow or (_KEY.match(span) and len(re.findall(r":(?: |$)", _top_level(span))) == 1):
                line = text.count("\n", 0, match.start()) + 1
                found.append(Snippet(path, line, "yaml", ("inline",), span + "\n"))
    return found


def _top_level(span: str) -> str:
    """`span` without what is inside brackets and quotes."""
    out, depth, quote = [], 0, ""
    for char in span:
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
        elif depth == 0:
            out.append(char)
    return "".join(out)


def _environment() -> dict[str, str]:
    env = dict(os.environ, PYTHONUNBUFFERED="1", NODE_PATH=str(NODE_MODULES))
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env.pop("NIP_PARAMS_TRACEBACK", None)
    return env


def _run(command: list[str], cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, env=_environment(), input=stdin, capture_output=True,
                          text=True, timeout=TIMEOUT)


def _failed(snippet: Snippet, run: subprocess.CompletedProcess[str]) -> str:
    return (f"{snippet.where} ({snippet.language}) exited with {run.returncode}\n--- snippet\n"
            f"{snippet.text}--- stdout\n{run.stdout}--- stderr\n{run.stderr}")


def run_snippet(snippet: Snippet, workdir: Path) -> str | None:
    """Run one code snippet in `workdir`; None when it did what it shows, else what went wrong."""
    shutil.copytree(FILES, workdir, dirs_exist_ok=True)
    if snippet.language == "python":
        (workdir / "snippet.py").write_text(snippet.text, encoding="utf-8")
        run = _run([sys.executable, "snippet.py"], workdir)
    elif snippet.language == "pycon":
        (workdir / "snippet.txt").write_text(snippet.text, encoding="utf-8")
        run = _run([sys.executable, "-m", "doctest", "-o", "ELLIPSIS", "snippet.txt"], workdir)
    elif snippet.language == "sh":
        run = _run(["bash", "-e", "-o", "pipefail", "-s"], workdir, stdin=snippet.text)
    elif snippet.language == "js":
        return _run_js(snippet, workdir)
    elif snippet.language == "ts":
        return _run_ts(snippet, workdir)
    elif snippet.language == "console":
        return _run_transcript(snippet, workdir)
    else:
        raise ValueError(f"{snippet.where}: {snippet.language!r} is not code")
    return None if run.returncode == 0 else _failed(snippet, run)


def _run_js(snippet: Snippet, workdir: Path) -> str | None:
    assert NODE_MODULES.is_dir(), "tests/js/node_modules is missing: `make test` installs it"
    export = _run([sys.executable, "-m", "nip.parameters.cli", "schema", "--out", "."], workdir)
    assert export.returncode == 0, export.stderr
    (workdir / "snippet.cjs").write_text(snippet.text, encoding="utf-8")
    run = _run(["node", "snippet.cjs"], workdir)
    return None if run.returncode == 0 else _failed(snippet, run)


def _run_ts(snippet: Snippet, workdir: Path) -> str | None:
    """As a TypeScript user runs it: beside the exported bundle and its `bundle.d.ts`, with the
    packages installed next to it (tsc finds their types in ./node_modules)."""
    assert TSC.is_file(), "tests/js/node_modules is missing: `make test` installs it"
    export = _run([sys.executable, "-m", "nip.parameters.cli", "schema", "--out", "."], workdir)
    assert export.returncode == 0, export.stderr
    (workdir / "node_modules").symlink_to(NODE_MODULES, target_is_directory=True)
    (workdir / "snippet.ts").write_text(snippet.text, encoding="utf-8")
    compiled = _run(["node", str(TSC), *TSC_OPTIONS, "snippet.ts"], workdir)
    if compiled.returncode != 0:
        return _failed(snippet, compiled)
    run = _run(["node", "out/snippet.js"], workdir)
    return None if run.returncode == 0 else _failed(snippet, run)


def transcript(text: str) -> list[tuple[str, str]]:
    """`$ command` lines (a trailing backslash continues one) and the output shown under each."""
    steps: list[tuple[str, list[str]]] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("$ "):
            command = line[2:]
            while command.endswith("\\") and i + 1 < len(lines):
                i += 1
                command += "\n" + lines[i]
            steps.append((command, []))
        elif steps:
            steps[-1][1].append(line)
        elif line.strip():
            raise ValueError(f"transcript starts with {line!r}, not with a `$ command`")
        i += 1
    return [(command, "\n".join(output)) for command, output in steps]


def matches(expected: str, actual: str) -> bool:
    """Line ends and trailing blank lines aside, equal, with `...` and `…` matching any text."""
    def norm(text: str) -> str:
        return "\n".join(line.rstrip() for line in text.strip("\n").splitlines())

    pattern = ".*?".join(re.escape(part) for part in re.split(r"\.\.\.|…", norm(expected)))
    return re.fullmatch(pattern, norm(actual), flags=re.DOTALL) is not None


def _run_transcript(snippet: Snippet, workdir: Path) -> str | None:
    """All commands in one bash, in order: `$?` is the previous command's status, as typed."""
    steps = transcript(snippet.text)
    mark = "\x1enip-doc-step\x1e"
    script = ["status=0"]
    for command, _ in steps:
        script += [f"printf '%s\\n' '{mark}'", '(exit "$status")', "{ " + command, "} 2>&1; status=$?"]
    run = _run(["bash", "-s"], workdir, stdin="\n".join(script) + "\n")
    outputs = run.stdout.split(mark + "\n")[1:]
    if len(outputs) != len(steps):
        return _failed(snippet, run)
    wrong = [f"$ {command}\n--- shown\n{shown}\n--- got\n{got}"
             for (command, shown), got in zip(steps, outputs, strict=True) if not matches(shown, got)]
    return f"{snippet.where}: output differs\n" + "\n".join(wrong) if wrong else None
