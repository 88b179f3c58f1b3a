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
    ColourType,
)
from .things import (
    Factors,
    ThingParameters,
    BigThingParameters,
)
from .hyper_parameters import (
    HyperParameters,
)
from .version import convert_hyper_param_dict, get_package_name, get_version


__all__ = [
    "BaseHyperParameters",
    "BaseRunPreserve",
    "BigThingParameters",
    "ColourType",
    "ConfigFileError",
    "Factors",
    "HyperParameters",
    "NipParametersError",
    "ParameterValidationError",
    "ParameterValue",
    "Problem",
    "SubParameters",
    "ThingParameters",
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
