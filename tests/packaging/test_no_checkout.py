"""The package stands alone: no module imports the generator or a checkout, even dynamically
(import-linter sees only `import` statements; `importlib` and `sys.path` are checked here)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "nip" / "parameters"
DYNAMIC_IMPORTS = {"import_module", "__import__", "spec_from_file_location", "run_path"}


def _inside_this_package(call: ast.Call) -> bool:
    """``import_module(f"{__name__}.chain")``: a module of the package itself, by name; or
    ``import_module(f"..{name}", __package__)``: relative to the calling package."""
    first = call.args[0] if call.args else None
    if not isinstance(first, ast.JoinedStr):
        return False
    head = first.values[0]
    if isinstance(head, ast.FormattedValue):
        return getattr(head.value, "id", "") == "__name__"
    relative = isinstance(head, ast.Constant) and str(head.value).startswith(".")
    anchor = call.args[1] if len(call.args) > 1 else None
    return relative and getattr(anchor, "id", "") == "__package__"


def _findings(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in DYNAMIC_IMPORTS and not _inside_this_package(node):
                found.append(f"{path.name}:{node.lineno}: {name}(...)")
        if isinstance(node, ast.Attribute) and node.attr == "path" and getattr(node.value, "id", "") == "sys":
            found.append(f"{path.name}:{node.lineno}: sys.path")
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            found += [f"{path.name}:{node.lineno}: import {n}" for n in names if n.split(".")[0] == "codegen"]
    return found


def test_no_module_imports_code_from_outside_the_package():
    findings = [f for path in sorted(PACKAGE.rglob("*.py")) for f in _findings(path)]
    assert findings == []
