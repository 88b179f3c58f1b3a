# Generated from schema/1.0/ by `make generate`. Do not edit.
"""nip's hyper-parameters, generated from JSON Schema version 1.0.

Build a config with ``HyperParameters(scenario=..., trainer=..., dataset=...)``, serialise it with
``to_dict()`` and read one back with ``HyperParameters.from_dict(d)``. Every value is checked
against the schema; ``validate`` and ``iter_errors`` check a plain dict.
"""

from . import parameters_base
from .agents import (
    AgentParameters,
    AgentsParameters,
    CodeValidationAgentParameters,
    GraphIsomorphismAgentParameters,
    ImageClassificationAgentParameters,
    LrFactors,
    PureTextAgentParameters,
    RandomAgentParameters,
)
from .base_run import (
    BaseRunParameters,
)
from .dataset import (
    DatasetParameters,
)
from .errors import (
    ConfigFileError,
    NipParametersError,
    ParameterValidationError,
    Problem,
)
from .hyper_parameters import (
    HyperParameters,
)
from .message_regression import (
    MessageRegressionParameters,
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
from .protocol import (
    CommonProtocolParameters,
    DebateProtocolParameters,
    LongProtocolParameters,
    MnipProtocolParameters,
    NipProtocolParameters,
    ZkProtocolParameters,
)
from .scenario import (
    CodeValidationParameters,
    ImageClassificationParameters,
)
from .trainers import (
    CommonPpoParameters,
    PureTextEiParameters,
    PureTextMaltParameters,
    ReinforceParameters,
    RlTrainerParameters,
    SoloAgentParameters,
    SpgParameters,
    TextRlParameters,
    VanillaPpoParameters,
)
from .types import (
    ActivationType,
    BaseRunType,
    BinarificationMethodType,
    GuessType,
    IhvpVariantType,
    ImageBuildingBlockType,
    InteractionProtocolType,
    MessageRegressionMethodType,
    PpoLossType,
    ScenarioType,
    SpgVariantType,
    TestSchemeType,
    TrainerType,
)
from .update_schedule import (
    AgentUpdateSchedule,
    AlternatingPeriodicUpdateSchedule,
    ConstantUpdateSchedule,
    ContiguousPeriodicUpdateSchedule,
)
from .validation import iter_errors, validate
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
