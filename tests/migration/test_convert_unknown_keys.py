"""nip's resume path: `from_dict(convert_hyper_param_dict(wandb_config), ignore_extra_keys=True)`.

A W&B run config carries keys of its own; conversion keeps every key it does not know, warns once
naming them, and leaves the decision to `from_dict`.
"""

from __future__ import annotations

import copy
import warnings

import pytest

from nip.parameters import HyperParameters, ParameterValidationError
from nip.parameters.version import convert_hyper_param_dict

BASE = {"scenario": "graph_isomorphism", "trainer": "vanilla_ppo", "dataset": "eru10000"}
SCHEDULE = {"_type": "ContiguousPeriodicUpdateSchedule", "note": "mine",
            "ContiguousPeriodicUpdateSchedule": {"period": 4, "start": 0, "stop": 2, "phase": 1}}
EXTRA = ["agents.prover.update_schedule.ContiguousPeriodicUpdateSchedule.phase",
         "agents.prover.update_schedule.note", "rl.my_note"]  # W&B's own `_wandb` is dropped


def _wandb_config(version: str | None) -> dict:
    config = HyperParameters(**BASE, agents={"prover": {}}).to_dict()
    config["agents"]["prover"]["update_schedule"] = copy.deepcopy(SCHEDULE)
    config["_wandb"] = {"cli_version": "0.19.1"}
    config["rl"]["my_note"] = "lr sweep"
    if version is not None:
        config["_package_version"] = version
    return config


@pytest.mark.parametrize("version", [None, "0.1.0", "1.0.0"])
def test_conversion_keeps_unknown_keys_and_warns_once_naming_them(version):
    given = _wandb_config(version)
    before = copy.deepcopy(given)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        converted = convert_hyper_param_dict(given)
    assert given == before
    assert converted["_wandb"] == {"cli_version": "0.19.1"} and converted["rl"]["my_note"] == "lr sweep"
    assert converted["agents"]["prover"]["update_schedule"]["note"] == "mine"
    naming = [str(w.message) for w in caught if "does not know" in str(w.message)]
    assert len(naming) == 1, naming
    mentions = [str(w.message) for w in caught if "my_note" in str(w.message)]
    assert mentions == naming, "the kept keys are named once, not again by the old schema's warning"
    assert all(address in naming[0] for address in EXTRA), naming[0]
    assert "_wandb" not in naming[0], "from_dict drops W&B's bookkeeping itself"


def test_from_dict_decides_an_error_by_default_dropped_with_ignore_extra_keys():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        converted = convert_hyper_param_dict(_wandb_config("1.0.0"))
    with pytest.raises(ParameterValidationError) as info:
        HyperParameters.from_dict(converted)
    assert sorted(p.address for p in info.value.problems) == sorted(EXTRA)
    loaded = HyperParameters.from_dict(converted, ignore_extra_keys=True)  # nip's resume path
    assert loaded.agents["prover"].update_schedule.to_dict() == {
        "_type": "ContiguousPeriodicUpdateSchedule",
        "ContiguousPeriodicUpdateSchedule": {"period": 4, "start": 0, "stop": 2}}
    assert "my_note" not in loaded.to_dict()["rl"]


def test_conversion_still_refuses_a_bad_value_next_to_unknown_keys():
    config = _wandb_config("1.0.0")
    config["rl"]["lr"] = "fast"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(ParameterValidationError) as info:
            convert_hyper_param_dict(config)
    assert [p.address for p in info.value.problems] == ["rl.lr"]


def test_a_type_key_among_a_schedules_arguments_is_never_an_extra_key():
    config = _wandb_config("1.0.0")
    config["agents"]["prover"]["update_schedule"]["ContiguousPeriodicUpdateSchedule"]["_type"] = "os.system"
    for call in (convert_hyper_param_dict,
                 lambda c: HyperParameters.from_dict(c, ignore_extra_keys=True)):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with pytest.raises(ParameterValidationError, match=r"ContiguousPeriodicUpdateSchedule\._type"):
                call(copy.deepcopy(config))


def test_a_type_error_gets_no_note_about_refused_ranges_and_a_range_error_does():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(ParameterValidationError) as wrong_type:
            convert_hyper_param_dict({**BASE, "_package_version": "0.1.0", "seed": "x"})
        with pytest.raises(ParameterValidationError) as out_of_range:
            convert_hyper_param_dict({**BASE, "_package_version": "0.1.0", "rl": {"num_iterations": -5}})
    assert wrong_type.value.note is None
    assert "cannot mean anything" in (out_of_range.value.note or "")
