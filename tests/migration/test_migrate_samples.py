"""Every migrate sample of nip 1.0: convert_hyper_param_dict, from_dict, to_dict equals the expectation."""

from __future__ import annotations

import copy
import json
import warnings

import pytest
from migration_support import load_migrate_samples

from nip.parameters.version import convert_hyper_param_dict

SAMPLES = load_migrate_samples()


def _strict(value):
    """JSON text that tells 1 from 1.0 from true, as the acceptance harness compares."""
    return json.dumps(value, sort_keys=True)


def test_there_are_samples():
    assert len(SAMPLES) >= 3
    assert {case["era"] for case in SAMPLES} >= {"0.1", "none"}


@pytest.mark.parametrize("case", SAMPLES, ids=[c["id"] for c in SAMPLES])
def test_sample_migrates_to_the_expected_config(case):
    from nip.parameters import HyperParameters

    given = copy.deepcopy(case["input"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        converted = convert_hyper_param_dict(given)
    assert given == case["input"], "convert_hyper_param_dict must not modify its argument"
    loaded = HyperParameters.from_dict(converted, ignore_extra_keys=case["ignore_extra_keys"])
    expected = case.get("expected_lossless", case["expected"])
    assert _strict(loaded.to_dict()) == _strict(expected)


@pytest.mark.parametrize("case", SAMPLES, ids=[c["id"] for c in SAMPLES])
def test_sample_loads_strictly(case):
    """min_message_rounds_scheduler is a declared removal, so no ignore_extra_keys is needed."""
    from nip.parameters import HyperParameters

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        converted = convert_hyper_param_dict(copy.deepcopy(case["input"]))
    loaded = HyperParameters.from_dict(converted)
    expected = case.get("expected_lossless", case["expected"])
    assert _strict(loaded.to_dict()) == _strict(expected)


@pytest.mark.parametrize("case", [c for c in SAMPLES if c["era"] != "none"],
                         ids=[c["id"] for c in SAMPLES if c["era"] != "none"])
def test_from_dict_migrates_a_versioned_sample_itself(case):
    """from_dict migrates a dict that states an older _package_version, with a warning."""
    from nip.parameters import HyperParameters

    given = copy.deepcopy(case["input"])
    with pytest.warns(UserWarning, match=r"0\.1\.0.*1\.0|1\.0.*0\.1\.0"):
        loaded = HyperParameters.from_dict(given, ignore_extra_keys=case["ignore_extra_keys"])
    assert given == case["input"]
    expected = case.get("expected_lossless", case["expected"])
    assert _strict(loaded.to_dict()) == _strict(expected)
