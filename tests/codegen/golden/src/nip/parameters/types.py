# Generated from schema/1.0/types.json by `make generate`. Do not edit.
"""Enum types of the tiny fixture."""

from typing import Literal

__all__ = ["ColourType"]

ColourType = Literal["red", "blue"]
"""A colour.

- ``red``: warm
- ``blue``: cold
"""
