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
    public = {name.strip() for name in layers[1].split(":")}
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
    source = (PACKAGE / "_validation" / "engines.py").read_text()
    assert '.get("if"' not in source and '["if"]' not in source
