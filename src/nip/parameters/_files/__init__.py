"""Reading and writing config files: JSON, YAML (safe loader only) and TOML, within limits.

Imports nothing above the validation layer (see docs/architecture.md). `roundtrip` (rewriting a file
with its comments and layout kept) is imported by name where it is needed.
"""

from . import formats, read, write
from .formats import *  # noqa: F403 - this package's API is its modules' APIs
from .read import *  # noqa: F403
from .write import *  # noqa: F403

__all__ = formats.__all__ + read.__all__ + write.__all__
