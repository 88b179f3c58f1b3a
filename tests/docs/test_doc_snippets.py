"""Every code snippet in README.md and docs/ runs as written (the convention: doc_snippets.py)."""

from __future__ import annotations

import pytest
from doc_snippets import (
    CODE,
    DATA,
    ILLUSTRATIVE,
    Snippet,
    documents,
    every_snippet,
    matches,
    run_snippet,
    transcript,
)

pytestmark = pytest.mark.slow  # each snippet runs in its own process

SNIPPETS = every_snippet()
RUNNABLE = [s for s in SNIPPETS if s.runs]


def test_every_block_says_what_it_is():
    """A block without a known language would be silently left out; `illustrative` marks code."""
    unlabelled = [f"{s.where}: {s.language or '(no language)'}" for s in SNIPPETS
                  if s.language not in CODE + DATA]
    assert unlabelled == [], f"label each block with one of {CODE + DATA} (see tests/docs/README.md)"
    misplaced = [s.where for s in SNIPPETS if ILLUSTRATIVE in s.attributes and s.language not in CODE]
    assert misplaced == [], "only code can be marked illustrative; data is never run"
    assert RUNNABLE, "no runnable snippet found: is the parser broken?"


@pytest.mark.parametrize("snippet", RUNNABLE, ids=[f"{s.where}-{s.language}" for s in RUNNABLE])
def test_snippet_runs_as_written(snippet, tmp_path):
    problem = run_snippet(snippet, tmp_path)
    assert problem is None, problem


def test_the_runner_catches_what_it_must(tmp_path):
    """The runner itself can fail: a wrong output, a failing command, a failing script, a type error."""
    steps = transcript("$ echo one \\\n  two\none two\n$ false\n$ echo $?\n1\n")
    assert steps == [("echo one \\\n  two", "one two"), ("false", ""), ("echo $?", "1")]
    assert matches("a ... c", "a b\nb c") and not matches("a c", "a b c")
    assert matches("/…/x.json", "/usr/lib/x.json")
    readme = documents()[0]
    bad = [Snippet(readme, 1, "console", (), "$ echo yes\nno\n"),
           Snippet(readme, 1, "sh", (), "true\nfalse\ntrue\n"),
           Snippet(readme, 1, "python", (), "raise SystemExit(3)\n"),
           Snippet(readme, 1, "pycon", (), ">>> 1 + 1\n3\n"),
           # a type error stops a TypeScript snippet before it runs; so does a failing run
           Snippet(readme, 1, "ts", (), 'import type { NipConfig } from "./bundle";\n'
                   'const c: NipConfig = { scenario: "graph_isomorphism", trainer: "vanilla_ppo", '
                   'dataset: "d", seed: "3" };\nexport default c;\n'),
           Snippet(readme, 1, "ts", (), 'throw new Error("ran");\n')]
    for i, snippet in enumerate(bad):
        assert run_snippet(snippet, tmp_path / str(i)) is not None, snippet
