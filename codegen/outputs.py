"""Every generated file, as {repo-relative path: text}."""

from __future__ import annotations

from pathlib import Path

from .parse import VersionParser, dump
from .publish import Publisher
from .render import PACKAGE, Renderer
from .sources import load_all, load_vocabulary


def _vendor_keywords(node: object, found: set[str]) -> set[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key.startswith("x-") or key in ("markdownDescription", "enumDescriptions",
                                                "markdownEnumDescriptions", "deprecationMessage",
                                                "doNotSuggest", "defaultSnippets"):
                found.add(key)
            if key not in ("properties", "$defs", "x-test-params", "x-classvars"):
                _vendor_keywords(value, found)
            else:
                for sub in value.values() if isinstance(value, dict) else []:
                    _vendor_keywords(sub, found)
    elif isinstance(node, list):
        for item in node:
            _vendor_keywords(item, found)
    return found


def generate_all(repo: Path) -> dict[str, str]:
    schema_root = repo / "schema"
    versions = load_all(schema_root)
    vocabulary = load_vocabulary(schema_root)
    outputs: dict[str, str] = {}
    for source in versions:
        published = Publisher(source).publish()
        unknown = _vendor_keywords(published, set()) - vocabulary
        if unknown:
            raise SystemExit(
                f"schema/{source.version} uses keywords missing from schema/vocabulary.json: "
                f"{sorted(unknown)}"
            )
        for name, doc in {**published, **source.data_files}.items():
            outputs[f"{PACKAGE}/_schemas/{source.version}/{name}"] = dump(doc)
    current = versions[-1]
    package = VersionParser(current).package()
    handwritten_docs = {
        name: definition.get("description", "")
        for name, (_, definition) in current.class_defs().items()
        if definition.get("x-python-handwritten")
    }
    outputs.update(Renderer(package, handwritten_docs).files())
    return dict(sorted(outputs.items()))
