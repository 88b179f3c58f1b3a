"""codegen/typescript.py: the bundle's TypeScript declarations, from a closed bundle only."""

from __future__ import annotations

import http.server
import threading
from pathlib import Path
from typing import Any

import pytest

from codegen.typescript import _convert, declarations

pytestmark = pytest.mark.slow  # each conversion starts node


def _agent(name: str) -> dict[str, Any]:
    return {"type": "object", "additionalProperties": False,
            "properties": {"width": {"type": "integer"}} if name != "RandomAgent" else {}}


def _rule(scenario: str, agent: str) -> dict[str, Any]:
    each = {"if": {"properties": {"is_random": {"const": True}}, "required": ["is_random"]},
            "then": {"$ref": "#/$defs/RandomAgent"}, "else": {"$ref": f"#/$defs/{agent}"}}
    return {"if": {"properties": {"scenario": {"const": scenario}}, "required": ["scenario"]},
            "then": {"properties": {"agents": {"type": ["object", "null"], "additionalProperties": each}}}}


def _bundle() -> dict[str, Any]:
    return {"$defs": {
        "HyperParameters": {
            "$comment": "One experiment.",
            "type": "object", "additionalProperties": False, "required": ["scenario"],
            "properties": {"scenario": {"enum": ["a", "b"]}, "agents": {"type": ["object", "null"]},
                           "schedule": {"$ref": "#/$defs/Schedule"}},
            "allOf": [_rule("a", "AAgent"), _rule("b", "BAgent")]},
        "AAgent": _agent("AAgent"), "BAgent": _agent("BAgent"), "RandomAgent": _agent("RandomAgent"),
        "Schedule": {"type": "object", "allOf": [
            {"if": {"properties": {"_type": {"const": k}}, "required": ["_type"]}, "then": {"$ref": f"#/$defs/{k}"}}
            for k in ("Every", "Never")]},
        "Every": {"type": "object", "properties": {"_type": {"const": "Every"}, "period": {"type": "integer"}}},
        "Never": {"type": "object", "properties": {"_type": {"const": "Never"}}},
    }}


def test_agents_are_narrowed_by_the_scenario_rules_of_the_schema():
    text = declarations(_bundle(), "schema/9.9/")
    assert text.startswith("// Generated from schema/9.9/ by `make generate`. Do not edit.\n")
    assert 'scenario: "a";\n      agents?: ScenarioAgents<AAgent | RandomAgent> | null;' in text
    assert 'scenario: "b";\n      agents?: ScenarioAgents<BAgent | RandomAgent> | null;' in text


def test_a_class_is_described_by_its_comment_and_an_alias_pattern_is_its_literal():
    bundle = _bundle()
    bundle["$defs"]["Every"]["properties"]["unit"] = {"type": "string", "pattern": "^steps$"}
    text = declarations(bundle, "schema/9.9/")
    assert "/**\n * One experiment.\n */\nexport interface HyperParameters {" in text
    assert 'unit?: "steps";' in text


def test_a_class_chosen_by_a_const_key_becomes_the_union_of_its_classes():
    text = declarations(_bundle(), "schema/9.9/")
    assert "export type Schedule = Every | Never;" in text
    assert "period?: number;" in text


def test_a_bundle_that_refers_outside_itself_is_refused_by_name():
    bundle = _bundle()
    bundle["$defs"]["AAgent"]["properties"]["width"] = {"$ref": "https://example.invalid/w.json"}
    with pytest.raises(SystemExit, match=r"refers outside itself \(https://example.invalid/w.json\)"):
        declarations(bundle, "schema/9.9/")


def test_the_converter_itself_reads_no_file_and_fetches_nothing(tmp_path: Path):
    """The second guard: even given external refs, the pinned converter resolves none of them."""
    (tmp_path / "width.json").write_text('{"type": "string"}', encoding="utf-8")
    requests: list[str] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b'{"type": "string"}')

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        for ref in (str(tmp_path / "width.json"), f"http://127.0.0.1:{server.server_port}/width.json"):
            schema = {"type": "object", "properties": {"width": {"$ref": ref}}}
            with pytest.raises(SystemExit, match="json-schema-to-typescript failed"):
                _convert(schema)
    finally:
        server.shutdown()
    assert requests == []
