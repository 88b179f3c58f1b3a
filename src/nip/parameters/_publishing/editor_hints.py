"""What the published schemas add or move so that editors show the right text and values.

Editors (vscode-json-languageservice, yaml-language-server) read the same schema as validators,
but render it by their own rules; these passes change nothing a validator decides.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .._schema_files import COMPLETION_KEYWORD


def quiet(definition: dict[str, Any]) -> dict[str, Any]:
    """Every definition is reached through a field's `$ref`, and editors show the innermost
    schema's text (VS Code even merges the target over the field): a definition with its own
    description would hide the field's. So an enum's title and description, and a class's
    description, move to `$comment` (the generated docs still show them); a class keeps its
    title, which editors show as the hover heading and the runtime's messages name."""
    if "enum" in definition:
        out = {k: v for k, v in definition.items() if k not in ("title", "description")}
        out["$comment"] = f"{definition.get('title', '')}: {definition.get('description', '')}"
        return out
    if "description" not in definition:
        return definition
    out = {k: v for k, v in definition.items() if k not in ("description", "markdownDescription")}
    out["$comment"] = definition["description"]
    return out


def _tested_keys(condition: Any) -> list[str]:
    """The keys an `if` looks at (through `anyOf`/`allOf`), in order of appearance."""
    keys: list[str] = []
    if isinstance(condition, dict):
        keys += [k for k in condition.get("properties", {}) if k not in keys]
        for part in condition.get("anyOf", []) + condition.get("allOf", []):
            keys += [k for k in _tested_keys(part) if k not in keys]
    return keys


def branch_examples(node: Any, published: Callable[[str], dict[str, Any]]) -> Any:
    """A class chosen by `if`/`then`/`else` (an agent entry: random or the scenario's class) gets,
    for each key the `if` tests, the value each branch's class fixes, as `examples`.

    While a value is being typed, yaml-language-server counts the `if` as satisfied and offers
    only the `then` class's `_type` and `is_random`; `examples` make both branches' values
    offered. It is an annotation, so no validator's verdict changes; `type: object`, which both
    branches require anyway, keeps ajv's strict mode content with `properties` here.
    """
    if isinstance(node, list):
        return [branch_examples(item, published) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: branch_examples(value, published) for key, value in node.items()}
    branches = [node.get("else"), node.get("then")]
    if "if" not in node or not all(isinstance(b, dict) and set(b) == {"$ref"} for b in branches):
        return out
    classes = [published(str(b["$ref"]).rsplit("/", 1)[-1]) for b in branches if isinstance(b, dict)]
    if not all(c.get("type") == "object" for c in classes) or node.get("type", "object") != "object":
        return out
    examples = {}
    for key in _tested_keys(node["if"]):
        fixed = [c.get("properties", {}).get(key, {}) for c in classes]
        if key not in out.get("properties", {}) and all("const" in f for f in fixed):
            examples[key] = {"examples": [f["const"] for f in fixed]}
    if examples:
        out["type"] = "object"
        out["properties"] = {**out.get("properties", {}), **examples}
    return out


def agent_name_completions(definition: dict[str, Any]) -> dict[str, Any]:
    """A class whose `agents` field states `x-agent-names` gets one `if`/`then` per set of agents (and
    one for each boolean field that adds agents) that lists the agents nip runs as `properties` of `agents`: editors
    offer them in completion. Each listed name is `type: object`, which the scenario's rule for
    every agent entry requires anyway, so no validator's verdict changes (and `x-completion` tells
    the schema differ so)."""
    props = definition.get("properties", {})
    names = props.get("agents", {}).get("x-agent-names")
    if not names:
        return definition
    default = props.get("interaction_protocol", {}).get("default")

    def offered(agents: list[str]) -> dict[str, Any]:
        listed = {name: {"type": "object"} for name in agents}
        return {"properties": {"agents": {"type": ["object", "null"], "properties": listed}}}

    by_agents: dict[tuple[str, ...], list[str]] = {}  # one branch a set of agents: fewer `if`s to run
    for protocol, agents in names["protocols"].items():
        by_agents.setdefault(tuple(agents), []).append(protocol)
    branches = []
    for agents, protocols in by_agents.items():
        test = {"const": protocols[0]} if len(protocols) == 1 else {"enum": protocols}
        condition: dict[str, Any] = {"properties": {"interaction_protocol": test}}
        if default not in protocols:  # a config without the key runs the default protocol
            condition["required"] = ["interaction_protocol"]
        branches.append({"if": condition, "then": offered(list(agents)), COMPLETION_KEYWORD: True})
    for address, agents in names.get("when_true", {}).items():
        condition = {"const": True}
        for part in reversed(address.split(".")):  # {"a": {"b": true}} for a.b
            condition = {"type": "object", "properties": {part: condition}, "required": [part]}
        del condition["type"]  # the config itself is an object
        branches.append({"if": condition, "then": offered(agents), COMPLETION_KEYWORD: True})
    return {**definition, "allOf": [*definition.get("allOf", []), *branches]}
