"""Building and dumping parameter objects: the runtime the generated classes stand on.

The generated modules import from here only: the base classes and their hooks (base.py), the class
registries (values.py), field metadata (fields.py), conversion from and to dicts (build.py, dump.py,
lookup.py, and builder_steps.py: the steps the generated `_from_checked_dict` builders share), the hand-written value classes (agents.py, schedules.py) and the behaviour mixins the
schema names (behaviour/). See docs/architecture.md.
"""

from .agents import AgentsParameters
from .base import BaseHyperParameters, BaseRunPreserve, SubParameters
from .behaviour import AgentBehaviour, HyperParametersBehaviour
from .builder_steps import (
    deprecated_value,
    drop_extra_keys,
    env_value,
    field_defaults,
    fixed_container,
    integral,
)
from .dump import dump_value
from .fields import BUILT_FROM_NONE, FIELD_DEFAULT, env_default
from .schedules import (
    AgentUpdateSchedule,
    AlternatingScheduleBehaviour,
    ConstantScheduleBehaviour,
)
from .values import (
    PARAMETER_CLASSES,
    PARAMETER_VALUE_CLASSES,
    ParameterValue,
    get_parameter_class,
    get_parameter_or_parameter_value_class,
    register_parameter_class,
    register_parameter_value_class,
)

__all__ = [
    "BUILT_FROM_NONE",
    "FIELD_DEFAULT",
    "PARAMETER_CLASSES",
    "PARAMETER_VALUE_CLASSES",
    "AgentBehaviour",
    "AgentUpdateSchedule",
    "AgentsParameters",
    "AlternatingScheduleBehaviour",
    "BaseHyperParameters",
    "BaseRunPreserve",
    "ConstantScheduleBehaviour",
    "HyperParametersBehaviour",
    "ParameterValue",
    "SubParameters",
    "deprecated_value",
    "drop_extra_keys",
    "dump_value",
    "env_default",
    "env_value",
    "field_defaults",
    "fixed_container",
    "get_parameter_class",
    "get_parameter_or_parameter_value_class",
    "integral",
    "register_parameter_class",
    "register_parameter_value_class",
]
