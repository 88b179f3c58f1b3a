"""A config without `_package_version` is read as current; when an older schema explains its
problems, the error says so and names the fix; but only when the config really looks old: it has keys
or values that only the older version has (issue 21, item 3: a current config with a negative
`rl.lr`, a range only 1.0 states, was told to migrate, and following that advice failed)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from sample_data import load_samples

from nip.parameters import HyperParameters, ParameterValidationError, validate
from nip.parameters._schema_diff import diff
from nip.parameters._validation import schemas

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


CASES = Path(__file__).resolve().parents[1] / "data" / "cases" / "invalid"
BASE = {"scenario": "graph_isomorphism", "trainer": "vanilla_ppo", "dataset": "eru10000"}
LOOKS_OLD = "looks like a version 0.1 config"


def _note(config) -> str | None:
    with pytest.raises(ParameterValidationError) as info:
        validate(config)
    return info.value.note


def _outside(keyword: str, bound: float) -> float:
    return {"minimum": bound - 1, "exclusiveMinimum": bound, "maximum": bound + 1,
            "exclusiveMaximum": bound}[keyword]


def _one_out_of_range_value_each() -> list[tuple[str, dict]]:
    """A short current config for every range 1.0 narrowed: one value outside it, nothing else."""
    files = {v: {n: schemas.load_group(v, n) for n in schemas.group_names(v)} for v in ("0.1", "1.0")}
    configs = []
    for change in diff(files["0.1"], files["1.0"]).changes:
        keyword = change.detail.split(":")[0]
        if change.kind != "constraint_narrowed" or "[]" in change.new_address or not isinstance(change.new, (int, float)) \
                or keyword not in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
            continue
        config = copy.deepcopy(BASE)
        *groups, leaf = change.new_address.replace("*", "_default").split(".")
        place = config
        for group in groups:
            place = place.setdefault(group, {})
        place[leaf] = _outside(keyword, change.new)
        configs.append((change.new_address, config))
    return configs


def test_the_note_only_for_configs_that_look_old_never_for_an_out_of_range_value():
    configs = _one_out_of_range_value_each()
    assert len(configs) > 50
    assert ("rl.lr", {**BASE, "rl": {"lr": -1}}) in configs  # the config of the issue
    noted = [address for address, config in configs if LOOKS_OLD in (_note(config) or "")]
    assert noted == []


def test_no_invalid_case_of_the_corpus_looks_old_unless_it_has_old_keys():
    cases = [json.loads(path.read_text()) for path in sorted(CASES.glob("*.json"))]
    assert len(cases) > 100
    noted = []
    for case in cases:
        try:
            validate(case["input"])
        except ParameterValidationError as error:
            if LOOKS_OLD in (error.note or ""):
                noted.append(case["id"])
    assert noted == []


@pytest.mark.parametrize("old", [{"interaction_protocol": "pvg"}, {"pvg_protocol": {"min_message_rounds": 1}},
                                 {"spg": {"sos_a_param": 1.0}}])
def test_one_old_key_or_value_is_enough(old):
    assert LOOKS_OLD in (_note({**BASE, **old}) or "")
