"""A config without `_package_version` is read as current; when an older schema explains its
problems, the error says so and names the fix."""

from __future__ import annotations

import copy

import pytest
from sample_data import load_samples

from nip.parameters import HyperParameters, ParameterValidationError, validate

OLD = [s for s in load_samples("migrate") if s["era"] in ("0.1", "none")]


@pytest.mark.parametrize("sample", OLD, ids=[s["id"] for s in OLD])
def test_unmarked_old_config_names_the_migration(sample):
    data = copy.deepcopy(sample["input"])
    data.pop("_package_version", None)
    data.pop("_package_name", None)
    for check in (HyperParameters.from_dict, validate):
        with pytest.raises(ParameterValidationError) as info:
            check(data)
        assert info.value.note and "nip-params migrate --from 0.1" in info.value.note
        assert "convert_hyper_param_dict" in str(info.value)


def test_a_plain_mistake_gets_no_version_note():
    with pytest.raises(ParameterValidationError) as info:
        validate({"scenario": "graph_isomorphism", "trainer": "ppo2", "dataset": "d"})
    assert info.value.note is None
