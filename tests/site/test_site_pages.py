"""The generated command reference and the API page of the built site."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from site_html import REPO, soup

from nip.parameters.cli import COMMANDS

pytestmark = pytest.mark.slow  # builds the documentation site (once per session)


def test_the_command_reference_prints_each_commands_help(site: Path) -> None:
    """Each block is what `nip-params COMMAND --help` prints (so the page cannot drift)."""
    blocks = [" ".join(pre.get_text().split()) for pre in soup(site / "cli-reference.html").select("pre")]
    for command in COMMANDS:
        shown = subprocess.run([sys.executable, "-m", "nip.parameters.cli", command, "--help"],
                               capture_output=True, text=True, check=True, cwd=REPO,
                               env={"COLUMNS": "100", "PATH": ""}).stdout
        assert " ".join(shown.split()) in blocks, f"the page's help of {command} differs from --help"


def test_the_api_page_documents_the_generated_classes(site: Path) -> None:
    ids = {str(t.get("id")) for t in soup(site / "api.html").select("dt[id]")}
    for name in ("nip.parameters.hyper_parameters.HyperParameters",
                 "nip.parameters.agents.GraphIsomorphismAgentParameters",
                 "nip.parameters.trainers.CommonPpoParameters"):
        assert name in ids


def test_a_reference_class_links_to_its_python_class(site: Path) -> None:
    page = soup(site / "reference" / "1.0" / "trainers.html")
    assert page.select_one('a[href="../../api.html#nip.parameters.trainers.CommonPpoParameters"]')
