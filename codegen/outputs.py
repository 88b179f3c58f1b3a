"""Every generated file, as {repo-relative path: text}."""

from __future__ import annotations

import json
from pathlib import Path

from .evolution import CHANGELOG, changelog
from .parse import VersionParser, dump
from .publish import BUNDLE_NAME, Publisher, generated
from .render import PACKAGE, Renderer
from .runtime import runtime
from .sources import load_all, load_limits, load_vocabulary


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


def _patterns(node: object) -> list[str]:
    """Every `pattern` of a published document (the only regex keyword the schemas use)."""
    if isinstance(node, dict):
        own = [node["pattern"]] if isinstance(node.get("pattern"), str) else []
        return own + [p for value in node.values() for p in _patterns(value)]
    if isinstance(node, list):
        return [p for item in node for p in _patterns(item)]
    return []


def catalog(schema_root: Path, bundle_ids: dict[str, str]) -> dict[str, object] | None:
    """The SchemaStore catalog of the bundles, from schema/catalog.json (absent in fixtures)."""
    entry_file = schema_root / "catalog.json"
    if not entry_file.exists():
        return None
    entry = {k: v for k, v in json.loads(entry_file.read_text(encoding="utf-8")).items()
             if not k.startswith("$")}
    current = list(bundle_ids)[-1]
    entry.update(url=bundle_ids[current], versions=bundle_ids)
    return {
        "$schema": "https://json.schemastore.org/schema-catalog.json",
        "version": 1,
        "schemas": [entry],
    }


def shipped_vocabulary(schema_root: Path) -> dict[str, object]:
    """schema/vocabulary.json as shipped: other validators register its keywords (ajv)."""
    doc = json.loads((schema_root / "vocabulary.json").read_text(encoding="utf-8"))
    note = doc.pop("$comment", "")
    return {"$comment": f"{generated('schema/vocabulary.json')} {note}".strip(), **doc}


def generate_all(repo: Path) -> dict[str, str]:
    schema_root = repo / "schema"
    versions = load_all(schema_root)
    vocabulary = load_vocabulary(schema_root)
    limits = load_limits(schema_root)
    outputs: dict[str, str] = {}
    bundle_ids: dict[str, str] = {}
    published_by_version: dict[str, dict[str, dict[str, object]]] = {}
    for source in versions:
        published = published_by_version[source.version] = Publisher(source, limits).publish()
        bundle_ids[source.version] = published[BUNDLE_NAME]["$id"]
        unknown = _vendor_keywords(published, set()) - vocabulary
        if unknown:
            raise SystemExit(
                f"schema/{source.version} uses keywords missing from schema/vocabulary.json: "
                f"{sorted(unknown)}"
            )
        ecma = runtime("_validation.ecma_regex")
        for pattern in _patterns(published):  # one that the engines read alike, or none
            try:
                ecma.translate(pattern)
            except ecma.UnsupportedPattern as error:
                raise SystemExit(f"schema/{source.version}: {error}") from None
        for name, doc in {**published, **source.data_files}.items():
            outputs[f"{PACKAGE}/_schemas/{source.version}/{name}"] = dump(doc)
    outputs[f"{PACKAGE}/_schemas/vocabulary.json"] = dump(shipped_vocabulary(schema_root))
    entries = catalog(schema_root, bundle_ids)
    if entries is not None:
        outputs[f"{PACKAGE}/_schemas/catalog.json"] = dump(entries)
    current = versions[-1]
    package = VersionParser(current).package()
    outputs.update(Renderer(package, limits).files())
    outputs[CHANGELOG] = changelog(versions, published_by_version)
    return dict(sorted(outputs.items()))
