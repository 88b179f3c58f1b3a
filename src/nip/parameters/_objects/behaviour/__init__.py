"""Hand-written behaviour that JSON Schema cannot express, named from the schema by `x-python-mixin`.

Each mixin is small and reaches its fields through the generated class it is mixed into; the hooks
it overrides are declared, with their defaults, on `BaseHyperParameters` (../base.py). The update
schedules' mixins live with their base class, in ../schedules.py.
"""

from .agents import AgentBehaviour
from .hyper_parameters import HyperParametersBehaviour

__all__ = ["AgentBehaviour", "HyperParametersBehaviour"]
