# Generated from schema/1.0/ by `make generate`. Do not edit.
"""nip's hyper-parameters, generated from JSON Schema version 1.0.

Build a config with ``HyperParameters(scenario=..., trainer=..., dataset=...)``, serialise it with
``to_dict()`` and read one back with ``HyperParameters.from_dict(d)``. Every value is checked
against the schema; ``validate`` and ``iter_errors`` check a plain dict.
"""

# isort: skip_file
# (Import order is nip's class registration order: the generated modules come in schema order.)

from . import parameters_base
from .errors import (
    ConfigFileError,
    NipParametersError,
    ParameterValidationError,
    Problem,
)
from .parameters_base import (
    BaseHyperParameters,
    BaseRunPreserve,
    ParameterValue,
    SubParameters,
    get_parameter_class,
    get_parameter_or_parameter_value_class,
    register_parameter_class,
    register_parameter_value_class,
)
from .validation import iter_errors, validate
from .types import (
    ScenarioType,
    SpgVariantType,
    IhvpVariantType,
    GuessType,
    TrainerType,
    TestSchemeType,
    PpoLossType,
    BinarificationMethodType,
    ActivationType,
    InteractionProtocolType,
    ImageBuildingBlockType,
    MessageRegressionMethodType,
    BaseRunType,
)
from .update_schedule import (
    ConstantUpdateSchedule,
    ContiguousPeriodicUpdateSchedule,
    AlternatingPeriodicUpdateSchedule,
    AgentUpdateSchedule,
)
from .agents import (
    LrFactors,
    AgentParameters,
    RandomAgentParameters,
    GraphIsomorphismAgentParameters,
    ImageClassificationAgentParameters,
    PureTextAgentParameters,
    CodeValidationAgentParameters,
    AgentsParameters,
)
from .base_run import (
    BaseRunParameters,
)
from .trainers import (
    RlTrainerParameters,
    CommonPpoParameters,
    VanillaPpoParameters,
    SpgParameters,
    ReinforceParameters,
    SoloAgentParameters,
    TextRlParameters,
    PureTextEiParameters,
    PureTextMaltParameters,
)
from .protocol import (
    CommonProtocolParameters,
    LongProtocolParameters,
    NipProtocolParameters,
    DebateProtocolParameters,
    MnipProtocolParameters,
    ZkProtocolParameters,
)
from .scenario import (
    ImageClassificationParameters,
    CodeValidationParameters,
)
from .dataset import (
    DatasetParameters,
)
from .message_regression import (
    MessageRegressionParameters,
)
from .hyper_parameters import (
    HyperParameters,
)
from .version import convert_hyper_param_dict, get_package_name, get_version

AgentsParams = AgentsParameters
"""The name nip's documentation uses for ``AgentsParameters``."""

__all__ = [
    "ActivationType",
    "AgentParameters",
    "AgentUpdateSchedule",
    "AgentsParameters",
    "AgentsParams",
    "AlternatingPeriodicUpdateSchedule",
    "BaseHyperParameters",
    "BaseRunParameters",
    "BaseRunPreserve",
    "BaseRunType",
    "BinarificationMethodType",
    "CodeValidationAgentParameters",
    "CodeValidationParameters",
    "CommonPpoParameters",
    "CommonProtocolParameters",
    "ConfigFileError",
    "ConstantUpdateSchedule",
    "ContiguousPeriodicUpdateSchedule",
    "DatasetParameters",
    "DebateProtocolParameters",
    "GraphIsomorphismAgentParameters",
    "GuessType",
    "HyperParameters",
    "IhvpVariantType",
    "ImageBuildingBlockType",
    "ImageClassificationAgentParameters",
    "ImageClassificationParameters",
    "InteractionProtocolType",
    "LongProtocolParameters",
    "LrFactors",
    "MessageRegressionMethodType",
    "MessageRegressionParameters",
    "MnipProtocolParameters",
    "NipParametersError",
    "NipProtocolParameters",
    "ParameterValidationError",
    "ParameterValue",
    "PpoLossType",
    "Problem",
    "PureTextAgentParameters",
    "PureTextEiParameters",
    "PureTextMaltParameters",
    "RandomAgentParameters",
    "ReinforceParameters",
    "RlTrainerParameters",
    "ScenarioType",
    "SoloAgentParameters",
    "SpgParameters",
    "SpgVariantType",
    "SubParameters",
    "TestSchemeType",
    "TextRlParameters",
    "TrainerType",
    "VanillaPpoParameters",
    "ZkProtocolParameters",
    "convert_hyper_param_dict",
    "get_package_name",
    "get_parameter_class",
    "get_parameter_or_parameter_value_class",
    "get_version",
    "iter_errors",
    "parameters_base",
    "register_parameter_class",
    "register_parameter_value_class",
    "validate",
]
