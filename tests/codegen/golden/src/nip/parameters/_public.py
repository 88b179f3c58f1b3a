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
from .version import *  # noqa: F403
from .workflow import *  # noqa: F403

__all__ = [
    "BigThingParameters",
    "ColourType",
    "Factors",
    "HyperParameters",
    "ThingParameters",
]
__all__ += errors.__all__
__all__ += parameters_base.__all__
__all__ += validation.__all__
__all__ += version.__all__
__all__ += workflow.__all__
