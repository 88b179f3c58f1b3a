"""Hover in VS Code's Python engine: the pinned pyright language server (tests/js), spoken to over
stdio as an editor does, shows a field's exact type, description, range and default, for a config
read from a file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from nip.parameters._validation import schemas as schema_store

pytestmark = pytest.mark.slow  # starts a language server

REPO = Path(__file__).resolve().parents[2]
SERVER = REPO / "tests" / "js" / "node_modules" / ".bin" / "pyright-langserver"
BUNDLE = json.loads(schema_store.bundle_path().read_text(encoding="utf-8"))["$defs"]


class _Client:
    def __init__(self, root: Path) -> None:
        self.process = subprocess.Popen(
            [str(SERVER), "--stdio"], cwd=root, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL)

    def send(self, message: dict[str, Any]) -> None:
        assert self.process.stdin is not None
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _receive(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        length = 0
        while line := self.process.stdout.readline().strip():
            name, _, value = line.decode().partition(": ")
            if name == "Content-Length":
                length = int(value)
        return json.loads(self.process.stdout.read(length))

    def request(self, number: int, method: str, params: dict[str, Any]) -> Any:
        self.send({"id": number, "method": method, "params": params})
        while True:
            message = self._receive()
            if "method" in message and "id" in message:  # the server asks: settings, progress
                items = message.get("params", {}).get("items", [])
                reply = [{} for _ in items] if message["method"] == "workspace/configuration" else None
                self.send({"id": message["id"], "result": reply})
            elif message.get("id") == number:
                return message.get("result")


def test_pyright_hover_shows_type_description_range_and_default(tmp_path) -> None:
    if not SERVER.exists():
        pytest.skip("pyright is installed by `make lint` / `make test` (tests/js)")
    venv = Path(sys.prefix)
    (tmp_path / "pyrightconfig.json").write_text(
        json.dumps({"venvPath": str(venv.parent), "venv": venv.name}))
    code = 'from nip.parameters import HyperParameters\nparams = HyperParameters.from_file("run.yaml")\nparams.rl.lr\n'
    script = tmp_path / "run.py"
    script.write_text(code)
    client = _Client(tmp_path)
    try:
        client.request(1, "initialize", {
            "processId": None, "rootUri": tmp_path.as_uri(),
            "capabilities": {"textDocument": {"hover": {"contentFormat": ["markdown"]}}},
            "workspaceFolders": [{"uri": tmp_path.as_uri(), "name": "run"}]})
        client.send({"method": "initialized", "params": {}})
        client.send({"method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": script.as_uri(), "languageId": "python", "version": 1, "text": code}}})
        hover = client.request(2, "textDocument/hover", {
            "textDocument": {"uri": script.as_uri()}, "position": {"line": 2, "character": 11}})
    finally:
        client.process.kill()
        client.process.wait()
    shown = hover["contents"]["value"]
    lr = BUNDLE["RlTrainerParameters"]["properties"]["lr"]
    assert "lr: float" in shown  # the exact type, through from_file
    words = " ".join(shown.split())  # the range stands in its own paragraph of the docstring
    assert lr["description"] in words and "Range: ≥ 0" in shown
    assert f"Default: `{lr['default']!r}`" in shown
