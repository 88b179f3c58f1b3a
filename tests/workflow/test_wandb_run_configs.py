"""W&B run configs wherever a config is read: the `config.yaml` of a run (unwrapped by the file
reader) and the API's `run.config` dict (W&B's `_wandb` dropped by `from_dict`); every function reads
both forms alike (issue 17, item 11), and nip's resume path warns only what nip warned (issue 21,
item 9)."""

from __future__ import annotations

import copy
import json
import warnings
from pathlib import Path

import pytest
import yaml

from nip.parameters import (
    ConfigFileError,
    HyperParameters,
    ParameterValidationError,
    iter_errors,
    validate,
)
from nip.parameters._files import read_config
from nip.parameters._migration import migrate
from nip.parameters._validation.wandb_dicts import plain_run_config
from nip.parameters.version import convert_hyper_param_dict

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
RUN_FILE = EXAMPLES / "wandb" / "run_config.yaml"
OLD_RUN_FILE = EXAMPLES / "wandb" / "old_run_config.yaml"
BOOKKEEPING = {"cli_version": "0.17.0", "python_version": "3.11.9", "t": {"1": [1, 5]}}


def wrapped(config: dict) -> dict:
    """What W&B writes to config.yaml for a run logged with `config`."""
    return {"wandb_version": 1, "_wandb": {"desc": None, "value": BOOKKEEPING},
            **{key: {"desc": None, "value": value} for key, value in config.items()}}


@pytest.fixture
def config() -> dict:
    return HyperParameters(scenario="graph_isomorphism", trainer="vanilla_ppo",
                           dataset="eru10000", seed=42).to_dict()


def test_a_run_file_is_read_as_the_config_it_logged(tmp_path, config):
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(wrapped(config), sort_keys=False), encoding="utf-8")
    loaded = read_config(path)
    assert loaded.wandb_run and loaded.data == config
    plain = tmp_path / "plain.yaml"
    plain.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    assert not read_config(plain).wandb_run


def test_the_example_run_files_read_and_the_old_one_migrates():
    assert HyperParameters.from_dict(read_config(RUN_FILE).data).seed == 820
    data = read_config(OLD_RUN_FILE).data
    assert data["_package_version"] == "0.1.0"
    with pytest.warns(UserWarning, match="written by version 0.1.0 and was migrated"):
        params = HyperParameters.from_dict(data)
    assert params.interaction_protocol == "nip"  # 0.1's "pvg"


def test_a_run_file_with_an_entry_that_is_not_desc_value_is_refused(tmp_path, config):
    data = wrapped(config)
    data["seed"] = 42  # not wrapped: not a file W&B wrote
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(ConfigFileError, match=r"'seed' is 42, not \{desc: ..., value: ...\}"):
        read_config(path)


@pytest.mark.parametrize("ignore_extra_keys", [False, True])
def test_an_api_run_config_with_wandb_bookkeeping_builds(config, ignore_extra_keys):
    api = {**config, "_wandb": BOOKKEEPING}
    before = copy.deepcopy(api)
    params = HyperParameters.from_dict(api, ignore_extra_keys=ignore_extra_keys)
    assert params.to_dict() == config
    assert api == before  # never modified


def test_from_dict_also_takes_the_wrapped_form(config):
    assert HyperParameters.from_dict(wrapped(config)).to_dict() == config
    assert plain_run_config(config) is config  # a plain dict is not copied


def test_other_unknown_keys_are_still_reported(config):
    with pytest.raises(ValueError, match="unknown key 'wandb_project_name'"):
        HyperParameters.from_dict({**config, "_wandb": {}, "wandb_project_name": "x"})


def _forms(path: Path) -> dict[str, dict]:
    """A shipped run file as W&B wrote it, and as the API's `run.config` returns it."""
    written = yaml.safe_load(path.read_text(encoding="utf-8"))
    api = {key: entry["value"] for key, entry in written.items() if key != "wandb_version"}
    return {"run file": written, "run.config": api}


def _quietly(call, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return call(*args, **kwargs)


@pytest.mark.parametrize("path", [RUN_FILE, OLD_RUN_FILE], ids=["current", "old"])
@pytest.mark.parametrize("form", ["run file", "run.config"])
def test_every_function_reads_both_w_and_b_forms_alike(path, form):
    data = _forms(path)[form]
    before = copy.deepcopy(data)
    expected = _quietly(HyperParameters.from_dict, read_config(path).data).to_dict()
    assert _quietly(HyperParameters.from_dict, data).to_dict() == expected
    converted = _quietly(convert_hyper_param_dict, data)
    assert _quietly(HyperParameters.from_dict, converted, ignore_extra_keys=True).to_dict() == expected
    assert "wandb_version" not in converted
    assert _quietly(migrate, data).data["seed"] == expected["seed"]
    if path == RUN_FILE:  # validate reads the version the dict states: only the current one passes
        validate(data)
        assert list(iter_errors(data)) == []
    assert data == before  # never modified


def test_validate_points_at_a_run_file_entry_that_is_not_desc_value(config):
    data = wrapped(config)
    data["seed"] = 42
    [problem] = iter_errors(data)
    assert problem.path == ("seed",) and "not {desc: ..., value: ...}" in problem.message
    with pytest.raises(ParameterValidationError, match="'seed' is 42"):
        validate(data)
    with pytest.raises(ConfigFileError, match="'seed' is 42"):
        convert_hyper_param_dict(data)


def test_resuming_an_unversioned_w_and_b_run_warns_once_as_nip_did():
    """nip's base_run: `from_dict(convert_hyper_param_dict(run.config), ignore_extra_keys=True)`."""
    sample = Path(__file__).resolve().parents[1] / "data" / "reference_samples" / "migrate"
    run_config = json.loads((sample / "real-unversioned-spg-sos-params-debate.json").read_text())["input"]
    run_config["_wandb"] = BOOKKEEPING
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        HyperParameters.from_dict(convert_hyper_param_dict(run_config), ignore_extra_keys=True)
    assert [str(w.message) for w in caught] == [
        "converting hyper-parameters written before versions were recorded (no _package_version); "
        "reading them as version 0.1, whose tree they share"
    ]


def test_importing_the_package_loads_neither_the_file_readers_nor_the_workflow():
    import subprocess
    import sys

    probe = ("import sys, nip.parameters as p; p.HyperParameters.from_dict({'scenario': "
             "'graph_isomorphism', 'trainer': 'vanilla_ppo', 'dataset': 'x'}); "
             "heavy = {'yaml', 'nip.parameters._files', 'nip.parameters._workflow.diff', "
             "'nip.parameters._workflow.sweep', 'nip.parameters._objects.overrides'}; "
             "print(sorted(heavy & set(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("form", ["run file", "run.config"])
def test_an_unversioned_run_converts_in_either_form(form):
    """The wrapped form was migrated as it stood: the 0.1 step added `spg.stackelberg_sequence`
    beside `desc` and `value`, and the error then named that key, which the input lacks."""
    data = _forms(OLD_RUN_FILE)[form]
    data.pop("_package_version")
    converted = _quietly(convert_hyper_param_dict, data)
    params = _quietly(HyperParameters.from_dict, converted, ignore_extra_keys=True)
    assert params.interaction_protocol == "nip" and params.spg.stackelberg_sequence is not None
