# Generated from schema/1.0/ by `make generate`. Do not edit.
"""Where each generated class is described in the published schema, and nip's registration order."""

SCHEMA_VERSION = "1.0"
ROOT_CLASS = "HyperParameters"  # the class of a whole config

# The root schema's rule: scenario -> the class of its agents; the class of a random agent.
AGENT_CLASS_BY_SCENARIO: dict[str, str] = {}
RANDOM_AGENT_CLASS: str | None = None

# Class name -> its definition in the published schema of this version.
CLASS_SCHEMA_REFS: dict[str, str] = {
    "Factors": "things.json#/$defs/Factors",
    "ThingParameters": "things.json#/$defs/ThingParameters",
    "BigThingParameters": "things.json#/$defs/BigThingParameters",
    "HyperParameters": "hyper_parameters.json#/$defs/HyperParameters",
}

# Generated modules in import order; importing them fills the registries in nip's order.
MODULE_ORDER: tuple[str, ...] = (
    "types",
    "things",
    "hyper_parameters",
)
