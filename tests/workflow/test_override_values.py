"""What an override's VALUE means, and how its problems are told: one rule for string fields (on a
table of edge values), integers converted exactly, the keys that are not fields (`is_random`,
`_type`, `_package_version`), and every problem of a compose at once."""

from __future__ import annotations

import pytest

from nip.parameters import (
    HyperParameters,
    ParameterValidationError,
    RandomAgentParameters,
)
from nip.parameters._workflow.compose import compose
from nip.parameters._workflow.spec import load_spec

BASE = {"scenario": "graph_isomorphism", "trainer": "vanilla_ppo", "dataset": "eru10000"}


@pytest.fixture
def params() -> HyperParameters:
    return HyperParameters(**BASE)


# ---- the string rule (docs/workflow.md, "What VALUE means") --------------------------------------------
# VALUE is one YAML 1.2 flow value, as on a line of a YAML file; a string field keeps the text of a
# plain scalar that YAML reads as something else (its comment dropped, as YAML drops it).
STRING_FIELD = [
    ("foo", "foo"),
    ("1", "1"),
    ("1 # note", "1"),
    ("foo # note", "foo"),
    ("foo  #  note", "foo"),
    ("foo#bar", "foo#bar"),  # no space before '#': part of the scalar
    ("1e3", "1e3"),
    ("1e400", "1e400"),
    (".inf", ".inf"),
    ("-.inf", "-.inf"),
    (".NaN", ".NaN"),
    ("true", "true"),
    ("True", "True"),
    ("yes", "yes"),
    ("0x10", "0x10"),
    ("0o17", "0o17"),
    ("1_000", "1_000"),
    ("007", "007"),
    ("+1", "+1"),
    (".5", ".5"),
    ("2024-01-01", "2024-01-01"),
    ("123456789012345678901234567890", "123456789012345678901234567890"),
    ('"1 # quoted"', "1 # quoted"),
    ("'x'", "x"),
]


@pytest.mark.parametrize(("value", "expected"), STRING_FIELD)
def test_a_string_field_follows_one_rule(params, value, expected):
    assert params.with_overrides([f"dataset={value}"]).dataset == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("1", 1.0), ("1 # note", 1.0), ("1e3", 1000.0), ("0x10", 16.0), (".5", 0.5), ("+1", 1.0),
])
def test_a_number_field_reads_the_same_values_as_numbers(params, value, expected):
    assert params.with_overrides([f"rl.lr={value}"]).rl.lr == expected


@pytest.mark.parametrize(("value", "says"), [
    ("1e400", "'1e400' is not a finite number"),
    (".inf", "'.inf' is not a finite number"),
    (".nan", "'.nan' is not a finite number"),
    ("true", "expected number, got true"),
    ("null", "expected number, got null"),
    ("1_000", "expected number, got string '1_000'"),
])
def test_a_number_field_refuses_what_json_has_no_number_for(params, value, says):
    with pytest.raises(ParameterValidationError, match=says):
        params.with_overrides([f"rl.lr={value}"])


@pytest.mark.parametrize("value", ["null", "~", "[a]", "{a: 1}"])
def test_a_string_field_refuses_null_lists_and_mappings(params, value):
    with pytest.raises(ParameterValidationError, match="expected string"):
        params.with_overrides([f"dataset={value}"])


# ---- exact integers ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("value", ['"9007199254740993"', "9007199254740993.0", "9.007199254740993e15",
                                   "'9007199254740993'"])
def test_an_integer_given_as_text_or_a_float_is_converted_exactly(params, value):
    assert params.with_overrides([f"agents.prover.d_gnn={value}"]).agents["prover"].d_gnn == 9007199254740993


def test_an_integer_in_a_mapping_override_is_converted_exactly(params):
    changed = params.with_overrides({"agents.prover.d_gnn": "18446744073709551615"})
    assert changed.agents["prover"].d_gnn == 18446744073709551615
    with pytest.raises(ParameterValidationError, match="expected integer, got string '1e999999999'"):
        params.with_overrides({"agents.prover.d_gnn": "1e999999999"})  # not built digit by digit


@pytest.mark.parametrize("value", ["1e-400", "2.0000000000000000001", "1e-99999999999999999999",
                                   "1e99999999999999999999", '"1e-99999999999999999999"', '"2.0000000000000000001"'])
def test_an_integer_field_refuses_what_no_integer_says_exactly(params, value):
    with pytest.raises(ParameterValidationError,
                       match=r"agents\.prover\.d_gnn: (expected integer|override .* is not a finite number)"):
        params.with_overrides([f"agents.prover.d_gnn={value}"])


def test_a_huge_int_for_a_number_field_is_an_error_not_a_crash(params):
    with pytest.raises(ParameterValidationError, match="outside the 64-bit range"):
        params.with_overrides({"rl.lr": 10**400})


# ---- keys that are not fields ---------------------------------------------------------------------------------
def test_is_random_and_type_are_set_as_a_dict_sets_them(params):
    changed = params.with_overrides(["agents.prover.is_random=true"])
    assert isinstance(changed.agents["prover"], RandomAgentParameters)
    data = params.to_dict()
    data["agents"] = {**data["agents"], "prover": {"is_random": True}}
    assert changed.to_dict() == HyperParameters.from_dict(data).to_dict()
    with pytest.raises(ParameterValidationError, match="_type 'foo' does not fit here") as caught:
        params.with_overrides(["agents.prover._type=foo"])
    assert "null" not in str(caught.value)


def test_package_version_cannot_be_set_by_address_and_says_why(params):
    with pytest.raises(ParameterValidationError, match="_package_version cannot be set by address: "
                       "it says which version a file was written for") as caught:
        params.with_overrides(["_package_version=1.0"])
    assert "got null" not in str(caught.value)


def test_a_sweep_grid_checks_is_random_values():
    with pytest.raises(ParameterValidationError, match=r"grid\.agents\.prover\.is_random\.1: expected boolean"):
        load_spec({"base": BASE, "grid": {"agents.prover.is_random": [False, "yes"]}})
    spec = load_spec({"base": BASE, "grid": {"agents.prover.is_random": [False, True]}})
    assert spec.grid == {"agents.prover.is_random": [False, True]}


# ---- every problem at once ------------------------------------------------------------------------------------
def test_compose_lists_every_problem_at_once_in_the_order_given():
    with pytest.raises(ParameterValidationError) as caught:
        compose([BASE], ["rl.lrr=3e-4", "spg.variant=sosx", "agents.verifier.d_gnn=big"])
    assert [p.address for p in caught.value.problems] == ["rl.lrr", "spg.variant", "agents.verifier.d_gnn"]


def test_a_malformed_override_hides_nothing_and_adds_no_noise():
    with pytest.raises(ParameterValidationError) as caught:
        compose([], ["scenario=graph_isomorphism", "trainer=vanilla_ppo", "dataset=[", "rl.lrr=1", "seed=x"])
    problems = caught.value.problems
    assert [p.address for p in problems] == ["dataset", "rl.lrr", "seed"]
    assert "not valid YAML" in problems[0].message  # and no "missing required key 'dataset'"
