"""Reading and writing config files: JSON, YAML (safe loader only) and TOML, within limits.

Imports nothing above the validation layer (see docs/architecture.md).
"""

from .formats import FORMATS, Format, format_of
from .read import (
    MAX_DEPTH,
    MAX_EXPANDED_BYTES,
    MAX_FILE_BYTES,
    MAX_STRING_LENGTH,
    MAX_VALUES,
    MAX_YAML_ALIASES,
    STDIN_NAME,
    LoadedConfig,
    parse_config,
    read_config,
    shown_path,
)
from .write import dump_config, write_atomically, write_new

__all__ = [
    "FORMATS",
    "MAX_DEPTH",
    "MAX_EXPANDED_BYTES",
    "MAX_FILE_BYTES",
    "MAX_STRING_LENGTH",
    "MAX_VALUES",
    "MAX_YAML_ALIASES",
    "STDIN_NAME",
    "Format",
    "LoadedConfig",
    "dump_config",
    "format_of",
    "parse_config",
    "read_config",
    "shown_path",
    "write_atomically",
    "write_new",
]
