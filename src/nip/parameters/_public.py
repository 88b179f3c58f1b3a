# Generated from schema/1.0/ by `make generate`. Do not edit.
"""Every public name of ``nip.parameters``: the package root loads this module on first use."""

# isort: skip_file
# (Import order is nip's class registration order: the generated modules come in schema order.)

# The public hand-written modules: the package root re-exports each one's `__all__`.
from . import errors, parameters_base, validation, version, workflow
from .errors import *  # noqa: F403
from .parameters_base import *  # noqa: F403
from .validation import *  # noqa: F403
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
from .version import *  # noqa: F403
from .workflow import *  # noqa: F403

AgentsParams = AgentsParameters
"""Another name of ``AgentsParameters`` (nip's documentation uses it)."""

__all__ = [
    "ActivationType",
    "AgentParameters",
    "AgentUpdateSchedule",
    "AgentsParameters",
    "AgentsParams",
    "AlternatingPeriodicUpdateSchedule",
    "BaseRunParameters",
    "BaseRunType",
    "BinarificationMethodType",
    "CodeValidationAgentParameters",
    "CodeValidationParameters",
    "CommonPpoParameters",
    "CommonProtocolParameters",
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
    "NipProtocolParameters",
    "PpoLossType",
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
    "TestSchemeType",
    "TextRlParameters",
    "TrainerType",
    "VanillaPpoParameters",
    "ZkProtocolParameters",
]
__all__ += errors.__all__
__all__ += parameters_base.__all__
__all__ += validation.__all__
__all__ += version.__all__
__all__ += workflow.__all__
