"""The intermediate model the templates render: plain data, everything precomputed.

Templates stay logic-light (as in openapi-python-client): the type hints, default expressions and
docstrings are worked out here and in `parse`, never in jinja.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class FieldSpec:
    name: str  # Python attribute name
    json_name: str  # key in the dict form
    type_hint: str  # what the field holds once the object is built (its dataclass annotation)
    default: str | None  # Python source of the default; None when the field is required
    default_factory: str | None
    description: str  # with the range said in words, as the published schema says it
    group_class: str | None = None  # a nested parameters class: `X | dict | None`, normalised
    value_class: str | None = None  # a value class (update schedule) rebuilt by from_dict
    collection_class: str | None = None  # a keyed collection of parameter objects (agents)
    aliases: dict[str, str] = field(default_factory=dict)  # deprecated value -> replacement
    env_variable: str | None = None  # `x-env-default`: read when an object is created
    env_fallback: str = ""  # the value when that variable is not set
    json_types: tuple[str, ...] = ()  # the JSON types the schema allows here (empty: any)
    base_run_preserve: tuple[str, ...] = ()  # `x-base-run-preserve`: base-run types that keep it
    # What the constructor (and assignment) accepts, when more than `type_hint`: a group also as a
    # dict or None, a deprecated enum value. Type checkers read it from the generated `__init__`.
    init_type_hint: str = ""
    # The attribute docstring keeps the two apart: its first line is read by napoleon (Sphinx) as
    # "type: description" when it holds a colon, so the range goes in a paragraph of its own.
    summary: str = ""  # the schema's description alone
    range_text: str = ""  # "≥ 0 and < 1", or ""

    @property
    def accepts(self) -> str:
        return self.init_type_hint or self.type_hint

    @property
    def built_from_none(self) -> bool:
        """Its default is None, which the constructor turns into an object (a group, the agents):
        the annotation does not allow None, so the generated default is the runtime's `Any` None."""
        return self.default == "None" and self.init_type_hint != "" and "None" not in self.type_hint

    @property
    def doc_default(self) -> str:
        """The default as the reference docs show it."""
        if self.env_variable:
            return f"env `{self.env_variable}`, else `''`"
        return "required" if self.default is None else f"`{self.default}`"

    @property
    def metadata(self) -> dict[str, str]:
        """What the runtime reads from `dataclasses.field(metadata=...)`."""
        meta = {}
        if self.json_name != self.name:
            meta["json_name"] = repr(self.json_name)
        if self.group_class:
            meta["nip_class"] = self.group_class
        elif self.value_class:
            meta["nip_value_class"] = self.value_class
        elif self.collection_class:
            meta["nip_collection"] = self.collection_class
        if self.aliases:
            meta["deprecated_values"] = repr(self.aliases)
        return meta


@dataclass(frozen=True)
class ClassSpec:
    name: str
    module: str
    bases: tuple[str, ...]  # generated classes, runtime base classes and mixins, in MRO order
    description: str
    fields: tuple[FieldSpec, ...]
    schema_ref: str  # e.g. "agents.json#/$defs/LrFactors"
    registered: bool = True
    abstract: bool = False
    value_class: bool = False  # registered with register_parameter_value_class
    frozen: bool = False
    classvars: tuple[tuple[str, str, str], ...] = ()  # (name, annotation, Python source)
    # Every field `to_dict` writes, inherited ones included, in order: (key, Python expression).
    dict_entries: tuple[tuple[str, str], ...] = ()
    # Fields of a generated base that this value class does not take: set by its behaviour, not
    # passed to the constructor, serialised or shown (nip's alternating schedule's `start`/`stop`).
    derived_fields: tuple[FieldSpec, ...] = ()
    serialised_classvars: tuple[str, ...] = ()  # class constants `to_dict` writes (keys, not fields)
    # The generated `_from_checked_dict` (see `builders`): every field's constant default, in
    # order, and the statements that fill an object from a checked dict.
    checked_build: tuple[str, ...] = ()
    # Every constructor argument, inherited ones included, in the dataclass `__init__`'s order: the
    # generated `__init__` signature that type checkers read.
    init_fields: tuple[FieldSpec, ...] = ()


@dataclass(frozen=True)
class AliasSpec:
    name: str
    values: tuple[str, ...]
    descriptions: tuple[str, ...]
    description: str

    @property
    def literal(self) -> str:
        return "Literal[" + ", ".join(repr(v) for v in self.values) + "]"


@dataclass(frozen=True)
class HandwrittenSpec:
    """A class the runtime writes by hand (`x-python-handwritten`); the module re-exports it."""

    name: str
    description: str
    registered: bool  # registered as a value class when its module is imported (nip's order)
    other_names: tuple[str, ...] = ()  # `x-python-aliases`: other names the package root exports


@dataclass(frozen=True)
class ModuleSpec:
    name: str
    source: str  # the schema file it comes from, e.g. "schema/1.0/agents.json"
    description: str
    classes: tuple[ClassSpec, ...]
    aliases: tuple[AliasSpec, ...]
    handwritten: tuple[HandwrittenSpec, ...]
    runtime_names: tuple[str, ...] = ()  # what the module imports from the runtime (`_objects`)

    @property
    def exports(self) -> tuple[str, ...]:
        names = [a.name for a in self.aliases] + [c.name for c in self.classes]
        return tuple(names + [h.name for h in self.handwritten])


@dataclass(frozen=True)
class PackageSpec:
    version: str
    modules: tuple[ModuleSpec, ...]  # in registration order
    root_class: str  # the class a whole config is (the root schema's `$ref`)
    # the root schema's `if scenario ... then agents ...` rule: (scenario, agent class) pairs, and
    # the class of a random agent (read once here, generated into the registry and the root class)
    agent_class_by_scenario: tuple[tuple[str, str], ...] = ()
    random_agent_class: str | None = None
    # `x-agent-names` of the root's `agents`: protocol -> the agents nip runs, and the agents a
    # boolean field adds when true (address parts -> names: zero knowledge's two)
    agent_names: tuple[tuple[str, tuple[str, ...]], ...] = ()
    agents_when_true: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()

    @property
    def classes(self) -> list[ClassSpec]:
        return [c for m in self.modules for c in m.classes]

    @property
    def other_names(self) -> list[tuple[str, str]]:
        """(other name, class) pairs the package root exports besides the class names."""
        return [(o, h.name) for m in self.modules for h in m.handwritten for o in h.other_names]
