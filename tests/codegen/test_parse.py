"""`codegen.parse` on small schemas: what each `x-` keyword and each shape of field becomes in the
intermediate model that the templates render."""

from __future__ import annotations

from typing import Any

import pytest

from codegen.model import PackageSpec
from codegen.parse import VersionParser
from nip.parameters._publishing import VersionSource

ROOT_ID = "https://example.org/t/1.0/"


def _group(stem: str, defs: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{ROOT_ID}{stem}.json",
            "title": stem, "description": f"The {stem} group.", "$defs": defs, **extra}


def _cls(properties: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"type": "object", "description": "A class.", "properties": properties, **extra}


def _field(kind: str, default: Any = None, **extra: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"type": kind, "description": "A field.", **extra}
    if default is not None:
        out["default"] = default
    return out


def _parse(groups: dict[str, dict[str, Any]], order: list[str], root: str = "Root") -> PackageSpec:
    groups = dict(groups)
    groups["hyper_parameters"] = {**groups["hyper_parameters"], "x-module-order": order,
                                  "$ref": f"#/$defs/{root}"}
    return VersionParser(VersionSource("1.0", groups, {})).package()


def _class(package: PackageSpec, name: str) -> Any:
    return next(c for c in package.classes if c.name == name)


@pytest.fixture(scope="module")
def package() -> PackageSpec:
    things = _group("things", {
        "Pair": _cls({"a": _field("number", 1.0)}),
        "Base": _cls({
            "pair": {"description": "Nested.", "anyOf": [{"$ref": "#/$defs/Pair"}, {"type": "null"}],
                     "default": None},
            "owner": _field("string", "", **{"x-env-default": "T_OWNER"}),
            "steps": _field("integer", 3, **{"x-base-run-preserve": ["rerun_tests"]}),
        }, **{"x-python-mixin": "BaseBehaviour", "x-classvars": {"is_special": False},
              "x-serialised-classvars": ["is_special"]}),
        "Child": _cls({"extra": _field("boolean", False)}, allOf=[{"$ref": "#/$defs/Base"}]),
        "Same": _cls({}, allOf=[{"$ref": "#/$defs/Child"}]),
        "Collection": {"type": "object", "description": "Written by hand.",
                       "additionalProperties": {"$ref": "#/$defs/Child"},
                       "x-python-handwritten": True, "x-python-aliases": ["Coll"]},
        "Hidden": {"type": "object", "description": "By hand, unregistered.",
                   "x-python-handwritten": True, "x-registered": False},
    })
    root = _group("hyper_parameters", {"Root": _cls({
        "name": _field("string"),
        "mode": {"description": "With an alias.", "default": "a",
                 "anyOf": [{"enum": ["a", "b"]}, {"const": "old", "deprecated": True, "x-alias-of": "a"}]},
        "things": {"description": "A keyed collection.", "default": None,
                   "anyOf": [{"$ref": "things.json#/$defs/Collection"}, {"type": "null"}]},
    }, required=["name"], **{"x-python-base": "BaseHyperParameters"})})
    return _parse({"things": things, "hyper_parameters": root}, ["things", "hyper_parameters"])


def test_the_root_class_is_the_root_schemas_ref(package: PackageSpec) -> None:
    assert package.root_class == "Root"


def test_a_nested_group_a_collection_and_an_alias_are_told_apart(package: PackageSpec) -> None:
    base = {f.name: f for f in _class(package, "Base").fields}
    assert base["pair"].group_class == "Pair"
    root = {f.name: f for f in _class(package, "Root").fields}
    assert root["things"].collection_class == "Collection" and root["things"].group_class is None
    assert root["mode"].aliases == {"old": "a"} and "old" not in root["mode"].type_hint


def test_read_types_are_exact_and_the_constructor_accepts_more(package: PackageSpec) -> None:
    """A group is its class once built (`type_hint`), but the constructor takes a dict or None;
    a deprecated enum value is accepted, never read back; a plain field accepts what it holds."""
    base = {f.name: f for f in _class(package, "Base").fields}
    assert base["pair"].type_hint == "Pair"
    assert base["pair"].accepts == "Pair | dict[str, Any] | None" and base["pair"].built_from_none
    root = {f.name: f for f in _class(package, "Root").fields}
    assert "'old'" in root["mode"].accepts and "'old'" not in root["mode"].type_hint
    assert root["name"].accepts == root["name"].type_hint == "str"
    assert base["steps"].accepts == "int"  # the base-run mark is the annotation's, not the argument's
    big = _class(package, "Child")
    own = [f.name for f in big.fields]
    inherited = [f.name for f in big.init_fields if f.name not in own]
    assert inherited and [f.name for f in big.init_fields][: len(inherited)] == inherited
    assert root["name"].default is None  # required


def test_env_defaults_and_base_run_marks_become_factories_and_annotations(package: PackageSpec) -> None:
    base = {f.name: f for f in _class(package, "Base").fields}
    assert base["owner"].env_variable == "T_OWNER" and base["owner"].default is None
    assert base["owner"].default_factory == "env_default('T_OWNER', '')"
    assert base["owner"].doc_default == "env `T_OWNER`, else `''`"
    assert base["steps"].base_run_preserve == ("rerun_tests",)
    assert base["steps"].type_hint == "Annotated[int, BaseRunPreserve('rerun_tests')]"


def test_mixins_and_bases_come_first_and_class_constants_are_kept(package: PackageSpec) -> None:
    base, child = _class(package, "Base"), _class(package, "Child")
    assert base.bases == ("BaseBehaviour", "SubParameters")
    assert child.bases == ("Base",)
    assert ("is_special", "ClassVar[bool]", "False") in base.classvars
    assert ("SERIALISED_CLASSVARS", "ClassVar[tuple[str, ...]]", "('is_special',)") in base.classvars


def test_the_dict_writer_lists_inherited_fields_first_and_a_class_without_fields_has_none(
    package: PackageSpec,
) -> None:
    assert [key for key, _ in _class(package, "Child").dict_entries] == ["pair", "owner", "steps", "extra"]
    assert dict(_class(package, "Child").dict_entries)["pair"] == "dump_value(self.pair)"
    assert _class(package, "Same").dict_entries == ()  # the runtime reuses the inherited writer


def test_runtime_imports_are_exactly_what_each_module_uses(package: PackageSpec) -> None:
    modules = {m.name: m for m in package.modules}
    assert modules["things"].runtime_names == (
        "BUILT_FROM_NONE", "BaseBehaviour", "BaseRunPreserve", "Collection", "FIELD_DEFAULT", "Hidden", "SubParameters",
        "drop_extra_keys", "dump_value", "env_default", "env_value", "field_defaults", "integral",
        "register_parameter_class", "register_parameter_value_class",
    )
    assert modules["hyper_parameters"].runtime_names == (  # `things` is dumped by dump_value
        "BUILT_FROM_NONE", "BaseHyperParameters", "deprecated_value", "drop_extra_keys", "dump_value",
        "field_defaults", "register_parameter_class",
    )


def test_the_checked_builder_converts_what_the_schema_types_need(package: PackageSpec) -> None:
    child = _class(package, "Child")
    assert {f.name: f.json_types for f in _class(package, "Base").fields} == {
        "pair": ("null", "object"), "owner": ("string",), "steps": ("integer",)}
    build = "\n".join(child.checked_build)
    assert "values['steps'] = integral(values['steps'])" in build  # 3.0 given is 3
    assert "values.pop('is_special', None)" in build  # a serialised class constant, inherited
    assert "values['owner'] = env_value('T_OWNER', '')" in build  # inherited, read when missing
    assert "Pair._from_checked_dict(values['pair'] or {})" in build  # None and missing: defaults
    root = "\n".join(_class(package, "Root").checked_build)
    assert "deprecated_value('mode', values['mode'], {'old': 'a'})" in root
    assert "cls._collection_from_checked(data, values['things'], Collection)" in root


def test_handwritten_classes_are_re_exported_registered_and_aliased(package: PackageSpec) -> None:
    handwritten = {h.name: h for m in package.modules for h in m.handwritten}
    assert handwritten["Collection"].registered and not handwritten["Hidden"].registered
    assert package.other_names == [("Coll", "Collection")]
    things = next(m for m in package.modules if m.name == "things")
    assert set(things.exports) == {"Pair", "Base", "Child", "Same", "Collection", "Hidden"}


def test_the_scenario_table_is_read_from_the_roots_if_then_rules() -> None:
    agents = _group("agents", {"Agent": _cls({}), "Random": _cls({}), "GraphAgent": _cls({})})
    entry = {"if": {"properties": {"is_random": {"const": True}}}, "then": {"$ref": "agents.json#/$defs/Random"},
             "else": {"$ref": "agents.json#/$defs/GraphAgent"}}
    rule = {"if": {"properties": {"scenario": {"const": "graphs"}}},
            "then": {"properties": {"agents": {"additionalProperties": entry}}}}
    root = _group("hyper_parameters", {"Root": _cls({"scenario": _field("string")}, allOf=[rule])})
    package = _parse({"agents": agents, "hyper_parameters": root}, ["agents", "hyper_parameters"])
    classvars = {name: value for name, _, value in _class(package, "Root").classvars}
    assert classvars["AGENT_CLASS_BY_SCENARIO"] == "{'graphs': GraphAgent}"
    assert classvars["RANDOM_AGENT_CLASS"] == "Random"


def test_a_value_class_based_on_another_keeps_the_bases_other_arguments_as_derived_fields() -> None:
    """nip's alternating schedule subclasses the contiguous one but takes other arguments: the base's
    `start`/`stop` become derived fields (not constructor arguments, not written, not shown)."""
    def schedule(name: str, arguments: dict[str, Any], **extra: Any) -> dict[str, Any]:
        return {"type": "object", "description": f"{name}.", "x-serialise": "arguments-under-class-name",
                "x-python-base": "Schedule", **extra,
                "properties": {"_type": {"const": name},
                               name: {"type": "object", "description": "Arguments.",
                                      "properties": arguments, "required": list(arguments)}}}

    sched = _group("sched", {
        "Span": schedule("Span", {"period": _field("integer"), "start": _field("integer"),
                                  "stop": _field("integer")}),
        "Turns": schedule("Turns", {"period": _field("integer"), "rounds": _field("integer")},
                          **{"x-python-base": "Span", "x-python-mixin": "TurnsBehaviour"}),
    })
    root = _group("hyper_parameters", {"Root": _cls({"name": _field("string")},
                                                     **{"x-python-base": "BaseHyperParameters"})})
    package = _parse({"sched": sched, "hyper_parameters": root}, ["sched", "hyper_parameters"])
    span, turns = _class(package, "Span"), _class(package, "Turns")
    assert turns.bases == ("TurnsBehaviour", "Span")
    assert [f.name for f in turns.fields] == ["period", "rounds"]
    assert [f.name for f in turns.derived_fields] == ["start", "stop"]
    assert span.derived_fields == ()
    assert "Span" not in next(m for m in package.modules if m.name == "sched").runtime_names
