"""Turn one schema version into the intermediate model, with datamodel-code-generator as the parser.

datamodel-code-generator does the JSON Schema reading and the type mapping (Literal enums, unions,
optionals, collections, cross-file references, `allOf` bases). Its stock dataclass output falls short
of nip's API, so we take its parsed models, not its rendered code, and add what the `x-` keywords say.
"""

from __future__ import annotations

import json
import re
import tempfile
import warnings
from dataclasses import replace
from pathlib import Path
from typing import Any

from datamodel_code_generator import DataModelType, LiteralType, PythonVersion
from datamodel_code_generator.model import get_data_model_types
from datamodel_code_generator.parser.jsonschema import JsonSchemaParser

from nip.parameters._publishing import VersionSource
from nip.parameters._publishing.ranges import range_text, with_range
from nip.parameters._schema_files import ROOT_GROUP

from . import builders
from .model import (
    AliasSpec,
    ClassSpec,
    FieldSpec,
    HandwrittenSpec,
    ModuleSpec,
    PackageSpec,
)


def run_parser(source: VersionSource) -> list[Any]:
    """The parsed models of every `$defs` entry, from datamodel-code-generator."""
    with tempfile.TemporaryDirectory() as tmp:  # the group files only, not the migration step
        directory = Path(tmp)
        for stem, doc in source.groups.items():
            (directory / f"{stem}.json").write_text(json.dumps(doc), encoding="utf-8")
        return _parse_directory(directory)


def _parse_directory(directory: Path) -> list[Any]:
    types = get_data_model_types(DataModelType.DataclassesDataclass, PythonVersion.PY_311)
    parser = JsonSchemaParser(
        directory.resolve(),
        data_model_type=types.data_model,
        data_model_root_type=types.root_model,
        data_model_field_type=types.field_model,
        data_type_manager_type=types.data_type_manager,
        dump_resolve_reference_action=types.dump_resolve_reference_action,
        field_include_all_keys=True,
        use_union_operator=True,
        use_standard_collections=True,
        target_python_version=PythonVersion.PY_311,
        enum_field_as_literal=LiteralType.All,
        strict_nullable=True,
        use_exact_imports=True,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # formatter-default notices; we format with ruff ourselves
        parser.parse()
    return list(parser.results)


_JSON_TYPE_OF = {str: "string", bool: "boolean", int: "integer", float: "number", type(None): "null",
                 list: "array", dict: "object"}


def _python_default(value: Any, schema: dict[str, Any]) -> str:
    if isinstance(value, dict) and "_type" in value:  # a value object, in its dict form
        name = value["_type"]
        args = value.get(name, {})
        return f"{name}(" + ", ".join(f"{k}={v!r}" for k, v in args.items()) + ")"
    if isinstance(value, list) and "x-python-type" in schema and "tuple" in schema["x-python-type"]:
        return repr(tuple(tuple(v) if isinstance(v, list) else v for v in value))
    return repr(value)


def _collection_type(collection_class: str, accepted: str) -> str:
    """A keyed collection's type once built: the collection of the entry class that the schema's
    `x-python-type` names for its dict form (`dict[str, AgentParameters]`)."""
    entry = re.search(r"dict\[str, (\w+)\]", accepted)
    return f"{collection_class}[{entry.group(1)}]" if entry else collection_class


def _collection_accepts(stated: str) -> str:
    """What the constructor takes for a keyed collection whose `x-python-type` is `stated`
    (`AgentsParameters | dict[str, AgentParameters] | None`): any mapping, each entry an object or
    a dict of its fields (a `Mapping`, which type checkers take for a dict of subclass objects)."""
    return re.sub(r"dict\[str, (\w+)\]", r"Mapping[str, \1 | Mapping[str, Any]]", stated)


class VersionParser:
    def __init__(self, source: VersionSource) -> None:
        self.source = source
        self.defs = source.class_defs()
        models = run_parser(source)
        self.models = {m.reference.path: m for m in models}
        self.param_classes = {
            name
            for name, (_, d) in self.defs.items()
            if "properties" in d or "allOf" in d
        }

    def _model(self, stem: str, name: str) -> Any:
        return self.models[f"{stem}.json#/$defs/{name}"]

    # ---- fields -----------------------------------------------------------------------------
    def _field(self, parsed: Any, schema: dict[str, Any]) -> FieldSpec | None:
        if schema.get("x-meta") or parsed.original_name == "_type":
            return None
        hints = [d for d in parsed.data_type.data_types] or [parsed.data_type]
        aliases = {
            item["const"]: item["x-alias-of"]
            for item in schema.get("anyOf", [])
            if "x-alias-of" in item
        }
        type_hint = init_hint = parsed.type_hint
        if aliases:  # deprecated values are accepted, but the annotation names the real type
            kept = [d for d in hints if not (d.literals and set(d.literals) <= set(aliases))]
            type_hint = " | ".join(d.type_hint for d in kept)
        group_class = value_class = collection_class = None
        refs = [schema.get("$ref")] + [item.get("$ref") for item in schema.get("anyOf", [])]
        for name in [ref.rsplit("/", 1)[-1] for ref in refs if ref]:
            target = self.defs.get(name, ("", {}))[1]
            if not target.get("x-python-handwritten"):
                group_class = name if name in self.param_classes else None
            elif "additionalProperties" in target:
                collection_class = name  # a keyed collection of objects (the agents)
            else:
                value_class = name  # a value union keyed by `_type` (update schedules)
        if group_class:  # built from None or a dict by the constructor: always the object after
            init_hint = type_hint.replace(" | None", "") + " | dict[str, Any] | None"
            type_hint = type_hint.replace(" | None", "")
        elif value_class:  # a dict is built into the schedule by the constructor
            init_hint = f"{type_hint} | dict[str, Any]"
        if "x-python-type" in schema:
            init_hint = type_hint = schema["x-python-type"]
        if collection_class:  # None and a mapping of agents (objects or dicts) become the collection
            init_hint = _collection_accepts(type_hint)
            type_hint = _collection_type(collection_class, type_hint)
        preserve = tuple(schema.get("x-base-run-preserve", ()))
        if preserve:
            marks = ", ".join(f"BaseRunPreserve({m!r})" for m in preserve)
            type_hint = f"Annotated[{type_hint}, {marks}]"
        default = factory = None
        env = schema.get("x-env-default")
        if env:
            factory = f"env_default({env!r}, {schema.get('default', '')!r})"
        elif "default" in schema:
            default = _python_default(schema["default"], schema)
        return FieldSpec(
            name=parsed.name,
            json_name=parsed.original_name or parsed.name,
            type_hint=type_hint,
            default=default,
            default_factory=factory,
            description=with_range(schema.get("description", ""), schema),
            summary=schema.get("description", ""),
            range_text=range_text(schema),
            group_class=group_class,
            value_class=value_class,
            collection_class=collection_class,
            aliases=aliases,
            env_variable=env,
            env_fallback=str(schema.get("default", "")) if env else "",
            json_types=tuple(sorted(self._json_types(schema))),
            base_run_preserve=preserve,
            init_type_hint=init_hint if init_hint != type_hint else "",
        )

    def _json_types(self, schema: dict[str, Any]) -> set[str]:
        """The JSON types a field's schema allows, through `$ref`s and alternatives (empty: any)."""
        found: set[str] = set()
        if "$ref" in schema:
            target = self.defs.get(str(schema["$ref"]).rsplit("/", 1)[-1], ("", {}))[1]
            found |= {"object"} if "properties" in target or "allOf" in target else (
                self._json_types(target) or {"object"})
        kind = schema.get("type")
        found |= {kind} if isinstance(kind, str) else set(kind or ())
        for value in [*schema.get("enum", ()), *([schema["const"]] if "const" in schema else [])]:
            found.add(_JSON_TYPE_OF.get(type(value), "object"))
        for item in [*schema.get("anyOf", ()), *schema.get("oneOf", ())]:
            found |= self._json_types(item) or {"any"}
        return found - {"any"} if "any" not in found else set()

    def _fields(self, model: Any, properties: dict[str, Any]) -> tuple[FieldSpec, ...]:
        out = []
        for parsed in model.fields:
            spec = self._field(parsed, properties.get(parsed.original_name or parsed.name, {}))
            if spec:
                out.append(spec)
        return tuple(out)

    # ---- classes ----------------------------------------------------------------------------
    def _class(self, stem: str, name: str, definition: dict[str, Any]) -> ClassSpec:
        model = self._model(stem, name)
        bases = [b.type_hint for b in model.base_classes] or [
            definition.get("x-python-base", "SubParameters")
        ]
        if "x-python-mixin" in definition:
            bases.insert(0, definition["x-python-mixin"])
        properties = definition.get("properties", {})
        value_class = definition.get("x-serialise") == "arguments-under-class-name"
        if value_class:
            holder = next(f for f in model.fields if f.original_name == name) if (
                name in properties
            ) else None
            if holder is None:
                fields: tuple[FieldSpec, ...] = ()
            else:
                nested = self.models[holder.data_type.reference.path]
                fields = self._fields(nested, properties[name]["properties"])
        else:
            fields = self._fields(model, properties)
        classvars = []
        for var, value in definition.get("x-classvars", {}).items():
            classvars.append((var, f"ClassVar[{type(value).__name__}]", repr(value)))
        preserved = [f for f, s in properties.items() if s.get("x-load-preserved")]
        if preserved:
            classvars.append(("LOAD_PRESERVED_PARAMETERS", "ClassVar[list[str]]", repr(preserved)))
        if "x-serialised-classvars" in definition:
            classvars.append(
                ("SERIALISED_CLASSVARS", "ClassVar[tuple[str, ...]]",
                 repr(tuple(definition["x-serialised-classvars"])))
            )
        if stem == ROOT_GROUP and f"#/$defs/{name}" == self.source.groups[stem].get("$ref"):
            classvars += agent_class_tables(self.source.groups[stem], name)
        if "x-test-params" in definition:
            classvars.append(
                ("TEST_PARAMETERS", "ClassVar[dict[str, Any]]", repr(definition["x-test-params"]))
            )
        return ClassSpec(
            name=name,
            module=stem,
            bases=tuple(bases),
            description=definition.get("description", ""),
            fields=fields,
            schema_ref=f"{stem}.json#/$defs/{name}",
            registered=definition.get("x-registered", True),
            abstract=definition.get("x-abstract", False),
            value_class=value_class,
            frozen=value_class,
            classvars=tuple(classvars),
            serialised_classvars=tuple(definition.get("x-serialised-classvars", ())),
        )

    def _alias(self, name: str, definition: dict[str, Any]) -> AliasSpec:
        return AliasSpec(
            name=name,
            values=tuple(definition["enum"]),
            descriptions=tuple(definition.get("enumDescriptions", [""] * len(definition["enum"]))),
            description=definition.get("description", ""),
        )

    def module(self, stem: str) -> ModuleSpec:
        doc = self.source.groups[stem]
        classes, aliases, handwritten = [], [], []
        for name, definition in doc.get("$defs", {}).items():
            if "enum" in definition:
                aliases.append(self._alias(name, definition))
            elif definition.get("x-python-handwritten"):
                handwritten.append(HandwrittenSpec(
                    name=name,
                    description=definition.get("description", ""),
                    registered=definition.get("x-registered", True),
                    other_names=tuple(definition.get("x-python-aliases", ())),
                ))
            else:
                classes.append(self._class(stem, name, definition))
        return ModuleSpec(
            name=stem,
            source=f"schema/{self.source.version}/{stem}.json",
            description=doc.get("description", ""),
            classes=tuple(classes),
            aliases=tuple(aliases),
            handwritten=tuple(handwritten),
        )

    def package(self) -> PackageSpec:
        root = self.source.groups[ROOT_GROUP]
        modules = [self.module(stem) for stem in root["x-module-order"]]
        by_name = {c.name: c for m in modules for c in m.classes}
        modules = [
            replace(m, classes=tuple(
                _with_init_fields(_with_checked_builder(
                    _with_derived_fields(_with_dict_entries(c, by_name), by_name), by_name), by_name)
                for c in m.classes
            )) for m in modules
        ]
        root_class = str(root["$ref"]).rsplit("/", 1)[-1]
        by_scenario, random_class = scenario_agent_rule(root, root_class)
        return PackageSpec(
            self.source.version,
            tuple(replace(m, runtime_names=_runtime_names(m, by_name)) for m in modules),
            root_class=root_class,
            agent_class_by_scenario=tuple(by_scenario.items()),
            random_agent_class=random_class,
            **_agent_names(self.source, root_class),
        )


def _agent_names(source: VersionSource, root_class: str) -> dict[str, Any]:
    """`x-agent-names` of the root's `agents` field, checked against the protocols the schema has."""
    fields = source.groups[ROOT_GROUP]["$defs"][root_class].get("properties", {})
    names = fields.get("agents", {}).get("x-agent-names")
    if names is None:
        return {}
    stem, _, pointer = str(fields["interaction_protocol"]["$ref"]).partition("#")
    protocols = source.groups[stem.removesuffix(".json")]["$defs"][pointer.rsplit("/", 1)[-1]]["enum"]
    if list(names["protocols"]) != list(protocols):
        raise ValueError(f"schema/{source.version}: x-agent-names lists the protocols "
                         f"{list(names['protocols'])}, but interaction_protocol allows {protocols}")
    return {"agent_names": tuple((p, tuple(a)) for p, a in names["protocols"].items()),
            "agents_when_true": tuple((tuple(address.split(".")), tuple(a))
                                      for address, a in names.get("when_true", {}).items())}


def _all_fields(cls: ClassSpec, by_name: dict[str, ClassSpec]) -> list[FieldSpec]:
    """Fields in dataclass order: the base's first; a re-declared field keeps its place."""
    parent = next((by_name[b] for b in cls.bases if b in by_name), None)
    fields = _all_fields(parent, by_name) if parent else []
    names = [f.name for f in fields]
    for own in cls.fields:
        if own.name in names:
            fields[names.index(own.name)] = own
        else:
            fields.append(own)
            names.append(own.name)
    return fields


def _with_dict_entries(cls: ClassSpec, by_name: dict[str, ClassSpec]) -> ClassSpec:
    """What the generated `_fields_to_dict` writes: plain values as they are, objects as dicts.

    A class that adds no field inherits its base's writer (the runtime adds `_type` itself).
    """
    if cls.value_class or not cls.fields:
        return cls  # update schedules serialise through their hand-written base
    entries = [
        (f.json_name, f"dump_value(self.{f.name})" if f.group_class or f.value_class
         or f.collection_class else f"self.{f.name}")
        for f in _all_fields(cls, by_name)
    ]
    return replace(cls, dict_entries=tuple(entries))


def _with_init_fields(cls: ClassSpec, by_name: dict[str, ClassSpec]) -> ClassSpec:
    """The constructor's arguments in order: a value class takes its own fields only (see
    `_with_derived_fields`); any other class its bases' fields, then its own."""
    return replace(cls, init_fields=cls.fields if cls.value_class else tuple(_all_fields(cls, by_name)))


def _with_checked_builder(cls: ClassSpec, by_name: dict[str, ClassSpec]) -> ClassSpec:
    """The generated `_from_checked_dict` (see `builders`); value classes build by hand."""
    if cls.value_class:
        return cls
    fields = _all_fields(cls, by_name)
    not_fields = ("_type", *_all_serialised_classvars(cls, by_name))
    return replace(cls, checked_build=builders.checked_build(fields, not_fields))


def _all_serialised_classvars(cls: ClassSpec, by_name: dict[str, ClassSpec]) -> tuple[str, ...]:
    """The class constants `to_dict` writes for `cls`, its bases' included."""
    parent = next((by_name[b] for b in cls.bases if b in by_name), None)
    inherited = _all_serialised_classvars(parent, by_name) if parent else ()
    return tuple(dict.fromkeys((*inherited, *cls.serialised_classvars)))


def _with_derived_fields(cls: ClassSpec, by_name: dict[str, ClassSpec]) -> ClassSpec:
    """A value class whose Python base is another value class (`x-python-base`) keeps the base's
    other arguments as derived fields: its dict form and constructor are its own."""
    parent = next((by_name[b] for b in cls.bases if b in by_name), None)
    if not cls.value_class or parent is None:
        return cls
    own = {f.name for f in cls.fields}
    derived = tuple(f for f in _all_fields(parent, by_name) if f.name not in own)
    return replace(cls, derived_fields=derived)


def _runtime_names(module: ModuleSpec, by_name: dict[str, ClassSpec]) -> tuple[str, ...]:
    """What the generated module imports from the runtime: the hand-written bases and mixins its
    classes name, the helpers its code calls, and the hand-written classes it re-exports."""
    names: set[str] = set()
    for cls in module.classes:
        names.update(base for base in cls.bases if base not in by_name)
        if cls.value_class:
            names.add("register_parameter_value_class")
        elif cls.registered:
            names.add("register_parameter_class")
        if any("dump_value(" in expression for _, expression in cls.dict_entries):
            names.add("dump_value")
        names.update(h for h in builders.HELPERS if any(f"{h}(" in line for line in cls.checked_build))
        if cls.checked_build:
            names.add("field_defaults")  # sets the builder's starting values after the class
            if any(f.env_variable for f in cls.init_fields):
                names.add("env_value")  # the generated `__init__` reads the environment
            if any(f.default_factory or "(" in (f.default or "") for f in cls.init_fields):
                names.add("FIELD_DEFAULT")  # the generated `__init__`'s default of such fields
        for f in cls.fields:
            if f.built_from_none:
                names.add("BUILT_FROM_NONE")
            if f.env_variable:
                names.add("env_default")
            if f.base_run_preserve:
                names.add("BaseRunPreserve")
    for handwritten in module.handwritten:
        names.add(handwritten.name)
        if handwritten.registered:
            names.add("register_parameter_value_class")
    return tuple(sorted(names))


def scenario_agent_rule(root_doc: dict[str, Any], root_class: str) -> tuple[dict[str, str], str | None]:
    """The scenario -> agent class rule, read from the root schema's `if`/`then` (stated once
    there, read once here): {scenario: agent class}, and the class of a random agent."""
    by_scenario: dict[str, str] = {}
    random_class = None
    for rule in root_doc["$defs"][root_class].get("allOf", []):
        scenario = rule["if"]["properties"]["scenario"]["const"]
        entry = rule["then"]["properties"]["agents"]["additionalProperties"]
        by_scenario[scenario] = entry["else"]["$ref"].rsplit("/", 1)[-1]
        random_class = entry["then"]["$ref"].rsplit("/", 1)[-1]
    return by_scenario, random_class


def agent_class_tables(root_doc: dict[str, Any], root_class: str) -> list[tuple[str, str, str]]:
    """The rule as class constants of the root class (nip's `AGENT_CLASS_BY_SCENARIO`)."""
    by_scenario, random_class = scenario_agent_rule(root_doc, root_class)
    if not by_scenario:
        return []  # a tree without scenario-dependent agents
    table = "{" + ", ".join(f"{k!r}: {v}" for k, v in by_scenario.items()) + "}"
    return [
        ("AGENT_CLASS_BY_SCENARIO", "ClassVar[dict[str, type[AgentParameters]]]", table),
        ("RANDOM_AGENT_CLASS", "ClassVar[type[AgentParameters]]", str(random_class)),
    ]


def dump(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"
