"""The generated `_from_checked_dict` of each class: what building an object from a dict that the
schema has accepted takes, field by field, as Python statements for the template.

A checked dict needs no questions asked: its keys are the class's own, its `_type`s fit their places
and its values have the schema's types. So the object is filled directly, without the dataclass
`__init__` and `__post_init__` (which re-check each value and look up per-field conversions at run
time), and gives the same object, field for field, as building it through them
(tests/objects/test_checked_builders.py compares the two):

- the constant defaults first (`_FIELD_DEFAULTS`, read once off the dataclass fields), then the given values over them (one C-level merge; the fields stay
  in their order), then the keys that are not fields (`_type`, a serialised class constant) dropped;
- a group: built by its own `_from_checked_dict` (`None` and a missing group are its defaults);
- an update schedule given as a dict: built by its class's `from_checked_dict` (it dispatches on
  `_type`); the agents: by the class's `_collection_from_checked` hook (the scenario decides);
- an integer field given an integral float (`5e3`): stored as the int; a list or dict: a fresh copy
  with the field's conversions (`coerce`), never the caller's;
- a field read from the environment when missing: read then, as its default factory does;
- a deprecated value: replaced, with the same warning.
"""

from __future__ import annotations

from .model import FieldSpec

#: The runtime helpers the statements call (imported by the generated module from `_objects`).
HELPERS = ("deprecated_value", "drop_extra_keys", "env_value", "fixed_container", "integral")


def checked_build(fields: list[FieldSpec], not_fields: tuple[str, ...]) -> tuple[str, ...]:
    """The statements of `_from_checked_dict(cls, data)`, which returns the object; `not_fields`
    are the keys a dict of the class always or often has that are not fields (`_type`, ...).

    Only given values need looking at: an empty dict (a group left out) skips to the objects."""
    given: list[str] = []
    for f in fields:
        if f.json_name != f.name:
            given.append(f"values[{f.name!r}] = values.pop({f.json_name!r}, values[{f.name!r}])")
    given += [f"values.pop({key!r}, None)" for key in not_fields]
    given += [f"if len(values) > {len(fields)}:", "    drop_extra_keys(cls, values)"]
    for f in fields:
        given += _given_value(f)
    lines = ["values = {**cls._FIELD_DEFAULTS, **data}", "if data:", *(f"    {line}" for line in given)]
    for f in fields:
        lines += _object_value(f)
    # `object.__setattr__`: the class's own `__setattr__` (checked assignment) is for built objects
    return (*lines, "obj = object.__new__(cls)", "object.__setattr__(obj, '__dict__', values)",
            "return obj")


def _given_value(f: FieldSpec) -> list[str]:
    """A given plain value, as the field holds it."""
    if f.group_class or f.value_class or f.collection_class:
        return []
    at = f"values[{f.name!r}]"
    lines = []
    if "integer" in f.json_types:
        lines += [f"if type({at}) is float:", f"    {at} = integral({at})"]
    if {"array", "object"} & set(f.json_types) or not f.json_types:
        lines += [f"if type({at}) is list or type({at}) is dict:",
                  f"    {at} = fixed_container(cls, {f.name!r}, {at})"]
    if f.aliases:
        lines += [f"if {at} in {f.aliases!r}:",
                  f"    {at} = deprecated_value({f.name!r}, {at}, {f.aliases!r})"]
    return lines


def _object_value(f: FieldSpec) -> list[str]:
    """A value that is an object (given or not), or read from the environment when not given."""
    at = f"values[{f.name!r}]"
    if f.group_class:
        return [f"{at} = {f.group_class}._from_checked_dict({at} or {{}})"]
    if f.value_class:
        return [f"if type({at}) is dict:", f"    {at} = {f.value_class}.from_checked_dict({at})"]
    if f.collection_class:
        return [f"{at} = cls._collection_from_checked(data, {at}, {f.collection_class})"]
    if f.env_variable:
        return [f"if {f.json_name!r} not in data:",
                f"    {at} = env_value({f.env_variable!r}, {f.env_fallback!r})"]
    return []
