"""Base classes and class registries of the parameters objects (nip's public module).

The implementation lives in `_objects/` (base.py and values.py); this module keeps nip's import path.
"""

from ._objects import base, values
from ._objects.base import *  # noqa: F403
from ._objects.values import *  # noqa: F403

__all__ = base.__all__ + values.__all__
