"""Helpers for the CLI tests: run `nip-params` in-process and capture what it prints."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from nip.parameters import HyperParameters
from nip.parameters.cli import main


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    def run(*argv: str) -> Run:
        capsys.readouterr()
        code = main(list(argv))
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        return Run(code, out, err)

    return run


@pytest.fixture
def valid_config() -> dict[str, Any]:
    return HyperParameters(
        scenario="graph_isomorphism", trainer="vanilla_ppo", dataset="eru10000"
    ).to_dict()


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, Any], Path]:
    """Write data (JSON for .json, else as given text) to tmp_path/name."""

    def write_file(name: str, data: Any) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        elif isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_text(json.dumps(data, indent=2), encoding="utf-8")
        return path

    return write_file
