# Generated from schema/1.0/types.json by `make generate`. Do not edit.
"""Enum types for experiment parameters."""

from typing import Literal

__all__ = [
    "ActivationType",
    "BaseRunType",
    "BinarificationMethodType",
    "GuessType",
    "IhvpVariantType",
    "ImageBuildingBlockType",
    "InteractionProtocolType",
    "MessageRegressionMethodType",
    "PpoLossType",
    "ScenarioType",
    "SpgVariantType",
    "TestSchemeType",
    "TrainerType",
]

ScenarioType = Literal["graph_isomorphism", "image_classification", "code_validation"]
"""Allowed values of HyperParameters.scenario.

- ``graph_isomorphism``: decide whether two graphs are isomorphic (GNN agents)
- ``image_classification``: binary image classification (CNN agents)
- ``code_validation``: judge whether a program solves a task (API language-model agents)
"""

SpgVariantType = Literal["spg", "pspg", "lola", "pola", "sos", "psos"]
"""Allowed values of SpgParameters.variant.

- ``spg``: Stackelberg policy gradient
- ``pspg``: SPG using the clipped PPO objective
- ``lola``: learning with opponent-learning awareness
- ``pola``: LOLA using the clipped PPO objective
- ``sos``: stable opponent shaping
- ``psos``: SOS using the clipped PPO objective
"""

IhvpVariantType = Literal["conj_grad", "neumann", "nystrom"]
"""Allowed values of SpgParameters.ihvp_variant.

- ``conj_grad``: conjugate gradient (not implemented in nip)
- ``neumann``: Neumann series (not implemented in nip)
- ``nystrom``: Nystrom approximation
"""

GuessType = Literal["zero", "one", "y"]
"""Allowed values of CommonProtocolParameters.force_guess.

- ``zero``: always reject / label 0
- ``one``: always accept / label 1
- ``y``: always the true label
"""

TrainerType = Literal[
    "vanilla_ppo", "solo_agent", "spg", "reinforce", "pure_text_ei", "pure_text_malt"
]
"""Allowed values of HyperParameters.trainer.

- ``vanilla_ppo``: PPO with agents learning independently
- ``solo_agent``: supervised training of one agent alone
- ``spg``: Stackelberg policy gradient family (see SpgVariantType)
- ``reinforce``: REINFORCE policy gradient
- ``pure_text_ei``: expert iteration for API-run text agents
- ``pure_text_malt``: MALT tree-sampling training for API-run text agents
"""

TestSchemeType = Literal["none", "all", "last", "first_and_last"]
"""Allowed values of TextRlParameters.test_scheme.

- ``none``: never test during training
- ``all``: test after every iteration
- ``last``: test only after the last iteration
- ``first_and_last``: test after the first and the last iteration
"""

PpoLossType = Literal["clip", "kl_penalty"]
"""Allowed values of CommonPpoParameters.loss_type.

- ``clip``: clipped surrogate objective
- ``kl_penalty``: adaptive KL-penalty objective
"""

BinarificationMethodType = Literal["select_two", "merge", "random"]
"""Allowed values of DatasetParameters.binarification_method.

- ``select_two``: keep only two chosen classes
- ``merge``: split all classes into two merged groups
- ``random``: assign classes to the two sides at random
"""

ActivationType = Literal["relu", "tanh", "sigmoid"]
"""Allowed values of GraphIsomorphismAgentParameters.activation_function, ImageClassificationAgentParameters.activation_function, MessageRegressionParameters.mlp_activation.

- ``relu``: rectified linear unit
- ``tanh``: hyperbolic tangent
- ``sigmoid``: logistic sigmoid
"""

InteractionProtocolType = Literal[
    "nip",
    "adp",
    "debate",
    "merlin_arthur",
    "mnip",
    "solo_verifier",
    "multi_channel_test",
]
"""Allowed values of HyperParameters.interaction_protocol.

- ``nip``: neural interactive proof: one prover, one verifier (called 'pvg' before 1.0)
- ``adp``: abstract decision problem protocol (called 'abstract_decision_problem' before 1.0)
- ``debate``: two provers argue, verifier decides
- ``merlin_arthur``: Merlin-Arthur classifier protocol with two provers
- ``mnip``: NIP with two provers
- ``solo_verifier``: a verifier alone, no prover
- ``multi_channel_test``: test protocol exercising several message channels
"""

ImageBuildingBlockType = Literal["conv2d", "residual_basic"]
"""Allowed values of ImageClassificationAgentParameters.building_block_type.

- ``conv2d``: plain 2-D convolution
- ``residual_basic``: ResNet basic residual block
"""

MessageRegressionMethodType = Literal["mlp", "cnn"]
"""Allowed values of MessageRegressionParameters.regression_method.

- ``mlp``: multi-layer perceptron probe
- ``cnn``: convolutional probe
"""

BaseRunType = Literal["none", "parameters", "rerun_tests"]
"""Allowed values of BaseRunParameters.base_run_type.

- ``none``: independent run
- ``parameters``: take the earlier run's hyper-parameters
- ``rerun_tests``: repeat the earlier run's tests (test-related settings may change)
"""
