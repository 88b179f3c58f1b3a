"""Each version step, feature by feature: one old fragment, what it becomes, for every old era.

A case is (id, fragment given, {address: expected value or MISSING}). Each runs once per era that
has the 0.1 tree: a 0.1.0 dict, a patch release 0.1.9, and an unversioned dict.
"""

from __future__ import annotations

import copy
import warnings

import pytest
from migration_support import MISSING, config, get_or_missing

from nip.parameters._migration import migrate
from nip.parameters.errors import (
    MigrationError,
    NipParametersError,
    ParameterValidationError,
)
from nip.parameters.version import (
    ConversionFunctionNotFoundError,
    convert_hyper_param_dict,
)

OLD_ERAS = {"0.1.0": "0.1.0", "0.1.9": "0.1.9", "unversioned": None}

CASES = [
    ("pvg-to-nip", {"interaction_protocol": "pvg"}, {"interaction_protocol": "nip"}),
    ("adp", {"interaction_protocol": "abstract_decision_problem"}, {"interaction_protocol": "adp"}),
    ("other-protocols-unchanged", {"interaction_protocol": "debate"}, {"interaction_protocol": "debate"}),
    (
        "pvg_protocol-to-nip_protocol",
        {"pvg_protocol": {"max_message_rounds": 6, "min_message_rounds": 2,
                          "min_message_rounds_scheduler": "linear_increase",
                          "_type": "PvgProtocolParameters"}},
        {"pvg_protocol": MISSING,
         "nip_protocol": {"max_message_rounds": 6, "min_message_rounds": 3,
                          "_type": "NipProtocolParameters"}},
    ),
    (
        "pvg_protocol-without-_type",
        {"pvg_protocol": {"min_message_rounds": 0}},
        {"nip_protocol": {"min_message_rounds": 1}},
    ),
    (
        "min_message_rounds-debate",
        {"debate_protocol": {"min_message_rounds": 0, "min_message_rounds_scheduler": "constant"}},
        {"debate_protocol.min_message_rounds": 1, "debate_protocol.min_message_rounds_scheduler": MISSING},
    ),
    (
        "min_message_rounds-mnip",
        {"mnip_protocol": {"max_message_rounds": 9, "min_message_rounds": 4}},
        {"mnip_protocol.min_message_rounds": 5, "mnip_protocol.max_message_rounds": 9},
    ),
    (
        "min_message_rounds-absent-stays-absent",
        {"debate_protocol": {"max_message_rounds": 3}},
        {"debate_protocol": {"max_message_rounds": 3}},
    ),
    ("null-protocol-group", {"pvg_protocol": None}, {"nip_protocol": None, "pvg_protocol": MISSING}),
    (
        "spg-sos-renames",
        {"spg": {"sos_a_param": 0.25, "sos_b_param": 0.4, "variant": "sos"}},
        {"spg": {"variant": "sos", "sos_scaling_factor": 0.25, "sos_threshold_factor": 0.4,
                 "stackelberg_sequence": [["verifier"], ["prover"]]}},
    ),
    (
        "spg-stackelberg-sequence-kept",
        {"spg": {"stackelberg_sequence": [["verifier"], ["prover0", "prover1"]]}},
        {"spg.stackelberg_sequence": [["verifier"], ["prover0", "prover1"]]},
    ),
    (  # 0.1's class default was [[verifier], [prover]]; 1.0's is null (the protocol decides)
        "spg-stackelberg-sequence-absent-keeps-the-0.1-default",
        {"interaction_protocol": "debate", "spg": {"variant": "sos"}},
        {"spg.stackelberg_sequence": [["verifier"], ["prover"]]},
    ),
    (  # without an spg group 0.1 used the protocol's own sequence, as 1.0 does with null
        "spg-absent-stays-absent",
        {"trainer": "spg", "interaction_protocol": "debate"},
        {"spg": MISSING},
    ),
    ("spg-null-stays-null", {"spg": None}, {"spg": None}),
    (
        "apps_exclude_flagged-absent-means-false",
        {"code_validation": {"apps_difficulty": "interview"}},
        {"code_validation": {"apps_difficulty": "interview", "apps_exclude_flagged": False}},
    ),
    ("apps_exclude_flagged-group-absent", {}, {"code_validation": {"apps_exclude_flagged": False}}),
    ("apps_exclude_flagged-group-null", {"code_validation": None},
     {"code_validation": {"apps_exclude_flagged": False}}),
    (
        "apps_exclude_flagged-explicit-wins",
        {"code_validation": {"apps_exclude_flagged": True}},
        {"code_validation.apps_exclude_flagged": True},
    ),
    (
        "agent-names-kept",
        {"agents": {"verifier": {"_type": "GraphIsomorphismAgentParameters", "is_random": False},
                    "prover": {"_type": "GraphIsomorphismAgentParameters", "is_random": False}}},
        {"agents.verifier._type": "GraphIsomorphismAgentParameters",
         "agents.prover._type": "GraphIsomorphismAgentParameters"},
    ),
    ("package-name", {"_package_name": "pvg"}, {"_package_name": "nip", "_package_version": "1.0.0"}),
]


def _quiet_convert(data):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return convert_hyper_param_dict(data)


@pytest.mark.parametrize("era", list(OLD_ERAS), ids=list(OLD_ERAS))
@pytest.mark.parametrize(("given", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_old_fragment_becomes(era, given, expected):
    data = config(OLD_ERAS[era], **given)
    before = copy.deepcopy(data)
    out = _quiet_convert(data)
    assert data == before, "the input must not be modified"
    assert out is not data
    for address, value in expected.items():
        assert get_or_missing(out, address) == value, address
    assert out["_package_version"] == "1.0.0", "the result states its new version"


CURRENT_FRAGMENTS = {
    "nip": {"interaction_protocol": "nip", "nip_protocol": {"min_message_rounds": 2}},
    "debate": {"debate_protocol": {"min_message_rounds": 1}},
    "spg": {"spg": {"sos_scaling_factor": 0.25}},
    "code_validation-absent": {},
    "code_validation-without-flag": {"code_validation": {"apps_difficulty": "interview"}},
}


@pytest.mark.parametrize("version", ["1.0.0", "1.0.5", "1"])
@pytest.mark.parametrize("given", list(CURRENT_FRAGMENTS.values()), ids=list(CURRENT_FRAGMENTS))
def test_current_config_is_left_alone(version, given):
    """A 1.0 dict, or a patch release of 1.0, goes through no step: no +1, no new defaults."""
    data = config(version, **given)
    result = migrate(data)
    assert result.data == data
    assert result.data is not data
    assert not result.report.changes
    assert result.report.steps == []


def test_unversioned_input_warns_as_nip_does():
    with pytest.warns(UserWarning, match="before versions were recorded"):
        out = convert_hyper_param_dict(config(None, interaction_protocol="pvg"))
    assert out["interaction_protocol"] == "nip"


def test_0_1_input_does_not_warn_when_valid():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        convert_hyper_param_dict(config("0.1.0", interaction_protocol="pvg"))


@pytest.mark.parametrize("era", list(OLD_ERAS), ids=list(OLD_ERAS))
def test_market_making_is_a_clear_error(era):
    data = config(OLD_ERAS[era], interaction_protocol="market_making")
    with pytest.raises(MigrationError) as info:
        _quiet_convert(data)
    message = str(info.value)
    assert "market_making" in message and "1.0" in message and "interaction_protocol" in message
    assert isinstance(info.value, NipParametersError) and isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("given", "where"),
    [
        ({"pvg_protocol": {}, "nip_protocol": {}}, "nip_protocol"),
        ({"spg": {"sos_a_param": 0.3, "sos_scaling_factor": 0.5}}, "spg.sos_scaling_factor"),
    ],
    ids=["group-both-names", "field-both-names"],
)
def test_a_key_that_cannot_be_placed_is_an_error_not_dropped(given, where):
    with pytest.raises(MigrationError, match=where.replace(".", r"\.")):
        _quiet_convert(config("0.1.0", **given))


@pytest.mark.parametrize("era", list(OLD_ERAS), ids=list(OLD_ERAS))
def test_a_value_outside_its_1_0_range_is_refused_at_its_address_with_the_reason(era):
    with pytest.raises(ParameterValidationError) as info:
        _quiet_convert(config(OLD_ERAS[era], rl={"num_iterations": -5}))
    assert [p.address for p in info.value.problems] == ["rl.num_iterations"]
    assert "cannot mean anything" in str(info.value)  # the step's reject_invalid reason


def test_a_round_minimum_that_is_not_an_integer_is_an_error():
    with pytest.raises(MigrationError, match=r"debate_protocol\.min_message_rounds"):
        _quiet_convert(config("0.1.0", debate_protocol={"min_message_rounds": "2"}))


@pytest.mark.parametrize(
    ("version", "words"),
    [
        ("0.0.1", "not a known version"),
        ("0.2", "not a known version"),
        ("1.2.0", "newer than this package"),
        ("2.0.0", "newer than this package"),
        ("abc", "version string"),
        ("1.0.0.0", "version string"),
        ("", "version string"),
        (True, "version string"),
    ],
)
def test_unknown_versions_raise_conversion_function_not_found(version, words):
    data = config(None, _package_version=version)
    before = copy.deepcopy(data)
    with pytest.raises(ConversionFunctionNotFoundError, match=words) as info:
        convert_hyper_param_dict(data)
    assert isinstance(info.value, ValueError)
    assert data == before


def test_patch_release_of_0_1_is_0_1():
    out = _quiet_convert(config("0.1.7", interaction_protocol="pvg", pvg_protocol={"min_message_rounds": 1}))
    assert out["interaction_protocol"] == "nip"
    assert out["nip_protocol"] == {"min_message_rounds": 2}


def test_converting_twice_changes_nothing_more():
    once = _quiet_convert(config(None, pvg_protocol={"min_message_rounds": 1}))
    twice = _quiet_convert(once)
    assert twice == once
    assert twice["nip_protocol"]["min_message_rounds"] == 2


def test_renamed_keys_move_to_the_end_as_in_nip():
    data = config("0.1.0", spg={"sos_a_param": 0.1, "variant": "psos"}, pvg_protocol={}, seed=3)
    out = _quiet_convert(data)
    assert list(out["spg"]) == ["variant", "sos_scaling_factor", "stackelberg_sequence"]
    keys = [k for k in out if not k.startswith("_")]
    assert keys.index("nip_protocol") > keys.index("seed")


def test_keep_key_order_keeps_renamed_keys_in_place():
    data = config("0.1.0", spg={"sos_a_param": 0.1, "variant": "psos"}, pvg_protocol={}, seed=3)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        out = migrate(data, keep_key_order=True).data
    assert list(out["spg"]) == ["sos_scaling_factor", "variant", "stackelberg_sequence"]
    assert list(out).index("nip_protocol") < list(out).index("seed")
