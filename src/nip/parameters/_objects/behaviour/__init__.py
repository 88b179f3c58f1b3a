"""Hand-written behaviour that JSON Schema cannot express, named from the schema by `x-python-mixin`.

Each mixin is small and reaches its fields through the generated class it is mixed into.
"""

from .agents import AgentBehaviour
from .hyper_parameters import HyperParametersBehaviour
from .update_schedule import AlternatingScheduleBehaviour

__all__ = ["AgentBehaviour", "AlternatingScheduleBehaviour", "HyperParametersBehaviour"]
