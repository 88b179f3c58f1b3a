"""The import-linter contracts in pyproject.toml name modules by hand; these tests keep those lists
equal to what they stand for: the public layer is every generated module and every hand-written
public module, and the independence contract lists every CLI command."""

from __future__ import annotations

import tomllib
from pathlib import Path

from nip.parameters import _registry
from nip.parameters.cli import COMMANDS

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "src" / "nip" / "parameters"
CONTRACTS = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]


def _contract(kind: str) -> dict:
    (found,) = [c for c in CONTRACTS if c["type"] == kind]
    return found


def test_the_public_layer_is_every_public_module():
    layers = _contract("layers")["layers"]
    (layer,) = [layer for layer in layers if "hyper_parameters" in layer.split(" : ")]
    public = {name.strip() for name in layer.split(":")}
    modules = {p.stem for p in PACKAGE.glob("*.py") if not p.stem.startswith("_")} - {"errors"}  # foundation
    assert public == modules, (sorted(public - modules), sorted(modules - public))
    assert set(_registry.MODULE_ORDER) <= public


def test_every_private_package_and_module_has_its_layer():
    layers = _contract("layers")["layers"]
    named = {part.strip() for layer in layers for part in layer.replace(":", "|").split("|")}
    private = {p.stem for p in PACKAGE.glob("_*.py") if p.stem != "__init__"}
    private |= {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    private.discard("_schemas")
    assert private <= named, sorted(private - named)


def test_the_independent_commands_are_every_cli_command():
    modules = _contract("independence")["modules"]
    assert modules == [f"nip.parameters.cli.{command}" for command in COMMANDS]


def test_the_scenario_rule_is_read_from_the_schema_once_by_the_generator():
    """The registry carries the rule; the root class's constants say the same; the runtime reads
    no `if`/`then` of the root schema for it."""
    from nip.parameters import HyperParameters
    assert {s: c.__name__ for s, c in HyperParameters.AGENT_CLASS_BY_SCENARIO.items()} == \
        _registry.AGENT_CLASS_BY_SCENARIO
    assert HyperParameters.RANDOM_AGENT_CLASS.__name__ == _registry.RANDOM_AGENT_CLASS
    source = (PACKAGE / "_validation" / "validators.py").read_text()
    assert '.get("if"' not in source and '["if"]' not in source


def _string_constants(path: Path) -> set[str]:
    import ast
    return {node.value for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)}


def test_the_file_names_of_the_schema_tree_are_spelled_once():
    """`migration.json`, `bundle.json`, ... are named in `_schema_files.py` only; every module
    of the package and of the generator reads them there."""
    from nip.parameters import _schema_files
    names = {getattr(_schema_files, n) for n in _schema_files.__all__ if n.endswith("_FILE")}
    names |= {f"{_schema_files.ROOT_GROUP}.json"}
    spelled = {}
    for path in [*PACKAGE.rglob("*.py"), *(REPO / "codegen").rglob("*.py")]:
        if path.name == "_schema_files.py":
            continue
        found = _string_constants(path) & names
        if found:
            spelled[str(path.relative_to(REPO))] = sorted(found)
    assert spelled == {}


def test_version_strings_are_parsed_by_one_function():
    """The generator sorts and compares versions with `_validation.versions.version_key`."""
    import ast
    for path in (REPO / "codegen").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        defined = {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}
        assert not {n for n in defined if "version_key" in n}, path.name
        assert "int(part)" not in path.read_text(encoding="utf-8"), path.name


# Field names hand-written Python may spell (docs/architecture.md lists them with the reason):
# nip's dict-format keys that are no field, the required root fields `nip-params defaults` asks
# for, and the behaviour the schema names (agents filled in from the scenario, agents_update_repr).
FIELD_NAME_EXCEPTIONS = {
    "_type", "_package_version", "_package_name", "$schema",
    "scenario", "trainer", "dataset", "interaction_protocol",
    "agents", "agents_update_repr",
}
GENERATED = {"agents.py", "base_run.py", "dataset.py", "hyper_parameters.py", "message_regression.py",
             "protocol.py", "scenario.py", "trainers.py", "types.py", "update_schedule.py", "__init__.py",
             "_public.py", "_registry.py"}


def test_hand_written_python_spells_no_field_name_but_the_listed_exceptions():
    import json
    fields: set[str] = set()
    for path in (REPO / "schema" / _registry.SCHEMA_VERSION).glob("*.json"):
        for definition in json.loads(path.read_text()).get("$defs", {}).values():
            fields |= set(definition.get("properties", {}))
    spelled = {}
    for path in PACKAGE.rglob("*.py"):
        if path.parent == PACKAGE and path.name in GENERATED:
            continue
        found = (_string_constants(path) & fields) - FIELD_NAME_EXCEPTIONS
        if found:
            spelled[str(path.relative_to(PACKAGE))] = sorted(found)
    assert spelled == {}
