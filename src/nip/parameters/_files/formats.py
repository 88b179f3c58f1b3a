"""The config file formats, and which file extension means which."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

__all__ = ["FORMATS", "Format", "format_of"]

Format = Literal["json", "yaml", "toml"]
FORMATS: tuple[Format, ...] = ("json", "yaml", "toml")
_EXTENSIONS: dict[str, Format] = {".json": "json", ".yaml": "yaml", ".yml": "yaml", ".toml": "toml"}


def format_of(path: str | os.PathLike[str]) -> Format | None:
    """The format a file name says (``run.yml`` -> ``yaml``); None for another extension."""
    return _EXTENSIONS.get(Path(path).suffix.lower())
