"""The reference samples of nip 1.0: same to_dict, lossless round trips, rejected invalid input."""

from __future__ import annotations

import copy
import json

import pytest
from recipe import build
from sample_data import load_samples

from nip.parameters import HyperParameters

CURRENT = load_samples("current")
INVALID = load_samples("invalid")


def _strict(value):
    """JSON text that tells 1 from 1.0 from true, as the acceptance harness compares."""
    return json.dumps(value, sort_keys=True)


@pytest.mark.parametrize("case", CURRENT, ids=[c["id"] for c in CURRENT])
def test_to_dict_equals_nip(case):
    params = build(case["recipe"])
    assert _strict(params.to_dict()) == _strict(case["to_dict"])
    meta = params.to_dict(include_package_meta=True)
    assert {"_package_version", "_package_name"} <= meta.keys()
    expected_meta = dict(case["to_dict_meta"], _package_version=meta["_package_version"],
                         _package_name=meta["_package_name"])
    assert _strict(meta) == _strict(expected_meta)


@pytest.mark.parametrize("case", CURRENT, ids=[c["id"] for c in CURRENT])
def test_round_trip_is_lossless(case):
    original = copy.deepcopy(case["to_dict"])
    rebuilt = HyperParameters.from_dict(original)
    assert original == case["to_dict"], "from_dict must not modify its input"
    assert _strict(rebuilt.to_dict()) == _strict(case["to_dict"])


@pytest.mark.parametrize("case", INVALID, ids=[c["id"] for c in INVALID])
def test_invalid_is_rejected_at_its_address(case):
    data = copy.deepcopy(case["input"])
    with pytest.raises(ValueError) as info:
        HyperParameters.from_dict(data)
    pointer = "/" + case["path"].replace(".", "/")
    message = str(info.value)
    assert case["path"] in message or pointer in message, message
    assert data == case["input"]
