"""`_schemas/<v>/bundle.d.ts`: TypeScript declarations of a published bundle.

The pinned json-schema-to-typescript (codegen/ts/, installed by the Makefile) converts the bundle's
`$defs`. It has no notion of `if`/`then`, and reads any `pattern` as `string`, so three schema
patterns are rewritten first, all read from the bundle itself:

- a string whose pattern allows one spelling (a deprecated alias such as `^ppo$`) becomes that literal;

- a class chosen by a `const` key (`allOf` of `if {K: const V} then $ref X`, as AgentUpdateSchedule)
  becomes the union of those classes;
- the root's `if scenario == S then agents are <class>` becomes `NipConfig`, a union discriminated
  by `scenario` whose `agents` hold only that scenario's agent classes (appended below the
  converter's output, since the converter cannot express it).
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

from nip.parameters._publishing import generated

TS_DIR = Path(__file__).resolve().parent / "ts"
ROOT = "HyperParameters"
_DROPPED = ("$comment", "examples", "default")  # no TypeScript meaning; `default` becomes noise
_EXACT = re.compile(r"\^([A-Za-z0-9_-]+)\$")  # a pattern that allows one spelling only (an alias)


def declarations(bundle: dict[str, Any], source: str) -> str:
    """The `.d.ts` text of one bundle (deterministic: the converter sees sorted, stripped input)."""
    outside = sorted(_external_refs(bundle, set()))
    if outside:
        raise SystemExit(f"{source}: the bundle refers outside itself ({', '.join(outside)}); "
                         "its TypeScript declarations are made from a closed bundle only")
    defs = {name: _strip(node, keep_title=True) for name, node in bundle["$defs"].items()}
    for name, node in defs.items():
        node["title"] = name
        comment = bundle["$defs"][name].get("$comment")
        if "description" not in node and isinstance(comment, str):
            node["description"] = comment  # a class's own description: what editors show on hover
        _const_dispatch_to_union(node)
    root = defs.pop(ROOT)
    scenario_rules = root.pop("allOf", [])
    converter_input = {**root, "$defs": dict(sorted(defs.items()))}
    text = _convert(converter_input)
    return (f"// {generated(source)}\n" + text.rstrip("\n") + "\n\n"
            + _scenario_union(scenario_rules) + "\n")


def _external_refs(node: Any, found: set[str]) -> set[str]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and not ref.startswith("#"):
            found.add(ref)
        for value in node.values():
            _external_refs(value, found)
    elif isinstance(node, list):
        for item in node:
            _external_refs(item, found)
    return found


def _strip(node: Any, keep_title: bool = False) -> Any:
    """Drop annotations that would become type names or noise; a `$ref` with siblings becomes
    `allOf: [$ref]` so that the converter reuses the referenced type instead of copying it."""
    if isinstance(node, list):
        return [_strip(item) for item in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _DROPPED or (key == "title" and not keep_title):
            continue
        if key in ("properties", "$defs") and isinstance(value, dict):
            out[key] = {name: _strip(sub) for name, sub in value.items()}
        else:
            out[key] = _strip(value)
    exact = _EXACT.fullmatch(str(out.get("pattern", ""))) if out.get("type") == "string" else None
    if exact:
        del out["pattern"], out["type"]
        out["const"] = exact.group(1)  # a string of one spelling is that literal, not any string
    if "$ref" in out and len(out) > 1:
        out["allOf"] = [{"$ref": out.pop("$ref")}, *out.get("allOf", [])]
    return out


def _const_rule(rule: Any) -> tuple[str, Any] | None:
    """(K, V) when `rule` is `if {properties: {K: {const: V}}, required: [K]} then ...`."""
    if not isinstance(rule, dict) or set(rule) - {"if", "then"}:
        return None
    test = rule["if"]
    props = test.get("properties", {})
    if len(props) != 1 or test.get("required") != list(props):
        return None
    key, value = next(iter(props.items()))
    return (key, value["const"]) if set(value) == {"const"} else None


def _const_dispatch_to_union(node: dict[str, Any]) -> None:
    rules = node.get("allOf", [])
    if not rules or not all(_const_rule(rule) and "$ref" in rule["then"] for rule in rules):
        return
    del node["allOf"]
    for key in ("properties", "required", "type", "additionalProperties"):
        node.pop(key, None)
    node["anyOf"] = [{"$ref": rule["then"]["$ref"]} for rule in rules]


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def _agent_classes(rule: dict[str, Any]) -> list[str]:
    """The agent classes a scenario rule allows: its `then` and `else` (random or not)."""
    each = rule["then"]["properties"]["agents"]["additionalProperties"]
    return sorted(_ref_name(each[branch]["$ref"]) for branch in ("then", "else"))


def _scenario_union(rules: list[Any]) -> str:
    cases = [(const, _agent_classes(rule)) for rule in rules
             if (found := _const_rule(rule)) and (const := found[1]) is not None and found[0] == "scenario"]
    if not cases:
        return f"/** A complete config. */\nexport type NipConfig = {ROOT};"
    lines = [
        "/**",
        " * The agents of one scenario: each entry is one of `A` (`agents_update_repr` is the one",
        " * string entry, written by `to_dict`).",
        " */",
        "export interface ScenarioAgents<A> {",
        "  agents_update_repr?: string;",
        "  [name: string]: A | string | undefined;",
        "}",
        "/**",
        " * A complete config, narrowed by `scenario`: its `agents` hold only that scenario's agent",
        " * classes (from the schema's `if scenario ... then agents ...` rules).",
        " */",
        "export type NipConfig =",
    ]
    for const, classes in cases:
        lines.append(f'  | (Omit<{ROOT}, "scenario" | "agents"> & {{')
        lines.append(f"      scenario: {json.dumps(const)};")
        lines.append(f"      agents?: ScenarioAgents<{' | '.join(classes)}> | null;")
        lines.append("    })")
    lines[-1] += ";"
    return "\n".join(lines)


def _convert(schema: dict[str, Any]) -> str:
    """Run the converter on `schema` (given on stdin: nothing is read or fetched besides it)."""
    try:
        run = subprocess.run(["node", str(TS_DIR / "convert.mjs")], input=json.dumps(schema, sort_keys=True),
                             capture_output=True, text=True, check=False, cwd=TS_DIR)
    except FileNotFoundError:
        raise SystemExit("node is not on PATH: the TypeScript declarations need Node 20") from None
    if run.returncode != 0:
        raise SystemExit(f"json-schema-to-typescript failed (run `make generate`, which installs "
                         f"codegen/ts/):\n{run.stderr}")
    return run.stdout
