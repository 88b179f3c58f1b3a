"""Writing config data as JSON or YAML text (disk.py puts text on disk)."""

from __future__ import annotations

import json
from typing import Any

import yaml

from . import yaml_core
from .disk import BACKUP_SUFFIX, write_atomically
from .output import OutputError, output_directory, write_file, write_into
from .yaml_core import needs_quotes

__all__ = ["BACKUP_SUFFIX", "OutputError", "dump_config", "output_directory", "write_atomically",
           "write_file", "write_into"]


class _Dumper(yaml.SafeDumper):  # type: ignore[misc,unused-ignore]  # no PyYAML stubs
    """Block-style YAML, keys in the given order, never anchors/aliases for repeated objects.

    A string is written plain only when every reader reads it back as that string: YAML 1.2
    core (editors, nip-params) and YAML 1.1 (PyYAML, nip 1.0) alike (``'no'``, ``'1e-3'`` and
    ``'2024-01-01'`` are quoted). U+0085, U+2028 and U+2029, which YAML 1.1 readers take for line
    breaks, are written as the escapes ``\\N``, ``\\L`` and ``\\P`` in double quotes.
    """

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is yaml.ScalarNode and implicit[0]:
            tag = yaml_core.plain_tag(value)  # numbers, booleans and null: what 1.2 reads
            if tag == yaml_core.STR and needs_quotes(value):
                return _YAML_11_ONLY  # a string that a 1.1 reader reads otherwise: quote it
            return tag
        return super().resolve(kind, value, implicit)


def _represent_str(dumper: _Dumper, data: str) -> Any:
    style = '"' if any(c in data for c in _YAML_11_BREAKS) else None
    return dumper.represent_scalar(yaml_core.STR, data, style=style)


_YAML_11_BREAKS = "\x85\u2028\u2029"
_YAML_11_ONLY = "tag:yaml.org,2002:yaml-1.1-only"
_Dumper.add_representer(tuple, yaml.SafeDumper.represent_list)
_Dumper.add_representer(str, _represent_str)


def dump_config(data: Any, format: str) -> str:
    """Render config data as ``json`` (2-space indent) or ``yaml`` (block style), ending in a newline.

    Key order is kept. Tuples are written as lists. NaN and infinities are refused.
    """
    if format == "json":
        return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    if format == "yaml":
        return str(
            yaml.dump(data, Dumper=_Dumper, sort_keys=False, default_flow_style=False,
                      allow_unicode=True, width=88)
        )
    raise ValueError(f"cannot write format {format!r}: expected 'json' or 'yaml'")
