# Generated from schema/1.0/ by `make generate`. Do not edit.
"""Where each generated class is described in the published schema, and nip's registration order."""

SCHEMA_VERSION = "1.0"
ROOT_CLASS = "HyperParameters"  # the class of a whole config

# The root schema's rule: scenario -> the class of its agents; the class of a random agent.
AGENT_CLASS_BY_SCENARIO: dict[str, str] = {
    "graph_isomorphism": "GraphIsomorphismAgentParameters",
    "image_classification": "ImageClassificationAgentParameters",
    "code_validation": "CodeValidationAgentParameters",
}
RANDOM_AGENT_CLASS: str | None = "RandomAgentParameters"

# Class name -> its definition in the published schema of this version.
CLASS_SCHEMA_REFS: dict[str, str] = {
    "ConstantUpdateSchedule": "update_schedule.json#/$defs/ConstantUpdateSchedule",
    "ContiguousPeriodicUpdateSchedule": "update_schedule.json#/$defs/ContiguousPeriodicUpdateSchedule",
    "AlternatingPeriodicUpdateSchedule": "update_schedule.json#/$defs/AlternatingPeriodicUpdateSchedule",
    "LrFactors": "agents.json#/$defs/LrFactors",
    "AgentParameters": "agents.json#/$defs/AgentParameters",
    "RandomAgentParameters": "agents.json#/$defs/RandomAgentParameters",
    "GraphIsomorphismAgentParameters": "agents.json#/$defs/GraphIsomorphismAgentParameters",
    "ImageClassificationAgentParameters": "agents.json#/$defs/ImageClassificationAgentParameters",
    "PureTextAgentParameters": "agents.json#/$defs/PureTextAgentParameters",
    "CodeValidationAgentParameters": "agents.json#/$defs/CodeValidationAgentParameters",
    "BaseRunParameters": "base_run.json#/$defs/BaseRunParameters",
    "RlTrainerParameters": "trainers.json#/$defs/RlTrainerParameters",
    "CommonPpoParameters": "trainers.json#/$defs/CommonPpoParameters",
    "VanillaPpoParameters": "trainers.json#/$defs/VanillaPpoParameters",
    "SpgParameters": "trainers.json#/$defs/SpgParameters",
    "ReinforceParameters": "trainers.json#/$defs/ReinforceParameters",
    "SoloAgentParameters": "trainers.json#/$defs/SoloAgentParameters",
    "TextRlParameters": "trainers.json#/$defs/TextRlParameters",
    "PureTextEiParameters": "trainers.json#/$defs/PureTextEiParameters",
    "PureTextMaltParameters": "trainers.json#/$defs/PureTextMaltParameters",
    "CommonProtocolParameters": "protocol.json#/$defs/CommonProtocolParameters",
    "LongProtocolParameters": "protocol.json#/$defs/LongProtocolParameters",
    "NipProtocolParameters": "protocol.json#/$defs/NipProtocolParameters",
    "DebateProtocolParameters": "protocol.json#/$defs/DebateProtocolParameters",
    "MnipProtocolParameters": "protocol.json#/$defs/MnipProtocolParameters",
    "ZkProtocolParameters": "protocol.json#/$defs/ZkProtocolParameters",
    "ImageClassificationParameters": "scenario.json#/$defs/ImageClassificationParameters",
    "CodeValidationParameters": "scenario.json#/$defs/CodeValidationParameters",
    "DatasetParameters": "dataset.json#/$defs/DatasetParameters",
    "MessageRegressionParameters": "message_regression.json#/$defs/MessageRegressionParameters",
    "HyperParameters": "hyper_parameters.json#/$defs/HyperParameters",
}

# What every value must keep (schema/limits.json); the published schemas enforce the first three.
MAX_STRING_LENGTH = 65536
MIN_INTEGER = -9223372036854775808
MAX_INTEGER = 18446744073709551615
MAX_DEPTH = 200

# The agents nip runs under each interaction_protocol, and those a boolean field adds when true
# (x-agent-names: zero knowledge adds two).
AGENT_NAMES: dict[str, tuple[str, ...]] = {
    "nip": (
        "prover",
        "verifier",
    ),
    "adp": (
        "prover",
        "verifier",
    ),
    "debate": (
        "prover0",
        "prover1",
        "verifier",
    ),
    "merlin_arthur": (
        "prover0",
        "prover1",
        "verifier",
    ),
    "mnip": (
        "prover0",
        "prover1",
        "verifier",
    ),
    "solo_verifier": ("verifier",),
    "multi_channel_test": (
        "prover0",
        "prover1",
        "prover2",
        "verifier",
    ),
}
AGENT_NAMES_WHEN_TRUE: dict[tuple[str, ...], tuple[str, ...]] = {
    (
        "protocol_common",
        "zero_knowledge",
    ): (
        "adversarial_verifier",
        "simulator",
    ),
}

# Generated modules in import order; importing them fills the registries in nip's order.
MODULE_ORDER: tuple[str, ...] = (
    "types",
    "update_schedule",
    "agents",
    "base_run",
    "trainers",
    "protocol",
    "scenario",
    "dataset",
    "message_regression",
    "hyper_parameters",
)
