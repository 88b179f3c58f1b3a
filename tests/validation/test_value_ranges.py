"""Values that cannot mean anything are rejected by the schema itself, so every consumer of the
published schema agrees (the Node consumers and check-jsonschema see the same cases in
tests/data/cases); values that do mean something, however odd, stay valid."""

from __future__ import annotations

import copy

import pytest

from nip.parameters import (
    HyperParameters,
    ParameterValidationError,
    RlTrainerParameters,
    iter_errors,
)
from nip.parameters._validation import validators

SCENARIO_CONFIG = {
    scenario: HyperParameters(scenario=scenario, trainer="vanilla_ppo", dataset="d").to_dict()
    for scenario in ("graph_isomorphism", "code_validation")
}

# (address, value, why it cannot mean anything)
MEANINGLESS = [
    ("rl.lr", -0.001, "a negative learning rate"),
    ("solo_agent.learning_rate", -1e-4, "a negative learning rate"),
    ("message_regression.mlp_learning_rate", -0.5, "a negative learning rate"),
    ("agents._default.agent_lr_factor.actor", -1.0, "a negative learning-rate multiplier"),
    ("test_size", 0, "nothing held out for testing"),
    ("test_size", 1, "nothing left to train on"),
    ("test_size", -0.2, "a negative fraction"),
    ("message_regression.test_size", 1.5, "a fraction above 1"),
    ("agents._default.transformer_dropout", 1.2, "a dropout probability above 1"),
    ("agents._default.transformer_dropout", -0.1, "a negative dropout probability"),
    ("rl.gamma", 1.01, "a discount factor above 1"),
    ("rl.lmbda", -0.5, "a negative GAE lambda"),
    ("text_rl.verifier_guess_replacement_proportion", 2, "a share above 1"),
    ("agents._default.d_gnn", -16, "a negative width"),
    ("agents._default.num_heads", 0, "zero attention heads (the width is divided by it)"),
    ("rl.num_iterations", -1, "a negative count"),
    ("rl.minibatch_size", 0, "an empty minibatch"),
    ("rl.frames_per_batch", 0, "an empty batch"),
    ("seed", -1, "numpy refuses seeds outside [0, 2**32)"),
    ("seed", 2**32, "numpy refuses seeds outside [0, 2**32)"),
    ("nip_protocol.max_message_rounds", 0, "no round at all"),
    ("agents._default.noise_sigma", -0.1, "a negative standard deviation"),
]
MEANINGFUL = [
    ("test_size", 0.5, "a fraction strictly between 0 and 1"),
    ("agents._default.transformer_dropout", 1.0, "dropout 1 is a valid probability"),
    ("agents._default.transformer_dropout", 0, "no dropout"),
    ("rl.lr", 0, "a zero learning rate freezes the weights"),
    ("rl.gamma", 1, "no discounting"),
    ("seed", 0, "the smallest seed numpy takes"),
    ("seed", 2**32 - 1, "the largest seed numpy takes"),
    ("protocol_common.verifier_incorrect_penalty", -5.0, "penalties are negative rewards"),
    ("protocol_common.prover_reward", -1.0, "a reward may be negative"),
    ("protocol_common.verifier_no_guess_reward", -0.1, "a reward may be negative"),
    ("agents._default.num_gnn_layers", 0, "a count may be zero"),
    ("agents._default.gnn_output_digits", -1, "rounding to tens is rounding"),
]
TEXT_AGENT = [
    ("agents._default.top_p", 1.5, False, "a nucleus-sampling probability above 1"),
    ("agents._default.temperature", -0.7, False, "a negative sampling temperature"),
    ("agents._default.top_p", 0.9, True, "a nucleus-sampling probability"),
]


def _config(address: str, value: object, scenario: str = "graph_isomorphism") -> dict:
    config = copy.deepcopy(SCENARIO_CONFIG[scenario])
    *parents, key = address.split(".")
    node = config
    for part in parents:
        node = node[part]
    assert key in node, f"{address} is not in the default config"
    node[key] = value
    return config


def _addresses(config: dict) -> tuple[list[str], list[str]]:
    """Problem addresses from the fast path (jsonschema-rs first) and from jsonschema alone."""
    fast = [p.address for p in iter_errors(config)]
    slow = [p.address for p in validators._without_fast_path("1.0", None, config)]
    return fast, slow


@pytest.mark.parametrize(("address", "value", "why"), MEANINGLESS,
                         ids=[f"{a}={v}" for a, v, _ in MEANINGLESS])
def test_a_meaningless_value_is_rejected_at_its_address(address, value, why):
    fast, slow = _addresses(_config(address, value))
    assert fast == [address], why
    assert slow == [address], why


@pytest.mark.parametrize(("address", "value", "why"), MEANINGFUL,
                         ids=[f"{a}={v}" for a, v, _ in MEANINGFUL])
def test_a_meaningful_value_stays_valid(address, value, why):
    assert _addresses(_config(address, value)) == ([], []), why


@pytest.mark.parametrize(("address", "value", "valid", "why"), TEXT_AGENT,
                         ids=[f"{a}={v}" for a, v, _, _ in TEXT_AGENT])
def test_text_agent_sampling_settings(address, value, valid, why):
    fast, slow = _addresses(_config(address, value, "code_validation"))
    assert fast == slow == ([] if valid else [address]), why


def test_the_message_states_the_range():
    with pytest.raises(ParameterValidationError) as info:
        HyperParameters(scenario="graph_isomorphism", trainer="vanilla_ppo", dataset="d", test_size=1.0)
    (problem,) = info.value.problems
    assert problem.address == "test_size"
    assert problem.message == "expected a number < 1, got 1.0", problem.message
    with pytest.raises(ParameterValidationError) as info:
        RlTrainerParameters(lr=-0.003)
    assert [p.message for p in info.value.problems] == ["expected a number ≥ 0, got -0.003"]
