"""The public file API: `HyperParameters.from_file(path, *, ignore_extra_keys=False)` and
`params.to_file(path)`: format by extension, the command line's safe reader and limits."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from nip.parameters import HyperParameters
from nip.parameters._files import MAX_FILE_BYTES, read_config
from nip.parameters.errors import (
    ConfigFileError,
    NipParametersError,
    ParameterValidationError,
)

PARAMS = HyperParameters(scenario="graph_isomorphism", trainer="vanilla_ppo", dataset="eru10000",
                         seed=12)
TOML = 'scenario = "graph_isomorphism"\ntrainer = "vanilla_ppo"\ndataset = "eru10000"\nseed = 12\n'


@pytest.mark.parametrize("name", ["run.json", "run.yaml", "run.yml", "RUN.YAML"])
def test_to_file_then_from_file_gives_the_same_config(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    PARAMS.to_file(path)
    assert HyperParameters.from_file(path).to_dict() == PARAMS.to_dict()
    assert HyperParameters.from_file(str(path)) == HyperParameters.from_file(path)
    data = read_config(path).data
    assert data["_package_version"]  # a file states the version that wrote it
    PARAMS.to_file(path, include_package_meta=False)
    assert "_package_version" not in read_config(path).data


def test_the_format_is_the_extensions(tmp_path: Path) -> None:
    PARAMS.to_file(tmp_path / "a.json")
    assert json.loads((tmp_path / "a.json").read_text())["seed"] == 12
    PARAMS.to_file(tmp_path / "a.yaml")
    assert "seed: 12\n" in (tmp_path / "a.yaml").read_text()
    (tmp_path / "a.toml").write_text(TOML)
    assert HyperParameters.from_file(tmp_path / "a.toml").seed == 12
    # JSON text in a .yaml file is read as YAML (JSON is YAML); YAML in a .json file is not JSON
    (tmp_path / "b.json").write_text("seed: 12\n")
    with pytest.raises(ConfigFileError, match="invalid JSON"):
        HyperParameters.from_file(tmp_path / "b.json")


@pytest.mark.parametrize("name", ["run.conf", "run", "run.txt", "run.json.bak"])
def test_unknown_extensions_are_clear_errors(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(json.dumps(PARAMS.to_dict()))
    with pytest.raises(ConfigFileError, match=r"unknown extension .*\.json, \.yaml, \.yml or \.toml"):
        HyperParameters.from_file(path)
    with pytest.raises(ConfigFileError, match=r"cannot write this file: unknown extension"):
        PARAMS.to_file(path)
    assert json.loads(path.read_text()) == PARAMS.to_dict()  # left alone


def test_toml_is_read_but_not_written(tmp_path: Path) -> None:
    with pytest.raises(ConfigFileError, match="TOML cannot hold null"):
        PARAMS.to_file(tmp_path / "run.toml")
    assert not (tmp_path / "run.toml").exists()


def test_errors_are_of_the_one_family(tmp_path: Path) -> None:
    cases = {
        "missing.yaml": None,
        "list.yaml": "- 1\n- 2\n",
        "bad.yaml": "seed: [1\n",
        "python.yaml": "seed: !!python/object/apply:os.system ['true']\n",
        "bomb.yaml": 'a: &a "' + "x" * 60_000 + '"\nb: [' + ", ".join(["*a"] * 200) + "]\n",
    }
    for name, text in cases.items():
        path = tmp_path / name
        if text is not None:
            path.write_text(text)
        with pytest.raises(ConfigFileError) as caught:
            HyperParameters.from_file(path)
        assert isinstance(caught.value, NipParametersError) and caught.value.file == str(path)
    (tmp_path / "invalid.yaml").write_text("scenario: graph_isomorphism\ntrainer: nope\n")
    with pytest.raises(ParameterValidationError, match="trainer"):
        HyperParameters.from_file(tmp_path / "invalid.yaml")


def test_ignore_extra_keys(tmp_path: Path) -> None:
    path = tmp_path / "run.yaml"
    path.write_text("scenario: graph_isomorphism\ntrainer: vanilla_ppo\ndataset: d\nwandb_id: x\n")
    with pytest.raises(ParameterValidationError, match="wandb_id"):
        HyperParameters.from_file(path)
    assert HyperParameters.from_file(path, ignore_extra_keys=True).dataset == "d"


def test_the_command_lines_limits_hold(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(ConfigFileError, match="larger than the limit of 8,388,608 bytes"):
        HyperParameters.from_file(path)


def test_an_older_version_is_migrated_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "old.yaml"
    path.write_text("scenario: graph_isomorphism\ntrainer: spg\ndataset: d\ninteraction_protocol: pvg\n"
                    "_package_version: '0.1.0'\n")
    with pytest.warns(UserWarning, match="0.1"):
        params = HyperParameters.from_file(path)
    assert params.interaction_protocol == "nip"


def test_to_file_replaces_atomically_keeps_the_mode_and_never_follows_a_link(tmp_path: Path) -> None:
    path = tmp_path / "run.json"
    path.write_text("{}")
    os.chmod(path, 0o640)
    PARAMS.to_file(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["run.json"]  # no temporary file left
    target = tmp_path / "elsewhere.txt"
    target.write_text("keep me")
    link = tmp_path / "link.yaml"
    link.symlink_to(target)
    PARAMS.to_file(link)
    assert target.read_text() == "keep me" and not link.is_symlink()
    assert HyperParameters.from_file(link) == PARAMS
