"""Every code snippet in README.md and docs/ runs as written (the convention: doc_snippets.py)."""

from __future__ import annotations

import json

import pytest
from doc_snippets import (
    CODE,
    DATA,
    ILLUSTRATIVE,
    Snippet,
    documents,
    every_snippet,
    inline_data,
    matches,
    run_snippet,
    transcript,
)

from nip.parameters._files.yaml_loader import load_yaml

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


DATA_SNIPPETS = [s for s in SNIPPETS if s.language in ("yaml", "json")]
DATA_SNIPPETS += [s for path in documents() for s in inline_data(path)]


@pytest.mark.parametrize("snippet", DATA_SNIPPETS, ids=[f"{s.where}-{s.language}" for s in DATA_SNIPPETS])
def test_data_snippet_parses_as_pasted(snippet):
    """Every YAML and JSON snippet, fenced or inline, parses as a reader who pastes it would: YAML
    by the reader every command uses (YAML 1.2, as editors read it), JSON by the json module."""
    try:
        if snippet.language == "json":
            json.loads(snippet.text)
        else:
            load_yaml(snippet.text, max_depth=200, max_values=100_000, max_aliases=1_000,
                      max_bytes=1 << 24)
    except Exception as error:  # the failure under test, with where and why
        pytest.fail(f"{snippet.where}: {snippet.text.strip()!r} does not parse: {error}")


def test_inline_data_is_found_and_message_forms_are_not(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("Give `wandb: {program: a.py}` or `[1, 2]`; errors read `nip-params: error: x` or `nip-params: hint:`.\n"
                    "```yaml\nnot: `inline`\n```\n", encoding="utf-8")
    assert [s.text for s in inline_data(page)] == ["wandb: {program: a.py}\n", "[1, 2]\n"]
